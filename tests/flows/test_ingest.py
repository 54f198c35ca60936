"""`gbdocs run` end to end on a small folder, through Prefect's temporary server."""

from __future__ import annotations

import csv
import shutil

import pytest
from prefect.states import Completed, Failed
from typer.testing import CliRunner

from corpus_data import CORPUS
from flows.cli import EXIT_SOME_FAILED, app
from flows import ingest
from flows.ingest import in_batches, papers_per_task


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    papers = tmp_path_factory.mktemp("papers")
    shutil.copy(CORPUS / "libreoffice" / "it-gb-7-17-19.zh.pdf", papers / "IT-GB-7-17-19 中文.pdf")
    (papers / "appendix").mkdir()
    shutil.copy(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", papers / "appendix" / "sourcebook.PDF")
    (papers / "broken.pdf").write_text("<html><body>Session expired</body></html>")
    (papers / "notes.txt").write_text("not a paper")
    out = tmp_path_factory.mktemp("output")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ingest, "TASKS_AT_LEAST", 1)  # the broken file in one task with the others
        result = CliRunner().invoke(app, ["run", str(papers), "--out", str(out), "--no-ocr"])
    return result, out, papers


def read(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a BOM so that Excel reads UTF-8"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_a_broken_file_is_a_failure_row_and_the_others_land(run_output):
    result, out, papers = run_output
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert ("3 documents (0 from cache): 2 ok, 0 ocr, 0 needs_ocr, 0 unmapped_glyphs, 1 failed; 373 paragraphs, "
            "110 references, 50 requests") in result.output
    [failure] = read(out / "failures.csv")
    assert failure == {
        "source_file": str(papers / "broken.pdf"),
        "stage": "process",
        "error_type": "UnreadablePdf",
        "message": "the file is an HTML page: it does not start with %PDF-",
    }
    documents = read(out / "documents.csv")
    assert [(d["doc_id"], d["status"], d["agenda_item"]) for d in documents] == [
        ("IT/GB-7/17/19@zh", "ok", "17.1"),
        ("sourcebook@zh", "ok", ""),
    ]
    assert documents[0]["session"] == "管理机构第七届会议"


def test_blocks_footnotes_and_cells_are_written_with_chinese_intact(run_output):
    _, out, _ = run_output
    blocks = [row for row in read(out / "blocks.csv") if row["doc_id"] == "IT/GB-7/17/19@zh"]
    assert len(blocks) == 261
    [first] = [row for row in blocks if row["text"].startswith("1. 《国际条约》第 1.2 条规定")]
    offset = first["text"].index("常设议题。") + len("常设议题。")
    assert first["footnote_markers"] == f"1@{offset}"
    footnotes = read(out / "footnotes.csv")
    assert footnotes[0] == {
        "doc_id": "IT/GB-7/17/19@zh", "label": "1", "page": "1", "block_index": first["block_index"],
        "table_index": "", "offset": str(offset), "text": "第 8/2011 号决议，第 11 段",
    }
    cells = read(out / "table_cells.csv")
    assert cells[0]["text"] == "领域/预期成果" and cells[0]["header"] == "True"


def test_paragraphs_are_written_with_their_locators(run_output):
    result, out, _ = run_output
    rows = {row["para_id"]: row for row in read(out / "paragraphs.csv")}
    assert rows["IT/GB-7/17/19@zh#body/5/q4"]["kind"] == "quote"
    assert rows["IT/GB-7/17/19@zh#body/5/q4"]["number"] == "4."
    assert rows["IT/GB-7/17/19@zh#app3/op/8"]["lead_verb"] == "要求"
    assert rows["IT/GB-7/17/19@zh#body/39"]["footnotes"] == "5 6 7"
    assert rows["IT/GB-7/17/19@zh#app1/h/B/1/a"]["heading_path"] == "附录 1 > B > 1 > (a)"
    assert rows["sourcebook@zh#body/3/a"]["kind"] == "item"
    assert sum(row["doc_id"] == "IT/GB-7/17/19@zh" for row in rows.values()) == 321


def test_references_and_requests_are_written(run_output):
    _, out, _ = run_output
    references = [row for row in read(out / "references.csv") if row["locator"] == "app1/10/a"]
    assert [row["normalized"] for row in references][:4] == [f"Decision {d}" for d in ("IX/8", "X/2", "X/5", "XI/6")]
    requests = {(row["locator"], row["addressee"]): row for row in read(out / "requests.csv")}
    assert requests[("app3/op/8", "Secretary")]["condition"] == "视可获财政资源情况"
    assert requests[("body/5/q4", "Bureau")]["requester"] == "Governing Body"
    assert ("body/5/q4", "Secretariat") not in requests  # the Secretariat only supports the Bureau


def test_the_pdfium_engine_writes_the_same_tables(run_output, tmp_path):
    _, out, papers = run_output
    result = CliRunner().invoke(app, ["run", str(papers), "--out", str(tmp_path), "--no-ocr", "--engine", "pdfium"])
    assert result.exit_code == EXIT_SOME_FAILED, result.output  # the broken file, as with pdfplumber
    assert "(0 from cache)" in result.output  # its results are cached apart from pdfplumber's
    tables = sorted(path.name for path in out.glob("*.csv"))
    assert "paragraphs.csv" in tables and sorted(path.name for path in tmp_path.glob("*.csv")) == tables
    for name in tables:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
    again = CliRunner().invoke(app, ["run", str(papers), "--out", str(tmp_path), "--no-ocr"])
    assert "up to date" not in again.output  # another engine is another setting


class FinishedTask:
    """What `in_batches` reads of a Prefect future: its state, and a callback when it is done."""

    def __init__(self, items: list[int], bad: int) -> None:
        self.state = Failed(message=f"{bad} is bad") if bad in items else Completed()

    def add_done_callback(self, callback) -> None:
        callback(self)

    def wait(self) -> None:
        pass


def test_a_batch_whose_task_fails_is_submitted_again_item_by_item():
    submitted: list[list[int]] = []

    def submit(batch: list[int]) -> FinishedTask:
        submitted.append(batch)
        return FinishedTask(batch, bad=6)

    finished = [(batch, task.state.is_failed()) for batch, task in in_batches(submit, list(range(1, 11)), 4)]
    assert submitted == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10], [5], [6], [7], [8]]
    assert finished == [([1, 2, 3, 4], False), ([9, 10], False), ([5], False), ([6], True), ([7], False), ([8], False)]


def test_papers_go_four_to_a_task_unless_that_leaves_fewer_than_sixteen_tasks():
    assert [papers_per_task(count) for count in (1, 3, 31, 32, 50, 63, 64, 200, 5000)] == [1, 1, 1, 2, 3, 3, 4, 4, 4]


def test_the_run_summary_counts_every_status_and_they_add_up_to_the_documents():
    from pathlib import Path

    from flows.run_record import RunSummary
    from models import DocumentStatus
    from models.processed import PaperSummary
    from models.tables import FailureRow

    papers = [PaperSummary(f"key{n}", f"doc{n}@en", f"/p/{n}.pdf", "0" * 64, "", "en", status, 1, True, 10, 2, 1)
              for n, status in enumerate([*DocumentStatus, DocumentStatus.OK])]
    failures = [FailureRow("/p/broken.pdf", "process", "UnreadablePdf", "the file is empty"),
                FailureRow("IT/GB-7/17/19", "cross-check", "ValueError", "bad pair")]
    summary = RunSummary.of(papers, failures, duplicates=0, cached=3, twins=1, flags=4, seconds=1.0, out=Path("out"))

    assert summary.statuses == {"ok": 2, "ocr": 1, "needs_ocr": 1, "unmapped_glyphs": 1, "failed": 2}
    assert sum(summary.statuses.values()) == summary.documents == 7
    assert (summary.failures, summary.twins_failed) == (2, 1)
    assert summary.line() == ("7 documents (3 from cache): 2 ok, 1 ocr, 1 needs_ocr, 1 unmapped_glyphs, 2 failed; "
                              "60 paragraphs, 12 references, 6 requests; 1 twins cross-checked (1 failed), 4 flags; "
                              "1.0 s; tables in out/")
    assert RunSummary.from_record(summary.as_record()).line() == summary.line()
