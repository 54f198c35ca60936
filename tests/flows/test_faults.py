"""Faults: a run killed in the middle, two commands into one folder, a full or read-only folder, and
cached results read by a run over other files."""

from __future__ import annotations

import csv
import inspect
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from corpus_data import CORPUS, ROOT
from flows.cli import align
from flows.lock import LOCK_FILE, output_lock
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


def gbdocs_run(folder: Path, out: Path, home: Path, *options: str) -> subprocess.Popen:
    environment = {**os.environ, "PREFECT_HOME": str(home)}
    environment.pop("PREFECT_API_URL", None)
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(folder), "--out", str(out), "--no-ocr", *options],
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
    assert "1 twins cross-checked (1 failed)" in result.output
    failures = list(csv.DictReader((out / "failures.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(f["source_file"], f["stage"], f["error_type"], f["message"]) for f in failures] == [
        ("IT/GB-7/17/19~2", "cross-check", "ValueError", "planted failure")]
    assert sorted(path.name for path in (out / "reports").iterdir()) == ["IT-GB-7-17-19~1.html"]
    alignments = list(csv.DictReader((out / "alignments.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {row["pair_id"] for row in alignments} == {"IT/GB-7/17/19~1"}


def stamped(source: Path, target: Path, stamp: str) -> Path:
    """A copy of `source` with a comment after %%EOF that no other test shares: no cache answers for it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes() + f"\n%{stamp}\n".encode())
    return target


def csv_rows(out: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader((out / f"{name}.csv").read_text(encoding="utf-8-sig").splitlines()))


def cli(*arguments: str):
    from typer.testing import CliRunner

    from flows.cli import app

    return CliRunner().invoke(app, [*arguments])


def test_cached_rows_name_the_files_of_this_run_not_of_the_run_that_cached_them(tmp_path):
    stamp = uuid.uuid4().hex
    first, second = tmp_path / "first", tmp_path / "second"
    twin = stamped(CORPUS / "libreoffice" / "it-gb-7-17-19.zh.pdf", first / "it-gb-7-17-19.zh.pdf", stamp)
    summary = stamped(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", first / "sourcebook.pdf", stamp)
    assert cli("run", str(first), "--out", str(tmp_path / "out1"), "--no-ocr").exit_code == 0
    second.mkdir()
    shutil.copy(twin, second / "it-gb-7-17-19.zh.pdf")  # a copy
    shutil.copy(summary, second / "summary renamed.pdf")  # the same bytes renamed
    shutil.copy(summary, second / "zz duplicate.pdf")  # and a duplicate of those, sorting after it

    out = tmp_path / "out2"
    result = cli("run", str(second), "--out", str(out), "--no-ocr")

    assert result.exit_code == 0, result.output
    assert "2 documents, 1 duplicate files skipped (2 from cache)" in result.output
    documents = {row["doc_id"]: row for row in csv_rows(out, "documents")}
    assert {doc_id: row["source_file"] for doc_id, row in documents.items()} == {
        "IT/GB-7/17/19@zh": str(second / "it-gb-7-17-19.zh.pdf"),
        "summary renamed@zh": str(second / "summary renamed.pdf"),  # its doc_id from this run's name too
    }
    assert f"the same file is also at {second / 'zz duplicate.pdf'}" in documents["summary renamed@zh"]["warnings"]
    assert {row["doc_id"] for row in csv_rows(out, "paragraphs")} == set(documents)
    for table in out.glob("*.csv"):  # no row names the first run's folder
        assert str(first) not in table.read_text(encoding="utf-8-sig"), table.name
    record = json.loads((out / ".gbdocs-run.json").read_text(encoding="utf-8"))
    assert {Path(entry["path"]).parent for entry in record["inputs"]} == {second.resolve()}


def server_started_by(process: subprocess.Popen, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if prefect_servers_started_by(process.pid):
            return True
        time.sleep(0.05)
    return False


def test_a_run_refused_after_the_early_check_says_one_line_and_exits_4(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    make_paper(folder / "one.pdf", ["A report."], symbol="IT/GB-7/17/37")
    out = tmp_path / "out"
    run = gbdocs_run(folder, out, tmp_path / "home")
    assert server_started_by(run, seconds=60)  # past the early check: the flow is yet to take the lock
    with output_lock(out):  # another run takes the folder meanwhile
        output = run.communicate(timeout=180)[0].decode()
    assert run.returncode == 4
    assert output == f"gbdocs: another gbdocs run (pid {os.getpid()}) is writing to {out}/: wait for it to end, or choose another --out\n"


def test_a_bad_path_an_output_that_is_a_file_or_a_held_folder_says_one_line(tmp_path):
    result = cli("run", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output == f"gbdocs: no such file or folder: {tmp_path / 'nowhere'}\n"
    aligned = cli("align", str(tmp_path / "nowhere.pdf"), str(tmp_path / "nowhere.en.pdf"))
    assert (aligned.exit_code, aligned.output) == (1, f"gbdocs: no such file or folder: {tmp_path / 'nowhere.pdf'}\n")

    make_paper(tmp_path / "one.pdf", ["A report."], symbol="IT/GB-7/17/39")
    (tmp_path / "file").write_text("not a folder")
    into_a_file = cli("run", str(tmp_path / "one.pdf"), "--out", str(tmp_path / "file"))
    assert into_a_file.exit_code == 1
    assert into_a_file.output == (
        f"gbdocs: stopped (File exists: {tmp_path / 'file'}); the tables in {tmp_path / 'file'}/ are as they were\n")

    held = tmp_path / "held"
    with output_lock(held):  # align writes under the lock a run takes
        refused = cli("align", str(tmp_path / "one.pdf"), str(tmp_path / "one.pdf"), "--out", str(held), "--no-ocr")
    assert (refused.exit_code, refused.output) == (
        4, f"gbdocs: another gbdocs run (pid {os.getpid()}) is writing to {held}/: wait for it to end, or choose another --out\n")
    assert sorted(path.name for path in held.iterdir()) == [LOCK_FILE]


@contextmanager
def small_disk(folder: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder` (needs root), unmounted afterwards."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def snapshot(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file() and not path.name.startswith(".")}


def fill(disk: Path, leave: int) -> None:
    """Write to `disk` until under `leave` bytes are free."""
    with open(disk / "filler", "wb") as filler:
        while shutil.disk_usage(disk).free > leave:
            filler.write(b"\0" * min(2**20, max(4096, shutil.disk_usage(disk).free - leave)))
            filler.flush()


def test_a_run_into_a_full_folder_fails_in_one_line_and_leaves_the_tables_as_they_were(tmp_path):
    folder = tmp_path / "papers"
    stamped(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", folder / "sourcebook.pdf", uuid.uuid4().hex)
    with small_disk(tmp_path / "disk") as disk:
        out = disk / "out"
        assert cli("run", str(folder), "--out", str(out), "--no-ocr").exit_code == 0
        before = snapshot(out)
        assert {"documents.csv", "paragraphs.parquet", "gbdocs.sqlite"} <= set(before)
        fill(disk, leave=64 * 1024)  # room for the lock, not for the tables

        result = gbdocs_run(folder, out, tmp_path / "home", "--force")
        output = result.communicate(timeout=300)[0].decode()

        assert result.returncode == 1
        assert output == (f"gbdocs: stopped (No space left on device); the tables in {out}/ are as they were\n")
        assert snapshot(out) == before
        assert not list(out.rglob(".*.tmp"))


def test_a_read_only_output_folder_fails_in_one_line_and_keeps_its_tables(tmp_path):
    folder = tmp_path / "papers"
    stamped(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", folder / "sourcebook.pdf", uuid.uuid4().hex)
    with small_disk(tmp_path / "disk") as disk:
        out = disk / "out"
        assert cli("run", str(folder), "--out", str(out), "--no-ocr").exit_code == 0
        before = snapshot(out)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)

        result = cli("run", str(folder), "--out", str(out), "--no-ocr", "--force")

        assert result.exit_code == 1
        assert result.output == (
            f"gbdocs: stopped (Read-only file system: {out / LOCK_FILE}); the tables in {out}/ are as they were\n")
        assert snapshot(out) == before


def sqlite_tables(out: Path) -> dict[str, int]:
    with sqlite3.connect(out / "gbdocs.sqlite") as database:
        names = [row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: database.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def test_align_into_a_runs_folder_adds_its_own_tables_and_leaves_the_runs_intact(tmp_path):
    stamp = uuid.uuid4().hex
    zh = stamped(CORPUS / "libreoffice" / "it-gb-7-17-19.zh.pdf", tmp_path / "papers" / "zh.pdf", stamp)
    en = stamped(CORPUS / "fpdf2" / "it-gb-7-17-19.en.pdf", tmp_path / "papers" / "en.pdf", stamp)
    out = tmp_path / "output"
    assert cli("run", str(tmp_path / "papers"), "--out", str(out), "--no-ocr").exit_code == 0
    files, tables = output_files(out), sqlite_tables(out)
    assert tables["alignments"] > 300 and tables["paragraphs_fts"] == tables["paragraphs"] > 0

    assert inspect.signature(align).parameters["out"].default == Path("aligned")  # by default a folder of its own
    aligned = cli("align", str(zh), str(en), "--out", str(out), "--no-ocr")

    assert aligned.exit_code == 0, aligned.output
    after = output_files(out)
    assert {name: after[name] for name in files if name != "gbdocs.sqlite"} == {
        name: digest for name, digest in files.items() if name != "gbdocs.sqlite"}  # every file of the run, byte for byte
    assert {"pair_alignments.csv", "pair_crosscheck.parquet", "pair/reports/IT-GB-7-17-19.html"} <= set(after)
    in_database = sqlite_tables(out)
    assert {name: in_database[name] for name in tables if name != "columns"} == {
        name: rows for name, rows in tables.items() if name != "columns"}  # every table of the run, every row
    assert in_database["pair_alignments"] == tables["alignments"]  # the same pair, aligned alike
    with sqlite3.connect(out / "gbdocs.sqlite") as database:
        described = {row[0] for row in database.execute("SELECT DISTINCT table_name FROM columns")}
        assert database.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'Treaty'").fetchone()[0] > 0
    assert {"documents", "paragraphs", "pair_alignments", "pair_crosscheck"} <= described

    rerun = cli("run", str(tmp_path / "papers"), "--out", str(out), "--no-ocr")  # the run keeps align's tables
    assert rerun.exit_code == 0 and sqlite_tables(out)["pair_alignments"] == tables["alignments"]
