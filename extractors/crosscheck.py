"""Check aligned twins for the differences a translator must see.

For each aligned pair: years, months of dates, other numbers, decision/resolution/recommendation
references, document symbols, articles (by their normalized values), and footnote markers; and the
records one language lacks (paragraphs, footnotes). Reference spans, URLs and days of dates are taken
out of the text before numbers are read, so `第 7/2015 号决议` is not the year 2015 and `2 月` /
`February` agree.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.align import Twins, align_twins
from extractors.scripts import chinese_numeral_value
from models.alignment import Alignment, AlignMethod, CheckedTwins, CrossCheck, Severity
from models.paragraph import Paragraph, ParagraphKind
from models.tags import Reference, ReferenceKind

URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u9fff\uff00-\uffef]+")  # Chinese puts no space after a URL
# a full stop continues a number only before a digit: "2.5", but "December 2016."
YEAR = re.compile(r"(?<!\d)(?<!\d\.)(?:19|20)\d{2}(?!\d|\.\d)")
NUMBER = re.compile(r"(?<!\d)(?<!\d\.)\d+(?:\.\d+)*(?!\d|\.\d)")
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTH_EN = re.compile(rf"\b({'|'.join(MONTHS_EN)})\b")
MONTH_ZH = re.compile(r"(?<!\d)(\d{1,2})\s*月")
DAYS_ZH = re.compile(r"(?<!\d)\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*日")
DAYS_BEFORE_MONTH_EN = re.compile(
    rf"(?<!\d)\d{{1,2}}(?:\s*(?:[-–]|to|and)\s*\d{{1,2}})?(?=\s+(?:{'|'.join(MONTHS_EN)})\b)"
)
DAYS_AFTER_MONTH_EN = re.compile(rf"\b({'|'.join(MONTHS_EN)})\s+\d{{1,2}}(?!\d)")
NUMBER_WORDS_EN = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBER_WORD_EN = re.compile(rf"\b({'|'.join(NUMBER_WORDS_EN)})\b", re.IGNORECASE)
CHINESE_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
KIND_CHECKS = {
    ReferenceKind.RESOLUTION: "references",
    ReferenceKind.DECISION: "references",
    ReferenceKind.RECOMMENDATION: "references",
    ReferenceKind.DOCUMENT_SYMBOL: "symbols",
    ReferenceKind.ARTICLE: "articles",
}
ERRORS = {"years", "dates", "references", "symbols", "articles", "missing_paragraph", "missing_footnote"}


def crosscheck(twins: Twins, alignments: list[Alignment]) -> list[CrossCheck]:
    records = {p.para_id: p for p in (*twins.zh.paragraphs, *twins.en.paragraphs)}
    references: dict[str, list[Reference]] = {}
    for reference in (*twins.zh.references, *twins.en.references):
        references.setdefault(reference.para_id, []).append(reference)
    checks: list[CrossCheck] = []
    for alignment in alignments:
        zh = [records[i] for i in alignment.zh_para_ids]
        en = [records[i] for i in alignment.en_para_ids]
        zh_text, en_text = "".join(p.text for p in zh), " ".join(p.text for p in en)

        def flag(check: str, zh_value: str, en_value: str) -> None:
            severity = Severity.ERROR if check in ERRORS else Severity.WARNING
            checks.append(CrossCheck(twins.pair_id, twins.symbol, alignment.locator, check, zh_value, en_value,
                                     severity, zh_text, en_text))

        if alignment.method == AlignMethod.UNMATCHED:
            footnote = (zh or en)[0].kind == ParagraphKind.FOOTNOTE
            missing = "missing_footnote" if footnote else "missing_paragraph"
            flag(missing, "" if not zh else alignment.locator, "" if not en else alignment.locator)
            continue
        zh_refs = [r for p in zh for r in references.get(p.para_id, [])]
        en_refs = [r for p in en for r in references.get(p.para_id, [])]
        for check, zh_values, en_values in _values(zh, en, zh_refs, en_refs):
            if zh_values != en_values:
                flag(check, _show(zh_values - en_values), _show(en_values - zh_values))
    return checks


def _values(zh: list[Paragraph], en: list[Paragraph], zh_refs: list[Reference], en_refs: list[Reference]):
    """(check, Chinese values, English values) for every check that applies to the pair."""
    for check in ("references", "symbols", "articles"):
        yield (
            check,
            Counter(r.normalized for r in zh_refs if KIND_CHECKS[r.kind] == check),
            Counter(r.normalized for r in en_refs if KIND_CHECKS[r.kind] == check),
        )
    zh_text = "".join(_masked(p.text, [r for r in zh_refs if r.para_id == p.para_id]) for p in zh)
    en_text = " ".join(_masked(p.text, [r for r in en_refs if r.para_id == p.para_id]) for p in en)
    yield "years", Counter(YEAR.findall(zh_text)), Counter(YEAR.findall(en_text))
    zh_months = Counter(MONTHS_EN[int(m) - 1] for m in MONTH_ZH.findall(zh_text) if 1 <= int(m) <= 12)
    yield "dates", zh_months, Counter(MONTH_EN.findall(en_text))
    zh_rest = MONTH_ZH.sub(" ", DAYS_ZH.sub(" ", YEAR.sub(" ", zh_text)))
    en_rest = DAYS_AFTER_MONTH_EN.sub(r"\1", DAYS_BEFORE_MONTH_EN.sub(" ", YEAR.sub(" ", en_text)))
    zh_digits, en_digits = Counter(NUMBER.findall(zh_rest)), Counter(NUMBER.findall(en_rest))
    # a number written out on the other side ("每 3 年" / "every three years") excuses a digit
    zh_words = Counter(str(chinese_numeral_value(n)) for n in CHINESE_NUMERAL.findall(zh_rest))
    en_words = Counter(str(NUMBER_WORDS_EN[w.lower()]) for w in NUMBER_WORD_EN.findall(en_rest))
    yield "numbers", zh_digits - en_digits - en_words, en_digits - zh_digits - zh_words
    yield "footnotes", Counter(f for p in zh for f in p.footnotes), Counter(f for p in en for f in p.footnotes)


def _masked(text: str, references: list[Reference]) -> str:
    for reference in references:
        text = text[: reference.start] + " " * (reference.end - reference.start) + text[reference.end :]
    return URL.sub(" ", text)


def _show(values: Counter[str]) -> str:
    return ", ".join(sorted(values.elements()))


def check_twins(twins: Twins) -> CheckedTwins:
    """Align the twins and cross-check every aligned pair."""
    alignments = align_twins(twins)
    return CheckedTwins(twins.pair_id, twins.symbol, tuple(alignments), tuple(crosscheck(twins, alignments)))
