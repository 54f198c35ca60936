"""From a PDF file to a Document record: the extraction layer end to end.

`read_pages` does the reading (by one of the `ENGINES`, and OCR where a page has no text layer);
`assemble` is pure: running heads, footnote areas, cover, blocks, tables and footnote links.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException
from pypdfium2 import PdfiumError

from extractors.blocks import build_blocks, join_with_markers
from extractors.cover import read_cover, split_cover
from extractors.footnotes import cite_plain_stars, link_footnotes, read_footnotes, split_footnote_area
from extractors.language import UNDETERMINED, detect_language
from extractors.ocr import ocr_page, tesseract_languages
from extractors.pdf_layout import Rule, build_lines, horizontal_rules
from extractors.pdf_pages import open_lean
from extractors.pdfium_pages import open_pdfium
from extractors.running_heads import PageLines, split_running_heads
from extractors.glyphs import is_unmapped
from extractors.tables import FoundTable, PageTable, cell_lines, find_tables, full_columns, merge_continued
from extractors.text_joining import JoinContext, join_context
from models import (
    Document,
    DocumentStatus,
    PageInfo,
    TextLine,
    TextSource,
)

MIN_TEXT_CHARS = 5  # fewer visible characters on a page with images: the page is a scan
UNMAPPED_SHARE = 0.05  # more unmapped glyphs than this makes the text untrustworthy
LOW_OCR_CONFIDENCE = 60.0
MASTHEAD_LINES = 12  # page 1's first lines, where a paper without a cover block has its masthead

# Readers of a PDF's pages: pdfplumber (pdfminer, pure Python, the reference) or pdfium (C, faster);
# both give pages with pdfplumber's chars, lines, rects, images and table finder.
ENGINES: dict[str, Callable[[Path], AbstractContextManager[Sequence[Any]]]] = {
    "pdfplumber": open_lean,
    "pdfium": open_pdfium,
}
DEFAULT_ENGINE = "pdfplumber"


class UnreadablePdf(Exception):
    """The file cannot be read as a PDF; the message says why, in words an analyst can act on."""


class TimeLimitExceeded(Exception):
    """A document took longer than its time limit (a pathological PDF must not hold a run)."""


@dataclass
class PageRead:
    info: PageInfo
    lines: list[TextLine]  # outside tables, top to bottom
    rules: list[Rule]
    tables: list[tuple[FoundTable, list[list[list[TextLine]]]]]


def extract_pdf(
    path: Path, *, ocr: bool = True, time_limit: float | None = None, engine: str = DEFAULT_ENGINE
) -> Document:
    """`time_limit` (seconds) is checked after every page; `engine` names one of the `ENGINES`."""
    data = path.read_bytes()
    check_pdf_header(data)
    deadline = time.monotonic() + time_limit if time_limit else None
    try:
        pages, warnings = read_pages(path, ocr=ocr, deadline=deadline, engine=engine)
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        raise unreadable(cause, isinstance(cause, PDFPasswordIncorrect)) from error
    except PdfiumError as error:
        raise unreadable(error, False) from error
    return assemble(pages, source_file=str(path), sha256=hashlib.sha256(data).hexdigest(), warnings=warnings)


def unreadable(cause: BaseException, password: bool) -> UnreadablePdf:
    if password or "password" in str(cause).lower():
        return UnreadablePdf("the PDF is protected by a password")
    return UnreadablePdf(f"the PDF is damaged ({type(cause).__name__}: {cause})")


def check_pdf_header(data: bytes) -> None:
    if not data:
        raise UnreadablePdf("the file is empty")
    if b"%PDF-" not in data[:1024]:
        start = data[:200].lstrip().lower()
        kind = "an HTML page" if start.startswith((b"<!doctype html", b"<html")) else "not a PDF"
        raise UnreadablePdf(f"the file is {kind}: it does not start with %PDF-")


def read_pages(
    path: Path, *, ocr: bool = True, deadline: float | None = None, engine: str = DEFAULT_ENGINE
) -> tuple[list[PageRead], list[str]]:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    pages, warnings = [], []
    ocr_languages = tesseract_languages() if ocr else ()
    started = time.monotonic()
    with ENGINES[engine](path) as engine_pages:
        for index, page in enumerate(engine_pages):
            if deadline is not None and time.monotonic() > deadline:
                raise TimeLimitExceeded(
                    f"stopped after {time.monotonic() - started:.0f} s at page {index + 1} of {len(engine_pages)}"
                )
            number = index + 1
            chars = page.chars
            tables = find_tables(page)
            outside = [c for c in chars if not any(t.contains(c) for t in tables)]
            lines = build_lines(outside, number)
            cells = [(t, cell_lines(t, [c for c in chars if t.contains(c)], number)) for t in tables]
            glyphs = [c for c in chars if not c["text"].isspace()]
            visible = len(glyphs)
            unmapped_fonts = page.fonts_without_unicode_map()
            unmapped = sum(1 for c in glyphs if is_unmapped(c, unmapped_fonts))
            source = TextSource.TEXT_LAYER if visible >= MIN_TEXT_CHARS else TextSource.NONE
            if source is TextSource.NONE and page.images and ocr_languages:
                result = ocr_page(path, index, ocr_languages)
                lines, source = result.lines, TextSource.OCR
                if result.mean_confidence < LOW_OCR_CONFIDENCE:
                    warnings.append(f"page {number}: low OCR confidence ({result.mean_confidence:.0f}/100)")
            info = PageInfo(number, float(page.width), float(page.height), visible, len(page.images), source, unmapped)
            pages.append(PageRead(info, lines, horizontal_rules(page.lines + page.rects), cells))
            page.close()
    return pages, warnings


def assemble(pages: list[PageRead], source_file: str, sha256: str, warnings: list[str] | None = None) -> Document:
    warnings = list(warnings or [])
    every_line = [line for page in pages for line in page.lines]
    every_line += [line for page in pages for _, rows in page.tables for row in rows for cell in row for line in cell]
    language = detect_language("\n".join(line.text for line in every_line))
    context = join_context(language, (line.text for line in every_line))
    split = split_running_heads([PageLines(p.info.number, p.info.height, p.lines) for p in pages])
    size = body_size([line for page in split for line in page.lines])

    body_pages, entries = [], []
    for page, lines in zip(pages, split):
        if page.info.text_source is not TextSource.TEXT_LAYER:
            body_pages.append(lines.lines)  # OCR sizes are too rough to tell a footnote area
            continue
        body, area = split_footnote_area(lines.lines, page.rules, page.info.width, size)
        previous = next((e.label for e in reversed(entries) if e.label), "")
        entries.extend(read_footnotes(area, page.info.number, previous))
        body_pages.append(body)
    cover_lines: list[TextLine] = []
    if body_pages:
        cover_lines, body_pages[0] = split_cover(body_pages[0], pages[0].info.height, size)

    blocks = cite_plain_stars(build_blocks(body_pages, context), entries)
    parts = [page_table(page.info.number, found, rows, context) for page in pages for found, rows in page.tables]
    tables = merge_continued(parts, pages[0].info.height if pages else 0.0, context)
    footnotes, link_warnings = link_footnotes(entries, blocks, tables, context)
    heads = [line.text for page in split for line in page.heads]
    masthead = body_pages[0][:MASTHEAD_LINES] if body_pages else []
    first_blocks = [block.text for block in blocks[: 2 * MASTHEAD_LINES] if block.page == 1]
    cover = read_cover(cover_lines, masthead, heads, language, context, first_blocks)
    status, status_warnings = document_status([page.info for page in pages])
    if language not in ("zh", "en", UNDETERMINED):
        status_warnings.append(f"the paper is in '{language}': structure and tags use the English rules")
    return Document(
        doc_id=document_id(cover.symbol, source_file, language),
        source_file=source_file,
        sha256=sha256,
        language=language,
        status=status,
        pages=tuple(page.info for page in pages),
        cover=cover,
        blocks=tuple(blocks),
        footnotes=tuple(footnotes),
        tables=tuple(tables),
        warnings=tuple(warnings + status_warnings + link_warnings),
        running_heads=tuple(heads),
    )


def document_id(symbol: str, source_file: str, language: str) -> str:
    """symbol@language, or the file's stem@language for a paper without a symbol."""
    return f"{symbol or Path(source_file).stem}@{language}"


def body_size(lines: list[TextLine]) -> float:
    """The font size that carries most of the text."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def page_table(page: int, found: FoundTable, rows: list[list[list[TextLine]]], context: JoinContext) -> PageTable:
    texts, markers = [], []
    for r, row in enumerate(rows):
        row_texts = []
        for c, lines in enumerate(row):
            text, cell_markers = join_with_markers(lines, context)
            row_texts.append(text)
            markers.extend((r, c, marker) for marker in cell_markers)
        texts.append(tuple(row_texts))
    return PageTable(page, found, texts, markers, full_columns(found, rows))


def document_status(pages: list[PageInfo]) -> tuple[DocumentStatus, list[str]]:
    if not pages:
        return DocumentStatus.FAILED, ["the PDF has no pages"]
    scanned = [p.number for p in pages if p.text_source is TextSource.NONE and p.images]
    blank = [p.number for p in pages if p.text_source is TextSource.NONE and not p.images]
    unmapped = sum(p.unmapped_glyphs for p in pages)
    total = sum(p.chars for p in pages)
    warnings = []
    if unmapped:
        warnings.append(
            f"{unmapped} of {total} glyphs have no trustworthy Unicode mapping "
            "((cid:NN), private-use characters, or fonts without a /ToUnicode map)"
        )
    if scanned:
        warnings.append(
            f"pages {_ranges(scanned)} have no text layer; install tesseract-ocr and tesseract-ocr-chi-sim to OCR them"
        )
        return DocumentStatus.NEEDS_OCR, warnings
    if len(blank) == len(pages):
        return DocumentStatus.FAILED, warnings + ["no page has text or images: nothing to extract"]
    if total and unmapped / total > UNMAPPED_SHARE:
        return DocumentStatus.UNMAPPED_GLYPHS, warnings
    if any(p.text_source is TextSource.OCR for p in pages):
        return DocumentStatus.OCR, warnings
    return DocumentStatus.OK, warnings


def _ranges(numbers: list[int]) -> str:
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
