"""The ingestion flow's caching by content, byte-identical reruns, and the Dask task runner."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_data import CORPUS
from flows import ingest
from flows.cli import TaskRunnerName, app, chosen_runner
from flows.lock import LOCK_FILE
from flows.run_record import output_files

pytestmark = pytest.mark.slow
runner = CliRunner()
PAPERS = {
    "IT-GB-7-17-19.zh.pdf": CORPUS / "libreoffice" / "it-gb-7-17-19.zh.pdf",
    "IT-GB-7-17-19.en.pdf": CORPUS / "fpdf2" / "it-gb-7-17-19.en.pdf",
    "sourcebook.pdf": CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf",
}


def unique_copies(folder: Path) -> Path:
    """The papers with a comment after %%EOF that no other test shares: no cache answers for them."""
    folder.mkdir()
    stamp = uuid.uuid4().hex
    for name, source in PAPERS.items():
        shutil.copy(source, folder / name)
        with open(folder / name, "ab") as stream:
            stream.write(f"\n%gbdocs-test {stamp}\n".encode())
    return folder


def run(folder: Path, out: Path, *options: str) -> str:
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--no-ocr", *options])
    assert result.exit_code == 0, result.output
    return result.output


def modified(out: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file() and path.name != LOCK_FILE}


def test_a_run_with_nothing_changed_is_up_to_date_and_writes_nothing(tmp_path):
    papers, out = unique_copies(tmp_path / "papers"), tmp_path / "out"
    run(papers, out)
    before = modified(out)
    again = run(papers, out)
    assert again.startswith("up to date") and "3 documents (0 from cache): 3 ok" in again  # the last run's summary
    assert modified(out) == before

    os.utime(papers / "sourcebook.pdf")  # touched: same bytes, newer time
    assert run(papers, out).startswith("up to date")

    (out / "requests.csv").write_text("edited in Excel", encoding="utf-8")  # an output changed: written again
    rerun = run(papers, out)
    assert "up to date" not in rerun and "3 documents (3 from cache): 3 ok" in rerun
    assert "Secretary" in (out / "requests.csv").read_text(encoding="utf-8-sig")

    assert "3 documents (3 from cache)" in run(papers, out, "--force")
    assert "up to date" not in run(papers, out, "--time-limit", "300")  # other settings: another run


def test_an_unchanged_corpus_is_not_recomputed_and_gives_identical_files(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "TASKS_AT_LEAST", 1)  # the three papers in one task: each is still cached alone
    papers = unique_copies(tmp_path / "papers")
    first = run(papers, tmp_path / "first")
    assert "3 documents (0 from cache): 3 ok" in first
    second = run(papers, tmp_path / "second")
    assert "3 documents (3 from cache): 3 ok" in second
    assert output_files(tmp_path / "first") == output_files(tmp_path / "second")
    assert {name.rsplit(".", 1)[1] for name in output_files(tmp_path / "first")} == {"csv", "parquet", "sqlite", "html", "tmx"}
    assert "reports/IT-GB-7-17-19.html" in output_files(tmp_path / "first")  # the twins were paired and cross-checked

    with open(papers / "sourcebook.pdf", "ab") as stream:  # one file changes
        stream.write(b"%edited\n")
    third = run(papers, tmp_path / "second")
    assert "3 documents (2 from cache): 3 ok" in third

    (papers / "IT-GB-7-17-19.en.pdf").unlink()  # one file is gone: its rows go with it
    fourth = run(papers, tmp_path / "second")
    assert "2 documents (2 from cache)" in fourth
    documents = (tmp_path / "second" / "documents.csv").read_text(encoding="utf-8-sig")
    assert "IT/GB-7/17/19@en" not in documents and "IT/GB-7/17/19@zh" in documents
    assert "IT/GB-7/17/19@en" not in (tmp_path / "second" / "paragraphs.csv").read_text(encoding="utf-8-sig")


def test_the_dask_task_runner_with_two_workers_gives_the_same_tables(tmp_path):
    threads = unique_copies(tmp_path / "threads")
    dask = unique_copies(tmp_path / "dask")
    run(threads, tmp_path / "threads-out")
    output = run(dask, tmp_path / "dask-out", "--task-runner", "dask", "--dask-workers", "2")
    assert "3 documents (0 from cache): 3 ok" in output
    by_threads, by_dask = output_files(tmp_path / "threads-out"), output_files(tmp_path / "dask-out")
    # documents.* and the database hold each file's path and hash; every other table must be equal
    for name in by_threads:
        if not name.startswith(("documents", "gbdocs")):
            assert by_threads[name] == by_dask[name], name


def test_the_local_dask_workers_run_without_dasks_profiler():
    with chosen_runner(TaskRunnerName.DASK, None, 2) as dask_runner:
        callbacks = dask_runner.client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))
    assert len(callbacks) == 2
    for names in callbacks.values():
        assert "heartbeat" in names and "profile" not in names and "profile-cycle" not in names
