"""One PDF, start to finish: extract, segment, tag."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from extractors.document_kind import described
from extractors.extract import DEFAULT_ENGINE, extract_pdf
from extractors.search_text import indexed_text
from extractors.structure import segment
from extractors.tagging import tag
from models.processed import PaperSummary, ProcessedPaper


def process_pdf(
    path: Path, *, ocr: bool = True, time_limit: float | None = None, engine: str = DEFAULT_ENGINE
) -> ProcessedPaper:
    document = extract_pdf(path, ocr=ocr, time_limit=time_limit, engine=engine)
    paragraphs = segment(document)
    document = described(document, paragraphs)
    references, requests = tag(document, paragraphs)
    return ProcessedPaper(document, tuple(paragraphs), tuple(references), tuple(requests))


def indexed(paper: ProcessedPaper) -> ProcessedPaper:
    """The paper with each paragraph's text as the full-text index reads it (Chinese cut into words)."""
    return dataclasses.replace(paper, search_texts=tuple(indexed_text(p.text) for p in paper.paragraphs))


def as_listed(paper: ProcessedPaper, summary: PaperSummary) -> ProcessedPaper:
    """The paper as a run lists it: the run's file (a cached result names the file that first had
    those bytes), under the run's doc_id, with the run's notes among its warnings."""
    if summary.source_file != paper.document.source_file:
        paper = dataclasses.replace(paper, document=dataclasses.replace(paper.document, source_file=summary.source_file))
    if summary.doc_id != paper.document.doc_id:
        paper = renamed(paper, summary.doc_id)
    for note in summary.notes:
        paper = with_warning(paper, note)
    return paper


def renamed(paper: ProcessedPaper, doc_id: str) -> ProcessedPaper:
    """The same paper under another doc_id (two papers of a run printed the same symbol)."""
    document = dataclasses.replace(paper.document, doc_id=doc_id)
    return dataclasses.replace(
        paper,
        document=document,
        paragraphs=tuple(dataclasses.replace(p, doc_id=doc_id) for p in paper.paragraphs),
        references=tuple(dataclasses.replace(r, doc_id=doc_id, para_id=f"{doc_id}#{r.locator}") for r in paper.references),
        requests=tuple(dataclasses.replace(q, doc_id=doc_id, para_id=f"{doc_id}#{q.locator}") for q in paper.requests),
    )


def with_warning(paper: ProcessedPaper, warning: str) -> ProcessedPaper:
    document = dataclasses.replace(paper.document, warnings=paper.document.warnings + (warning,))
    return dataclasses.replace(paper, document=document)
