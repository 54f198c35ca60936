from __future__ import annotations

from extractors.footnotes import FootnoteEntry, link_footnotes, read_footnotes, split_footnote_area
from extractors.pdf_layout import Rule
from extractors.text_joining import JoinContext
from models import BBox, Block, BlockRole, FootnoteMarker, TextLine

ZH = JoinContext(language="zh")


def line(text: str, top: float, x0: float = 71.0, size: float = 9.0, markers=()) -> TextLine:
    return TextLine(page=8, bbox=BBox(x0, top, x0 + 400, top + size), text=text, size=size, bold=False, markers=markers)


def test_the_area_starts_at_the_short_rule_with_only_smaller_text_below():
    body = [line("8. 共同规划框架和协调机制可以作为在国家一级促进生物多样性相关公约之间协同作用", 650, size=11)]
    notes = [line("9 见 CBD/COP/DEC/XIII/24，附件 II", 688), line("10 UNEP/CBD/SBI/1/9/Add.1。", 701)]
    table_border = Rule(71, 524, 400)  # full width: not a footnote rule
    kept, area = split_footnote_area(body + notes, [table_border, Rule(71, 184, 684)], page_width=595, body_size=11)
    assert kept == body and area == notes


def test_without_a_rule_the_area_is_the_small_tail_that_starts_with_a_label():
    body = [line("The General Assembly,", 300, size=11), line("Decides that any proposal", 320, size=11)]
    notes = [line("1 Official Records of the General Assembly", 760), line("Twenty-sixth Session, Annexes", 772, x0=82)]
    kept, area = split_footnote_area(body + notes, [], page_width=595, body_size=11)
    assert kept == body and area == notes


def test_labels_glued_to_their_text_are_read_by_the_expected_sequence():
    area = [
        line("11“增强生物多样性相关公约的有效性和彼此间合作以及探索深化协同作用的机会”。见 UNEP/CBD/", 714),
        line("SBI/1/INF/36 和 UNEP/CBD/SBI/1/INF/37。", 727, x0=82),
        line("12大会第 66/288 号决定，附件。", 740),
        line("132016 年 9 月 27-30 日，印度尼西亚和挪威两国政府在印度尼西亚巴厘岛举办的活动", 754),
    ]
    entries = read_footnotes(area, page=8, previous_label="10")
    assert [(e.label, [l.text for l in e.lines]) for e in entries] == [
        ("11", ["“增强生物多样性相关公约的有效性和彼此间合作以及探索深化协同作用的机会”。见 UNEP/CBD/", "SBI/1/INF/36 和 UNEP/CBD/SBI/1/INF/37。"]),
        ("12", ["大会第 66/288 号决定，附件。"]),
        ("13", ["2016 年 9 月 27-30 日，印度尼西亚和挪威两国政府在印度尼西亚巴厘岛举办的活动"]),
    ]


def test_superscript_labels_and_asterisks():
    area = [
        line("第 8/2011 号决议，第 11 段", 765, x0=72, markers=(FootnoteMarker("1", 0),)),
        line("* 各公约秘书处酌情参与。", 778, x0=72),
    ]
    assert [(e.label, e.lines[0].text) for e in read_footnotes(area, page=1)] == [
        ("1", "第 8/2011 号决议，第 11 段"),
        ("*", "各公约秘书处酌情参与。"),
    ]


def block(index: int, page: int, text: str, markers: tuple[FootnoteMarker, ...]) -> Block:
    bbox = BBox(72, 100, 520, 140)
    return Block(index, BlockRole.BODY, page, page, bbox, 11.0, False, text, (), markers)


def test_a_label_cited_twice_links_to_the_citation_on_its_own_page_and_continuations_join():
    blocks = [
        block(0, 3, "各公约秘书处和有关组织", (FootnoteMarker("*", 6),)),
        block(1, 5, "各公约秘书处、政府间科学政策平台秘书处", (FootnoteMarker("*", 6),)),
    ]
    entries = [
        FootnoteEntry("*", 5, [line("各公约秘书处", 770)]),
        FootnoteEntry("", 6, [line("酌情参与。", 60)]),
        FootnoteEntry("7", 6, [line("UNEP/CBD/COP13/3 Rec.9/1 和 9/3", 770)]),
    ]
    notes, warnings = link_footnotes(entries, blocks, [], ZH)
    assert [(n.label, n.text, n.block_index, n.offset) for n in notes] == [
        ("*", "各公约秘书处酌情参与。", 1, 6),
        ("7", "UNEP/CBD/COP13/3 Rec.9/1 和 9/3", None, None),
    ]
    assert warnings == ["footnote 7 on page 6: no marker points to it"]
