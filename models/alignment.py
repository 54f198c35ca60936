"""Records of the translators' cross-check: aligned paragraphs of twins, and the differences found."""

from __future__ import annotations

from enum import StrEnum

from models.record import record


class AlignMethod(StrEnum):
    LOCATOR = "locator"  # the same locator in both languages
    CONTENT = "content"  # found by the dynamic programme over length, shared values, kind and position
    UNMATCHED = "unmatched"  # in one language only


class Severity(StrEnum):
    ERROR = "error"  # a value that must be the same: a year, a decision number, a symbol, a missing paragraph
    WARNING = "warning"  # worth a look: other numbers, footnote markers
    REVIEW = "review"  # from a pair aligned with low confidence: review the alignment before the values


@record
class Alignment:
    pair_id: str  # the twins: their symbol
    symbol: str
    zh_doc_id: str
    en_doc_id: str
    zh_para_ids: tuple[str, ...]  # one or two on each side (a 2-1 merge), none when unmatched
    en_para_ids: tuple[str, ...]
    locator: str  # the locator of the first record on either side
    method: AlignMethod
    score: float  # 0-1, the confidence: how well lengths and shared values agree

    def __post_init__(self) -> None:
        if not (self.zh_para_ids or self.en_para_ids) or not 0.0 <= self.score <= 1.0:
            raise ValueError(f"bad alignment {self}")


@record
class CrossCheck:
    pair_id: str
    symbol: str
    locator: str
    check: str  # references, reference_kind, symbols, articles, dates, ordinals, annexes, percentages, amounts,
    # years, numbers, footnotes, missing_paragraph, missing_footnote
    zh_value: str  # what the Chinese has that the English lacks
    en_value: str  # and the other way round
    severity: Severity
    zh_text: str
    en_text: str


@record
class CheckedTwins:
    """One pair of twins aligned and cross-checked."""

    pair_id: str
    symbol: str
    alignments: tuple[Alignment, ...]
    checks: tuple[CrossCheck, ...]
