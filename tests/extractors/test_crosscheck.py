"""The cross-check on aligned pairs made by hand: each check finds its slip, names both values and both
texts, and lets the same value written the other language's way pass; and the report and TMX a
translator opens, in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from corpus_data import ROOT

from extractors.align import Twins
from extractors.crosscheck import LOW_CONFIDENCE, check_twins, crosscheck
from extractors.process import process_pdf
from extractors.references import find_references
from flows.report import twin_report, write_twin_files
from models import CoverMetadata, Document, DocumentStatus
from models.alignment import Alignment, AlignMethod, Severity
from models.paragraph import Paragraph, ParagraphKind
from models.processed import ProcessedPaper
from models.tags import Reference


def paper(language: str, texts: list[str]) -> ProcessedPaper:
    doc_id = f"P@{language}"
    records = [
        Paragraph(doc_id, f"body/{n}", "body", "", f"{n}.", ParagraphKind.PARAGRAPH, "", text, 1, 1, block_index=n)
        for n, text in enumerate(texts, start=1)
    ]
    references = [
        Reference(doc_id, r.para_id, r.locator, f.surface, f.kind, f.body, f.normalized, f.pinpoint, f.start, f.end)
        for r in records for f in find_references(r.text)
    ]
    document = Document(doc_id, f"p.{language}.pdf", "0", language, DocumentStatus.OK, (), CoverMetadata(), ())
    return ProcessedPaper(document, tuple(records), tuple(references), ())


def flags_of(zh: str, en: str) -> set[tuple[str, str, str]]:
    checked = check_twins(Twins("P", "P", paper("zh", [zh]), paper("en", [en])))
    return {(c.check, c.zh_value, c.en_value) for c in checked.checks}


SLIPS = [
    pytest.param("会议于 2017 年 7 月 2 日至 17 日在罗马举行。", "The meeting was held in Rome from 2 to 12 July 2017.",
                 {("dates", "2–17 July 2017", "2–12 July 2017")}, id="day-of-a-date-range"),
    pytest.param("会议于 7 月 2 日至 17 日举行。", "The meeting was held on 2-12 July.",
                 {("dates", "2–17 July", "2–12 July")}, id="range-without-year"),
    pytest.param("报告应于 2017 年 7 月 2 日提交。", "The report is due on 2 July 2018.",
                 {("dates", "2 July 2017", "2 July 2018")}, id="year-of-a-date-is-a-date-flag-only"),
    pytest.param("管理机构第四十一届会议审议了该报告。", "The Governing Body considered the report at its forty-second session.",
                 {("ordinals", "41", "42")}, id="session-ordinal"),
    pytest.param("第 3 次会议通过了议程。", "The agenda was adopted at the fourth meeting.",
                 {("ordinals", "3", "4")}, id="meeting-ordinal-digits"),
    pytest.param("载于第 XIII/24 号决定附件一。", "contained in annex II to decision XIII/24.",
                 {("annexes", "annex 1", "annex 2")}, id="annex-number"),
    pytest.param("见附录 2。", "See Appendix 3.", {("annexes", "appendix 2", "appendix 3")}, id="appendix-number"),
    pytest.param("大会第 70/1 号决定。", "General Assembly resolution 70/1.",
                 {("reference_kind", "Decision 70/1", "Resolution 70/1")}, id="decision-for-resolution"),
    pytest.param("根据第 XIII/21 号决定。", "Pursuant to decision XIII/12.",
                 {("references", "Decision XIII/21", "Decision XIII/12")}, id="decision-number"),
    pytest.param("其中 30% 用于培训。", "Of which 25 per cent goes to training.", {("percentages", "30%", "25%")}, id="percentage"),
    pytest.param("预算为 150 万美元。", "The budget is USD 1.2 million.", {("amounts", "USD 1500000", "USD 1200000")}, id="amount"),
    pytest.param("依照第 19.3(1)条。", "Under Article 19.3(l).", {("articles", "Article 19.3(1)", "Article 19.3(l)")}, id="article-item"),
    pytest.param("见文件 IT/GB-7/17/26。", "See document IT/GB-7/17/25.", {("symbols", "IT/GB-7/17/26", "IT/GB-7/17/25")}, id="symbol"),
    pytest.param("在 2019 年春季结束。", "It will end in the spring of 2018.", {("years", "2019", "2018")}, id="year"),
    pytest.param("有 14 个缔约方提交了报告。", "Fifteen Parties submitted reports, and 21 others.",
                 {("numbers", "14", "21")}, id="number"),
]


@pytest.mark.parametrize(("zh", "en", "expected"), SLIPS)
def test_each_check_finds_its_slip_and_nothing_else(zh, en, expected):
    assert flags_of(zh, en) == expected


AGREEING = [
    pytest.param("2017 年 7 月 2 日至 12 日", "2–12 July 2017", id="date-range-dash"),
    pytest.param("2017 年 7 月 2 日至 12 日", "from 2 to 12 July 2017", id="date-range-to"),
    pytest.param("2017 年 10 月 30 日－11 月 3 日", "30 October – 3 November 2017", id="range-over-two-months"),
    pytest.param("11 月 14-25 日", "14–25 November", id="days-before-ri"),
    pytest.param("2023 年 7 月举行", "held in July 2023", id="month-and-year"),
    pytest.param("二〇一七年七月二日", "2 July 2017", id="date-in-chinese-numerals"),
    pytest.param("第二次会议", "the second meeting", id="meeting-ordinal"),
    pytest.param("第四十一届会议", "the forty-first session", id="session-ordinal"),
    pytest.param("第十四届会议", "its fourteenth session", id="teen-ordinal"),
    pytest.param("附件一和附件二", "annexes I and II", id="two-annexes"),
    pytest.param("附件 II", "annex II", id="roman-annex-in-chinese"),
    pytest.param("百分之二十五", "25 per cent", id="percentage-in-words"),
    pytest.param("120 万美元", "USD 1.2 million", id="amount-in-wan"),
    pytest.param("1,200,000 美元", "US$ 1,200,000", id="amount-in-digits"),
    pytest.param("2 万公顷", "20,000 hectares", id="area-in-wan"),
    pytest.param("每 3 年", "every three years", id="number-written-out-in-english"),
    pytest.param("三个区域的 3 个项目", "3 projects in three regions", id="number-written-out-in-chinese"),
    pytest.param("秘书处一一列出了各项活动。", "The Secretariat listed the activities one by one.", id="yiyi-does-not-crash"),
    pytest.param("一百零五个缔约方", "105 Parties", id="chinese-numeral-with-zero"),
]


@pytest.mark.parametrize(("zh", "en"), AGREEING)
def test_the_same_value_written_each_language_s_way_is_not_flagged(zh, en):
    assert flags_of(zh, en) == set()


def test_a_flag_names_the_check_both_values_and_both_texts():
    zh, en = "会议于 2017 年 7 月 2 日至 17 日举行。", "The meeting was held from 2 to 12 July 2017."
    (flag,) = check_twins(Twins("P", "P", paper("zh", [zh]), paper("en", [en]))).checks
    assert (flag.locator, flag.check, flag.zh_value, flag.en_value) == ("body/1", "dates", "2–17 July 2017", "2–12 July 2017")
    assert (flag.zh_text, flag.en_text, flag.severity) == (zh, en, Severity.ERROR)


def test_flags_of_a_low_confidence_pair_ask_to_review_the_alignment():
    zh_paper, en_paper = paper("zh", ["在 2019 年。"]), paper("en", ["In 2018, the Secretariat did a great many things at length."])
    twins = Twins("P", "P", zh_paper, en_paper)
    guessed = Alignment("P", "P", "P@zh", "P@en", ("P@zh#body/1",), ("P@en#body/1",), "body/1", AlignMethod.CONTENT,
                        LOW_CONFIDENCE / 2)
    (flag,) = crosscheck(twins, [guessed])
    assert (flag.check, flag.severity) == ("years", Severity.REVIEW)
    by_locator = Alignment("P", "P", "P@zh", "P@en", ("P@zh#body/1",), ("P@en#body/1",), "body/1", AlignMethod.LOCATOR,
                           LOW_CONFIDENCE / 2)
    (flag,) = crosscheck(twins, [by_locator])
    assert flag.severity == Severity.ERROR


def test_a_paragraph_left_out_is_an_error_and_a_lone_heading_or_fragment_is_an_alignment_to_review():
    zh = paper("zh", ["管理机构第 7/2015 号决议要求秘书继续合作。"])
    en_records = (
        Paragraph("P@en", "body/1", "body", "", "1.", ParagraphKind.PARAGRAPH, "", "Resolution 7/2015 asked the Secretary.", 1, 1),
        Paragraph("P@en", "body/2", "body", "", "2.", ParagraphKind.PARAGRAPH, "", "The Secretary has cooperated.", 1, 1),
        Paragraph("P@en", "body/h/u1", "body", "", "", ParagraphKind.HEADING, "", "Joint activities", 1, 1),
        Paragraph("P@en", "body/u3", "body", "", "", ParagraphKind.PARAGRAPH, "", "Convention secretariats and", 1, 1),
        Paragraph("P@en", "fn/1", "body", "", "1", ParagraphKind.FOOTNOTE, "", "https://www.cbd.int/", 1, 1),
    )
    en = ProcessedPaper(paper("en", []).document, en_records, (), ())
    alone = [Alignment("P", "P", "P@zh", "P@en", (), (r.para_id,), r.locator, AlignMethod.UNMATCHED, 0.0) for r in en_records[1:]]
    flags = {(c.check, c.en_value, c.severity) for c in crosscheck(Twins("P", "P", zh, en), alone)}
    assert flags == {
        ("missing_paragraph", "body/2", Severity.ERROR),
        ("missing_paragraph", "body/h/u1", Severity.REVIEW),
        ("missing_paragraph", "body/u3", Severity.REVIEW),  # a table cell's line read as a paragraph
        ("missing_footnote", "fn/1", Severity.ERROR),
    }


# --- what the translator opens: the report and the TMX of a twin with differences, in Chromium ---------
TWINS = ROOT / "tests" / "fixtures" / "twins"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    pair = Twins("IT/GB-7/17/19", "IT/GB-7/17/19", process_pdf(TWINS / "docx-4-it-gb-7-17-19.zh.twin.pdf", ocr=False),
                 process_pdf(TWINS / "docx-4-it-gb-7-17-19.en.twin.pdf", ocr=False))
    report = twin_report(pair)
    out = tmp_path_factory.mktemp("twin")
    return report, write_twin_files(out, report), out / "tmx" / f"{report.name}.tmx"


def dump_dom(path: Path, profile: Path) -> str:
    run = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_the_report_lists_value_mismatches_first_and_the_tmx_carries_the_flags(written):
    report, _, _ = written
    severities = [str(c.severity) for c in sorted(report.checked.checks, key=lambda c: ("error", "warning", "review").index(c.severity))]
    rows = re.findall(r'<tr class="(error|warning|review)">', report.html)
    assert rows == severities and rows.index("error") == 0
    assert '<prop type="x-flag">error dates: 5–12 April 2017 ≠ 5–11 April 2017</prop>' in report.tmx


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium)")
def test_the_report_and_tmx_open_in_chromium_and_show_each_flag_with_both_texts(written, tmp_path):
    report, html_path, tmx_path = written
    dom = dump_dom(html_path, tmp_path / "profile")
    (dates,) = [c for c in report.checked.checks if c.check == "dates"]
    row = re.search(r'<tr class="error"><td><a href="#[^"]+">[^<]+</a></td><td>dates</td>.*?</tr>', dom, re.DOTALL).group()
    assert "5–12 April 2017" in row and "5–11 April 2017" in row
    assert "植物检疫措施委员会" in row and "The Commission on Phytosanitary Measures" in row  # both texts
    assert 'id="only-mismatches"' in dom and 'id="only-flagged"' in dom
    assert dates.zh_text[:20] in dom
    tmx_dom = dump_dom(tmx_path, tmp_path / "profile-tmx")
    assert "error dates: 5–12 April 2017 ≠ 5–11 April 2017" in tmx_dom
    assert "植物检疫措施委员会每年举行一届会议" in tmx_dom and "The Commission on Phytosanitary Measures meets annually" in tmx_dom
