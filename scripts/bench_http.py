"""The HTTP side of `make bench`: plain HTTP/1.1 over loopback, no client library.

A hand-written client rather than `ab` or `wrk`, which the build machines lack:
asyncio keeps 16 keep-alive connections busy from one process, and every
request is parsed only as far as its headers and Content-Length.
"""

import asyncio
import statistics
import time
from dataclasses import dataclass


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def _request(path: str, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: keep-alive"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def _read(reader: asyncio.StreamReader) -> Reply:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", ""):
        raise RuntimeError("chunked responses are not expected from these pages")
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return Reply(int(status_line.split()[1]), headers, body)


class Connection:
    """One keep-alive connection, reopened whenever the server closes it."""

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            try:
                self.writer.write(_request(path, headers))
                await self.writer.drain()
                reply = await _read(self.reader)  # type: ignore[arg-type]  # set with the writer
            except (asyncio.IncompleteReadError, ConnectionError):
                self.close()
                if attempt == 2:
                    raise
                continue
            if reply.headers.get("connection", "").lower() == "close":
                self.close()
            return reply
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> Reply:
    async def once() -> Reply:
        connection = Connection(port)
        try:
            return await connection.get(path, headers)
        finally:
            connection.close()

    return asyncio.run(once())


def latencies(port: int, path: str, repeat: int, warmup: int = 2) -> list[float]:
    """Milliseconds for `repeat` requests one after another on one connection."""

    async def run() -> list[float]:
        connection = Connection(port)
        timings = []
        try:
            for number in range(warmup + repeat):
                began = time.perf_counter()
                reply = await connection.get(path)
                if reply.status != 200:
                    raise SystemExit(f"{path} answered {reply.status}")
                if number >= warmup:
                    timings.append((time.perf_counter() - began) * 1000)
        finally:
            connection.close()
        return timings

    return asyncio.run(run())


def throughput(port: int, path: str, seconds: float, connections: int = 16) -> float:
    """Requests a second with `connections` clients asking as fast as answers come."""

    async def client(deadline: float) -> int:
        connection = Connection(port)
        done = 0
        try:
            while time.perf_counter() < deadline:
                reply = await connection.get(path)
                if reply.status != 200:
                    raise SystemExit(f"{path} answered {reply.status} under load")
                done += 1
        finally:
            connection.close()
        return done

    async def run() -> float:
        began = time.perf_counter()
        counts = await asyncio.gather(*(client(began + seconds) for _ in range(connections)))
        return sum(counts) / (time.perf_counter() - began)

    return asyncio.run(run())


def summary(timings: list[float]) -> tuple[float, float]:
    """Median and 99th percentile."""
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
