from __future__ import annotations

from extractors.running_heads import PageLines, split_running_heads
from models import BBox, TextLine

HEIGHT = 842.0


def line(page: int, text: str, top: float, x0: float = 72.0, size: float = 11.0) -> TextLine:
    return TextLine(page=page, bbox=BBox(x0, top, x0 + 200, top + size), text=text, size=size, bold=False)


def pages_with(head) -> list[PageLines]:
    pages = [PageLines(1, HEIGHT, [line(1, "IT/GB-7/17/19", 42, x0=451, size=12), line(1, "关于与《生物多样性公约》合作的报告", 190, size=14)])]
    for number in range(2, 9):
        body = [line(number, f"{number + 10}. 全球环境基金作为《公约》的财务机制", 100), line(number, "2017 年 6 月，生物多样性公约秘书处在意大利罗马", 700)]
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
