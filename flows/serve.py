"""Serve the ingestion flow on a schedule.

With `PREFECT_API_URL` set, the deployment registers with that server (for instance one on
PostgreSQL). Without it, a local Prefect server is started and supervised for as long as the
deployment is served: SQLite under a project-local PREFECT_HOME, bound to 127.0.0.1, its UI included.
"""

from __future__ import annotations

import os
from pathlib import Path

from flows.ingest import ingest
from flows.local_server import prefect_api

DEPLOYMENT = "gbdocs-ingest"


def serve(paths: list[Path], out: Path, cron: str, ocr: bool, engine: str, home: Path, port: int) -> None:
    """Register the deployment on `cron` and run its flow runs until interrupted (Ctrl-C)."""
    parameters = {
        "paths": [str(path.resolve()) for path in paths], "out": str(out.resolve()), "ocr": ocr, "engine": engine,
    }
    started_here = not os.environ.get("PREFECT_API_URL")
    with prefect_api(home, port):
        if started_here:
            print(f"Prefect server and UI on http://127.0.0.1:{port} (data in {home})", flush=True)
        ingest.serve(name=DEPLOYMENT, cron=cron, parameters=parameters)
