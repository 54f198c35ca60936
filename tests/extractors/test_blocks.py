from __future__ import annotations

import dataclasses

from extractors.blocks import build_blocks
from extractors.text_joining import JoinContext
from models import BBox, FootnoteMarker, TextLine

ZH = JoinContext("zh")


def line(
    page: int, text: str, top: float, x0: float, x1: float = 523.0, size: float = 11.0, bold: bool = False,
    markers: tuple[FootnoteMarker, ...] = (),
) -> TextLine:
    return TextLine(page=page, bbox=BBox(x0, top, x1, top + size), text=text, size=size, bold=bold, markers=markers)


def texts(pages) -> list[str]:
    return [block.text for block in build_blocks(pages, ZH)]


def test_a_hanging_number_starts_a_block_and_its_lines_join():
    page = [
        line(2, "4. 全球环境基金作为《公约》的财务机制，促进提供综合解决方案，以应对环境与发展", 136, 71),
        line(2, "挑战。全球环境基金的生物多样性项目组合，包括农业生物多样性，目前是该机构内", 152, 107),
        line(2, "最大的项目。", 168, 107, 180),
        line(2, "5. 管理机构通过第 7/2015 号决议，欢迎缔约方大会第 XII/30 号决定，并在此背景下：", 191, 71),
        line(2, "4. 请主席团在秘书处支持下，向全球环境基金提出符合全球环境基金职权范围的关于", 214, 107),
        line(2, "为《条约》目标和优先重点供资的建议要点", 230, 143, 400),
    ]
    assert texts([page]) == [
        "4. 全球环境基金作为《公约》的财务机制，促进提供综合解决方案，以应对环境与发展挑战。全球环境基金的生物多样性项目组合，包括农业生物多样性，目前是该机构内最大的项目。",
        "5. 管理机构通过第 7/2015 号决议，欢迎缔约方大会第 XII/30 号决定，并在此背景下：",
        "4. 请主席团在秘书处支持下，向全球环境基金提出符合全球环境基金职权范围的关于为《条约》目标和优先重点供资的建议要点",
    ]


def test_a_paragraph_cut_by_the_page_continues_even_after_a_full_stop():
    page_1 = [
        line(1, "3. 生物多样性公约缔约方大会第十三届会议（COP-13），以及缔约方大会充当《名古屋", 719, 71),
        line(1, "议定书》缔约方会议第二次会议（COP-MOP-2），于 2016 年 12 月 4 日至 17 日在墨西哥坎昆举行。", 735, 107),
    ]
    page_2 = [line(2, "两次会议通过了若干与《国际条约》直接相关的决定。", 69, 107, 400), line(2, "A. 《公约》的财务机制", 113, 71, 271)]
    assert texts([page_1, page_2]) == [
        "3. 生物多样性公约缔约方大会第十三届会议（COP-13），以及缔约方大会充当《名古屋议定书》缔约方会议第二次会议（COP-MOP-2），于 2016 年 12 月 4 日至 17 日在墨西哥坎昆举行。两次会议通过了若干与《国际条约》直接相关的决定。",
        "A. 《公约》的财务机制",
    ]


def test_a_quoted_paragraph_at_the_top_of_a_page_is_not_a_continuation():
    page_1 = [
        line(1, "9. 管理机构通过第 7/2015 号决议：这是一段很长的文字一直写到页面的右边缘为止没有句号", 700, 71),
        line(1, "继续写到页面的右边缘为止没有句号继续写到页面的右边缘为止没有句号继续写到页", 716, 107),
    ]
    page_2 = [line(2, "5. 欢迎生物多样性公约缔约方大会第十二届会议决定组织一次研讨会，", 69, 107)]
    assert len(texts([page_1, page_2])) == 2


def test_unnumbered_paragraphs_split_by_the_page_only_without_closing_punctuation():
    page_1 = [line(1, "本节重点介绍如何实现这一点，特别是如何为公约的协调执行进行联络和能力建设。", 740, 71)]
    page_2 = [line(2, "在全球层面，一些公约还建立了具体的支持机制。", 69, 71, 300)]
    assert len(texts([page_1, page_2])) == 2
    cut = [line(1, "本节重点介绍如何实现这一点，特别是如何为公约的协调执行进行联络和能力建设的", 740, 71)]
    assert texts([cut, page_2]) == ["本节重点介绍如何实现这一点，特别是如何为公约的协调执行进行联络和能力建设的在全球层面，一些公约还建立了具体的支持机制。"]


def test_a_centred_heading_on_two_lines_is_one_block():
    page = [
        line(1, "II. COOPERATION BETWEEN THE GOVERNING BODY OF THE TREATY AND", 300, 120, 475, 12, True),
        line(1, "THE CONFERENCE OF THE PARTIES", 316, 200, 395, 12, True),
        line(1, "3. The thirteenth meeting of the Conference of the Parties", 340, 71),
    ]
    assert [b.text for b in build_blocks([page], JoinContext("en"))] == [
        "II. COOPERATION BETWEEN THE GOVERNING BODY OF THE TREATY AND THE CONFERENCE OF THE PARTIES",
        "3. The thirteenth meeting of the Conference of the Parties",
    ]


def test_an_inline_number_set_against_the_chinese_is_parted_by_one_space():
    page = [line(1, "4.请执行秘书与各公约秘书处合作，", 100, 71, 300)]
    assert texts([page]) == ["4. 请执行秘书与各公约秘书处合作，"]


def test_a_first_line_indent_and_no_space_between_paragraphs_still_part_them():
    """UN secretariat style: the number inline after a first-line indent, paragraphs set solid."""
    page = [
        line(1, "1. The Conference of the Parties adopted decision 15/4 on the framework and", 100, 100),
        line(1, "requested the Executive Secretary to report.", 113, 72, 300),
        line(1, "2. The Subsidiary Body on Implementation at its fourth meeting considered the", 126, 100),
        line(1, "draft recommendation.", 139, 72, 200),
    ]
    assert [b.text for b in build_blocks([page], JoinContext("en"))] == [
        "1. The Conference of the Parties adopted decision 15/4 on the framework and requested the Executive Secretary to report.",
        "2. The Subsidiary Body on Implementation at its fourth meeting considered the draft recommendation.",
    ]


def test_a_one_line_paragraph_set_solid_is_parted_from_the_next_number_under_its_own():
    """Inline numbers after a first-line indent, no space: `9.` on one line, `10.` right under it."""
    page = [
        line(1, "9.请缔约国暂停在遗产边界内发放新的矿产勘探许可证；", 100, 100, 523),
        line(1, "10.请缔约国在 2024 年 2 月 1 日之前向世界遗产中心提交一份关于遗产保护状况的最新报告，", 116, 100),
        line(1, "供委员会第四十七届会议审议。", 132, 72, 300),
    ]
    assert texts([page]) == [
        "9. 请缔约国暂停在遗产边界内发放新的矿产勘探许可证；",
        "10. 请缔约国在 2024 年 2 月 1 日之前向世界遗产中心提交一份关于遗产保护状况的最新报告，供委员会第四十七届会议审议。",
    ]


def test_chinese_clauses_set_solid_part_at_their_leads_and_at_a_line_short_of_a_character():
    """HRC resolution in Chinese, clauses at a first-line indent with no space between them (fpdf2 and
    reportlab, seeds 500 and 3500): a clause that ends one character short of the edge, its footnote
    marker after it; one that fills its line, the next opening with its lead at the same indent."""
    marker = FootnoteMarker("1", 40)
    page = [
        line(1, "遵循《联合国宪章》的宗旨和原则，", 100, 98, 289, 11.9),
        line(1, "回顾关于获得安全饮用水和卫生设施的人权的 2010 年 7 月 28 日大会第 64/292 号决议和", 115.6, 98, 562, 11.9),
        line(1, "2023 年 10 月 12 日人权理事会第 54/8 号决议，", 131.2, 60, 304, 11.9),
        line(1, "深为关切仍有约 22 亿人缺乏安全管理的饮用水服务，其中十分之八生活在农村地区，", 146.8, 98, 548, 11.9, markers=(marker,)),
        line(1, "铭记在住所内无法获得水的地方，取水的主要负担落在妇女和女童身上，", 162.4, 98, 479, 11.9),
        line(1, "认识到农村地区的供水服务往往由社区管理，而社区缺乏资金和技术支持，需要各国政府持续", 178, 98, 562, 11.9),
        line(1, "提供援助，", 193.6, 60, 120, 11.9),
    ]
    assert texts([page]) == [
        "遵循《联合国宪章》的宗旨和原则，",
        "回顾关于获得安全饮用水和卫生设施的人权的 2010 年 7 月 28 日大会第 64/292 号决议和 2023 年 10 月 12 日人权理事会第 54/8 号决议，",
        "深为关切仍有约 22 亿人缺乏安全管理的饮用水服务，其中十分之八生活在农村地区，",
        "铭记在住所内无法获得水的地方，取水的主要负担落在妇女和女童身上，",
        "认识到农村地区的供水服务往往由社区管理，而社区缺乏资金和技术支持，需要各国政府持续提供援助，",
    ]


def test_a_paragraph_spacing_narrower_than_the_usual_allowance_is_read_from_the_papers_own_gaps():
    """LibreOffice, 10.4 pt, 2.5 pt between paragraphs: the gap below a clause's short last line
    (14.0) against the gap inside one (11.6) parts `…；并` from the next clause."""
    page = [
        line(1, "回顾关于许可证和证明书的第 Conf. 12.3 (Rev. CoP19)号决议和关于处置非法贸易和", 236.2, 108, 552, 10.4),
        line(1, "所列物种标本的第 Conf. 17.8 号决议；", 258.1, 67, 245, 10.4),
        line(1, "意识到从原产地到最终目的地追溯标本的系统有助于缔约方作出合法获得认定；", 282.5, 108, 480, 10.4),
        line(1, "注意到常委会在可追溯性方面的工作及其工作组的建议；", 306.9, 108, 371, 10.4),
        line(1, "指示秘书处在获得外部资金的情况下协助缔约方开发可追溯系统；并", 331.3, 108, 420, 10.4),
        line(1, "邀请国际贸易中心和其他相关组织支持本决议的执行。", 355.7, 108, 357, 10.4),
    ]
    assert texts([page]) == [
        "回顾关于许可证和证明书的第 Conf. 12.3 (Rev. CoP19)号决议和关于处置非法贸易和所列物种标本的第 Conf. 17.8 号决议；",
        "意识到从原产地到最终目的地追溯标本的系统有助于缔约方作出合法获得认定；",
        "注意到常委会在可追溯性方面的工作及其工作组的建议；",
        "指示秘书处在获得外部资金的情况下协助缔约方开发可追溯系统；并",
        "邀请国际贸易中心和其他相关组织支持本决议的执行。",
    ]


def test_an_adoption_line_set_apart_is_one_block_parted_from_the_last_clause():
    """`52nd meeting` / `3 April 2025` / `[Adopted without a vote.]` at a deep indent under the
    last operative clause, set solid (reportlab, seed 3500); in Chinese its lines keep a space."""
    clause = line(1, "5. Decides to continue its consideration of this issue under the same agenda item.", 694, 121, 514, 10.7)
    adoption = [
        line(1, "52nd meeting", 708, 360, 425, 10.7),
        line(1, "3 April 2025", 722, 360, 417, 10.7),
        line(1, "[Adopted without a vote.]", 736, 360, 478, 10.7),
    ]
    body = [line(1, "The Human Rights Council,", 680 - 14 * i, 121, 300, 10.7) for i in range(3, 0, -1)]
    assert [b.text for b in build_blocks([[*body, clause, *adoption]], JoinContext("en"))][-2:] == [
        "5. Decides to continue its consideration of this issue under the same agenda item.",
        "52nd meeting 3 April 2025 [Adopted without a vote.]",
    ]
    chinese = [
        line(1, "5. 决定继续在同一议程项目下审议这一问题。", 539, 98, 341, 11.9),
        line(1, "第 52 次会议", 555, 396, 462, 11.9),
        line(1, "2025 年 4 月 3 日", 570.6, 396, 483, 11.9),
        line(1, "[未经表决获得通过。]", 586.2, 396, 511, 11.9),
    ]
    assert texts([chinese]) == ["5. 决定继续在同一议程项目下审议这一问题。", "第 52 次会议 2025 年 4 月 3 日 [未经表决获得通过。]"]


def test_a_heading_in_italics_throughout_under_a_clause_is_its_own_block():
    """CITES: `Regarding cooperation` at the column's left under `URGES Parties …;` (fpdf2, seed 500)."""
    urges = line(1, "URGES Parties to use unique identifiers for specimens in trade wherever practicable;", 426, 98, 503, 11.9)
    heading = line(1, "Regarding cooperation", 442, 60, 170, 11.9)
    directs = line(1, "DIRECTS the Secretariat, subject to external funding, to assist Parties in developing traceability", 458, 98, 562, 11.9)
    page = [
        dataclasses.replace(urges, italic_lead="URGES"),
        dataclasses.replace(heading, italic_lead="Regarding cooperation"),
        dataclasses.replace(directs, italic_lead="DIRECTS"),
        line(1, "systems; and", 474, 60, 121, 11.9),
    ]
    assert [b.text for b in build_blocks([page], JoinContext("en"))] == [
        "URGES Parties to use unique identifiers for specimens in trade wherever practicable;",
        "Regarding cooperation",
        "DIRECTS the Secretariat, subject to external funding, to assist Parties in developing traceability systems; and",
    ]
