"""Faults: a run killed in the middle, and two runs into one folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from corpus_data import CORPUS, ROOT
from flows.lock import output_lock
from flows.run_record import output_files
from paper_factory import make_paper

pytestmark = pytest.mark.slow


def papers(folder: Path) -> Path:
    folder.mkdir()
    stamp = uuid.uuid4().hex
    for producer, stem in (("libreoffice", "it-gb-7-17-19.zh"), ("libreoffice", "it-gb-7-17-19.en"),
                           ("fpdf2", "sourcebook-summary.zh")):
        target = folder / f"{producer}-{stem}.pdf"
        shutil.copy(CORPUS / producer / f"{stem}.pdf", target)
        with open(target, "ab") as stream:
            stream.write(f"\n%{stamp}\n".encode())
    make_paper(folder / "long.pdf", [f"Report {stamp}."], symbol="IT/GB-7/17/34", pages=500)
    return folder


def gbdocs_run(folder: Path, out: Path, home: Path) -> subprocess.Popen:
    environment = {**os.environ, "PREFECT_HOME": str(home)}
    environment.pop("PREFECT_API_URL", None)
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(folder), "--out", str(out), "--no-ocr"],
                            cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def prefect_servers_started_by(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children
            if b"prefect\x00server\x00start" in Path(f"/proc/{child}/cmdline").read_bytes()]


def ended_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":  # ended; its parent is gone, so init reaps it
            return True
        time.sleep(0.2)
    return False


def test_a_run_killed_in_the_middle_is_completed_by_the_next(tmp_path):
    folder = papers(tmp_path / "papers")
    home = tmp_path / "home"
    first = gbdocs_run(folder, tmp_path / "out", home)
    storage = home / "storage"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (storage.exists() and any(storage.iterdir())):
        time.sleep(0.2)  # until the first document's result is kept
    assert first.poll() is None, "the run ended before it could be killed"
    [server] = prefect_servers_started_by(first.pid)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert not (tmp_path / "out" / "documents.csv").exists()  # killed before writing any table
    assert ended_within(server, seconds=30), "the run's Prefect server outlived it"

    again = gbdocs_run(folder, tmp_path / "out", home)
    assert again.wait(timeout=300) == 0, again.stdout.read().decode()
    assert "4 documents (" in again.stdout.read().decode()
    reference = gbdocs_run(folder, tmp_path / "reference", tmp_path / "other-home")
    assert reference.wait(timeout=300) == 0
    assert output_files(tmp_path / "out") == output_files(tmp_path / "reference")
    assert not list((tmp_path / "out").rglob(".*.tmp"))


def test_a_second_run_into_the_same_folder_refuses(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    make_paper(folder / "one.pdf", ["A report."], symbol="IT/GB-7/17/35")
    out = tmp_path / "out"
    with output_lock(out):  # another run is writing
        started = time.monotonic()
        refused = gbdocs_run(folder, out, tmp_path / "home")
        output = refused.communicate(timeout=120)[0].decode()
        assert refused.returncode == 4
        assert f"another gbdocs run (pid {os.getpid()}) is writing to {out}/" in output
        assert time.monotonic() - started < 30  # refused at once, before Prefect starts
    allowed = gbdocs_run(folder, out, tmp_path / "home")
    assert allowed.wait(timeout=120) == 0
    assert (out / "documents.csv").exists()


def test_a_pair_whose_cross_check_fails_is_one_failure_and_the_rest_of_its_batch_lands(tmp_path, monkeypatch):
    import csv

    from typer.testing import CliRunner

    import flows.ingest
    from flows.cli import EXIT_SOME_FAILED, app

    stamp = uuid.uuid4().hex
    for folder in ("first", "second"):
        for stem in ("it-gb-7-17-19.zh", "it-gb-7-17-19.en"):
            target = tmp_path / "papers" / folder / f"{stem}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(CORPUS / "libreoffice" / f"{stem}.pdf", target)
            with open(target, "ab") as stream:
                stream.write(f"\n%{stamp} {folder}\n".encode())

    def failing_for_the_second_pair(twins):
        if twins.pair_id.endswith("~2"):
            raise ValueError("planted failure")
        return real_twin_report(twins)

    real_twin_report = flows.ingest.twin_report
    monkeypatch.setattr(flows.ingest, "twin_report", failing_for_the_second_pair)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "papers"), "--out", str(out), "--no-ocr"])

    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert "1 twins cross-checked" in result.output
    failures = list(csv.DictReader((out / "failures.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(f["source_file"], f["stage"], f["error_type"], f["message"]) for f in failures] == [
        ("IT/GB-7/17/19~2", "cross-check", "ValueError", "planted failure")]
    assert sorted(path.name for path in (out / "reports").iterdir()) == ["IT-GB-7-17-19~1.html"]
    alignments = list(csv.DictReader((out / "alignments.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {row["pair_id"] for row in alignments} == {"IT/GB-7/17/19~1"}
