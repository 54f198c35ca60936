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


def test_a_run_killed_in_the_middle_is_completed_by_the_next(tmp_path):
    folder = papers(tmp_path / "papers")
    home = tmp_path / "home"
    first = gbdocs_run(folder, tmp_path / "out", home)
    storage = home / "storage"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (storage.exists() and any(storage.iterdir())):
        time.sleep(0.2)  # until the first document's result is kept
    assert first.poll() is None, "the run ended before it could be killed"
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert not (tmp_path / "out" / "documents.csv").exists()  # killed before writing any table

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
