"""A Prefect server of our own on 127.0.0.1, for as long as a command needs one.

Prefect's own temporary server lives in the process that starts it: worker processes (Dask's) do not
see it and each starts another, some 10 s apiece. A server started here is named in PREFECT_API_URL,
which child processes inherit.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TypeVar

Prepared = TypeVar("Prepared")
STARTUP_SECONDS = 120
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
SHUTDOWN_SECONDS = 30


class LocalPrefectServer:
    """`prefect server start` on 127.0.0.1, stopped (and waited for) when the block ends."""

    def __init__(self, home: Path, port: int, register_blocks: bool = True) -> None:
        """Without `register_blocks` the server starts ~2 s sooner: it skips checking Prefect's block
        types against its database, which imports every installed Prefect collection (Dask's among
        them). A server that only records a run needs none; one whose UI people open does."""
        self.home = home
        self.port = port
        self.register_blocks = register_blocks
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def __enter__(self) -> LocalPrefectServer:
        """Starts the server without waiting for it: `wait_until_ready` does."""
        self.home.mkdir(parents=True, exist_ok=True)
        environment = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        environment.update(PREFECT_HOME=str(self.home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        if not self.register_blocks:
            environment.update(PREFECT_API_BLOCKS_REGISTER_ON_START="false", PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION="false")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=environment,
            stdout=open(self.home / "server.log", "ab"),  # noqa: SIM115 - lives as long as the server
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the uvicorn it starts is stopped with it
            preexec_fn=stop_with_parent,
        )
        return self

    def wait_until_ready(self) -> None:
        assert self.process is not None, "the server is started by entering the block"
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Prefect server stopped at start; see {self.home / 'server.log'}")
            if self.healthy():
                return
            time.sleep(0.25)
        raise RuntimeError(f"the Prefect server did not answer within {STARTUP_SECONDS} s")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:  # the whole group has already ended
            return
        try:
            self.process.wait(timeout=SHUTDOWN_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def stop_with_parent() -> None:
    """Run in the server's process before it starts: Linux sends it SIGTERM when the process that
    started it ends, however it ends (a SIGKILLed `gbdocs run` would otherwise leave it running)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def prefect_api(
    home: Path, port: int | None = None, meanwhile: Callable[[], Prepared] = lambda: None, register_blocks: bool = True,
) -> Iterator[Prepared]:
    """The Prefect server named by PREFECT_API_URL, or one started under `home` for the block, named
    in PREFECT_API_URL for this process (its settings) and its children (their environment).

    `meanwhile` runs while the server starts, which takes some seconds (imports, say); the block
    gets what it returns. `register_blocks`: see `LocalPrefectServer`."""
    if os.environ.get("PREFECT_API_URL"):
        yield meanwhile()
        return
    with LocalPrefectServer(home, port or free_port(), register_blocks) as server:
        prepared = meanwhile()
        from prefect.settings import PREFECT_API_URL, temporary_settings

        server.wait_until_ready()
        os.environ["PREFECT_API_URL"] = server.api_url
        try:
            with temporary_settings({PREFECT_API_URL: server.api_url}):
                try:
                    yield prepared
                finally:
                    drain_prefect_services()
        finally:
            del os.environ["PREFECT_API_URL"]


def drain_prefect_services() -> None:
    """Send the logs and events Prefect still holds while the server is up: at exit, with the server
    gone, its workers would retry for a minute or more."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)
