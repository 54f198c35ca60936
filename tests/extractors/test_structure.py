"""The structure layer against the gold skeletons, the twins, and each trap of real papers."""

from __future__ import annotations

import csv

import pytest

from corpus_data import PRODUCERS, RENDERED, ROOT, extracted
from extractors.structure import segment
from models import BBox, Block, BlockRole, CoverMetadata, Document, DocumentStatus, TextLine


def gold(stem: str) -> list[dict[str, str]]:
    with open(ROOT / "tests" / "gold" / f"{stem}.csv", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.parametrize(("producer", "stem"), RENDERED)
def test_records_match_the_gold_skeleton(producer, stem):
    records = {record.locator: record for record in segment(extracted(producer, stem))}
    expected = gold(stem)
    wrong = [
        (row["locator"], row["kind"], row["number"], records.get(row["locator"]))
        for row in expected
        if not (
            row["locator"] in records
            and (records[row["locator"]].part, records[row["locator"]].kind, records[row["locator"]].number)
            == (row["part"], row["kind"], row["number"])
        )
    ]
    spurious = records.keys() - {row["locator"] for row in expected}
    assert len(wrong) <= 0.01 * len(expected), wrong[:5]
    assert len(spurious) <= 0.01 * len(expected), sorted(spurious)[:5]


@pytest.mark.parametrize(("producer", "stem"), RENDERED)
def test_no_quoted_number_is_taken_for_a_paragraph(producer, stem):
    records = {record.locator: record for record in segment(extracted(producer, stem))}
    quotes = [row["locator"] for row in gold(stem) if row["kind"] == "quote"]
    assert all(records[locator].kind == "quote" for locator in quotes)
    paragraph_numbers = [r.number for r in records.values() if r.kind == "paragraph" and r.part == "body" and r.number]
    assert paragraph_numbers == [f"{n}." for n in range(1, len(paragraph_numbers) + 1)]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_twins_have_the_same_locators(producer):
    zh = {r.locator for r in segment(extracted(producer, "it-gb-7-17-19.zh"))}
    en = {r.locator for r in segment(extracted(producer, "it-gb-7-17-19.en"))}
    assert len(zh & en) / len(zh | en) >= 0.99, sorted(zh ^ en)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_seed_000_in_full(producer):
    records = {r.locator: r for r in segment(extracted(producer, "it-gb-7-17-19.zh"))}
    assert all(records[f"body/{n}"].kind == "paragraph" for n in range(1, 42))
    assert all(records[f"app1/{n}"].kind == "paragraph" for n in range(1, 29))
    assert all(records[f"app2/{n}"].kind == "paragraph" for n in range(1, 18))
    # lettered and roman items; (i) after (h) is a letter
    assert records["app1/16/d/i"].text.startswith("统一数据收集和报告")
    assert records["app1/16/i"].number == "(i)" and records["app1/16/i"].text.startswith("让生物多样性相关公约")
    assert [records[f"app1/25/f/{r}"].number for r in ("i", "ii", "iii", "iv")] == ["(i)", "(ii)", "(iii)", "(iv)"]
    # misprints: a number without its full stop, a doubled number
    assert records["app2/13"].number == "13" and records["app2/13"].text.startswith("相关组织")
    assert records["app2/14"].number == "14." and records["app2/14"].text.startswith("包括各公约秘书处")
    # numbered headings followed by the paragraph of the same number
    assert records["app1/h/A/1"].kind == "heading" and records["app1/h/A/1"].text == "背景"
    assert records["app1/1"].heading_path == "附录 1 > A > 1"
    assert records["app1/h/B/1/a/ii"].heading_path == "附录 1 > B > 1 > (a) > (ii)"
    # the draft resolution
    assert records["app3/name"].text == "管理机构，"
    assert [records[f"app3/pre/{n}"].lead_verb for n in (1, 2, 3)] == ["忆及", "忆及", "确认"]
    operative = [records[f"app3/op/{n}"].lead_verb for n in range(1, 17)]
    assert operative == ["注意到", "要求", "感谢", "邀请", "赞赏地注意到", "欢迎", "邀请", "要求", "注意", "要求", "要求", "要求", "欢迎", "欢迎", "称赞", "要求"]
    # quoted decision text inside paragraphs
    assert records["body/5/q4"].text.startswith("请主席团在秘书处支持下")
    assert [records[f"body/11/{q}"].kind for q in ("u1", "u2", "q3", "q10", "q17", "q18")] == ["quote"] * 6
    assert records["body/1"].footnotes == ("1",) and records["body/39"].footnotes == ("5", "6", "7")


def test_english_resolution_clauses_have_their_lead_verbs():
    records = {r.locator: r for r in segment(extracted("libreoffice", "it-gb-7-17-19.en"))}
    assert records["app3/name"].text == "THE GOVERNING BODY,"
    assert [records[f"app3/pre/{n}"].lead_verb for n in (1, 2, 3)] == ["Recalling", "Recalling", "Recognizing"]
    assert records["app3/op/5"].lead_verb == "Notes with appreciation"
    assert records["app3/op/16"].lead_verb == "Requests"


# -- traps, on blocks laid out as a producer without indentation would --------------------------------
def document(lines: list[tuple[str, float]]) -> Document:
    """A one-page document of one-line blocks, each `x0` points from the margin."""
    blocks = []
    for index, (text, x0) in enumerate(lines):
        bbox = BBox(72 + x0, 100 + 30 * index, 520, 111 + 30 * index)
        line = TextLine(page=2, bbox=bbox, text=text, size=11, bold=False)
        blocks.append(Block(index, BlockRole.BODY, 2, 2, bbox, 11, False, text, (line,)))
    return Document("T@zh", "t.pdf", "0", "zh", DocumentStatus.OK, (), CoverMetadata(), tuple(blocks))


def test_a_number_starting_a_block_is_not_a_paragraph_number_unless_it_is_the_next():
    records = segment(document([("1. 缔约方大会第十三届会议通过了若干决定。", 0), ("2020 年，缔约方大会第十五届会议将更新战略计划。", 0), ("3 年后再审议。", 0), ("2 各国政府继续合作。", 0)]))
    assert [(r.locator, r.number) for r in records] == [("body/1", "1."), ("body/u1", ""), ("body/u2", ""), ("body/2", "2")]


def test_decision_text_quoted_without_indentation_keeps_its_own_numbers():
    records = segment(document([
        ("4. 全球环境基金作为《公约》的财务机制。", 0),
        ("5. 管理机构通过第 7/2015 号决议，欢迎缔约方大会第 XII/30 号决定，并在此背景下：", 0),
        ("4. 请主席团在秘书处支持下，向全球环境基金提出建议要点；", 0),
        ("6. 管理机构第七届会议主席团在 2016 年为全球环境基金制定了建议要点。", 0),
    ]))
    assert [(r.locator, r.kind) for r in records] == [
        ("body/4", "paragraph"), ("body/5", "paragraph"), ("body/5/q4", "quote"), ("body/6", "paragraph"),
    ]


def test_roman_items_without_a_lettered_item_before_them():
    """A page run that starts inside a list (found by make bench on pages cut out of the papers)."""
    records = segment(document([("(ii) 将各联络点和机构联系起来；", 36.0), ("(iii) 酌情促进质量控制；", 36.0), ("(b) 促进协调一致的投入；", 36.0)]))
    assert [(r.locator, r.kind) for r in records] == [("body/ii", "item"), ("body/iii", "item"), ("body/b", "item")]


def test_paragraph_numbers_in_parentheses_number_paragraphs():
    """Some secretariats print `(1)`, `(2)`: paragraph numbers, not items."""
    from extractors.structure import read_label

    assert [(l.kind, l.printed, l.value, l.text) for l in map(read_label, ["(17) The Committee", "(3) 请秘书处"])] == [
        ("number", "(17)", "17", "The Committee"),
        ("number", "(3)", "3", "请秘书处"),
    ]
    assert read_label("(a) 请秘书处").kind == "item"
