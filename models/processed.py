"""Everything gbdocs reads from one PDF, as one record; and what a run keeps of it in memory."""

from __future__ import annotations

from models.document import Document, DocumentStatus
from models.paragraph import Paragraph
from models.record import record
from models.tags import Reference, Request


@record
class ProcessedPaper:
    document: Document
    paragraphs: tuple[Paragraph, ...]
    references: tuple[Reference, ...]
    requests: tuple[Request, ...]
    search_texts: tuple[str, ...] = ()  # per paragraph, as the full-text index reads it; filled by ingestion

    def __post_init__(self) -> None:
        doc_id = self.document.doc_id
        for item in (*self.paragraphs, *self.references, *self.requests):
            if item.doc_id != doc_id:
                raise ValueError(f"{item} does not belong to {doc_id}")
        if self.search_texts and len(self.search_texts) != len(self.paragraphs):
            raise ValueError(f"{doc_id}: {len(self.search_texts)} search texts for {len(self.paragraphs)} paragraphs")


@record
class PaperSummary:
    """A processed paper in a few fields: a run holds these for every paper, and the papers themselves
    one at a time. `doc_id` and `notes` are the run's (a doc_id made unique, the paths of copies);
    `stored_id` names the stored paper, which may carry another doc_id."""

    stored_id: str
    doc_id: str
    source_file: str
    sha256: str
    symbol: str
    language: str
    status: DocumentStatus
    pages: int
    has_blocks: bool
    paragraphs: int
    references: int
    requests: int
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, paper: ProcessedPaper, stored_id: str) -> PaperSummary:
        document = paper.document
        return cls(
            stored_id=stored_id,
            doc_id=document.doc_id,
            source_file=document.source_file,
            sha256=document.sha256,
            symbol=document.cover.symbol,
            language=document.language,
            status=document.status,
            pages=len(document.pages),
            has_blocks=bool(document.blocks),
            paragraphs=len(paper.paragraphs),
            references=len(paper.references),
            requests=len(paper.requests),
        )
