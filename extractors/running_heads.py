"""Find running headers, footers, page numbers and the printer's furniture of a page.

Heads are looked for among the first and last rows of lines of each page (`EDGE_ROWS` of each), wherever
they sit: a Word footer 60 pt above the page foot is as much a footer as one in the last centimetre.
Such a line is a running head when it recurs on other pages with the same shape, size and height on
the page. Its shape ignores numbers and word order, so `IT/GB-7/17/19 15` on a right-hand page and
`16 IT/GB-7/17/19` on a left-hand one are the same head. Without recurrence (a two-page resolution),
an edge line is still a head when it is a page number (`3`, `- 3 -`, `Page 3 of 9`, `第 3 页`, `2/2`),
a job number or barcode (`18-18418 (E) 071118`, `*1818418*`), or, after the first page, a document
symbol standing alone in a font no larger than the body's. A line on the same row as a head (the
title beside the symbol) is part of the head.
"""

from __future__ import annotations

import functools
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from extractors.patterns import JOB_NUMBER, PAGE_NUMBER, PAGE_NUMBER_AROUND, SYMBOL
from extractors.resolutions import read_decision_title
from models import TextLine

EDGE_ROWS = 3  # rows of lines at the top and at the foot of a page that may be furniture
MIN_SHARE_OF_PAGES = 0.2
SAME_HEIGHT = 3.0  # points: a recurring head stands at the same height on every page
SAME_ROW = 1.5  # points between the tops of two lines of one row
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


Shape = tuple[str, float, tuple[str, ...]]


def _edge_lines(lines: list[TextLine]) -> dict[int, str]:
    """Index of each line that may be furniture: those of the first and last EDGE_ROWS rows of the page."""
    rows: list[list[int]] = []
    for index in sorted(range(len(lines)), key=lambda i: lines[i].bbox.top):
        if rows and lines[index].bbox.top - lines[rows[-1][0]].bbox.top <= SAME_ROW:
            rows[-1].append(index)
        else:
            rows.append([index])
    edges = {index: "top" for row in rows[:EDGE_ROWS] for index in row}
    edges.update({index: "bottom" for row in rows[-EDGE_ROWS:] for index in row if index not in edges})
    return edges


def _shape(line: TextLine, edge: str) -> Shape:
    tokens = sorted(DIGITS.sub("#", token) for token in line.text.split())
    return edge, round(line.size * 2) / 2, tuple(tokens)


def _starts_footnote(line: TextLine) -> bool:
    """Word sets footnotes bottom-aligned, so the last of each page stands at one height; its label is
    a raised marker at the start."""
    return bool(line.markers) and line.markers[0].offset == 0


def _numbers_follow_pages(texts: dict[int, str]) -> bool:
    """A head repeats its text, or changes it only in a page number (`IT/GB-7/17/19 15`, `Page 3 of 29`):
    the one number its texts do not share runs with the page. Headings that only look alike
    (`Article 5` atop page 3, `Article 17` atop page 6; `Decision 1/CP.12`, `Decision 2/CP.12`) do not."""
    if len(set(texts.values())) == 1:
        return True
    numbers = {page: Counter(DIGITS.findall(text)) for page, text in texts.items()}
    shared = functools.reduce(lambda a, b: a & b, numbers.values())
    offsets = set()
    for page, counted in numbers.items():
        own = list((counted - shared).elements())
        if len(own) != 1:
            return False
        offsets.add(int(own[0]) - page)
    return len(offsets) == 1


def _titles_one_decision(line: TextLine, printed: Counter[str]) -> bool:
    """`Decision 1/CP.12` atop the first page of each decision of a report recurs in shape, but each
    is printed once: a title, not a head."""
    return printed[line.text] == 1 and read_decision_title(line.text) is not None


def _is_furniture(line: TextLine, edge: str, page: int, body_size: float) -> bool:
    text = line.text.strip()
    if PAGE_NUMBER.match(text) or JOB_NUMBER.match(text):
        return True
    alone = edge == "top" and page > 1 and line.size <= body_size + 0.1
    return alone and bool(SYMBOL.fullmatch(PAGE_NUMBER_AROUND.sub("", text)))


def split_running_heads(pages: list[PageLines]) -> list[SplitPage]:
    edges = [_edge_lines(page.lines) for page in pages]
    heights: dict[Shape, dict[int, float]] = defaultdict(dict)
    texts: dict[Shape, dict[int, str]] = defaultdict(dict)
    for page, page_edges in zip(pages, edges):
        for index, edge in page_edges.items():
            shape = _shape(page.lines[index], edge)
            heights[shape].setdefault(page.page, page.lines[index].bbox.top)
            texts[shape].setdefault(page.page, page.lines[index].text)
    printed = Counter(page.lines[index].text for page, page_edges in zip(pages, edges) for index in page_edges)
    needed = max(2, MIN_SHARE_OF_PAGES * len(pages))
    sizes = [line.size for page in pages for line in page.lines]
    body_size = statistics.median(sizes) if sizes else 0.0

    def recurring(shape: Shape, top: float) -> bool:
        tops = heights[shape].values()
        return sum(abs(other - top) <= SAME_HEIGHT for other in tops) >= needed and _numbers_follow_pages(texts[shape])

    result = []
    for page, page_edges in zip(pages, edges):
        head_indices = {
            index
            for index, edge in page_edges.items()
            if not _starts_footnote(page.lines[index])
            and not _titles_one_decision(page.lines[index], printed)
            and (
                recurring(_shape(page.lines[index], edge), page.lines[index].bbox.top)
                or _is_furniture(page.lines[index], edge, page.page, body_size)
            )
        }
        head_tops = [page.lines[index].bbox.top for index in head_indices]
        head_indices |= {
            index for index in page_edges if any(abs(page.lines[index].bbox.top - top) <= SAME_ROW for top in head_tops)
        }
        heads = [line for index, line in enumerate(page.lines) if index in head_indices]
        rest = [line for index, line in enumerate(page.lines) if index not in head_indices]
        result.append(SplitPage(page.page, heads, rest))
    return result
