"""Find requests in a paragraph's text: who is asked to act, by which verb, on what condition.

A request is an asking verb (要求, 请, 邀请, 敦促, 促请, 鼓励, 呼吁 / requests, invites, urges, encourages,
calls upon, `is invited to`) followed by an addressee phrase; the phrase ends where the action starts
(`在`, `向`, `视`, `与`, … / the infinitive `to …`), so `请主席团在秘书处支持下` asks the Bureau only. Each
addressee of one verb gives one request (`要求秘书和主席团`: Secretary, Bureau). Suggestions (`不妨要求`,
`may wish to request`), modals (`可鼓励`, `should be invited`) and nouns (`对秘书的要求`, `需求和请求`) are
not requests.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extractors.request_patterns import (
    ACTION_EN,
    ACTION_FIRST_ZH,
    ACTION_ZH,
    ADDRESSEES_EN,
    ADDRESSEES_ZH,
    CONDITION_EN,
    CONDITION_ZH,
    PASSIVE_EN,
    REPORT_EN,
    REPORT_ZH,
    SENTENCE_END,
    VERB_EN,
    VERB_ZH,
    VERBS_EN,
    VERBS_ZH,
)
from lexicon.numerals import chinese_number, english_ordinal
from models.tags import RequestVerb

ADDRESSEE_PATTERNS = {
    "zh": [(re.compile(pattern), name) for pattern, name in ADDRESSEES_ZH],
    "en": [(re.compile(pattern), name) for pattern, name in ADDRESSEES_EN],
}
BODY_NAMES_ZH = {"管理机构": "Governing Body", "缔约方大会": "Conference of the Parties", "执行问题附属机构": "Subsidiary Body on Implementation"}
@dataclass(frozen=True)
class FoundRequest:
    addressee: str
    verb: RequestVerb
    verb_printed: str
    action: str
    condition: str
    report_back: str
    report_to: str
    clause: str
    start: int  # of the asking words in the text
    end: int


def find_requests(text: str, language: str, requester: str = "") -> list[FoundRequest]:
    """`requester` is the body whose text this is: where it is the Governing Body, 缔约方 are its
    Contracting Parties."""
    found = _chinese(text) if language == "zh" else _english(text)
    if requester == "Governing Body" and language == "zh":
        found = [dataclasses.replace(r, addressee="Contracting Parties") if r.addressee == "Parties" else r for r in found]
    return found


def _chinese(text: str) -> list[FoundRequest]:
    found = []
    for match in VERB_ZH.finditer(text):
        after = text[match.end() :]
        if ACTION_FIRST_ZH.match(after):
            continue
        stop = ACTION_ZH.search(after)
        phrase = after[: stop.start() if stop else len(after)]
        verb = VERBS_ZH[match.group("verb")]
        found += _requests(text, match, verb, _addressees(phrase, "zh"), match.end() + len(phrase), "zh")
    return found


def _english(text: str) -> list[FoundRequest]:
    found = []
    for match in VERB_EN.finditer(text):
        after = text[match.end() :]
        stop = ACTION_EN.search(after)
        phrase = after[: stop.start() if stop else len(after)]
        if phrase.startswith(","):
            continue  # "needs and requests, the Secretariat …": a noun
        verb = _english_verb(match.group("verb"))
        found += _requests(text, match, verb, _addressees(phrase, "en"), match.end() + len(phrase), "en")
    for match in PASSIVE_EN.finditer(text):
        verb = _english_verb(match.group("verb"))
        found += _requests(text, match, verb, _addressees(match.group("who"), "en"), match.end(), "en")
    return sorted(found, key=lambda request: request.start)


def _requests(
    text: str, match: re.Match[str], verb: RequestVerb, addressees: list[str], action_start: int, language: str
) -> list[FoundRequest]:
    if not addressees:
        return []
    clause_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, match.start())), default=0)
    end = SENTENCE_END.search(text, action_start)
    clause_end = end.end() if end else len(text)
    clause = text[clause_start:clause_end].strip()
    action = text[action_start:clause_end].strip(" ，,；;。.")
    condition_pattern, report_pattern = (CONDITION_ZH, REPORT_ZH) if language == "zh" else (CONDITION_EN, REPORT_EN)
    condition = condition_pattern.search(clause)
    report = report_pattern.search(clause)
    return [
        FoundRequest(
            addressee=addressee,
            verb=verb,
            verb_printed=match.group("printed"),
            action=action,
            condition=condition.group() if condition else "",
            report_back=report.group() if report else "",
            report_to=_report_to(report) if report else "",
            clause=clause,
            start=match.start("printed"),
            end=match.end("printed"),
        )
        for addressee in addressees
    ]


def _addressees(phrase: str, language: str) -> list[str]:
    """The addressees named in a phrase, in order, each once; a specific name hides the general one
    inside it (执行秘书 is not also 秘书)."""
    claimed: list[tuple[int, int, str]] = []
    for pattern, name in ADDRESSEE_PATTERNS[language]:
        for match in pattern.finditer(phrase):
            if not any(match.start() < end and start < match.end() for start, end, _ in claimed):
                claimed.append((match.start(), match.end(), name))
    return list(dict.fromkeys(name for _, _, name in sorted(claimed)))


def _english_verb(printed: str) -> RequestVerb:
    stem = re.match(r"request|invite|urge|encourage|call", printed.lower())
    return VERBS_EN[stem.group()]


def _report_to(report: re.Match[str]) -> str:
    """The same in both languages: `Governing Body (session 7)`, `Governing Body`."""
    groups = report.groupdict()
    target = groups.get("to") or groups.get("at") or ""
    session = None
    for chinese, english in BODY_NAMES_ZH.items():
        if target.startswith(chinese):
            numeral = re.search(r"第([一二三四五六七八九十]+)(?:届|次)", target)
            target, session = english, chinese_number(numeral.group(1)) if numeral else None
            break
    else:
        session = english_ordinal(groups.get("session") or "")
    return f"{target} (session {session})" if session else target
