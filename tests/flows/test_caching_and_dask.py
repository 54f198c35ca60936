"""The ingestion flow's caching by content, byte-identical reruns, and the Dask task runner."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_data import CORPUS
from flows.cli import app
from flows.lock import LOCK_FILE

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


def files(out: Path) -> dict[str, bytes]:
    tables = (path for path in sorted(out.rglob("*")) if path.is_file() and path.name != LOCK_FILE)
    return {str(path.relative_to(out)): path.read_bytes() for path in tables}


def test_an_unchanged_corpus_is_not_recomputed_and_gives_identical_files(tmp_path):
    papers = unique_copies(tmp_path / "papers")
    first = run(papers, tmp_path / "first")
    assert "3 documents (0 from cache): 3 ok" in first
    second = run(papers, tmp_path / "second")
    assert "3 documents (3 from cache): 3 ok" in second
    assert files(tmp_path / "first") == files(tmp_path / "second")
    assert {name.rsplit(".", 1)[1] for name in files(tmp_path / "first")} == {"csv", "parquet", "sqlite", "html", "tmx"}
    assert "reports/IT-GB-7-17-19.html" in files(tmp_path / "first")  # the twins were paired and cross-checked

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
    by_threads, by_dask = files(tmp_path / "threads-out"), files(tmp_path / "dask-out")
    # documents.* and the database hold each file's path and hash; every other table must be equal
    for name in by_threads:
        if not name.startswith(("documents", "gbdocs")):
            assert by_threads[name] == by_dask[name], name
