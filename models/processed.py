"""Everything gbdocs reads from one PDF, as one record."""

from __future__ import annotations

from dataclasses import dataclass

from models.document import Document
from models.paragraph import Paragraph
from models.tags import Reference, Request


@dataclass(frozen=True, slots=True)
class ProcessedPaper:
    document: Document
    paragraphs: tuple[Paragraph, ...]
    references: tuple[Reference, ...]
    requests: tuple[Request, ...]

    def __post_init__(self) -> None:
        doc_id = self.document.doc_id
        for record in (*self.paragraphs, *self.references, *self.requests):
            if record.doc_id != doc_id:
                raise ValueError(f"{record} does not belong to {doc_id}")
