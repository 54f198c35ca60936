"""Align the Chinese and English twins of a paper, record by record.

Records with the same locator are paired first (UN language versions keep the numbering); where the
locators run in a different order, only the longest run in the same order is kept. Between two such
anchors, the records left over are aligned by a monotone dynamic programme over their lengths
(Chinese characters against English characters, at the ratio the paired records show) and the anchors
they share (numbers, years, references); one record may pair with two (1-2, 2-1), and a record with no
counterpart is reported as unmatched.
"""

from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from models.alignment import Alignment, AlignMethod
from models.paragraph import Paragraph
from models.processed import PaperSummary, ProcessedPaper

ANCHOR = re.compile(r"\d+(?:[./]\d+)*")
SKIP_COST = 2.5  # of leaving a record unmatched
MERGE_COST = 0.6  # added to a 1-2 or 2-1 pair
ANCHOR_WEIGHT = 2.0
DEFAULT_RATIO = 3.0  # English characters per Chinese character, before the twins tell


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


def alignable(paper: ProcessedPaper) -> list[Paragraph]:
    return [p for p in paper.paragraphs if p.part != "cover" and p.text]


def align_twins(twins: Twins) -> list[Alignment]:
    zh, en = alignable(twins.zh), alignable(twins.en)
    position = {record.locator: index for index, record in enumerate(en)}
    matches = _in_order([(i, position[r.locator]) for i, r in enumerate(zh) if r.locator in position])
    ratio = _length_ratio([(zh[i], en[j]) for i, j in matches])
    result: list[Alignment] = []
    previous = (-1, -1)
    for i, j in matches + [(len(zh), len(en))]:
        for zh_part, en_part, method, score in _dynamic(zh[previous[0] + 1 : i], en[previous[1] + 1 : j], ratio):
            result.append(_alignment(twins, zh_part, en_part, method, score))
        if i < len(zh):
            result.append(_alignment(twins, [zh[i]], [en[j]], AlignMethod.LOCATOR, _score(zh[i].text, en[j].text, ratio)))
        previous = (i, j)
    return result


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


def _length_ratio(pairs: list[tuple[Paragraph, Paragraph]]) -> float:
    ratios = [len(e.text) / len(z.text) for z, e in pairs if len(z.text) >= 20]
    return statistics.median(ratios) if ratios else DEFAULT_RATIO


def _cost(zh_text: str, en_text: str, ratio: float) -> float:
    length = abs(math.log((len(en_text) + 1) / (len(zh_text) * ratio + 1)))
    shared, total = _anchors(zh_text), _anchors(en_text)
    union = sum((shared | total).values())
    overlap = sum((shared & total).values()) / union if union else 0.0
    return length - ANCHOR_WEIGHT * overlap + (ANCHOR_WEIGHT if union else 0.0) * 0.5


def _score(zh_text: str, en_text: str, ratio: float) -> float:
    return round(math.exp(-max(0.0, _cost(zh_text, en_text, ratio))), 3)


def _anchors(text: str) -> Counter[str]:
    return Counter(ANCHOR.findall(text))


def _dynamic(zh: list[Paragraph], en: list[Paragraph], ratio: float):
    """Gale-Church style alignment of two short runs: 1-1, 1-2, 2-1, 1-0, 0-1."""
    n, m = len(zh), len(en)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step: dict[tuple[int, int], tuple[int, int]] = {}
    best[0][0] = 0.0
    moves = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == math.inf:
                continue
            for di, dj in moves:
                if i + di > n or j + dj > m:
                    continue
                if di and dj:
                    zh_text = "".join(p.text for p in zh[i : i + di])
                    en_text = " ".join(p.text for p in en[j : j + dj])
                    cost = _cost(zh_text, en_text, ratio) + (MERGE_COST if di + dj > 2 else 0.0)
                else:
                    cost = SKIP_COST
                if best[i][j] + cost < best[i + di][j + dj]:
                    best[i + di][j + dj] = best[i][j] + cost
                    step[(i + di, j + dj)] = (di, dj)
    pairs = []
    i, j = n, m
    while i or j:
        di, dj = step[(i, j)]
        zh_part, en_part = zh[i - di : i], en[j - dj : j]
        if zh_part and en_part:
            texts = ("".join(p.text for p in zh_part), " ".join(p.text for p in en_part))
            pairs.append((zh_part, en_part, AlignMethod.CONTENT, _score(*texts, ratio)))
        else:
            pairs.append((zh_part, en_part, AlignMethod.UNMATCHED, 0.0))
        i, j = i - di, j - dj
    return pairs[::-1]


def _alignment(twins: Twins, zh: list[Paragraph], en: list[Paragraph], method: AlignMethod, score: float) -> Alignment:
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
