"""From Document records to table rows (models.tables)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors import PIPELINE_VERSION
from models import Document
from models.paragraph import Paragraph
from models.alignment import Alignment, CrossCheck
from models.tables import (
    AlignmentRow,
    BlockRow,
    CrossCheckRow,
    DocumentRow,
    FootnoteRow,
    ParagraphRow,
    ReferenceRow,
    RequestRow,
    TableCellRow,
)
from models.processed import ProcessedPaper
from models.tags import Reference, Request


REVISION = re.compile(r"^(?P<base>.+?)(?P<revision>(?:/(?:Rev|Corr|Add|REV|CORR|ADD)\.\d+)+)$")


def document_row(document: Document) -> DocumentRow:
    cover = document.cover
    revised = REVISION.match(cover.symbol)
    return DocumentRow(
        doc_id=document.doc_id,
        symbol=cover.symbol,
        base_symbol=revised.group("base") if revised else cover.symbol,
        revision=revised.group("revision").lstrip("/") if revised else "",
        language=document.language,
        title=cover.title,
        kind=str(document.kind),
        organization=cover.organization,
        organ=cover.organ,
        distribution=cover.distribution,
        original_language=cover.original_language,
        sponsors=cover.sponsors,
        draft_symbol=cover.draft_symbol,
        agenda_item=cover.agenda_item,
        session=cover.session,
        dates=cover.dates,
        place=cover.place,
        date=cover.date,
        pages=len(document.pages),
        blocks=len(document.blocks),
        footnotes=len(document.footnotes),
        tables=len(document.tables),
        source_file=document.source_file,
        sha256=document.sha256,
        status=str(document.status),
        warnings=" | ".join(document.warnings),
        pipeline_version=PIPELINE_VERSION,
    )


def block_rows(document: Document) -> list[BlockRow]:
    return [
        BlockRow(
            doc_id=document.doc_id,
            block_index=block.index,
            page_first=block.page,
            page_last=block.page_last,
            font_size=block.size,
            bold=block.bold,
            text=block.text,
            footnote_markers=" ".join(f"{m.label}@{m.offset}" for m in block.markers),
        )
        for block in document.blocks
    ]


def footnote_rows(document: Document) -> list[FootnoteRow]:
    return [
        FootnoteRow(document.doc_id, note.label, note.page, note.block_index, note.table_index, note.offset, note.text)
        for note in document.footnotes
    ]


def table_cell_rows(document: Document) -> list[TableCellRow]:
    return [
        TableCellRow(document.doc_id, table.index, table.page, table.page_last, r, c, r < table.header_rows, text)
        for table in document.tables
        for r, row in enumerate(table.rows)
        for c, text in enumerate(row)
    ]


def paragraph_rows(paragraphs: tuple[Paragraph, ...], document: Document) -> list[ParagraphRow]:
    return [
        ParagraphRow(
            doc_id=p.doc_id,
            symbol=document.cover.symbol,
            language=document.language,
            para_id=p.para_id,
            locator=p.locator,
            part=p.part,
            heading_path=p.heading_path,
            number=p.number,
            kind=str(p.kind),
            lead_verb=p.lead_verb,
            text=p.text,
            page_first=p.page_first,
            page_last=p.page_last,
            footnotes=" ".join(p.footnotes),
            block_index=p.block_index,
        )
        for p in paragraphs
    ]


def reference_rows(references: tuple[Reference, ...]) -> list[ReferenceRow]:
    return [
        ReferenceRow(r.doc_id, r.para_id, r.locator, r.surface, str(r.kind), r.body, r.normalized, r.pinpoint, r.start, r.end)
        for r in references
    ]


def request_rows(requests: tuple[Request, ...]) -> list[RequestRow]:
    return [
        RequestRow(q.doc_id, q.para_id, q.locator, q.requester, q.addressee, str(q.verb), q.verb_printed, q.action,
                   q.condition, q.report_back, q.report_to, q.text)
        for q in requests
    ]


def alignment_rows(alignments: Sequence[Alignment]) -> list[AlignmentRow]:
    return [
        AlignmentRow(a.pair_id, a.symbol, a.zh_doc_id, a.en_doc_id, " + ".join(a.zh_para_ids), " + ".join(a.en_para_ids),
                     a.locator, str(a.method), a.score)
        for a in alignments
    ]


def crosscheck_rows(checks: Sequence[CrossCheck]) -> list[CrossCheckRow]:
    return [
        CrossCheckRow(c.pair_id, c.symbol, c.locator, c.check, c.zh_value, c.en_value, str(c.severity), c.zh_text, c.en_text)
        for c in checks
    ]


def paper_rows(paper: ProcessedPaper) -> dict[str, list]:
    """Every row one paper gives, by table name (models.tables.TABLES)."""
    document = paper.document
    return {
        "documents": [document_row(document)],
        "blocks": block_rows(document),
        "paragraphs": paragraph_rows(paper.paragraphs, document),
        "references": reference_rows(paper.references),
        "requests": request_rows(paper.requests),
        "footnotes": footnote_rows(document),
        "table_cells": table_cell_rows(document),
    }
