"""Align the Chinese and English twins of a paper, record by record.

Records whose locator comes from a printed number or label (`body/17`, `body/5/q4`, `app1/10/a`,
`op/8`) and is the same in both languages are paired first (UN language versions keep the numbering);
where those run in a different order, only the longest run in the same order is kept. Locators that
only count (`pre/3`, `t1/r5`, `u2`, `b4`, a repeated number's `~2`) and footnote labels are not
trusted: one language splitting a clause, breaking a table row in two or moving a footnote shifts
every count after it. Between two anchors, the records left over are aligned by content: a monotone
dynamic programme (Gale-Church style) over a cost of length (Chinese characters against English
characters, at the ratio the anchors show; Latin, digits and symbols in Chinese count as English),
shared values (numbers, references, symbols, years, Latin abbreviations, footnote markers, numbers
written out), kind, part and position (the same locator costs a little less). One record may pair
with two or three (1-2, 2-1, 1-3, 3-1) where together they match the other's length, or with none
(1-0, 0-1); a record left alone next to a pair joins it where that makes the lengths agree better
(the rest of a split paragraph beside the part that kept the number).

Each pair keeps how it was aligned (`locator`, `content`, `unmatched`) and a confidence in 0-1.
"""

from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extractors.crosscheck_patterns import ACRONYM
from extractors.scripts import is_han
from lexicon.numerals import find_chinese_numbers, find_english_numbers, find_english_ordinals, roman_value
from models.alignment import Alignment, AlignMethod
from models.paragraph import Paragraph, ParagraphKind
from models.processed import PaperSummary, ProcessedPaper
from models.tags import Reference, ReferenceKind

ANCHOR = re.compile(r"\d+(?:[./]\d+)*")
WRITTEN_AFTER_DI = re.compile(r"(?<=第)[〇零一二两三四五六七八九十百千]+")  # 第十四条: an ordinal, never a word's part
ROMAN_ARTICLE = re.compile(r"^Article ([IVXLC]+)\b")
COUNTED = re.compile(r"(?:^|/)(?:[ubtrm]\d+|pre/\d+|name|title)(?:/|$)|~|^fn/|^cover/")
SKIP_COST = 2.5  # of leaving a record unmatched
MERGE_COST = 0.6  # added for each record a pair holds beyond 1-1
ANCHOR_WEIGHT = 2.0
KIND_COST = 2.0  # a heading against a paragraph, a table row against text
PART_COST = 1.0  # records of different parts (body, appendix 1)
SAME_LOCATOR_BONUS = 0.3  # a counted locator still says where a record stands
SAME_LABEL_BONUS = 0.5  # footnotes keep their labels unless one language has a note more or less
DEFAULT_RATIO = 3.0  # English characters per Chinese character, before the twins tell
BAND = 12  # records either side of the diagonal that the dynamic programme looks at
MERGE_LENGTH_SLACK = 0.2  # |log| length ratio a merge may lose against its best record alone
MAX_MERGED = 4  # records of one language that one pair may hold
NO_ANCHOR_CONFIDENCE = 0.7  # what shared values add to a pair that has none: neither for nor against


@dataclass(frozen=True)
class TwinPair:
    """Which papers of a run are twins, before they are read back."""

    pair_id: str
    symbol: str
    zh: PaperSummary
    en: PaperSummary


@dataclass(frozen=True)
class Twins:
    pair_id: str
    symbol: str
    zh: ProcessedPaper
    en: ProcessedPaper


@dataclass(frozen=True)
class Features:
    """What the content cost reads of a record (or of two merged)."""

    length: float
    anchors: Counter[str]
    acronyms: frozenset[str]
    kinds: frozenset[str]
    parts: frozenset[str]

    def __add__(self, other: Features) -> Features:
        return Features(
            self.length + other.length, self.anchors + other.anchors, self.acronyms | other.acronyms,
            self.kinds | other.kinds, self.parts | other.parts,
        )


def alignable(paper: ProcessedPaper) -> list[Paragraph]:
    return [p for p in paper.paragraphs if p.part != "cover" and p.text]


def measured_length(text: str, language: str) -> float:
    """Characters; in Chinese a Han character counts as one and anything else (digits, Latin, a symbol
    or a URL, which Chinese prints as English does) as the share of one that English needs, so that one
    ratio holds for prose, tables and footnotes alike."""
    if language != "zh":
        return float(len(text))
    han = sum(is_han(char) for char in text)
    return han + sum(not is_han(char) and not char.isspace() for char in text) / DEFAULT_RATIO


def features(record: Paragraph, normalized_references: list[str], language: str) -> Features:
    text = record.text
    anchors = Counter(ANCHOR.findall(text))
    written = [*find_english_numbers(text), *find_english_ordinals(text)]
    anchors.update(str(number.value) for number in written)
    anchors.update(str(number.value) for run in WRITTEN_AFTER_DI.finditer(text) for number in find_chinese_numbers(run.group()))
    anchors.update(normalized_references)
    anchors.update(f"fn:{label}" for label in record.footnotes)
    return Features(measured_length(text, language), anchors, frozenset(ACRONYM.findall(text)), frozenset({_kind(record)}), frozenset({record.part}))


def canonical_reference(reference: Reference) -> str:
    """A reference's value as both languages give it: `Article XIV` (第十四条) is `Article 14`."""
    if reference.kind == ReferenceKind.ARTICLE and (match := ROMAN_ARTICLE.match(reference.normalized)):
        value = roman_value(match.group(1))
        return f"Article {value}{reference.normalized[match.end():]}" if value else reference.normalized
    return reference.normalized


def _kind(record: Paragraph) -> str:
    if record.kind in (ParagraphKind.FOOTNOTE, ParagraphKind.TABLE_ROW, ParagraphKind.HEADING):
        return str(record.kind)
    return "text"


def align_twins(twins: Twins) -> list[Alignment]:
    zh, en = alignable(twins.zh), alignable(twins.en)
    zh_features, en_features = _all_features(twins.zh, zh, "zh"), _all_features(twins.en, en, "en")
    position = {record.locator: index for index, record in enumerate(en) if _printed(record.locator)}
    candidates = [(i, position[r.locator]) for i, r in enumerate(zh) if r.locator in position]
    matches = _in_order([(i, j) for i, j in candidates if zh_features[i].kinds == en_features[j].kinds])
    ratio = _length_ratio([(zh_features[i], en_features[j]) for i, j in matches])
    aligner = ContentAligner(zh, en, zh_features, en_features, ratio)
    spans: list[Span] = []
    previous = (-1, -1)
    for i, j in matches + [(len(zh), len(en))]:
        spans += [Span(z, e, AlignMethod.CONTENT) for z, e in aligner.align(range(previous[0] + 1, i), range(previous[1] + 1, j))]
        if i < len(zh):
            spans.append(Span(range(i, i + 1), range(j, j + 1), AlignMethod.LOCATOR))
        previous = (i, j)
    return [aligner.alignment(twins, span) for span in aligner.absorbed(spans)]


@dataclass(frozen=True)
class Span:
    """Records of each side aligned together, by their positions in `alignable` order."""

    zh: range
    en: range
    method: AlignMethod

    @property
    def matched(self) -> bool:
        return bool(self.zh and self.en)


def _all_features(paper: ProcessedPaper, records: list[Paragraph], language: str) -> list[Features]:
    references: dict[str, list[str]] = {}
    for reference in paper.references:
        references.setdefault(reference.para_id, []).append(canonical_reference(reference))
    return [features(record, references.get(record.para_id, []), language) for record in records]


def _printed(locator: str) -> bool:
    """A locator made of printed numbers and labels only, not of counts."""
    return not COUNTED.search(locator)


def _in_order(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of locator matches that runs forward in both languages."""
    tails: list[int] = []
    tail_index: list[int] = []
    parents: list[int] = [-1] * len(matches)
    for index, (_, j) in enumerate(matches):
        spot = bisect_left(tails, j)
        if spot == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[spot] = j
            tail_index[spot] = index
        parents[index] = tail_index[spot - 1] if spot else -1
    chain, index = [], tail_index[-1] if tail_index else -1
    while index != -1:
        chain.append(matches[index])
        index = parents[index]
    return chain[::-1]


def _length_ratio(pairs: list[tuple[Features, Features]]) -> float:
    """English length per Chinese length, as the records paired by locator show it."""
    ratios = [e.length / z.length for z, e in pairs if z.length >= 20]
    return statistics.median(ratios) if ratios else DEFAULT_RATIO


class ContentAligner:
    """The dynamic programme over runs of records, and the confidence of the pairs it finds."""

    MOVES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (1, 0), (0, 1))

    def __init__(self, zh: list[Paragraph], en: list[Paragraph], zh_features: list[Features],
                 en_features: list[Features], ratio: float) -> None:
        self.zh, self.en = zh, en
        self.zh_features, self.en_features = zh_features, en_features
        self.ratio = ratio

    def group(self, side: list[Features], span: range) -> Features:
        merged = side[span.start]
        for index in span[1:]:
            merged = merged + side[index]
        return merged

    def cost(self, zh_span: range, en_span: range) -> float:
        zh, en = self.group(self.zh_features, zh_span), self.group(self.en_features, en_span)
        if ("footnote" in zh.kinds) != ("footnote" in en.kinds):
            return math.inf  # a footnote is never the translation of body text
        footnotes = "footnote" in zh.kinds
        if footnotes and len(zh_span) + len(en_span) > 2:
            return math.inf  # a footnote is one note in every language
        cost = self._length(zh, en) - ANCHOR_WEIGHT * (_overlap(zh, en) - 0.5) * bool(_union(zh, en))
        cost += KIND_COST * (len(zh.kinds | en.kinds) - 1) + PART_COST * (len(zh.parts | en.parts) - 1)
        if len(zh_span) + len(en_span) > 2:
            if not self._lengths_agree_better_merged(zh_span, en_span):
                return math.inf  # two records are one only where together they match the length
            cost += MERGE_COST * (len(zh_span) + len(en_span) - 2)
        elif self.zh[zh_span.start].locator == self.en[en_span.start].locator:
            cost -= SAME_LABEL_BONUS if footnotes else SAME_LOCATOR_BONUS
        return cost

    def _lengths_agree_better_merged(self, zh_span: range, en_span: range) -> bool:
        """The merged records' length fits the other side about as well as the best of them alone, or
        better: a paragraph one language split, or a short line it ran into the next, is a merge; a
        paragraph it left out is not (it would make its neighbour's pair twice as long)."""
        zh, en = self.group(self.zh_features, zh_span), self.group(self.en_features, en_span)
        if len(zh_span) > 1:
            alone = min(self._length(self.zh_features[i], en) for i in zh_span)
        else:
            alone = min(self._length(zh, self.en_features[j]) for j in en_span)
        return self._length(zh, en) <= alone + MERGE_LENGTH_SLACK

    def confidence(self, zh_span: range, en_span: range) -> float:
        """exp(-length disagreement), times what the shared values say (half when none agree)."""
        zh, en = self.group(self.zh_features, zh_span), self.group(self.en_features, en_span)
        shared = 0.5 + 0.5 * _overlap(zh, en) if _union(zh, en) else NO_ANCHOR_CONFIDENCE
        same_kind = 1.0 if zh.kinds == en.kinds else 0.5
        return round(math.exp(-self._length(zh, en)) * shared * same_kind, 3)

    def _length(self, zh: Features, en: Features) -> float:
        return abs(math.log((en.length + 1) / (zh.length * self.ratio + 1)))

    def align(self, zh: range, en: range) -> list[tuple[range, range]]:
        """Gale-Church style alignment of two runs: 1-1, 1-2, 2-1, 1-3, 3-1, 1-0, 0-1, within a band around the
        diagonal (a run between anchors is short, or of like records on both sides)."""
        n, m = len(zh), len(en)
        best: dict[tuple[int, int], float] = {(0, 0): 0.0}
        step: dict[tuple[int, int], tuple[int, int]] = {}
        band = BAND + abs(n - m)
        for i in range(n + 1):
            centre = i * m / n if n else 0
            for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
                here = best.get((i, j))
                if here is None:
                    continue
                for di, dj in self.MOVES:
                    if i + di > n or j + dj > m:
                        continue
                    if di and dj:
                        cost = self.cost(zh[i : i + di], en[j : j + dj])
                    else:
                        cost = SKIP_COST
                    if here + cost < best.get((i + di, j + dj), math.inf):
                        best[(i + di, j + dj)] = here + cost
                        step[(i + di, j + dj)] = (di, dj)
        pairs = []
        i, j = n, m
        while i or j:
            di, dj = step[(i, j)]
            pairs.append((zh[i - di : i], en[j - dj : j]))
            i, j = i - di, j - dj
        return pairs[::-1]

    def absorbed(self, spans: list[Span]) -> list[Span]:
        """Each record left unmatched next to a pair joins it where that costs less than leaving it out:
        the rest of a paragraph one language split, next to the part that kept the number, or an item
        the other language merged into its neighbour."""
        spans = list(spans)
        changed = True
        while changed:
            changed = False
            for index, span in enumerate(spans):
                if span.matched:
                    continue
                best = max(((self._gain(spans[n], span), n) for n in (index - 1, index + 1)
                            if 0 <= n < len(spans) and spans[n].matched), default=(0.0, -1))
                if best[0] > 0:
                    neighbour = spans[best[1]]
                    spans[best[1]] = Span(_joined(neighbour.zh, span.zh), _joined(neighbour.en, span.en), neighbour.method)
                    del spans[index]
                    changed = True
                    break
        return spans

    def _gain(self, pair: Span, lone: Span) -> float:
        """What joining costs less than leaving the record out; nothing unless the lengths then agree
        better (a paragraph the other language left out makes its neighbour's pair too long)."""
        zh, en = _joined(pair.zh, lone.zh), _joined(pair.en, lone.en)
        if max(len(zh), len(en)) > MAX_MERGED:
            return 0.0
        before = self._length(self.group(self.zh_features, pair.zh), self.group(self.en_features, pair.en))
        after = self._length(self.group(self.zh_features, zh), self.group(self.en_features, en))
        if after >= before:
            return 0.0
        return max(0.0, self.cost(pair.zh, pair.en) + SKIP_COST - self.cost(zh, en))

    def alignment(self, twins: Twins, span: Span) -> Alignment:
        zh, en = [self.zh[i] for i in span.zh], [self.en[j] for j in span.en]
        if not span.matched:
            method, score = AlignMethod.UNMATCHED, 0.0
        else:
            method, score = span.method, self.confidence(span.zh, span.en)
        return Alignment(
            pair_id=twins.pair_id,
            symbol=twins.symbol,
            zh_doc_id=twins.zh.document.doc_id,
            en_doc_id=twins.en.document.doc_id,
            zh_para_ids=tuple(p.para_id for p in zh),
            en_para_ids=tuple(p.para_id for p in en),
            locator=(zh or en)[0].locator,
            method=method,
            score=score,
        )


def _joined(first: range, second: range) -> range:
    """Two runs of neighbouring positions as one (either may be empty)."""
    if not first or not second:
        return first or second
    return range(min(first.start, second.start), max(first.stop, second.stop))


def _union(zh: Features, en: Features) -> int:
    """Values either side holds; an abbreviation only counts where both print it (Chinese often
    translates GEF as 全球环境基金)."""
    return sum((zh.anchors | en.anchors).values()) + len(zh.acronyms & en.acronyms)


def _overlap(zh: Features, en: Features) -> float:
    union = _union(zh, en)
    shared = sum((zh.anchors & en.anchors).values()) + len(zh.acronyms & en.acronyms)
    return shared / union if union else 0.0


def pair_twins(papers: list[PaperSummary]) -> list[TwinPair]:
    """Chinese and English papers with the same symbol; where a symbol has several of each, those in
    the same folder pair first. A symbol with more than one pair numbers them: `IT/GB-7/17/19~2`."""
    sides: dict[str, dict[str, list[PaperSummary]]] = {}
    for paper in sorted(papers, key=lambda p: p.source_file):
        if paper.symbol and paper.language in ("zh", "en") and paper.has_blocks:
            sides.setdefault(paper.symbol, {"zh": [], "en": []})[paper.language].append(paper)
    twins: list[TwinPair] = []
    for symbol, by_language in sorted(sides.items()):
        english = list(by_language["en"])
        pairs = []
        for zh in by_language["zh"]:
            folder = Path(zh.source_file).parent
            en = next((e for e in english if Path(e.source_file).parent == folder), english[0] if english else None)
            if en is not None:
                english.remove(en)
                pairs.append((zh, en))
        for number, (zh, en) in enumerate(pairs, start=1):
            twins.append(TwinPair(symbol if len(pairs) == 1 else f"{symbol}~{number}", symbol, zh, en))
    return twins
