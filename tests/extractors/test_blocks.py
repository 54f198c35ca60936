from __future__ import annotations

from extractors.blocks import build_blocks
from extractors.text_joining import JoinContext
from models import BBox, TextLine

ZH = JoinContext("zh")


def line(page: int, text: str, top: float, x0: float, x1: float = 523.0, size: float = 11.0, bold: bool = False) -> TextLine:
    return TextLine(page=page, bbox=BBox(x0, top, x1, top + size), text=text, size=size, bold=bold)


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
