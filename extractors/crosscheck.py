"""Check aligned twins for the differences a translator must see.

For each aligned pair, each side is read for values that mean the same in both languages: references
(decisions, resolutions, recommendations by number, and whether each is a decision or a resolution),
document symbols, articles (their normalized values), full dates and date ranges (`2–12 July 2017` /
`2017 年 7 月 2 日至 12 日`), ordinals of sessions and meetings (`forty-first session` / `第四十一届会议`),
annexes and appendices cited (`annex I` / `附件一`), percentages, amounts (`USD 1.2 million` / `120 万美元`),
years, other numbers and footnote markers; records one language lacks are flagged too. Each value is
taken out of the text once read, so a date's year is not a year again and `第 7/2015 号决议` is not the
year 2015. A number written out on one side (`three` / `3`) excuses a digit on the other.

What a layout or a tagger does is not a translator's slip, so it is not flagged: a footnote marker set
in the neighbouring pair (the sentence that carries it moved), marker labels that a note more or less
renumbered (markers are compared by the note they cite, as the footnotes were aligned), a reference
one side's tagger missed where that side prints its number (`recommendati on 1/10` broken in a cell),
a paragraph's own number printed again in its text, a space a line break put between Chinese digits.

A flag from a pair the aligner was unsure of (aligned by content with low confidence, or a heading or
fragment left alone) is `review` (review alignment), apart from the value mismatches.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.align import Twins, align_twins, canonical_reference
from extractors.crosscheck_patterns import (
    CLAUSE_END,
    AMOUNT_EN,
    AMOUNT_ZH,
    ANNEX_EN,
    ANNEX_NUMBER,
    ANNEX_ZH,
    CURRENCY_EN,
    CURRENCY_ZH,
    DIGIT_SPACE_DIGIT,
    NUMBER,
    ORDINAL_EN,
    ORDINAL_ZH,
    PERCENT,
    PERCENT_ZH,
    SCALE_EN,
    SCALE_ZH,
    URL,
    YEAR,
)
from lexicon.dates import DateSpan, find_dates
from lexicon.numerals import chinese_number, english_ordinal, find_chinese_numbers, find_english_numbers, roman_value
from models.alignment import Alignment, AlignMethod, CheckedTwins, CrossCheck, Severity
from models.paragraph import Paragraph, ParagraphKind
from models.tags import Reference, ReferenceKind

KIND_CHECKS = {
    ReferenceKind.RESOLUTION: "references",
    ReferenceKind.DECISION: "references",
    ReferenceKind.RECOMMENDATION: "references",
    ReferenceKind.DOCUMENT_SYMBOL: "symbols",
    ReferenceKind.ARTICLE: "articles",
}
ERRORS = {
    "years", "dates", "references", "reference_kind", "symbols", "articles", "ordinals", "annexes", "percentages",
    "amounts", "missing_paragraph", "missing_footnote",
}
LOW_CONFIDENCE = 0.3  # below it a pair aligned by content is a guess: its flags say `review`
CURRENCIES = {**CURRENCY_EN, **CURRENCY_ZH}
AMOUNTS = {"zh": (AMOUNT_ZH, SCALE_ZH), "en": (AMOUNT_EN, SCALE_EN)}
JOINERS = {"zh": "", "en": " "}  # how a merged pair's records are read together
ANNEX_KINDS = {"附件": "annex", "附录": "appendix", "annex": "annex", "appendix": "appendix", "annexes": "annex",
               "appendices": "appendix"}


@dataclass
class Reading:
    """What one side of an aligned pair says, by check; `rest` is its text with every value read taken out."""

    rest: str
    values: dict[str, Counter[str]] = field(default_factory=dict)
    dates: list[DateSpan] = field(default_factory=list)
    # what a number the other side prints in digits may stand for here: a number written out in
    # words, or a number inside a reference the other side's tagger may have missed
    excusing: Counter[str] = field(default_factory=Counter)

    def take(self, check: str, found: Iterable[tuple[str, int, int]]) -> None:
        """Record the values found and blank their spans, so that later checks do not read them again."""
        spans = list(found)
        self.values.setdefault(check, Counter()).update(value for value, _, _ in spans)
        self.rest = _blanked(self.rest, [(start, end) for _, start, end in spans])


def crosscheck(twins: Twins, alignments: list[Alignment]) -> list[CrossCheck]:
    records = {p.para_id: p for p in (*twins.zh.paragraphs, *twins.en.paragraphs)}
    references: dict[str, list[Reference]] = {}
    for reference in (*twins.zh.references, *twins.en.references):
        references.setdefault(reference.para_id, []).append(reference)
    sides = [([records[i] for i in a.zh_para_ids], [records[i] for i in a.en_para_ids]) for a in alignments]
    labels = _footnote_labels(sides)
    markers = _moved_markers_left_out([_marker_difference(zh, en, labels) for zh, en in sides])
    checks: list[CrossCheck] = []
    for alignment, (zh, en), (zh_markers, en_markers) in zip(alignments, sides, markers):
        if alignment.method == AlignMethod.UNMATCHED:
            lone = (zh or en)[0]
            missing = "missing_footnote" if lone.kind == ParagraphKind.FOOTNOTE else "missing_paragraph"
            found = [(missing, "" if not zh else alignment.locator, "" if not en else alignment.locator)]
            # a heading or a piece of text that ends in no punctuation (a line of a table cell read as a
            # paragraph) is more often one the other side's layout lost or joined than one left out
            fragment = lone.kind != ParagraphKind.FOOTNOTE and not CLAUSE_END.search(lone.text)
            review = lone.kind == ParagraphKind.HEADING or fragment
        else:
            found = list(compare(zh, en, references))
            if zh_markers or en_markers:
                found.append(("footnotes", _show(zh_markers), _show(en_markers)))
            review = alignment.method != AlignMethod.LOCATOR and alignment.score < LOW_CONFIDENCE
        zh_text, en_text = JOINERS["zh"].join(p.text for p in zh), JOINERS["en"].join(p.text for p in en)
        checks += [
            CrossCheck(twins.pair_id, twins.symbol, alignment.locator, check, zh_value, en_value,
                       _severity(check, review), zh_text, en_text)
            for check, zh_value, en_value in found
        ]
    return checks


def _severity(check: str, review: bool) -> Severity:
    if review:
        return Severity.REVIEW
    return Severity.ERROR if check in ERRORS else Severity.WARNING


def _footnote_labels(sides: list[tuple[list[Paragraph], list[Paragraph]]]) -> dict[str, str]:
    """The English label of each Chinese footnote, as the footnotes were aligned: where one language
    has a note more, a numbering that counts notes shifts after it."""
    return {
        zh[0].number: en[0].number for zh, en in sides
        if len(zh) == len(en) == 1 and zh[0].kind == en[0].kind == ParagraphKind.FOOTNOTE
    }


def _marker_difference(zh: list[Paragraph], en: list[Paragraph], labels: dict[str, str]) -> tuple[Counter[str], Counter[str]]:
    """Markers by the English label of the note they cite (a Chinese marker of a note with no English
    twin keeps its own label); which notes are cited, not how often."""
    zh_labels = Counter({labels.get(f, f) for p in zh for f in p.footnotes})
    en_labels = Counter({f for p in en for f in p.footnotes})
    return zh_labels - en_labels, en_labels - zh_labels


def _moved_markers_left_out(differences: list[tuple[Counter[str], Counter[str]]]) -> list[tuple[Counter[str], Counter[str]]]:
    """A footnote marker one language sets in the pair next to where the other sets it has moved with
    the sentence that carries it; it is not missing."""
    out = [(Counter(zh), Counter(en)) for zh, en in differences]
    for index, (zh, _) in enumerate(out):
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(out):
                moved = zh & out[neighbour][1]
                zh.subtract(moved)
                out[neighbour][1].subtract(moved)
    return [(+zh, +en) for zh, en in out]


def compare(zh: list[Paragraph], en: list[Paragraph], references: dict[str, list[Reference]]) -> Iterator[tuple[str, str, str]]:
    """(check, what only the Chinese has, what only the English has) for every check that differs
    within one aligned pair (footnote markers are compared across neighbouring pairs: `crosscheck`)."""
    zh_refs = [r for p in zh for r in references.get(p.para_id, [])]
    en_refs = [r for p in en for r in references.get(p.para_id, [])]
    zh_reading, en_reading = read_values(zh, zh_refs, "zh"), read_values(en, en_refs, "en")
    zh_printed, en_printed = JOINERS["zh"].join(p.text for p in zh), JOINERS["en"].join(p.text for p in en)
    yield from _reference_checks(zh_refs, en_refs, zh_printed, en_printed)
    zh_dates, en_dates = _unpaired_dates(zh_reading.dates, en_reading.dates)
    if zh_dates or en_dates:
        yield "dates", "; ".join(map(str, zh_dates)), "; ".join(map(str, en_dates))
    for check in ("ordinals", "annexes"):  # named again or not as each language's style wants: which, not how often
        yield from _differing(check, Counter(set(zh_reading.values[check])), Counter(set(en_reading.values[check])))
    for check in ("percentages", "amounts", "years"):
        yield from _differing(check, zh_reading.values[check], en_reading.values[check])
    zh_numbers, en_numbers = zh_reading.values["numbers"], en_reading.values["numbers"]
    yield from _differing("numbers", zh_numbers - en_numbers - en_reading.excusing, en_numbers - zh_numbers - zh_reading.excusing)


def _reference_checks(zh_refs: list[Reference], en_refs: list[Reference], zh_printed: str,
                      en_printed: str) -> Iterator[tuple[str, str, str]]:
    """References by identifier, and apart from that whether the same identifier is a decision on one
    side and a resolution on the other (`第 70/1 号决定` for resolution 70/1). A reference one side
    has and the other does not, but whose identifier the other prints, is not flagged: the tagger
    missed it there (`recommendati on 1/10` broken in a table cell, `第217A(III)号决议`)."""
    zh_ids, en_ids = _identifiers(zh_refs), _identifiers(en_refs)
    swapped = {i for i in zh_ids.keys() & en_ids.keys() if zh_ids[i] != en_ids[i]}
    if swapped:
        yield (
            "reference_kind",
            _show(Counter(n for i in swapped for n in zh_ids[i] - en_ids[i])),
            _show(Counter(n for i in swapped for n in en_ids[i] - zh_ids[i])),
        )
    zh_cited = Counter((KIND_CHECKS[r.kind], canonical_reference(r)) for r in zh_refs if _identifier(r.normalized) not in swapped)
    en_cited = Counter((KIND_CHECKS[r.kind], canonical_reference(r)) for r in en_refs if _identifier(r.normalized) not in swapped)
    for check in ("references", "symbols", "articles"):
        zh_only = Counter({n: k for (c, n), k in (zh_cited - en_cited).items()
                           if c == check and not _missed_by_the_tagger(n, en_cited, en_printed)})
        en_only = Counter({n: k for (c, n), k in (en_cited - zh_cited).items()
                           if c == check and not _missed_by_the_tagger(n, zh_cited, zh_printed)})
        yield from _differing(check, zh_only, en_only)


def _missed_by_the_tagger(value: str, other_cited: Counter[tuple[str, str]], other_printed: str) -> bool:
    """The other side cites nothing of this value, yet prints it."""
    return all(n != value for _, n in other_cited) and _printed_in(value, other_printed)


def _printed_in(normalized: str, printed: str) -> bool:
    """The identifier of a reference (`1/10`) or a symbol stands in the other side's text, perhaps
    with a space a line break put in (`UNEP/CBD/C OP/13/15`), not as part of a longer number. A symbol
    may be the tail of a longer one there: a line break cut its head off on this side."""
    symbol = " " not in normalized
    identifier = normalized if symbol else _identifier(normalized)
    spaced = r"\s?".join(re.escape(char) for char in identifier)
    before = "" if symbol else r"(?<![0-9A-Za-z/.])"  # Chinese sets `第217A(III)号` without a space
    return bool(re.search(rf"{before}{spaced}(?![0-9/]|\.\d)", printed, re.IGNORECASE))


def _identifiers(refs: list[Reference]) -> dict[str, set[str]]:
    """Decisions, resolutions and recommendations by their number: `70/1` → {`Resolution 70/1`}."""
    found: dict[str, set[str]] = {}
    for r in refs:
        if KIND_CHECKS[r.kind] == "references":
            found.setdefault(_identifier(r.normalized), set()).add(r.normalized)
    return found


def _identifier(normalized: str) -> str:
    return normalized.partition(" ")[2]


def read_values(paragraphs: list[Paragraph], refs: list[Reference], language: str) -> Reading:
    """Read one side: the order matters, each check taking its spans out before the next reads."""
    texts = [_without_own_number(p) for p in paragraphs]
    text = JOINERS[language].join(_masked(t, [r for r in refs if r.para_id == p.para_id]) for p, t in zip(paragraphs, texts))
    if language == "zh":  # Chinese sets no space between digits: one there is a line break in a narrow cell
        text = DIGIT_SPACE_DIGIT.sub("", text)
    reading = Reading(URL.sub(lambda m: " " * len(m.group()), text))
    found_dates = find_dates(reading.rest)
    reading.dates = [d.span for d in found_dates]
    reading.rest = _blanked(reading.rest, [(d.start, d.end) for d in found_dates])
    reading.take("ordinals", _ordinals(reading.rest))
    reading.take("annexes", _annexes(reading.rest))
    reading.take("percentages", _percentages(reading.rest))
    reading.take("amounts", _amounts(reading.rest, *AMOUNTS[language]))
    reading.take("years", ((m.group(), m.start(), m.end()) for m in YEAR.finditer(reading.rest)))
    written = [*find_chinese_numbers(reading.rest), *find_english_numbers(reading.rest)]
    reading.excusing = Counter(str(number.value) for number in written)
    reading.excusing.update(number for r in refs for number in NUMBER.findall(r.surface))
    reading.take("numbers", ((m.group(), m.start(), m.end()) for m in NUMBER.finditer(reading.rest)))
    return reading


def _without_own_number(record: Paragraph) -> str:
    """The text without a repetition of the record's own number (`14.包括…` numbered `14.` or `(14)`),
    blanked so that offsets stay."""
    value = re.sub(r"\D", "", record.number)
    repeated = re.match(rf"{value}[.)]\s*", record.text) if value else None
    return " " * repeated.end() + record.text[repeated.end():] if repeated else record.text


def _ordinals(text: str) -> Iterator[tuple[str, int, int]]:
    for match in ORDINAL_ZH.finditer(text):
        number = match.group("number")
        value = int(number) if number.isdigit() else chinese_number(number)
        if value:
            yield f"{value}", match.start(), match.end()
    for match in ORDINAL_EN.finditer(text):
        if value := english_ordinal(match.group("ordinal")):
            yield f"{value}", match.start(), match.end()


def _annexes(text: str) -> Iterator[tuple[str, int, int]]:
    for pattern in (ANNEX_ZH, ANNEX_EN):
        for match in pattern.finditer(text):
            kind = ANNEX_KINDS[match.group("kind").lower()]
            for number in ANNEX_NUMBER.findall(match.group("numbers")):
                value = int(number) if number.isdigit() else roman_value(number) or chinese_number(number)
                if value:
                    yield f"{kind} {value}", match.start(), match.end()


def _percentages(text: str) -> Iterator[tuple[str, int, int]]:
    for pattern in (PERCENT, PERCENT_ZH):
        for match in pattern.finditer(text):
            number = match.group("number")
            value = Decimal(number) if number[0].isdigit() else chinese_number(number)
            if value is not None:
                yield f"{_plain(Decimal(value))}%", match.start(), match.end()


def _amounts(text: str, pattern: re.Pattern[str], scales: dict[str, int]) -> Iterator[tuple[str, int, int]]:
    """A number is an amount where it has a currency, a scale (`million`, `万`) or thousands separators;
    its value is the same in both languages: `USD 1200000` for `USD 1.2 million` and `120 万美元`."""
    for match in pattern.finditer(text):
        number, scale, before, after = match.group("number", "scale", "before", "after")
        if not (scale or before or after or "," in number):
            continue
        value = Decimal(number.replace(",", "")) * scales.get(scale or "", 1)
        currency = CURRENCIES.get((before or after or "").lower(), "")
        yield f"{currency} {_plain(value)}".strip(), match.start(), match.end()


def _plain(value: Decimal) -> str:
    """1.20E+6 → 1200000, 2.50 → 2.5."""
    return format(value.normalize(), "f")


def _unpaired_dates(zh: list[DateSpan], en: list[DateSpan]) -> tuple[list[DateSpan], list[DateSpan]]:
    """The dates of each side that no date of the other matches: first the same dates, then dates that
    agree where both say something (`July` and `2 July 2017`)."""
    zh_left, en_left = list(zh), list(en)
    for same in (lambda a, b: a == b, DateSpan.agrees):
        for date in list(zh_left):
            match = next((other for other in en_left if same(date, other)), None)
            if match is not None:
                zh_left.remove(date)
                en_left.remove(match)
    return zh_left, en_left


def _differing(check: str, zh: Counter[str], en: Counter[str]) -> Iterator[tuple[str, str, str]]:
    zh_only, en_only = zh - en, en - zh
    if zh_only or en_only:
        yield check, _show(zh_only), _show(en_only)


def _masked(text: str, references: list[Reference]) -> str:
    for reference in references:
        text = text[: reference.start] + " " * (reference.end - reference.start) + text[reference.end :]
    return text


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _show(values: Counter[str]) -> str:
    return ", ".join(sorted(values.elements(), key=_natural))


def _natural(value: str) -> list[int | str]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value)]


def check_twins(twins: Twins) -> CheckedTwins:
    """Align the twins and cross-check every aligned pair."""
    alignments = align_twins(twins)
    return CheckedTwins(twins.pair_id, twins.symbol, tuple(alignments), tuple(crosscheck(twins, alignments)))
