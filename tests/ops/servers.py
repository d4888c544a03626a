"""Real servers for the operations tests: gunicorn with production settings,
Debian's nginx with deploy/nginx/proxy.conf, and a TCP relay in front of
PostgreSQL that can refuse or swallow connections (an outage, a database
that accepts but never answers).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SECRET = "ops-test-key-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


def fetch(
    url: str,
    *,
    method: str = "GET",
    data: bytes | None = None,
    timeout: float = 15,
    headers: dict[str, str] | None = None,
) -> Answer:
    # Only the loopback addresses of servers started here.
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})  # noqa: S310
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
            status, found = response.status, response.headers
    except urllib.error.HTTPError as error:
        body, status, found = error.read(), error.code, error.headers
    return Answer(
        status, {k.lower(): v for k, v in found.items()}, body, time.monotonic() - started
    )


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env.update(
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL="0",
        DATABASE_URL=database_url,
        TRUSTED_PROXY_COUNT="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@dataclass
class Process:
    args: list[str]
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen | None = None

    def start(self) -> None:
        handle = self.log.open("ab")
        self.popen = subprocess.Popen(  # noqa: S603 (fixed arguments)
            self.args,
            cwd=ROOT,
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()


def wait_until_healthy(url: str, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if fetch(url + "/healthz", timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not become healthy")


def gunicorn(env: dict[str, str], log: Path, port: int, workers: int = 2) -> Process:
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
    process = Process([sys.executable, "-m", "gunicorn", "cas_directory.wsgi"], env, log)
    process.start()
    wait_until_healthy(f"http://127.0.0.1:{port}")
    return process


def nginx(prefix: Path, port: int, upstreams: list[int], static_root: Path) -> Process:
    """Debian's nginx with the repository's proxy.conf, in front of `upstreams`."""
    for folder in ("tmp", "logs"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    (prefix / "static").unlink(missing_ok=True)
    (prefix / "static").symlink_to(static_root)
    servers = "\n".join(f"server 127.0.0.1:{upstream};" for upstream in upstreams)
    (prefix / "nginx.conf").write_text(
        f"""daemon off; worker_processes 2; pid nginx.pid; error_log stderr error; user root;
events {{ worker_connections 2048; }}
http {{
  include /etc/nginx/mime.types;
  client_body_temp_path tmp/body; proxy_temp_path tmp/proxy; fastcgi_temp_path tmp/fcgi;
  uwsgi_temp_path tmp/uwsgi; scgi_temp_path tmp/scgi;
  upstream cas_web {{ {servers} }}
  server {{ listen 127.0.0.1:{port}; include {ROOT / "deploy/nginx/proxy.conf"}; }}
}}
"""
    )
    process = Process(
        [NGINX, "-p", str(prefix), "-c", "nginx.conf"], dict(os.environ), prefix / "nginx.log"
    )
    process.start()
    wait_until_healthy(f"http://127.0.0.1:{port}")
    return process


@dataclass
class Relay:
    """A TCP relay to PostgreSQL whose mode a test switches: "pass", "refuse"
    (nothing listens: an outage) or "swallow" (accepts, never answers)."""

    target: tuple[str, int]
    port: int = field(default_factory=free_port)
    mode: str = "pass"
    _listener: socket.socket | None = None
    _open: list[socket.socket] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                self._open.append(client)
            if self.mode == "swallow":
                continue
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._open.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        with self._lock:
            for end in self._open:
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
            self._open.clear()

    def refuse(self) -> None:
        self.mode = "refuse"
        if self._listener:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        self.cut()

    def swallow(self) -> None:
        if self._listener is None:
            self.start()
        self.cut()
        self.mode = "swallow"

    def restore(self) -> None:
        self.cut()
        self.mode = "pass"
        if self._listener is None:
            self.start()

    def stop(self) -> None:
        self.refuse()


@contextmanager
def workspace() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="cas-ops-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
