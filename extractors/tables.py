"""Ruled tables: found by pdfplumber's table finder, kept as rows of cells, out of the prose.

Cell text is built by the same line builder as the prose, so footnote markers in cells are found.
A table continued on the next page is one table; its repeated header rows are dropped. A row broken
across the page (Word and LibreOffice allow it) is joined again: its continuation has text only in
columns whose cell ran to the very bottom of the row on the page before, and leaves others empty;
a new row also fills columns whose text ended early.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extractors.patterns import LEADING_LABEL
from extractors.pdf_layout import Char, build_lines
from extractors.text_joining import JoinContext, join_pair
from models import BBox, FootnoteMarker, Table, TextLine

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
MIN_VERTICAL_EDGES = 3  # fewer cannot make a table of two columns
COLUMN_SLACK = 2.0  # points between the column edges of two parts of one table
TOP_OF_PAGE = 0.15  # of the page height: a part starting above this continues the table before
MAX_HEADER_ROWS = 3
CELL_PADDING = 5.0  # points between a cell's last line and its bottom border, at most


@dataclass(frozen=True)
class FoundTable:
    bbox: BBox
    cells: list[list[BBox | None]]  # rows of cells; None where a merged cell covers the place

    def contains(self, char: Char) -> bool:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        return self.bbox.x0 <= x <= self.bbox.x1 and self.bbox.top <= y <= self.bbox.bottom


def find_tables(page: Any) -> list[FoundTable]:
    """Ruled tables of a pdfplumber page with at least two rows and two columns."""
    if sum(1 for edge in page.edges if edge["orientation"] == "v") < MIN_VERTICAL_EDGES:
        return []
    found = []
    for table in page.find_tables(TABLE_SETTINGS):
        cells = [[BBox(*cell) if cell else None for cell in row.cells] for row in table.rows]
        if len(cells) >= 2 and max(len(row) for row in cells) >= 2:
            found.append(FoundTable(BBox(*table.bbox), cells))
    return found


def cell_lines(table: FoundTable, chars: list[Char], page: int) -> list[list[list[TextLine]]]:
    """The lines of text in each cell, by row and column."""
    by_cell: dict[tuple[int, int], list[Char]] = {}
    for char in chars:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                if cell and cell.x0 <= x <= cell.x1 and cell.top <= y <= cell.bottom:
                    by_cell.setdefault((r, c), []).append(char)
                    break
            else:
                continue
            break
    return [[build_lines(by_cell.get((r, c), []), page) for c in range(len(row))] for r, row in enumerate(table.cells)]


@dataclass(frozen=True)
class PageTable:
    """One page's part of a table, its cell text already joined."""

    page: int
    found: FoundTable
    rows: list[tuple[str, ...]]
    markers: list[tuple[int, int, FootnoteMarker]]
    full_columns: frozenset[int]  # columns of the last row whose text runs to the row's bottom

    @property
    def column_edges(self) -> list[float]:
        widest = max(self.found.cells, key=len)
        return [cell.x0 for cell in widest if cell] + [self.found.bbox.x1]


def full_columns(found: FoundTable, rows: list[list[list[TextLine]]]) -> frozenset[int]:
    """Columns of the last row whose last line of text sits on the cell's bottom border."""
    full = set()
    for column, (cell, lines) in enumerate(zip(found.cells[-1], rows[-1])):
        if cell and lines and cell.bottom - lines[-1].bbox.bottom <= lines[-1].size * 0.5 + CELL_PADDING:
            full.add(column)
    return frozenset(full)


def merge_continued(parts: list[PageTable], page_height: float, context: JoinContext) -> list[Table]:
    """One Table per table: a part on the next page with the same columns continues the one before
    when it repeats its header rows or stands at the top of its page."""
    groups: list[list[PageTable]] = []
    for part in parts:
        if groups and _continues(groups[-1][-1], part, page_height):
            groups[-1].append(part)
        else:
            groups.append([part])
    tables = []
    for index, group in enumerate(groups):
        first = group[0]
        header = _repeated_rows(first, group[1]) if len(group) > 1 else 0
        rows = list(first.rows)
        markers = list(first.markers)
        previous = first
        for part in group[1:]:
            skip = _repeated_rows(first, part)
            if _continues_row(previous, part, skip):
                last = len(rows) - 1
                merged = tuple(join_pair(a, b, context) if a and b else a + b for a, b in zip(rows[last], part.rows[skip]))
                markers += [
                    (last, c, FootnoteMarker(m.label, len(merged[c]) - len(part.rows[skip][c]) + m.offset))
                    for r, c, m in part.markers
                    if r == skip
                ]
                rows[last] = merged
                skip += 1
            markers += [(r - skip + len(rows), c, m) for r, c, m in part.markers if r >= skip]
            rows += part.rows[skip:]
            previous = part
        tables.append(
            Table(
                index=index,
                page=first.page,
                page_last=group[-1].page,
                bbox=first.found.bbox,
                rows=tuple(rows),
                markers=tuple(markers),
                header_rows=header,
            )
        )
    return tables


def _continues(before: PageTable, part: PageTable, page_height: float) -> bool:
    if part.page != before.page + 1 or len(part.column_edges) != len(before.column_edges):
        return False
    if any(abs(a - b) > COLUMN_SLACK for a, b in zip(part.column_edges, before.column_edges)):
        return False
    return _repeated_rows(before, part) > 0 or part.found.bbox.top < TOP_OF_PAGE * page_height


def _continues_row(before: PageTable, part: PageTable, skip: int) -> bool:
    if skip >= len(part.rows):
        return False
    last, following = before.rows[-1], part.rows[skip]
    filled = {c for c, text in enumerate(following) if text}
    if not filled or not filled <= before.full_columns or any(LEADING_LABEL.match(following[c]) for c in filled):
        return False
    left_empty = any(text and not (c < len(following) and following[c]) for c, text in enumerate(last))
    cut_mid_word = any(
        last[c].endswith(("-", "/")) or following[c][0].islower() for c in filled if c < len(last) and last[c]
    )
    return left_empty or cut_mid_word


def _repeated_rows(first: PageTable, part: PageTable) -> int:
    count = 0
    while count < min(MAX_HEADER_ROWS, len(first.rows), len(part.rows) - 1) and first.rows[count] == part.rows[count]:
        count += 1
    return count
