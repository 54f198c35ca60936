"""The paper store: a paper comes back as the run lists it; stale entries go; nothing is written twice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from corpus_data import CORPUS
from extractors.process import process_pdf
from flows.paper_store import PaperStore
from models.processed import PaperSummary


def test_a_stored_paper_comes_back_under_the_runs_doc_id_with_its_notes(tmp_path: Path):
    paper = process_pdf(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", ocr=False)
    store = PaperStore(tmp_path / ".papers")
    store.put("key-1", paper)
    written = store.path("key-1").stat().st_mtime_ns
    store.put("key-1", paper)
    assert store.path("key-1").stat().st_mtime_ns == written  # an unchanged paper is not written again

    summary = PaperSummary.of(paper, "key-1")
    assert store.get(summary) == paper
    listed = replace(summary, doc_id=f"{paper.document.doc_id}~1a2b3c4d", notes=("the same file is also at b.pdf",))
    again = store.get(listed)
    assert again.document.doc_id == listed.doc_id
    assert {p.doc_id for p in again.paragraphs} == {listed.doc_id}
    assert {r.para_id.split("#")[0] for r in again.requests} == {listed.doc_id}
    assert again.document.warnings[-1] == "the same file is also at b.pdf"

    store.put("key-2", paper)
    store.keep_only({"key-2"})
    assert sorted(path.name for path in (tmp_path / ".papers").iterdir()) == ["key-2.pickle"]
