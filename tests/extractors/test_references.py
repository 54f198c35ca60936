"""References in real sentences of the corpus papers and of other governing bodies' papers."""

from __future__ import annotations

import pytest

from extractors.references import find_references


def normalized(text: str) -> list[tuple[str, str]]:
    return [(str(r.kind), r.normalized) for r in find_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("管理机构通过第 7/2015 号决议，欢迎缔约方大会第 XII/30 号决定", [("resolution", "Resolution 7/2015"), ("decision", "Decision XII/30")]),
        ("《名古屋议定书》缔约方会议第 NP-2/5 号决定", [("decision", "Decision NP-2/5")]),
        ("根据执行问题附属机构第 1/8 号建议请执行秘书进行的协商工作", [("recommendation", "Recommendation 1/8")]),
        ("大会第 66/288 号决定，附件。", [("decision", "Decision 66/288")]),
        ("世界遗产委员会第 37 COM 5A 号决定", [("decision", "Decision 37 COM 5A")]),
        ("关于特别是作为水禽栖息地的国际重要湿地的公约的第 XI.6 号决议", [("resolution", "Resolution XI.6")]),
        ("《养护野生动物移栖物种公约》第 8.18、10.18 号决议", [("resolution", "Resolution 8.18"), ("resolution", "Resolution 10.18")]),
        (
            "《生物多样性公约》第 IX/8、第 X/2 号、第 X/5 号和第 XI/6 号决定",
            [("decision", f"Decision {d}") for d in ("IX/8", "X/2", "X/5", "XI/6")],
        ),
        ("第 1.2 条以及第 19.3(g)和(l)条", [("article", "Article 1.2"), ("article", "Article 19.3(g)"), ("article", "Article 19.3(l)")]),
        ("第 19.3(1)条进一步规定", [("article", "Article 19.3(1)")]),
        ("根据《国际条约》第 18.4(a)条", [("article", "Article 18.4(a)")]),
        ("《生物多样性公约》第 8(j)条", [("article", "Article 8(j)")]),
        ("新修订文本第十一条设立", [("article", "Article XI")]),
        ("后作为第 UNEP/CBD/COP/13/12/ADD4 号文件提交", [("document_symbol", "UNEP/CBD/COP/13/12/ADD4")]),
        ("见 CBD/COP/DEC/XIII/24，附件 II（参见 https://www.cbd.int/doc/decisions/cop-13/cop-13-dec-24-en.pdf）。",
         [("document_symbol", "CBD/COP/DEC/XIII/24")]),
        ("UNEP/CBD/COP13/3 Rec.9/1 和 9/3", [("document_symbol", "UNEP/CBD/COP13/3"), ("recommendation", "Recommendation 9/1"), ("recommendation", "Recommendation 9/3")]),
        ("执行问题附属机构关于国家报告的建议 1/10", [("recommendation", "Recommendation 1/10")]),
    ],
)
def test_chinese_forms(text, expected):
    assert normalized(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Through Resolution 7/2015, the Governing Body welcomed decision XII/30", [("resolution", "Resolution 7/2015"), ("decision", "Decision XII/30")]),
        ("decisions IX/8, X/2, X/5 and XI/6 of the Convention", [("decision", f"Decision {d}") for d in ("IX/8", "X/2", "X/5", "XI/6")]),
        ("General Assembly resolution 70/1, annex", [("resolution", "Resolution 70/1")]),
        ("Articles 19.3(g) and (l) of the Treaty", [("article", "Article 19.3(g)"), ("article", "Article 19.3(l)")]),
        ("in accordance with Article 18.4(a)", [("article", "Article 18.4(a)")]),
        ("as document UNEP/CBD/COP/13/12/Add.4 and IT/GB-7/17/Inf.15", [("document_symbol", "UNEP/CBD/COP/13/12/ADD.4"), ("document_symbol", "IT/GB-7/17/INF.15")]),
        ("see UNEP/CBD/SBI/1/INF/36 and UNEP/CMS/Conf.10.27; A/RES/70/1", [("document_symbol", "UNEP/CBD/SBI/1/INF/36"), ("document_symbol", "UNEP/CMS/CONF.10.27"), ("document_symbol", "A/RES/70/1")]),
        ("recommendation 1/8 of the Subsidiary Body on Implementation", [("recommendation", "Recommendation 1/8")]),
    ],
)
def test_english_forms(text, expected):
    assert normalized(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全球环境基金第六增资期（GEF-6）生物多样性策略包括与所有生物多样性有关的目标和方案",
        "它强调有充足的机会制定一份建议书，把国家生物多样性战略确定的一系列符合条件的活动纳入其中",
        "除了上文第 14 至 16 段所述可通过强化协调机制来促进的备选行动方案（见下文第 6 分节）",
        "缔约方大会第十三届会议（COP-13）和《2011-2020 年生物多样性战略计划》，可持续发展目标具体目标 2.5",
        "第**/2017 号决议草案",
        "Draft Resolution **/2017, the Strategic Plan for Biodiversity 2011-2020 and indicator 15.6.1",
        "https://www.cbd.int/doc/decisions/cop-13/cop-13-dec-24-en.pdf",
        "UNEP MEA-IKM/InforMEA and UNEP-WCMC",
    ],
)
def test_what_is_not_a_reference(text):
    assert find_references(text) == []


def test_body_pinpoint_and_offsets():
    text = "例如：缔约方大会第 XI/14 号决定，B，第 17-21 段；缔约方大会第 XIII/16 号决定第 3(a)段"
    first, second = find_references(text)
    assert (first.body, first.pinpoint, text[first.start : first.end]) == ("COP", "section B, paras. 17-21", "第 XI/14 号决定")
    assert (second.body, second.pinpoint) == ("COP", "para. 3(a)")
    english = "paragraph 3(a) of decision XIII/16 of the Conference of the Parties"
    [reference] = find_references(english)
    assert (reference.body, reference.pinpoint, english[reference.start : reference.end]) == ("COP", "para. 3(a)", "decision XIII/16")
