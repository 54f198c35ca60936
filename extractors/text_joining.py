"""Join the printed lines of a block into running text.

Chinese lines join without a space. Chinese papers print a space between Han characters and digits or
Latin words (`第 7/2015 号决议`), and a word processor drops that space when the line breaks there; the
joiner puts it back when the document itself spaces its scripts that way.

English lines join with a space. A word hyphenated at the line end is rejoined, unless the document
writes that compound with a hyphen elsewhere (`co-operation`) or uses both halves as words of their
own (`fact-` / `finding`, `decision-` / `makers`), and a range split after its hyphen (`2011-` /
`2020`) keeps the hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractors.scripts import is_ascii_alnum, is_cjk, is_han

WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
HAN_SPACED = re.compile(r"[\u4e00-\u9fff] [A-Za-z0-9]|[A-Za-z0-9] [\u4e00-\u9fff]")
HAN_ADJACENT = re.compile(r"[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]")
TRAILING_WORD = re.compile(r"([A-Za-z]+)-$")
LEADING_WORD = re.compile(r"^([A-Za-z]+)")
NUMBER_WORDS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}


@dataclass(frozen=True)
class JoinContext:
    """What a document tells about how its own lines should be joined."""

    language: str
    spaces_between_scripts: bool = True
    words: frozenset[str] = frozenset()  # lower-cased words and hyphenated compounds seen inside lines


def join_context(language: str, lines: Iterable[str]) -> JoinContext:
    lines = list(lines)
    spaced = sum(len(HAN_SPACED.findall(line)) for line in lines)
    adjacent = sum(len(HAN_ADJACENT.findall(line)) for line in lines)
    # a line's first and last words may be fragments of a hyphenated word: only words inside lines count
    words = set()
    for line in lines:
        for word in WORD.findall(" ".join(line.split(" ")[1:-1])):
            words.add(word.lower())
            words.update(part.lower() for part in word.split("-"))
    return JoinContext(language=language, spaces_between_scripts=spaced >= adjacent, words=frozenset(words))


def join_pair(left: str, right: str, context: JoinContext) -> str:
    last, first = left[-1], right[0]
    if last == "-" and len(left) > 1:
        before = left[-2]
        same_case = first.islower() or (before.isupper() and first.isupper())
        if context.language != "zh" and before.isalpha() and first.isalpha() and same_case:
            return left[:-1] + right if _hyphen_is_soft(left, right, context) else left + right
        return left + right
    east_asian = is_cjk if context.language == "zh" else is_han
    if east_asian(last) or east_asian(first):
        if context.spaces_between_scripts and (
            (is_han(last) and is_ascii_alnum(first)) or (is_ascii_alnum(last) and is_han(first))
        ):
            return f"{left} {right}"
        return left + right
    if last == "/" or (last == "–" and left[-2:-1].isdigit() and first.isdigit()):  # 2023–/2024
        return left + right
    return f"{left} {right}"


def _hyphen_is_soft(left: str, right: str, context: JoinContext) -> bool:
    head = TRAILING_WORD.search(left)
    tail = LEADING_WORD.match(right)
    if not head or not tail:
        return True
    left, right = head.group(1).lower(), tail.group(1).lower()
    if f"{left}{right}" in context.words:
        return True
    if f"{left}-{right}" in context.words:
        return False
    if left in NUMBER_WORDS:
        return False
    return not (len(left) >= 3 and len(right) >= 3 and left in context.words and right in context.words)
