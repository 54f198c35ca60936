"""Serve the ingestion flow on a schedule.

With `PREFECT_API_URL` set, the deployment registers with that server (for instance one on
PostgreSQL). Without it, a local Prefect server is started and supervised for as long as the
deployment is served: SQLite under a project-local PREFECT_HOME, bound to 127.0.0.1, its UI included.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.ingest import ingest

DEPLOYMENT = "gbdocs-ingest"
STARTUP_SECONDS = 120
SHUTDOWN_SECONDS = 30


class LocalPrefectServer:
    """`prefect server start` on 127.0.0.1, stopped (and waited for) when the block ends."""

    def __init__(self, home: Path, port: int) -> None:
        self.home = home
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def __enter__(self) -> LocalPrefectServer:
        self.home.mkdir(parents=True, exist_ok=True)
        environment = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        environment.update(PREFECT_HOME=str(self.home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=environment,
            stdout=open(self.home / "server.log", "ab"),  # noqa: SIM115 - lives as long as the server
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Prefect server stopped at start; see {self.home / 'server.log'}")
            if self.healthy():
                return self
            time.sleep(0.5)
        self.__exit__(None, None, None)
        raise RuntimeError(f"the Prefect server did not answer within {STARTUP_SECONDS} s")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=SHUTDOWN_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(paths: list[Path], out: Path, cron: str, ocr: bool, home: Path, port: int) -> None:
    """Register the deployment on `cron` and run its flow runs until interrupted (Ctrl-C)."""
    parameters = {"paths": [str(path.resolve()) for path in paths], "out": str(out.resolve()), "ocr": ocr}
    if os.environ.get("PREFECT_API_URL"):
        ingest.serve(name=DEPLOYMENT, cron=cron, parameters=parameters)
        return
    with LocalPrefectServer(home, port) as server:
        os.environ["PREFECT_API_URL"] = server.api_url  # for the flow runs, which run in child processes
        print(f"Prefect server and UI on http://127.0.0.1:{port} (data in {home})", flush=True)
        try:
            with temporary_settings({PREFECT_API_URL: server.api_url}):
                ingest.serve(name=DEPLOYMENT, cron=cron, parameters=parameters)
        finally:
            del os.environ["PREFECT_API_URL"]
