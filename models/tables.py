"""Table schemas: one dataclass per row of each exported table, every column described."""

from __future__ import annotations

from dataclasses import field, fields

from models.record import record


def described(description: str) -> dict[str, str]:
    return {"description": description}


@record
class DocumentRow:
    doc_id: str = field(metadata=described("symbol@language (file stem@language without a symbol); unique in a run"))
    symbol: str = field(metadata=described("document symbol from the cover or running header, e.g. IT/GB-7/17/19/Rev.1"))
    base_symbol: str = field(metadata=described("the symbol without its revision, corrigendum or addendum: IT/GB-7/17/19"))
    revision: str = field(metadata=described("Rev.1, Corr.1, Add.1 (several joined by /), or empty"))
    language: str = field(metadata=described("detected language: zh, en, fr, es, de, ru, ar, or und"))
    title: str = field(metadata=described("title as printed on the cover; a resolution's own title, never its symbol or organ"))
    kind: str = field(metadata=described("report, resolution, decision, draft_resolution, draft_decision, compilation (several decisions or resolutions) or information"))
    organization: str = field(metadata=described("organization line of the masthead: United Nations, 联合国"))
    organ: str = field(metadata=described("organ of the masthead: General Assembly, 人权理事会, Conference of the Parties"))
    distribution: str = field(metadata=described("Distr.: General or Limited"))
    original_language: str = field(metadata=described("Original: English"))
    sponsors: str = field(metadata=described("sponsors of a draft: South Africa (from `South Africa: draft resolution`)"))
    draft_symbol: str = field(metadata=described("the draft an adopted resolution names: A/80/L.1"))
    agenda_item: str = field(metadata=described("agenda item number, e.g. 17.1"))
    session: str = field(metadata=described("session line as printed, e.g. 管理机构第七届会议"))
    dates: str = field(metadata=described("meeting dates as printed"))
    place: str = field(metadata=described("meeting place as printed"))
    date: str = field(metadata=described("date of the document as printed, e.g. September 2017"))
    pages: int = field(metadata=described("number of pages"))
    blocks: int = field(metadata=described("number of body blocks"))
    footnotes: int = field(metadata=described("number of footnotes"))
    tables: int = field(metadata=described("number of ruled tables"))
    source_file: str = field(metadata=described("path of the PDF as given to the run"))
    sha256: str = field(metadata=described("SHA-256 of the PDF's bytes"))
    status: str = field(metadata=described("ok, ocr, needs_ocr, unmapped_glyphs or failed"))
    warnings: str = field(metadata=described("what the extractor noticed, separated by ' | '"))
    pipeline_version: str = field(metadata=described("version of the extraction pipeline that made the row"))


@record
class BlockRow:
    doc_id: str = field(metadata=described("the document"))
    block_index: int = field(metadata=described("position of the block in the body, from 0"))
    page_first: int = field(metadata=described("page where the block starts"))
    page_last: int = field(metadata=described("page where it ends"))
    font_size: float = field(metadata=described("font size in points"))
    bold: bool = field(metadata=described("set in bold"))
    text: str = field(metadata=described("clean text: lines joined, running heads and footnote markers removed"))
    footnote_markers: str = field(metadata=described("markers removed from the text, as label@offset, space-separated"))


@record
class ParagraphRow:
    doc_id: str = field(metadata=described("the document"))
    symbol: str = field(metadata=described("the document's symbol"))
    language: str = field(metadata=described("the document's language"))
    para_id: str = field(metadata=described("doc_id#locator, unique: IT/GB-7/17/19@zh#body/17"))
    locator: str = field(metadata=described(
        "language-independent place: body/17, body/5/q4 (paragraph 4 of a decision quoted in paragraph 5), "
        "app1/10/a/ii, app3/pre/2, app3/op/8, app2/t1/r5 (table row), body/h/II/A (heading), cover/symbol"
    ))
    part: str = field(metadata=described("cover, summary, body, appendix 1, appendix 2, ..."))
    heading_path: str = field(metadata=described("headings above it, e.g. 附录 1 > B > 1 > (a)"))
    number: str = field(metadata=described("number or label as printed: 17., 13, (a), 1), •"))
    kind: str = field(metadata=described(
        "heading, paragraph, quote, item, bullet, preambular, operative, table_row or other"
    ))
    lead_verb: str = field(metadata=described("first verb of a clause or quoted paragraph as printed: 要求, Requests, Recalling"))
    text: str = field(metadata=described("text without its number; table rows as cells joined by ' | '"))
    page_first: int = field(metadata=described("page where it starts"))
    page_last: int = field(metadata=described("page where it ends"))
    footnotes: str = field(metadata=described("labels of the footnotes it cites, space-separated"))
    block_index: int | None = field(metadata=described("the block it was read from (blocks.block_index)"))


@record
class ReferenceRow:
    doc_id: str = field(metadata=described("the document"))
    para_id: str = field(metadata=described("the paragraph that cites it (paragraphs.para_id)"))
    locator: str = field(metadata=described("the paragraph's locator"))
    surface: str = field(metadata=described("the reference as printed: 第 XIII/24 号决定, decision XIII/24"))
    kind: str = field(metadata=described("resolution, decision, recommendation, document_symbol or article"))
    body: str = field(metadata=described("who issued it where the text says: COP, Governing Body, COP-MOP, General Assembly, SBI, ..."))
    normalized: str = field(metadata=described(
        "the same in every language: Resolution 7/2015, Decision XIII/24, Article 18.4(a); symbols upper-cased"
    ))
    pinpoint: str = field(metadata=described("the part cited: para. 11, section B, paras. 17-21, annex I"))
    start: int = field(metadata=described("offset of the surface in the paragraph's text"))
    end: int = field(metadata=described("offset just after it"))


@record
class RequestRow:
    doc_id: str = field(metadata=described("the document"))
    para_id: str = field(metadata=described("the paragraph that holds the request"))
    locator: str = field(metadata=described("the paragraph's locator"))
    requester: str = field(metadata=described("the body whose decision or resolution asks, where known"))
    addressee: str = field(metadata=described(
        "Secretary, Secretariat, Executive Secretary, Bureau, Contracting Parties, Parties, Governing Body, "
        "governing bodies, secretariats, Liaison Group, organizations, stakeholders, other; one row each"
    ))
    verb: str = field(metadata=described("request, invite, urge, encourage or call_upon"))
    verb_printed: str = field(metadata=described("the asking words as printed: 并要求, Also requests, is invited"))
    action: str = field(metadata=described("what is asked, as printed"))
    condition: str = field(metadata=described("a condition on it: 视可获财政资源情况, subject to the availability of financial resources"))
    report_back: str = field(metadata=described("the reporting clause as printed: 向管理机构第八届会议报告"))
    report_to: str = field(metadata=described("to whom the report goes: Governing Body (session 8)"))
    text: str = field(metadata=described("the sentence holding the request"))


@record
class AlignmentRow:
    pair_id: str = field(metadata=described("the twins: their symbol (IT/GB-7/17/19; ~2 when a symbol has two pairs)"))
    symbol: str = field(metadata=described("the symbol both papers print"))
    zh_doc_id: str = field(metadata=described("the Chinese paper"))
    en_doc_id: str = field(metadata=described("the English paper"))
    zh_para_id: str = field(metadata=described("the Chinese record(s), ' + ' between two; empty when unmatched"))
    en_para_id: str = field(metadata=described("the English record(s), ' + ' between two; empty when unmatched"))
    locator: str = field(metadata=described("the locator of the first record"))
    method: str = field(metadata=described(
        "locator (the same printed number or label), content (the dynamic programme over lengths, shared values, kind "
        "and position, between two such pairs) or unmatched"
    ))
    score: float = field(metadata=described("0-1, the pair's confidence: how well lengths and shared values agree"))


@record
class CrossCheckRow:
    pair_id: str = field(metadata=described("the twins"))
    symbol: str = field(metadata=described("their symbol"))
    locator: str = field(metadata=described("where: the aligned pair's locator"))
    check: str = field(metadata=described(
        "years, dates (day, month, year and ranges), ordinals (of sessions and meetings), annexes, references, "
        "reference_kind (decision against resolution), symbols, articles, percentages, amounts, numbers, footnotes, "
        "missing_paragraph, missing_footnote"
    ))
    zh_value: str = field(metadata=described("what the Chinese has that the English lacks"))
    en_value: str = field(metadata=described("what the English has that the Chinese lacks"))
    severity: str = field(metadata=described(
        "error (a value that must agree), warning (worth a look) or review (from a pair aligned with low confidence: "
        "review the alignment first)"
    ))
    zh_text: str = field(metadata=described("the Chinese text"))
    en_text: str = field(metadata=described("the English text"))


@record
class FootnoteRow:
    doc_id: str = field(metadata=described("the document"))
    label: str = field(metadata=described("footnote label as printed: 1, 2, *, **"))
    page: int = field(metadata=described("page where the footnote is printed"))
    block_index: int | None = field(metadata=described("body block whose marker cites it (blocks.block_index)"))
    table_index: int | None = field(metadata=described("or the table whose cell cites it"))
    offset: int | None = field(metadata=described("character offset of the marker in that block's text"))
    text: str = field(metadata=described("footnote text"))


@record
class TableCellRow:
    doc_id: str = field(metadata=described("the document"))
    table_index: int = field(metadata=described("position of the table in the document, from 0"))
    page_first: int = field(metadata=described("page where the table starts"))
    page_last: int = field(metadata=described("page where it ends"))
    row: int = field(metadata=described("row, from 0; header rows first"))
    column: int = field(metadata=described("column, from 0"))
    header: bool = field(metadata=described("a header row (repeated on each page, kept once)"))
    text: str = field(metadata=described("cell text"))


@record
class FailureRow:
    source_file: str = field(metadata=described("path of the file that failed"))
    stage: str = field(metadata=described("stage that failed: extract"))
    error_type: str = field(metadata=described("kind of error"))
    message: str = field(metadata=described("what went wrong, in words"))


TABLES: dict[str, type] = {
    "documents": DocumentRow,
    "blocks": BlockRow,
    "paragraphs": ParagraphRow,
    "references": ReferenceRow,
    "requests": RequestRow,
    "alignments": AlignmentRow,
    "crosscheck": CrossCheckRow,
    "footnotes": FootnoteRow,
    "table_cells": TableCellRow,
    "failures": FailureRow,
}


TABLE_DESCRIPTIONS = {
    "documents": "one row per PDF read: cover metadata, counts, status and warnings",
    "blocks": "body blocks (paragraphs, headings, items as laid out), in reading order",
    "paragraphs": "structure records with language-independent locators: headings, paragraphs, quotes, items, clauses, table rows, footnotes",
    "references": "decisions, resolutions, recommendations, articles and document symbols cited, normalized alike in both languages",
    "requests": "who is asked to act, by which verb, on what condition, reporting to whom; one row per addressee",
    "alignments": "aligned records of a Chinese paper and its English twin",
    "crosscheck": "differences between twins: years, numbers, references, symbols, articles, footnotes, missing paragraphs",
    "footnotes": "footnotes, linked to the block or table that cites them",
    "table_cells": "cells of ruled tables",
    "failures": "files that could not be read, and why",
}


def column_names(row_type: type) -> list[str]:
    return [f.name for f in fields(row_type)]


def column_descriptions(row_type: type) -> dict[str, str]:
    return {f.name: f.metadata["description"] for f in fields(row_type)}
