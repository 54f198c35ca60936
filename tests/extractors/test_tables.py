"""Tables continued over pages: repeated headers dropped, broken rows joined, new rows kept."""

from __future__ import annotations

from extractors.tables import FoundTable, PageTable, merge_continued, rule_bounded_tables, whitespace_tables
from extractors.text_joining import JoinContext
from models import BBox

HEAD = ("领域/预期成果", "活动", "关键行动", "起源")
COLUMNS = [[BBox(71, 70, 137, 100), BBox(137, 70, 268, 100), BBox(268, 70, 430, 100), BBox(430, 70, 524, 100)]]


def part(page: int, rows: list[tuple[str, ...]], full: set[int], top: float = 70) -> PageTable:
    found = FoundTable(BBox(71, top, 524, 770), COLUMNS)
    return PageTable(page, found, rows, [], frozenset(full))


def merge(*parts: PageTable):
    return merge_continued(list(parts), 842, JoinContext("zh"))


def test_a_row_broken_by_the_page_is_joined_again():
    before = part(19, [HEAD, ("", "2. 让其他有关组织参加联络小组的工作，以便协助加", "邀请提供投入", "UNEP/CBD/COP/13/INF/15")], {1})
    after = part(20, [HEAD, ("", "强在区域一级对缔约方的支持。", "", ""), ("", "", "参加联络小组的会议", "UNEP/CBD/COP/13/INF/15")], set())
    [table] = merge(before, after)
    assert (table.page, table.page_last, table.header_rows) == (19, 20, 1)
    assert table.rows == (
        HEAD,
        ("", "2. 让其他有关组织参加联络小组的工作，以便协助加强在区域一级对缔约方的支持。", "邀请提供投入", "UNEP/CBD/COP/13/INF/15"),
        ("", "", "参加联络小组的会议", "UNEP/CBD/COP/13/INF/15"),
    )


def test_a_new_row_that_fills_columns_which_ended_early_is_kept():
    before = part(19, [HEAD, ("", "3. 促进在两项或更多公约共同关心的领域内根据其任务规定开展的合作", "继续制定和加强联合工作方案", "UNEP/CBD/SBI/1/9/Add.1")], {1})
    after = part(20, [HEAD, ("", "", "参加联络小组的会议", "UNEP/CBD/COP/13/INF/15")], set())
    [table] = merge(before, after)
    assert len(table.rows) == 3


def test_a_row_broken_after_its_first_line_is_joined_by_its_cut_words():
    before = part(25, [HEAD, ("B. Enhancing", "1. Cooperating", "(a) Analyse", "UNEP/CBD/")], {0, 1, 2, 3})
    after = part(26, [HEAD, ("the management", "in information", "gaps and duplication", "COP/13/15")], set())
    [table] = merge_continued([before, after], 842, JoinContext("en"))
    assert table.rows[-1] == ("B. Enhancing the management", "1. Cooperating in information", "(a) Analyse gaps and duplication", "UNEP/CBD/COP/13/15")


def test_a_table_on_the_next_page_without_the_same_columns_is_another_table():
    other = PageTable(20, FoundTable(BBox(71, 70, 524, 300), [[BBox(71, 70, 300, 100), BBox(300, 70, 524, 100)]]), [("a", "b"), ("c", "d")], [], frozenset())
    assert len(merge(part(19, [HEAD, ("A.", "1.", "x", "y")], set()), other)) == 2


def rule(x0: float, x1: float, top: float) -> dict:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": top, "bottom": top}


def text_chars(text: str, x: float, top: float, size: float = 10.0) -> list[dict]:
    step = size * 0.5
    return [{"text": g, "x0": x + i * step, "x1": x + (i + 1) * step, "top": top, "bottom": top + size, "size": size} for i, g in enumerate(text)]


def test_a_table_ruled_only_between_its_rows_is_found_by_its_rules_and_its_white_space():
    """Ramsar sites by region, typst's `horizontal` borders (seed 4500): nine rules across the text
    width, no vertical one; the columns are where white space runs from the top rule to the bottom."""
    rows = [("Region", "Contracting Parties", "Sites"), ("Africa", "51", "438"), ("Asia", "34", "402 and more")]
    tops = [444.1, 473.5, 490.1, 506.7]
    chars = [c for top, row in zip(tops, rows) for x, text in zip((82, 250, 420), row) for c in text_chars(text, x, top + 3)]
    edges = [rule(79.0, 553.2, top) for top in tops] + [rule(79.0, 230.4, 700.0)]  # and a footnote separator
    [table] = rule_bounded_tables(edges, chars, 612.0)
    assert (table.bbox.top, table.bbox.bottom, len(table.cells), [len(row) for row in table.cells]) == (444.1, 506.7, 3, [3, 3, 3])
    assert [round(cell.x0) for cell in table.cells[0]] == [79, 181, 382]  # midway between the columns


def test_rules_with_one_column_of_prose_between_them_are_no_table():
    """A boxed note: rules above, between and below two paragraphs of running text."""
    chars = text_chars("Decision required: the Committee is requested to examine the report.", 82, 103)
    chars += text_chars("It is invited to adopt the draft decision in appendix 1 to this document.", 82, 133)
    edges = [rule(79.0, 553.2, top) for top in (100, 130, 160)]
    assert rule_bounded_tables(edges, chars, 612.0) == []


def bare_row(cells: tuple[str, ...], top: float, xs: tuple[float, ...] = (69, 250, 350, 450)) -> list[dict]:
    return [c for x, text in zip(xs, cells) for c in text_chars(text, x, top)]


def test_a_table_without_rules_is_found_by_its_gutters():
    """LibreOffice, seed 1500 (`tables none`): the Ramsar sites by region, header and three rows, each
    cell parted from the next by a gutter wider than twice the size."""
    rows = [("Ramsar region", "Parties", "Sites", "Open files"), ("Africa", "51", "438", "34"), ("Asia", "37", "402", "29"),
            ("Latin America", "24", "229", "22")]
    chars = [c for i, row in enumerate(rows) for c in bare_row(row, 437 + 19 * i)]
    chars += text_chars("Of the 137 open files, 44 were opened on the basis of a report submitted by the Parties.", 88, 530)
    [table] = whitespace_tables(chars)
    assert (len(table.cells), [len(row) for row in table.cells]) == (4, [4, 4, 4, 4])
    assert table.bbox.bottom < 530  # the paragraph under it stays prose


def test_numbered_paragraphs_and_a_table_whose_cells_wrap_are_no_bare_table():
    numbered = [c for i, text in enumerate(("Welcomes the report;", "Notes the progress made;", "Decides to continue.")) for c in
                text_chars("1.", 72, 100 + 14 * i) + text_chars(text, 108, 100 + 14 * i)]
    assert whitespace_tables(numbered) == []
    wrapped = bare_row(("Liaison Group", "Invite the", "UNEP/CBD/COP/13"), 300, (69, 250, 420))
    wrapped += bare_row(("of the Conventions", "secretariats to", "UNEP/CBD/SBI/1"), 314, (69, 250, 420))
    wrapped += bare_row(("Biodiversity", "cooperate and", "UNEP/CBD/COP/14"), 328, (69, 250, 420))
    wrapped += text_chars("to report", 250, 342)  # a line of the middle cell alone: its cells wrap
    assert whitespace_tables(wrapped) == []
