from __future__ import annotations

import dataclasses

from extractors.running_heads import PageLines, split_running_heads
from models import BBox, FootnoteMarker, TextLine

HEIGHT = 842.0


def line(page: int, text: str, top: float, x0: float = 72.0, size: float = 11.0) -> TextLine:
    return TextLine(page=page, bbox=BBox(x0, top, x0 + 200, top + size), text=text, size=size, bold=False)


BODY_LINES = "全球环境基金作为《公约》的财务机制|生物多样性公约秘书处在意大利罗马|管理机构第七届会议|国际条约秘书处与|根据第 7/2015 号决议|各公约之间的协同增效|战略计划的后续行动|数字序列信息".split("|")


def footnote(page: int, text: str, top: float) -> TextLine:
    """A footnote line as Word sets it: its label a superscript marker at offset 0."""
    return dataclasses.replace(line(page, text, top, size=9), markers=(FootnoteMarker(str(page), 0),))


def pages_with(head) -> list[PageLines]:
    """A cover, then seven pages with `head(number)` and two body lines that differ from page to page."""
    pages = [PageLines(1, HEIGHT, [line(1, "IT/GB-7/17/19", 42, x0=451, size=12), line(1, "关于与《生物多样性公约》合作的报告", 190, size=14)])]
    for number in range(2, 9):
        body = [line(number, f"{number + 10}. {BODY_LINES[number - 2]}", 100), line(number, BODY_LINES[number - 1], 700)]
        pages.append(PageLines(number, HEIGHT, [*head(number), *body]))
    return pages


def test_a_header_with_the_page_number_alternating_sides_is_removed():
    def head(number):
        text = f"IT/GB-7/17/19 {number}" if number % 2 else f"{number} IT/GB-7/17/19"
        return [line(number, text, 37, x0=450 if number % 2 else 72, size=9)]

    split = split_running_heads(pages_with(head))
    assert all(len(page.heads) == 1 for page in split[1:])
    assert all("IT/GB" not in l.text for page in split[1:] for l in page.lines)


def test_the_cover_symbol_is_not_a_running_head():
    split = split_running_heads(pages_with(lambda n: [line(n, "IT/GB-7/17/19", 36, size=9), line(n, str(n), 800, x0=296, size=9)]))
    assert split[0].heads == []
    assert [l.text for l in split[0].lines] == ["IT/GB-7/17/19", "关于与《生物多样性公约》合作的报告"]
    assert all([h.text for h in page.heads] == ["IT/GB-7/17/19", str(page.page)] for page in split[1:])


def test_a_lone_page_number_in_the_footer_band_goes_even_on_one_page():
    pages = [PageLines(1, HEIGHT, [line(1, "The General Assembly,", 300), line(1, "- 3 -", 800, x0=290)])]
    [page] = split_running_heads(pages)
    assert [h.text for h in page.heads] == ["- 3 -"]


def test_body_lines_near_the_top_that_do_not_recur_stay():
    openings = "缔约方大会第十三届会议 全球环境基金 研讨会于日内瓦举行 秘书处将继续 管理机构反复确认 委员会强调了合作 为推进落实愿景".split()
    split = split_running_heads(pages_with(lambda n: [line(n, f"{n}. {openings[n - 2]}", 60)]))
    assert all(page.heads == [] for page in split)


def test_a_word_footer_well_above_the_page_foot_and_the_printers_furniture_go():
    """UNFCCC and GA papers: the page number 94 pt above the foot; job number and barcode on page 1."""
    cover = [line(1, "Decision 2/CP.21", 300), line(1, "GE.16-01195(E)", 736, x0=62, size=10), line(1, "*1601195*", 747, x0=62, size=12)]
    pages = [PageLines(1, HEIGHT, cover)]
    for number in range(2, 6):
        lines = [line(number, "FCCC/CP/2015/10/Add.2", 50, size=9), line(number, BODY_LINES[number], 300),
                 footnote(number, f"See document FCCC/SB/2015/{number}.", 719), line(number, str(number), 748, size=9)]
        pages.append(PageLines(number, HEIGHT, lines))
    split = split_running_heads(pages)
    assert [h.text for h in split[0].heads] == ["GE.16-01195(E)", "*1601195*"]
    assert all([h.text for h in page.heads] == ["FCCC/CP/2015/10/Add.2", str(page.page)] for page in split[1:])
    assert all(any(l.text.startswith("See document") for l in page.lines) for page in split[1:])


def test_the_header_of_a_two_page_resolution_goes_without_recurring():
    """Page 2 of A/RES/80/1: symbol and title on one header row, job number and `2/2` at the foot."""
    cover = [line(1, "A/RES/80/1", 40, x0=492, size=10), line(1, "The General Assembly,", 372, size=10)]
    second = [line(2, "A/RES/80/1", 51, x0=60, size=8.5), line(2, "Participation by the State of Palestine", 51, x0=314, size=8.5),
              line(2, "Assembly at its eightieth session after introduction", 78, size=10), line(2, "3rd plenary meeting", 354, size=10),
              line(2, "25-15106", 746, x0=524, size=7), line(2, "2/2", 748, x0=60, size=8.5)]
    split = split_running_heads([PageLines(1, 792, cover), PageLines(2, 792, second)])
    assert split[0].heads == []
    assert [h.text for h in split[1].heads] == ["A/RES/80/1", "Participation by the State of Palestine", "25-15106", "2/2"]


def test_headings_that_only_look_alike_atop_pages_are_kept_but_a_numbered_footer_goes():
    """`Article 5` atop one page and `Article 17` atop another share a shape with a page number's
    head, but their numbers do not run with the pages (the UDHR, a report of decisions)."""
    articles = {2: 3, 3: 5, 4: 9, 5: 12, 6: 17, 7: 21, 8: 26}

    def head(number):
        return [line(number, f"Article {articles[number]}", 60), line(number, f"Page {number} of 8", 800, x0=260, size=9)]

    split = split_running_heads(pages_with(head))
    assert [[l.text for l in page.heads] for page in split[1:]] == [[f"Page {n} of 8"] for n in range(2, 9)]
    assert [page.lines[0].text for page in split[1:]] == [f"Article {articles[n]}" for n in range(2, 9)]
