"""Every kind of file a shared folder holds, in one run: clear failures, documented statuses, nothing lost."""

from __future__ import annotations

import csv
import shutil

import pytest
from typer.testing import CliRunner

from corpus_data import CORPUS, ROOT
from flows.cli import EXIT_SOME_FAILED, app
from paper_factory import make_paper

pytestmark = pytest.mark.slow
runner = CliRunner()


def table(out, name):
    with open(out / f"{name}.csv", encoding="utf-8-sig") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def shared_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shared")
    good = CORPUS / "libreoffice" / "sourcebook-summary.zh.pdf"
    shutil.copy(good, folder / "执行摘要 final copy.pdf")  # spaces and Chinese in the name
    shutil.copy(good, folder / "执行摘要 副本.pdf")  # a duplicate: the same bytes, a name sorting after
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "truncated.pdf").write_bytes(good.read_bytes()[:5000])
    (folder / "random.pdf").write_bytes(bytes((i * 7919) % 256 for i in range(4096)))
    (folder / "download.pdf").write_text("<!DOCTYPE html><html><body>Session expired</body></html>")
    make_paper(folder / "locked.pdf", ["Confidential."], password="secret")
    shutil.copy(CORPUS / "scanned" / "1971-10-25_GA_Resolution_2758_ru.pdf", folder / "scan.pdf")
    shutil.copy(ROOT / "tests" / "fixtures" / "sourcebook-summary-no-tounicode.zh.pdf", folder / "cid.pdf")
    make_paper(folder / "long.pdf", ["The Governing Body requests the Secretary to report."], symbol="IT/GB-7/17/30", pages=500)
    make_paper(folder / "french.pdf", ["L'Organe directeur prie le Secrétaire de faire rapport à la dixième session.",
                                       "Les Parties contractantes sont invitées à examiner la décision."], symbol="IT/GB-7/17/19")
    for revision in ("", "/Rev.1", "/Corr.1", "/Add.1"):
        make_paper(folder / f"revision{revision.replace('/', '-')}.pdf",
                   [f"This document{revision or ''} reports on cooperation."], symbol=f"IT/GB-7/17/31{revision}")
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--no-ocr"])
    return folder, out, result


def test_bad_files_are_failures_with_reasons_and_the_others_land(shared_folder):
    folder, out, result = shared_folder
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert ("14 documents, 1 duplicate files skipped (0 from cache): 7 ok, 0 ocr, 1 needs_ocr, 1 unmapped_glyphs, "
            "5 failed;") in result.output  # every status, adding up to the documents
    failures = {row["source_file"].rsplit("/", 1)[1]: (row["error_type"], row["message"]) for row in table(out, "failures")}
    assert failures == {
        "download.pdf": ("UnreadablePdf", "the file is an HTML page: it does not start with %PDF-"),
        "empty.pdf": ("UnreadablePdf", "the file is empty"),
        "locked.pdf": ("UnreadablePdf", "the PDF is protected by a password"),
        "random.pdf": ("UnreadablePdf", "the file is not a PDF: it does not start with %PDF-"),
        "truncated.pdf": ("UnreadablePdf", "the PDF is damaged (PSEOF: Unexpected EOF)"),
    }


def test_documented_statuses(shared_folder):
    _, out, _ = shared_folder
    documents = {row["source_file"].rsplit("/", 1)[1]: row for row in table(out, "documents")}
    assert documents["scan.pdf"]["status"] == "needs_ocr" and "tesseract-ocr" in documents["scan.pdf"]["warnings"]
    assert documents["cid.pdf"]["status"] == "unmapped_glyphs"
    assert (documents["long.pdf"]["status"], documents["long.pdf"]["pages"]) == ("ok", "500")
    french = documents["french.pdf"]
    assert (french["language"], french["status"]) == ("fr", "ok") and "'fr'" in french["warnings"]
    assert documents["执行摘要 final copy.pdf"]["doc_id"] == "执行摘要 final copy@zh"
    assert "执行摘要 副本.pdf" not in documents  # processed once
    assert "the same file is also at" in documents["执行摘要 final copy.pdf"]["warnings"]


def test_revisions_are_distinct_documents_linked_to_their_base(shared_folder):
    _, out, _ = shared_folder
    rows = {row["doc_id"]: (row["base_symbol"], row["revision"]) for row in table(out, "documents") if "7/17/31" in row["symbol"]}
    assert rows == {
        "IT/GB-7/17/31@en": ("IT/GB-7/17/31", ""),
        "IT/GB-7/17/31/Rev.1@en": ("IT/GB-7/17/31", "Rev.1"),
        "IT/GB-7/17/31/Corr.1@en": ("IT/GB-7/17/31", "Corr.1"),
        "IT/GB-7/17/31/Add.1@en": ("IT/GB-7/17/31", "Add.1"),
    }


def test_a_document_over_its_time_limit_is_given_up(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    make_paper(folder / "long.pdf", ["A long report."], symbol="IT/GB-7/17/32", pages=500)
    make_paper(folder / "short.pdf", ["A short report."], symbol="IT/GB-7/17/33")
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--no-ocr", "--time-limit", "0.2"])
    assert result.exit_code == EXIT_SOME_FAILED
    [failure] = table(tmp_path / "out", "failures")
    assert failure["error_type"] == "TimeLimitExceeded" and failure["message"].startswith("stopped after")
    assert "of 500" in failure["message"]
