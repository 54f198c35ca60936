from __future__ import annotations

from extractors.cover import read_cover, split_cover
from extractors.text_joining import JoinContext
from models import BBox, TextLine


def line(text: str, top: float, size: float = 11.0) -> TextLine:
    return TextLine(page=1, bbox=BBox(72, top, 520, top + size), text=text, size=size, bold=False)


ZH_COVER = [
    line("IT/GB-7/17/19", 42, 12), line("2017 年 9 月", 59, 10), line("粮食及农业组织", 82, 10),
    line("暂定议程议题 17.1", 119), line("管理机构第七届会议", 142),
    line("2017 年 10 月 30 日－11 月 3 日，卢旺达基加利", 166), line("关于与《生物多样性公约》合作的报告", 193, 14),
]
EN_COVER = [
    line("IT/GB-7/17/19", 42, 12), line("September 2017", 59, 10),
    line("Food and Agriculture Organization of the United Nations", 82, 10),
    line("Item 17.1 of the Provisional Agenda", 119), line("SEVENTH SESSION OF THE GOVERNING BODY", 142),
    line("Kigali, Rwanda, 30 October – 3 November 2017", 164),
    line("REPORT ON COOPERATION WITH THE CONVENTION ON BIO-", 191, 14), line("LOGICAL DIVERSITY", 212, 14),
]


def test_the_cover_runs_to_the_title_the_largest_text_of_the_upper_page():
    body = [line("内容提要", 239, 12), line("本文件系根据《国际条约》规定和管理机构对秘书的要求", 263)]
    cover, rest = split_cover(ZH_COVER + body, page_height=842, body_size=11)
    assert cover == ZH_COVER and rest == body


def test_a_page_without_a_larger_title_has_no_cover():
    lines = [line("The General Assembly,", 100), line("Recalling the provisions of the Charter", 120)]
    assert split_cover(lines, page_height=842, body_size=11) == ([], lines)


def test_chinese_cover_fields():
    cover = read_cover(ZH_COVER, [], [], "zh", JoinContext("zh"))
    assert (cover.symbol, cover.date, cover.agenda_item, cover.session) == ("IT/GB-7/17/19", "2017 年 9 月", "17.1", "管理机构第七届会议")
    assert (cover.dates, cover.place) == ("2017 年 10 月 30 日－11 月 3 日", "卢旺达基加利")
    assert cover.title == "关于与《生物多样性公约》合作的报告"


def test_english_cover_fields_with_a_title_hyphenated_over_two_lines():
    context = JoinContext("en", words=frozenset({"biological", "diversity"}))
    cover = read_cover(EN_COVER, [], [], "en", context)
    assert (cover.symbol, cover.date, cover.agenda_item) == ("IT/GB-7/17/19", "September 2017", "17.1")
    assert cover.session == "SEVENTH SESSION OF THE GOVERNING BODY"
    assert (cover.place, cover.dates) == ("Kigali, Rwanda", "30 October – 3 November 2017")
    assert cover.title == "REPORT ON COOPERATION WITH THE CONVENTION ON BIOLOGICAL DIVERSITY"


def test_general_assembly_masthead_without_a_cover_block():
    masthead = [line("Distr. LIMITED", 60), line("A/L.632 29 September 1971", 75), line("ORIGINAL: ENGLISH", 90),
                line("Twenty-sixth session Agenda item 93", 120),
                line("Australia, Colombia, Costa Rica, Dominican Republic, El Salvador, Fiji, Gambia: draft resolution", 150)]
    cover = read_cover([], masthead, [], "en", JoinContext("en"))
    assert (cover.symbol, cover.agenda_item, cover.session, cover.title) == ("A/L.632", "93", "Twenty-sixth session", "")


def test_the_symbol_can_come_from_the_running_header():
    cover = read_cover([line("关于与《生物多样性公约》合作的报告", 193, 14)], [], ["2 IT/GB-7/17/19", "IT/GB-7/17/19 3"], "zh", JoinContext("zh"))
    assert cover.symbol == "IT/GB-7/17/19"
