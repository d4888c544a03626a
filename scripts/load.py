"""Load run against a running site: C connections for S seconds, each asking
the given paths in turn over keep-alive, then prints requests per second,
the median and 99th percentile latency and the errors (anything but 200, or
a failed connection). Nothing is asserted: this prints numbers
(tests/ops/test_two_instances.py asserts on them).

    python scripts/load.py http://127.0.0.1:8080 --connections 64 --seconds 60 \
        / /search/?q=legal /counties/fresno/ /healthz
"""

import argparse
import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def summary(self) -> str:
        errors = sum(self.errors.values())
        return (
            f"{self.requests} requests in {self.seconds:.1f} s: "
            f"{self.requests / self.seconds:.1f} req/s, "
            f"p50 {statistics.median(self.latencies or [0]) * 1000:.0f} ms, "
            f"p99 {self.percentile(0.99) * 1000:.0f} ms, errors {errors}"
            + (f" {self.errors}" if errors else "")
        )


def _worker(base: str, paths: list[str], stop: float, result: Result, lock: threading.Lock):
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    turn = 0
    while time.monotonic() < stop:
        path = paths[turn % len(paths)]
        turn += 1
        started = time.monotonic()
        try:
            connection.request("GET", path, headers={"Host": "localhost"})
            response = connection.getresponse()
            response.read()
            outcome = None if response.status == 200 else str(response.status)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException) as error:
            outcome = type(error).__name__
            connection.close()
        elapsed = time.monotonic() - started
        with lock:
            if outcome is None:
                result.latencies.append(elapsed)
            else:
                result.errors[outcome] = result.errors.get(outcome, 0) + 1
    connection.close()


def run(base: str, paths: list[str], connections: int, seconds: float) -> Result:
    result, lock = Result(), threading.Lock()
    started = time.monotonic()
    stop = started + seconds
    threads = [
        threading.Thread(target=_worker, args=(base, paths, stop, result, lock))
        for _ in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8080")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    arguments = parser.parse_args()
    print(run(arguments.base, arguments.paths, arguments.connections, arguments.seconds).summary())


if __name__ == "__main__":
    main()
