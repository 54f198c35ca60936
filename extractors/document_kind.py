"""What kind of paper a segmented document is: a report, one resolution or decision (adopted or
draft), a compilation of several, or an information document; and its title where the cover's
largest text was the organ's name (a resolution's title is its own title line)."""

from __future__ import annotations

import dataclasses
import re

from extractors.resolutions import is_resolution_part
from models import Document, DocumentKind
from models.paragraph import Paragraph, ParagraphKind

INFORMATION_SYMBOL = re.compile(r"/INF[./]|\bINF\.\d|/Inf\.", re.IGNORECASE)
DECISION_SYMBOL = re.compile(r"/DEC/|/Dec\.")
DRAFT_SYMBOL = re.compile(r"/L\.\d")
DECISION_WORDS = re.compile(r"draft decision|决定草案|^Decision adopted|通过的决定$", re.IGNORECASE)


def resolution_parts(paragraphs: list[Paragraph]) -> list[str]:
    """The parts that are resolutions or decisions (`res`, `dec/15-4`), in order."""
    parts = [p.part for p in paragraphs if is_resolution_part(p.part)]
    return [part for part in dict.fromkeys(parts) if "/annex" not in part]


def document_kind(document: Document, paragraphs: list[Paragraph]) -> DocumentKind:
    cover = document.cover
    if INFORMATION_SYMBOL.search(cover.symbol):
        return DocumentKind.INFORMATION
    parts = resolution_parts(paragraphs)
    if len(parts) > 1:
        return DocumentKind.COMPILATION
    whole = parts and not any(p.part in ("body", "summary") or p.part.startswith("appendix") for p in paragraphs
                              if p.kind not in (ParagraphKind.OTHER, ParagraphKind.HEADING, ParagraphKind.FOOTNOTE))
    if not whole:
        return DocumentKind.REPORT
    masthead = [p.text for p in paragraphs if p.locator.startswith("cover/m")]
    decision = bool(DECISION_SYMBOL.search(cover.symbol)) or any(DECISION_WORDS.search(text) for text in masthead)
    if cover.sponsors or DRAFT_SYMBOL.search(cover.symbol):
        return DocumentKind.DRAFT_DECISION if decision else DocumentKind.DRAFT_RESOLUTION
    return DocumentKind.DECISION if decision else DocumentKind.RESOLUTION


def described(document: Document, paragraphs: list[Paragraph]) -> Document:
    """The document with its kind, and with its resolution's title where the cover had none."""
    kind = document_kind(document, paragraphs)
    title = document.cover.title or next((p.text for p in paragraphs if p.locator == "cover/title"), "")
    if not title and kind not in (DocumentKind.REPORT, DocumentKind.COMPILATION, DocumentKind.INFORMATION):
        title = next((p.text for p in paragraphs if p.locator.endswith("/title") and p.part in resolution_parts(paragraphs)), "")
    return dataclasses.replace(document, kind=kind, cover=dataclasses.replace(document.cover, title=title))
