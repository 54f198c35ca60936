"""Ruled tables: found by pdfplumber's table finder, kept as rows of cells, out of the prose.

Cell text is built by the same line builder as the prose, so footnote markers in cells are found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extractors.pdf_layout import Char, build_lines
from models import BBox, TextLine

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
MIN_VERTICAL_EDGES = 3  # fewer cannot make a table of two columns


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
