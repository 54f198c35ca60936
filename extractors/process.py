"""One PDF, start to finish: extract, segment, tag."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from extractors.extract import extract_pdf
from extractors.structure import segment
from extractors.tagging import tag
from models.processed import ProcessedPaper


def process_pdf(path: Path, *, ocr: bool = True, time_limit: float | None = None) -> ProcessedPaper:
    document = extract_pdf(path, ocr=ocr, time_limit=time_limit)
    paragraphs = segment(document)
    references, requests = tag(document, paragraphs)
    return ProcessedPaper(document, tuple(paragraphs), tuple(references), tuple(requests))


def renamed(paper: ProcessedPaper, doc_id: str, warning: str) -> ProcessedPaper:
    """The same paper under another doc_id (two papers of a run printed the same symbol)."""
    document = dataclasses.replace(with_warning(paper, warning).document, doc_id=doc_id)
    return ProcessedPaper(
        document,
        tuple(dataclasses.replace(p, doc_id=doc_id) for p in paper.paragraphs),
        tuple(dataclasses.replace(r, doc_id=doc_id, para_id=f"{doc_id}#{r.locator}") for r in paper.references),
        tuple(dataclasses.replace(q, doc_id=doc_id, para_id=f"{doc_id}#{q.locator}") for q in paper.requests),
    )


def with_warning(paper: ProcessedPaper, warning: str) -> ProcessedPaper:
    document = dataclasses.replace(paper.document, warnings=paper.document.warnings + (warning,))
    return dataclasses.replace(paper, document=document)
