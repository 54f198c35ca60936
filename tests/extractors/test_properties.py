"""Properties that must hold for any text: the taggers, the segmenter, the numeral and date readers
and the cross-check never crash, offsets stay inside the text, locators stay unique, and a value
written out by the lexicon reads back as itself, in either language."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.align import Twins
from extractors.crosscheck import check_twins
from extractors.references import find_references
from extractors.requests import find_requests
from extractors.structure import segment
from extractors.text_joining import JoinContext, join_pair
from lexicon.dates import DateSpan, Day, find_dates, month_name
from lexicon.numerals import (
    chinese_number,
    chinese_numeral,
    english_cardinal_words,
    english_number,
    english_ordinal,
    english_ordinal_words,
    find_chinese_numbers,
    find_english_numbers,
    find_english_ordinals,
    roman_numeral,
    roman_value,
)
from lexicon.patterns import CHINESE_NUMERAL_CHARS
from models import BBox, Block, BlockRole, CoverMetadata, Document, DocumentStatus, TextLine
from models.paragraph import Paragraph, ParagraphKind
from models.processed import ProcessedPaper
from models.tags import Reference

# pieces real papers are made of, so that the random texts hit the patterns' corners
PIECES = [
    "第", " 号决议", "号决定", "号建议", "条", "、", "和", "，", "。", "；", "：", "(", ")", "（", "）", "/", ".", "-", " ",
    "XIII/24", "7/2015", "NP-2/5", "19.3(1)", "18.4(a)", "IT/GB-7/17/Inf.13", "UNEP/CBD/COP/13/12/ADD4", "Rev.",
    "要求秘书", "请主席团", "并", "还请", "邀请", "鼓励各缔约方", "不妨", "的要求", "视可获财政资源情况", "向管理机构", "报告",
    "Requests the Secretary", "Also requests", " to ", "is invited to", "decisions IX/8, X/2 and XI/6", "Article",
    "Resolution", "decision", "recommendation", "1.", "13 ", "(a)", "(iv)", "•", "II.", "A.", "附录 1", "Appendix 2",
    "2011-", "2020", "生物多样性", "Parties", "Contracting Parties", "the Bureau", "https://www.cbd.int/", "管理机构，",
    # the numeral and date vocabulary, with its corners: 一一 (one by one), 两, 〇, ranges cut short
    "一一列出", "第四十一届会议", "第 2 次会议", "两千", "二〇一七年", "十二月", "百分之", "万美元", "亿", "附件一", "附录 2",
    "2017 年 7 月 2 日至 12 日", "7 月 2 日至 17 日", "日", "月", "年", "至", "－", "2–12 July 2017", "2 to 12 July",
    "30 November–12 December 2023", "July", "May", "forty-first session", "fourteenth", "second meeting", "three",
    "twenty-one", "one hundred and five", "USD 1.2 million", "25 per cent", "30%", "1,200,000", "annexes I and II",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_references_stay_inside_the_text(text):
    for reference in find_references(text):
        assert 0 <= reference.start < reference.end <= len(text)
        assert text[reference.start : reference.end] == reference.surface
        assert reference.normalized


@FAST
@given(texts, st.sampled_from(["zh", "en"]), st.sampled_from(["", "Governing Body", "COP"]))
def test_requests_stay_inside_the_text(text, language, requester):
    for request in find_requests(text, language, requester):
        assert 0 <= request.start < request.end <= len(text)
        assert text[request.start : request.end] == request.verb_printed
        assert request.addressee


@FAST
@given(texts, texts, st.sampled_from(["zh", "en"]))
def test_joining_lines_loses_at_most_a_hyphen(left, right, language):
    left, right = left.strip(), right.strip()
    if left and right:
        joined = join_pair(left, right, JoinContext(language))
        assert len(joined) >= len(left) + len(right) - 1
        assert joined.endswith(right)


blocks = st.lists(
    st.tuples(texts.filter(lambda t: t.strip()), st.sampled_from([0.0, 18.0, 36.0, 72.0, 150.0]), st.booleans()),
    min_size=1,
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks)
def test_the_segmenter_never_crashes_and_locators_are_unique(specs):
    made = []
    for index, (text, indent, bold) in enumerate(specs):
        text = text.strip()
        bbox = BBox(72 + indent, 100 + index * 20, 520, 111 + index * 20)
        line = TextLine(page=1 + index // 30, bbox=bbox, text=text, size=11, bold=bold)
        made.append(Block(index, BlockRole.BODY, line.page, line.page, bbox, 11, bold, text, (line,)))
    document = Document("P@zh", "p.pdf", "0", "zh", DocumentStatus.OK, (), CoverMetadata(), tuple(made))
    records = segment(document)
    locators = [record.locator for record in records]
    assert len(locators) == len(set(locators))
    assert {record.block_index for record in records} == set(range(len(made)))


numbers = st.integers(min_value=0, max_value=10**12 - 1)


@FAST
@given(numbers)
def test_chinese_numerals_read_back(number):
    assert chinese_number(chinese_numeral(number)) == number


@FAST
@given(numbers)
def test_english_numbers_and_ordinals_read_back(number):
    assert english_number(english_cardinal_words(number)) == number
    if number:
        assert english_ordinal(english_ordinal_words(number)) == number


@FAST
@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_read_back(number):
    assert roman_value(roman_numeral(number)) == number
    assert roman_value(roman_numeral(number).lower()) == number


@FAST
@given(st.text(alphabet=CHINESE_NUMERAL_CHARS, max_size=12))
def test_any_run_of_chinese_numeral_characters_reads_as_one_number_or_none(run):
    """`一一` is no number and never a crash; what reads as a number is the number its standard form says."""
    value = chinese_number(run)
    assert value is None or chinese_number(chinese_numeral(value)) == value


@FAST
@given(texts)
def test_the_finders_never_crash_and_stay_inside_the_text(text):
    for found in (*find_chinese_numbers(text), *find_english_numbers(text), *find_english_ordinals(text)):
        assert text[found.start : found.end] == found.surface
    for date in find_dates(text):
        assert text[date.start : date.end] == date.surface
        assert date.span.start.valid() and date.span.end.valid()


@st.composite
def date_ranges(draw) -> DateSpan:
    year, month = draw(st.integers(1950, 2049)), draw(st.integers(1, 12))
    first = draw(st.integers(1, 27))
    last = draw(st.integers(first + 1, 28))
    return DateSpan(Day(year, month, first), Day(year, month, last))


def english_forms(span: DateSpan) -> list[str]:
    start, end = span.start, span.end
    name = month_name(start.month)
    return [f"{start.day}–{end.day} {name} {end.year}", f"{start.day} to {end.day} {name} {end.year}",
            f"{name} {start.day}–{end.day}, {end.year}"]


def chinese_forms(span: DateSpan) -> list[str]:
    start, end = span.start, span.end
    return [f"{start.year} 年 {start.month} 月 {start.day} 日至 {end.day} 日", f"{start.year}年{start.month}月{start.day}-{end.day}日",
            f"{''.join('〇一二三四五六七八九'[int(d)] for d in str(start.year))}年{chinese_numeral(start.month)}月"
            f"{chinese_numeral(start.day)}日至{chinese_numeral(end.day)}日"]


@FAST
@given(date_ranges())
def test_a_date_range_written_either_way_reads_back_the_same(span):
    for written in (*english_forms(span), *chinese_forms(span)):
        found = [d.span for d in find_dates(f"会议于 {written} 举行。")]
        assert found == [span], written


def paper(language: str, texts_: list[str]) -> ProcessedPaper:
    doc_id = f"P@{language}"
    records = tuple(
        Paragraph(doc_id, f"body/u{n}", "body", "", "", ParagraphKind.PARAGRAPH, "", text, 1, 1, block_index=n)
        for n, text in enumerate(texts_, start=1)
    )
    references = tuple(
        Reference(doc_id, r.para_id, r.locator, f.surface, f.kind, f.body, f.normalized, f.pinpoint, f.start, f.end)
        for r in records for f in find_references(r.text)
    )
    return ProcessedPaper(Document(doc_id, "p.pdf", "0", language, DocumentStatus.OK, (), CoverMetadata(), ()), records, references, ())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts.filter(str.strip), min_size=1, max_size=6), st.lists(texts.filter(str.strip), min_size=1, max_size=6))
def test_the_cross_check_never_crashes_on_pieces_of_real_text(zh, en):
    checked = check_twins(Twins("P", "P", paper("zh", zh), paper("en", en)))
    aligned = [i for a in checked.alignments for i in (*a.zh_para_ids, *a.en_para_ids)]
    assert sorted(aligned) == sorted([f"P@zh#body/u{n}" for n in range(1, len(zh) + 1)] + [f"P@en#body/u{n}" for n in range(1, len(en) + 1)])


@FAST
@given(date_ranges())
def test_the_same_date_range_in_both_languages_is_not_flagged_and_a_changed_day_is(span):
    zh_text, en_text = f"会议于 {chinese_forms(span)[0]}在罗马举行。", f"The meeting was held in Rome from {english_forms(span)[1]}."
    assert check_twins(Twins("P", "P", paper("zh", [zh_text]), paper("en", [en_text]))).checks == ()
    wrong = DateSpan(span.start, Day(span.end.year, span.end.month, span.end.day + 1))
    checked = check_twins(Twins("P", "P", paper("zh", [zh_text]), paper("en", [f"The meeting was held in Rome from {english_forms(wrong)[1]}."])))
    assert [(c.check, c.zh_value, c.en_value) for c in checked.checks] == [("dates", str(span), str(wrong))]
