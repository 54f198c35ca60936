"""`gbdocs serve` against a real Prefect server on loopback: schedule, a run through the API, shutdown."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from corpus_data import CORPUS, ROOT

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def as_from_a_terminal() -> None:
    """Ctrl-C's SIGINT as a terminal delivers it: a test suite started in the background (`… &` in a
    script) ignores SIGINT, and so would the command it starts."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_serve_registers_the_schedule_runs_through_the_api_and_shuts_down(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", papers / "sourcebook.pdf")
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    environment.update(PREFECT_HOME=str(tmp_path / "home"), PREFECT_RUNNER_POLL_FREQUENCY="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", str(papers), "--cron", "0 6 * * *", "--out", str(tmp_path / "out"),
         "--no-ocr", "--port", str(port)],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        preexec_fn=as_from_a_terminal,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        from prefect.client.orchestration import get_client
        from prefect.deployments import run_deployment
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings({PREFECT_API_URL: api}):
            def deployment():
                try:
                    with get_client(sync_client=True) as client:
                        return client.read_deployment_by_name("gbdocs-ingest/gbdocs-ingest")
                except Exception:  # noqa: BLE001 - not up yet
                    return None

            found = wait_for(deployment, 120, "the deployment")
            assert [schedule.schedule.cron for schedule in found.schedules] == ["0 6 * * *"]
            assert found.parameters["out"] == str(tmp_path / "out")
            flow_run = run_deployment("gbdocs-ingest/gbdocs-ingest", timeout=180)
            assert flow_run.state.is_completed(), flow_run.state
        with open(tmp_path / "out" / "paragraphs.csv", encoding="utf-8-sig") as stream:
            paragraphs = list(csv.DictReader(stream))
        assert {row["doc_id"] for row in paragraphs} == {"sourcebook@zh"} and len(paragraphs) == 52
        assert (tmp_path / "out" / "gbdocs.sqlite").exists() and (tmp_path / "out" / "requests.parquet").exists()
    finally:
        server.send_signal(signal.SIGINT)
        output = server.communicate(timeout=60)[0].decode(errors="replace")
    assert server.returncode in (0, 130), output  # a clean stop on Ctrl-C
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{api}/health", timeout=2)  # the supervised server is gone
    assert "Prefect server and UI on" in output
