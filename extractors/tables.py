"""Tables: found by pdfplumber's table finder where they are ruled in both directions, and by their
rules and their own white space where only horizontal rules part the rows (Word's and typst's
`horizontal` borders: no vertical rule at all), and by white space alone where it has no rule: three
or more consecutive rows each parted into columns by gutters wider than the type (`whitespace_tables`);
kept as rows of cells, out of the prose. A rule-less table on a page's cover area, or whose cells wrap
(leaving some of a line's cells empty), is not found: its text stays prose.

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
from extractors.pdf_layout import Char, build_lines, rows_by_baseline
from extractors.text_joining import JoinContext, join_pair
from models import BBox, FootnoteMarker, Table, TextLine

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
MIN_VERTICAL_EDGES = 3  # fewer cannot make a table of two columns
COLUMN_SLACK = 2.0  # points between the column edges of two parts of one table
TOP_OF_PAGE = 0.15  # of the page height: a part starting above this continues the table before
MAX_HEADER_ROWS = 3
CELL_PADDING = 5.0  # points between a cell's last line and its bottom border, at most
MIN_RULE_SHARE = 0.4  # of the page's width: a shorter rule is a footnote separator or an underline
MIN_RULES = 3  # the rules of a table ruled horizontally: above it, under its header, below it
RULE_ALIGN = 2.0  # points between the ends of two rules of one table
SAME_RULE = 1.5  # points between two edges drawn as one rule (a thin filled rectangle's top and bottom)
COLUMN_GAP = 0.6  # of the text size: white space this wide, top to bottom of the table, parts two columns
GUTTER = 2.0  # of the text size: without rules, a gap this wide in a row parts two cells
MIN_BARE_ROWS = 3  # rows of two cells or more, one under the other, that make a table without rules
ROW_PITCH = 3.0  # of the text size: rows farther apart belong to two tables (or none)
COVER_AREA = 0.4  # of page 1's height: its masthead sets fields side by side, which are not a table


@dataclass(frozen=True)
class FoundTable:
    bbox: BBox
    cells: list[list[BBox | None]]  # rows of cells; None where a merged cell covers the place

    def contains(self, char: Char) -> bool:
        return _centre_in(char, self.bbox)


def find_tables(page: Any) -> list[FoundTable]:
    """Tables of a pdfplumber page (or a page shaped like one) with at least two rows and two columns:
    ruled ones by pdfplumber's finder, then those ruled horizontally only (`rule_bounded_tables`), then
    those without rules (`whitespace_tables`)."""
    found = []
    if sum(1 for edge in page.edges if edge["orientation"] == "v") >= MIN_VERTICAL_EDGES:
        for table in page.find_tables(TABLE_SETTINGS):
            cells = [[BBox(*cell) if cell else None for cell in row.cells] for row in table.rows]
            if len(cells) >= 2 and max(len(row) for row in cells) >= 2:
                found.append(FoundTable(BBox(*table.bbox), cells))
    below_cover = COVER_AREA * float(page.height) if page.page_number == 1 else 0.0
    ruled_across = rule_bounded_tables(page.edges, page.chars, float(page.width))
    bare = whitespace_tables([c for c in page.chars if c["top"] >= below_cover])
    for table in ruled_across + bare:  # each finder after the surer ones, where they found nothing
        if not any(_overlap(table.bbox, other.bbox) for other in found):
            found.append(table)
    return found


def whitespace_tables(chars: list[Char]) -> list[FoundTable]:
    """Tables without rules: MIN_BARE_ROWS or more rows, one under the other (ROW_PITCH), each parted
    into two cells or more by gutters of GUTTER times the size, the first not a paragraph's label.
    Columns are the x-spans their cells fill together; a row's band runs to the next row's top."""
    rows = rows_by_baseline([c for c in chars if not c["text"].isspace()])
    split = [_gutter_split(row) for row in rows]
    tables: list[FoundTable] = []
    run: list[int] = []  # indexes of the rows of the current run
    for index in range(len(rows) + 1):
        cells = split[index] if index < len(rows) else []
        tabular = len(cells) >= 2 and not LEADING_LABEL.match("".join(c["text"] for c in cells[0]).strip() + " ")
        if tabular and (not run or rows[index][0]["top"] - rows[run[-1]][0]["bottom"] <= ROW_PITCH * rows[index][0]["size"]):
            run.append(index)
            continue
        if len(run) >= MIN_BARE_ROWS:
            tables.extend(_bare_table(rows, [split[i] for i in run], run))
        run = [index] if tabular else []
    return tables


def rule_bounded_tables(edges: list[dict[str, Any]], chars: list[Char], page_width: float) -> list[FoundTable]:
    """Tables whose rows are parted by horizontal rules of one length and nothing else: MIN_RULES or
    more rules with the same ends, one under the other; each band between two rules is a row, and
    its columns are where the white space runs from the table's top to its bottom (`_column_spans`).
    A stack of rules without two columns of text between them is no table."""
    tables = []
    for rules in _rule_stacks(edges, page_width):
        x0, x1 = rules[0]["x0"], rules[0]["x1"]
        tops = [rule["top"] for rule in rules]
        inside = [c for c in chars if not c["text"].isspace() and _centre_in(c, BBox(x0, tops[0], x1, tops[-1]))]
        spans = _column_spans(inside)
        if len(spans) < 2:
            continue
        bounds = _column_bounds(spans, x0, x1)
        cells = [[BBox(bounds[i], top, bounds[i + 1], bottom) for i in range(len(spans))] for top, bottom in zip(tops, tops[1:])]
        filled = sum(1 for row in cells if sum(any(_centre_in(c, cell) for c in inside) for cell in row) >= 2)
        if filled >= 2:
            tables.append(FoundTable(BBox(x0, tops[0], x1, tops[-1]), cells))
    return tables


def _gutter_split(row: list[Char]) -> list[list[Char]]:
    cells: list[list[Char]] = [[row[0]]]
    for previous, char in zip(row, row[1:]):
        if char["x0"] - previous["x1"] >= GUTTER * char["size"]:
            cells.append([char])
        else:
            cells[-1].append(char)
    return cells


def _bare_table(rows: list[list[Char]], run: list[list[list[Char]]], indexes: list[int]) -> list[FoundTable]:
    """The table of a run of gutter-split rows, when its cells fall into columns: two columns or more,
    every row one cell in each, and no line just above or below it that sits inside one column (a
    table whose cells wrap, leaving some empty on a line, cannot be told from its lines without
    rules, and stays prose). `run` holds the cells of the rows at `indexes`."""
    spans = _column_spans([char for cells in run for cell in cells for char in cell])
    if len(spans) < 2 or any(sorted(_span_of(cell, spans) for cell in cells) != list(range(len(spans))) for cells in run):
        return []
    pitch = (rows[indexes[-1]][0]["top"] - rows[indexes[0]][0]["top"]) / (len(indexes) - 1)
    for neighbour, towards in ((indexes[0] - 1, indexes[0]), (indexes[-1] + 1, indexes[-1])):
        if 0 <= neighbour < len(rows) and abs(rows[neighbour][0]["top"] - rows[towards][0]["top"]) <= 1.5 * pitch:
            x0, x1 = rows[neighbour][0]["x0"], max(c["x1"] for c in rows[neighbour])
            if any(left - 1 <= x0 and x1 <= right + 1 for left, right in spans):
                return []  # a wrapped cell's line
    x0, x1 = spans[0][0], spans[-1][1]
    bounds = _column_bounds(spans, x0, x1)
    tops = [min(c["top"] for cell in cells for c in cell) for cells in run]
    bottom = max(c["bottom"] for cell in run[-1] for c in cell)
    edges = tops + [bottom]
    grid = [[BBox(bounds[i], edges[r], bounds[i + 1], edges[r + 1]) for i in range(len(spans))] for r in range(len(run))]
    return [FoundTable(BBox(x0, tops[0], x1, bottom), grid)]


def _column_bounds(spans: list[tuple[float, float]], x0: float, x1: float) -> list[float]:
    """The columns' edges: the table's sides and the middle of each gutter between two spans."""
    return [x0] + [(left[1] + right[0]) / 2 for left, right in zip(spans, spans[1:])] + [x1]


def _span_of(cell: list[Char], spans: list[tuple[float, float]]) -> int:
    return next(i for i, (left, right) in enumerate(spans) if left <= cell[0]["x0"] <= right)


def _rule_stacks(edges: list[dict[str, Any]], page_width: float) -> list[list[dict[str, Any]]]:
    """Horizontal rules at least MIN_RULE_SHARE of the page wide, grouped by their ends (two edges a
    hair apart taken as one rule), each group of MIN_RULES or more sorted top to bottom."""
    long = sorted(
        (e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE_SHARE * page_width),
        key=lambda e: (e["top"], e["x0"]),
    )
    stacks: list[list[dict[str, Any]]] = []
    for edge in long:
        stack = next((s for s in stacks if abs(s[0]["x0"] - edge["x0"]) <= RULE_ALIGN and abs(s[0]["x1"] - edge["x1"]) <= RULE_ALIGN), None)
        if stack is None:
            stacks.append([edge])
        elif edge["top"] - stack[-1]["top"] > SAME_RULE:
            stack.append(edge)
    return [stack for stack in stacks if len(stack) >= MIN_RULES]


def _column_spans(chars: list[Char]) -> list[tuple[float, float]]:
    """The x-spans the characters fill, merged across gaps narrower than COLUMN_GAP of their size."""
    if not chars:
        return []
    size = sorted(c["size"] for c in chars)[len(chars) // 2]
    spans: list[tuple[float, float]] = []
    for char in sorted(chars, key=lambda c: c["x0"]):
        if spans and char["x0"] - spans[-1][1] < COLUMN_GAP * size:
            spans[-1] = (spans[-1][0], max(spans[-1][1], char["x1"]))
        else:
            spans.append((char["x0"], char["x1"]))
    return spans


def _centre_in(char: Char, box: BBox) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return box.x0 <= x <= box.x1 and box.top <= y <= box.bottom


def _overlap(a: BBox, b: BBox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def cell_lines(table: FoundTable, chars: list[Char], page: int) -> list[list[list[TextLine]]]:
    """The lines of text in each cell, by row and column."""
    by_cell: dict[tuple[int, int], list[Char]] = {}
    for char in chars:
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                if cell and _centre_in(char, cell):
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
