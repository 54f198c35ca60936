"""Find running headers, footers and page numbers.

A running head is a line in the top or bottom band of a page that recurs on other pages with the same
shape and size. Its shape ignores numbers and word order, so `IT/GB-7/17/19 15` on a right-hand page
and `16 IT/GB-7/17/19` on a left-hand one are the same head. A bare page number (`3`, `- 3 -`,
`Page 3`, `第 3 页`) in a band is a page number even on a single page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from extractors.patterns import PAGE_NUMBER
from models import TextLine

HEADER_BAND = 0.12  # of the page height
FOOTER_BAND = 0.08
MIN_SHARE_OF_PAGES = 0.2
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class PageLines:
    page: int
    height: float
    lines: list[TextLine]


@dataclass(frozen=True)
class SplitPage:
    page: int
    heads: list[TextLine]  # headers, footers, page numbers
    lines: list[TextLine]  # everything else


def _band(line: TextLine, height: float) -> str | None:
    if line.bbox.bottom <= height * HEADER_BAND:
        return "top"
    if line.bbox.top >= height * (1 - FOOTER_BAND):
        return "bottom"
    return None


def _shape(line: TextLine, band: str) -> tuple[str, float, tuple[str, ...]]:
    tokens = sorted(DIGITS.sub("#", token) for token in line.text.split())
    return band, round(line.size * 2) / 2, tuple(tokens)


def split_running_heads(pages: list[PageLines]) -> list[SplitPage]:
    pages_with_shape: dict[tuple[str, float, tuple[str, ...]], set[int]] = defaultdict(set)
    for page in pages:
        for line in page.lines:
            band = _band(line, page.height)
            if band:
                pages_with_shape[_shape(line, band)].add(page.page)
    needed = max(2, MIN_SHARE_OF_PAGES * len(pages))
    result = []
    for page in pages:
        heads, rest = [], []
        for line in page.lines:
            band = _band(line, page.height)
            recurring = band is not None and len(pages_with_shape[_shape(line, band)]) >= needed
            if band is not None and (recurring or PAGE_NUMBER.match(line.text)):
                heads.append(line)
            else:
                rest.append(line)
        result.append(SplitPage(page.page, heads, rest))
    return result
