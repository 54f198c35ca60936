"""Tables continued over pages: repeated headers dropped, broken rows joined, new rows kept."""

from __future__ import annotations

from extractors.tables import FoundTable, PageTable, merge_continued
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
