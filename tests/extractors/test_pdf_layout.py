"""From characters to lines: markers, spaces, columns; on characters laid out as producers do."""

from __future__ import annotations

from extractors.pdf_layout import build_lines, horizontal_rules


def chars(text: str, x: float, baseline: float, size: float = 11.0, advance: float | None = None, font: str = "Serif"):
    """pdfplumber-like chars for `text`, one per character, set from `x` on `baseline`."""
    result = []
    width = advance if advance is not None else size * 0.5
    for glyph in text:
        step = size if ord(glyph) > 0x2E80 else width
        result.append(
            {"text": glyph, "x0": x, "x1": x + step, "top": baseline - size, "bottom": baseline, "size": size,
             "fontname": font, "upright": True}
        )
        x += step
    return result


def test_a_superscript_marker_leaves_the_text_and_keeps_its_offset():
    line = chars("作为其每届会议议程一个常设议题。", 72, 100)
    marker = chars("1", line[-1]["x1"], 100 - 11 * 0.38, size=6.6)
    [result] = build_lines(line + marker, page=1)
    assert result.text == "作为其每届会议议程一个常设议题。"
    assert [(m.label, m.offset) for m in result.markers] == [("1", 16)]


def test_a_marker_inside_english_text_sits_between_the_words():
    before = chars("Biodiversity,", 72, 200)
    marker = chars("2", before[-1]["x1"], 200 - 4, size=6.6)
    after = chars(" and the Aichi Targets", marker[-1]["x1"], 200)
    [result] = build_lines(before + marker + after, page=3)
    assert result.text == "Biodiversity, and the Aichi Targets"
    assert [(m.label, m.offset) for m in result.markers] == [("2", 13)]


def test_a_gap_without_a_space_glyph_is_a_space_after_a_hanging_number():
    number = chars("17.", 72, 300)
    text = chars("Finally, the Governing Body", 108, 300)
    [result] = build_lines(number + text, page=2)
    assert result.text == "17. Finally, the Governing Body"


def test_justified_chinese_gets_no_spaces_between_characters():
    spread = chars("生物多样性公约执行秘书关于与国际条约合作的报告载于", 72, 120, advance=None)
    for index, char in enumerate(spread):  # justified: 2 pt extra between every two characters
        char["x0"] += 2 * index
        char["x1"] += 2 * index
    [result] = build_lines(spread, page=1)
    assert result.text == "生物多样性公约执行秘书关于与国际条约合作的报告载于"


def test_a_tab_between_a_chinese_decision_number_and_its_title_is_a_space_but_quarter_em_spacing_is_not():
    """reportlab, seed 3500: `第 5/2025 号决议` then 7.6 pt (0.6 of the size) before `2028 国际…`;
    LibreOffice's CJK-Latin autospace puts a quarter em, no glyph, between `第` and `54/8`."""
    number = chars("第 5/2025 号决议", 88, 200, size=12.7)
    title = chars("2028 国际山地游牧年", number[-1]["x1"] + 7.6, 200, size=12.7)
    [result] = build_lines(number + title, page=1)
    assert result.text == "第 5/2025 号决议 2028 国际山地游牧年"
    first = chars("第", 72, 300, size=12.0)
    symbol = chars("54/8", first[-1]["x1"] + 3.0, 300, size=12.0)
    rest = chars("号决议", symbol[-1]["x1"] + 3.0, 300, size=12.0)
    [spaced] = build_lines(first + symbol + rest, page=1)
    assert spaced.text == "第54/8号决议"


def test_words_on_one_baseline_far_apart_are_separate_lines():
    organisation = chars("粮食及农业组织", 72, 60, size=10)
    symbol = chars("IT/GB-7/17/19", 447, 60, size=12)
    lines = build_lines(organisation + symbol, page=1)
    assert [line.text for line in lines] == ["粮食及农业组织", "IT/GB-7/17/19"]


def test_a_marker_wrapped_alone_under_its_line_ends_that_line():
    cell = chars("生物多样性相关公约联络小组", 205, 697, size=8.5)
    wrapped = chars("**", 205, 709 - 3.5, size=4.9)
    [result] = build_lines(cell + wrapped, page=22)
    assert result.text == "生物多样性相关公约联络小组"
    assert [(m.label, m.offset) for m in result.markers] == [("**", 13)]


def test_a_footnote_label_before_its_text_is_a_marker_at_offset_zero():
    label = chars("1", 72, 770 - 3.4, size=5.4)
    text = chars("第 8/2011 号决议，第 11 段", 86, 770, size=9)
    [result] = build_lines(label + text, page=1)
    assert result.text == "第 8/2011 号决议，第 11 段"
    assert [(m.label, m.offset) for m in result.markers] == [("1", 0)]


def test_lines_are_ordered_top_to_bottom_and_carry_size_and_weight():
    heading = chars("I. INTRODUCTION", 250, 100, size=12, font="Serif-Bold")
    body = chars("1. Article 1.2 of the Treaty", 72, 130)
    lines = build_lines(body + heading, page=1)
    assert [(line.text, line.size, line.bold) for line in lines] == [
        ("I. INTRODUCTION", 12.0, True),
        ("1. Article 1.2 of the Treaty", 11.0, False),
    ]


def test_short_flat_rectangles_and_lines_are_rules():
    objects = [
        {"x0": 71, "x1": 184, "top": 684, "bottom": 684.5},  # LibreOffice's footnote separator
        {"x0": 72, "x1": 73, "top": 100, "bottom": 700},  # a vertical table border
        {"x0": 72, "x1": 75, "top": 300, "bottom": 300},  # a dash, too short
    ]
    assert [(r.x0, r.x1) for r in horizontal_rules(objects)] == [(71, 184)]


def test_a_row_of_two_fonts_whose_baselines_differ_by_under_a_point_reads_left_to_right():
    """Han in a CJK font, digits in a Latin font whose bottom sits 0.24 pt higher (its smaller descent)."""
    before = chars("1.《国际条约》第", 72, 400, font="WenQuanYi")
    number = chars(" 1.2 ", before[-1]["x1"], 400 - 0.24, font="LiberationSerif")
    after = chars("条规定", number[-1]["x1"], 400, font="WenQuanYi")
    [result] = build_lines(after + number + before, page=1)
    assert result.text == "1.《国际条约》第 1.2 条规定"


def test_a_row_of_tiny_spaces_above_a_line_is_no_footnote_marker():
    """Word sets empty spacing paragraphs in a 1-5 pt font: their space glyphs sit just above the next line."""
    spacer = chars(" ", 72, 393, size=5.0)
    line = chars("Resolution adopted by the General Assembly", 72, 400, size=14.0)
    [result] = build_lines(spacer + line, page=1)
    assert (result.text, result.markers) == ("Resolution adopted by the General Assembly", ())


def test_a_raised_ordinal_suffix_stays_in_the_text():
    """UNFCCC prints `10th plenary meeting` with a superscript `th`: no footnote `th`."""
    number = chars("10", 456, 500, size=10.0)
    suffix = chars("th", number[-1]["x1"], 500 - 4, size=6.5)
    rest = chars(" plenary meeting", suffix[-1]["x1"], 500, size=10.0)
    [result] = build_lines(number + suffix + rest, page=2)
    assert (result.text, result.markers) == ("10th plenary meeting", ())


def test_a_job_number_set_over_a_barcode_is_a_line_of_its_own():
    """UNFCCC's first page: `GE.20-04099(E)` in 10 pt just above a 28 pt barcode."""
    job = chars("GE.20-04099(E)", 57, 785.5, size=10.0)
    barcode = chars("*2004099*", 57, 818, size=28.0)
    assert [line.text for line in build_lines(barcode + job, page=1)] == ["GE.20-04099(E)", "*2004099*"]


def test_a_marker_set_in_the_fonts_superscript_glyph_on_the_baseline_is_a_marker():
    """typst sets a note's marker with the font's `sups` glyphs: text size, on the baseline, 4.18 pt
    wide where the font's digits are 6 pt (Liberation Serif, 12 pt); `CoP19` and `2001` stay text."""
    text = chars("Recalling resolution 55/279 of 2001, the Brussels Declaration", 72, 400, size=12.0, advance=6.0)
    marker = chars("4", text[-1]["x1"], 400, size=12.0, advance=4.18)
    rest = chars(" and CoP19 documents", marker[-1]["x1"], 400, size=12.0, advance=6.0)
    [result] = build_lines(text + marker + rest, page=1)
    assert result.text == "Recalling resolution 55/279 of 2001, the Brussels Declaration and CoP19 documents"
    assert [(m.label, m.offset) for m in result.markers] == [("4", 61)]
    chinese = chars("《布鲁塞尔宣言》", 72, 500, size=12.0) + chars("4", 168, 500, size=12.0, advance=4.18)
    chinese += chars("和《行动纲领》", 172.18, 500, size=12.0) + chars("2001", 256.18, 500, size=12.0, advance=6.0)
    [zh] = build_lines(chinese, page=1)
    assert (zh.text, [(m.label, m.offset) for m in zh.markers]) == ("《布鲁塞尔宣言》和《行动纲领》2001", [("4", 8)])


def test_a_heading_whose_two_fonts_bottoms_differ_by_more_than_a_point_is_one_line_by_its_baseline():
    """typst, seed 4502: `第 5/2025 号决议 2028 国际…` at 13.1 pt, Han in AR PL UKai (bottom 197.92),
    digits in DejaVu Sans Bold (bottom 199.48); both on the baseline 196.33."""
    han = chars("第 ", 50.2, 197.92, size=13.1, advance=4.2) + chars("号决议", 122.78, 197.92, size=13.1)
    digits = chars("5/2025 ", 67.86, 199.48, size=13.1, font="DejaVuSans-Bold", advance=8.3)
    for char in han + digits:
        char["baseline"] = 196.33
    [line] = build_lines(han + digits, page=1)
    assert line.text == "第 5/2025 号决议"
