"""Find references in a paragraph's text: decisions, resolutions, recommendations, articles, symbols.

Every reference gets a `normalized` value that is the same in Chinese and English
(`第 XIII/24 号决定` and `decision XIII/24` are both `Decision XIII/24`), keeping what is printed
(`第 19.3(1)条` stays `Article 19.3(1)`). A coordinated list gives one reference per item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.reference_patterns import (
    ARTICLE_BASE,
    ARTICLE_EN,
    ARTICLE_ITEM,
    ARTICLE_ZH,
    CHINESE_ANNEX,
    CLAUSE_START,
    LIST_ITEM,
    NUMBERED_ZH,
    PINPOINT_AFTER_EN,
    PINPOINT_AFTER_ZH,
    PINPOINT_BEFORE_EN,
    REC_ABBREVIATION,
    ROMAN_ONLY,
    SYMBOL,
    WORD_FIRST_EN,
    WORD_FIRST_ZH,
    CHINESE_NUMBERED_ARTICLE,
)
from extractors.scripts import is_cjk
from lexicon.bodies import ISSUERS
from lexicon.numerals import chinese_number
from models.tags import ReferenceKind

KIND_OF_WORD = {
    "决议": ReferenceKind.RESOLUTION,
    "决定": ReferenceKind.DECISION,
    "建议": ReferenceKind.RECOMMENDATION,
    "resolution": ReferenceKind.RESOLUTION,
    "decision": ReferenceKind.DECISION,
    "recommendation": ReferenceKind.RECOMMENDATION,
}
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


@dataclass(frozen=True)
class FoundReference:
    surface: str
    kind: ReferenceKind
    normalized: str
    body: str
    pinpoint: str
    start: int
    end: int


def find_references(text: str) -> list[FoundReference]:
    found: list[FoundReference] = []
    for pattern in (NUMBERED_ZH, WORD_FIRST_ZH, WORD_FIRST_EN, REC_ABBREVIATION):
        for match in pattern.finditer(text):
            word = match.groupdict().get("kind") or "recommendation"
            kind = KIND_OF_WORD[word.lower().rstrip("s")]
            body = _body(text, match.start(), match.end())
            pinpoint = _pinpoint(text, match.start(), match.end())
            found += _items(text, match, LIST_ITEM, kind, body, pinpoint)
    for pattern in (ARTICLE_ZH, ARTICLE_EN):
        for match in pattern.finditer(text):
            found += _articles(text, match)
    for match in CHINESE_NUMBERED_ARTICLE.finditer(text):
        value = chinese_number(match.group("number"))
        if value is None:  # 第一一条: no numeral
            continue
        number = _roman(value)
        found.append(FoundReference(match.group(), ReferenceKind.ARTICLE, f"Article {number}", "", "", match.start(), match.end()))
    for match in SYMBOL.finditer(text):
        if _is_symbol(match.group("symbol"), text, match.start()):
            symbol = match.group("symbol")
            pinpoint = _pinpoint(text, match.start(), match.end())
            found.append(
                FoundReference(symbol, ReferenceKind.DOCUMENT_SYMBOL, symbol.upper(), "", pinpoint, match.start(), match.end())
            )
    return _without_overlaps(found)


def _items(text, match, item_pattern, kind, body, pinpoint) -> list[FoundReference]:
    """One reference per item of a list: the first carries the whole phrase as its surface."""
    items = list(item_pattern.finditer(match.group("list")))
    offset = match.start("list")
    result = []
    for index, item in enumerate(items):
        identifier = re.sub(r"\s*([/.])\s*", r"\1", item.group())
        start, end = (match.start(), match.end()) if len(items) == 1 else (offset + item.start(), offset + item.end())
        surface = text[start:end]
        result.append(FoundReference(surface, kind, f"{kind.title_word} {identifier}", body, pinpoint, start, end))
    return result


def _articles(text: str, match: re.Match[str]) -> list[FoundReference]:
    items = list(ARTICLE_ITEM.finditer(match.group("list")))
    offset = match.start("list")
    result, base = [], ""
    for item in items:
        article = item.group().replace(" ", "")
        if stem := ARTICLE_BASE.match(article):
            base = stem.group()
        else:
            article = base + article  # "(l)" in 第 19.3(g)和(l)条 is 19.3(l)
        start, end = (match.start(), match.end()) if len(items) == 1 else (offset + item.start(), offset + item.end())
        result.append(FoundReference(text[start:end], ReferenceKind.ARTICLE, f"Article {article}", "", "", start, end))
    return result


def _is_symbol(symbol: str, text: str, start: int) -> bool:
    first, _, rest = symbol.partition("/")
    if not any(char.isdigit() for char in symbol):
        return False
    if ROMAN_ONLY.match(first) and "/" not in rest:
        return False  # XIII/24 is a decision number
    token_start = start
    while token_start > 0 and not text[token_start - 1].isspace() and not is_cjk(text[token_start - 1]):
        token_start -= 1  # back to the start of this run of Latin text: is it a URL?
    return "://" not in text[token_start:start] and "www." not in text[token_start:start]


def _body(text: str, start: int, end: int) -> str:
    """The body named in the clause before the reference, or right after it (`of the Conference of the Parties`)."""
    after = re.match(r"^\s+(?:of|by)\s+the\s+(.{0,80})", text[end:])
    if after:
        for name, pattern in ISSUERS:
            if pattern.match(after.group(1)):
                return name
    clause_start = max((m.end() for m in CLAUSE_START.finditer(text, 0, start)), default=0)
    window = text[clause_start:start]
    best, best_at = "", -1
    for name, pattern in ISSUERS:
        for match in pattern.finditer(window):
            if match.start() > best_at:
                best, best_at = name, match.start()
    return best


def _pinpoint(text: str, start: int, end: int) -> str:
    parts = []
    before = PINPOINT_BEFORE_EN.search(text[max(0, start - 60) : start])
    after = PINPOINT_AFTER_ZH.match(text[end:]) or PINPOINT_AFTER_EN.match(text[end:])
    for match in (before, after):
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("section"):
            parts.append(f"section {groups['section']}")
        if groups.get("paras"):
            paras = re.sub(r"\s*(?:和|and)\s*", " and ", groups["paras"].strip()).replace("、", ", ").replace("至", "-")
            plural = any(mark in paras for mark in ("-", "–", ",", "and"))
            parts.append(f"{'paras.' if plural else 'para.'} {paras}")
        if groups.get("annexes"):
            parts.append("annexes I and II")
        elif groups.get("annex") or match.group(0).strip().startswith(("附件", "annex")):
            annex = groups.get("annex") or ""
            parts.append(f"annex {CHINESE_ANNEX.get(annex, annex)}".strip())
    return ", ".join(parts)


def _without_overlaps(found: list[FoundReference]) -> list[FoundReference]:
    kept: list[FoundReference] = []
    for reference in sorted(found, key=lambda r: (r.start, -(r.end - r.start))):
        if not any(reference.start < other.end and other.start < reference.end for other in kept):
            kept.append(reference)
    return kept


def _roman(number: int) -> str:
    result = ""
    for value, numeral in ROMAN * 3:
        while number >= value:
            result, number = result + numeral, number - value
    return result
