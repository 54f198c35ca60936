"""The masthead of a UN-system paper: organization, organ, distribution, original language, the
sponsors of a draft and the draft an adopted resolution names.

A masthead is a column of short lines at the top of page 1 (`United Nations`, `A/RES/80/1`,
`General Assembly`, `Distr.: General`, `19 September 2025`, `Original: English` ...). These lines
are cover furniture: they fill cover fields and never become headings of the body.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors.patterns import (
    ADOPTED_BY,
    AGENDA_ITEM,
    DISTRIBUTION,
    DOCUMENT_DATE,
    DRAFT_REFERENCE,
    JOB_NUMBER,
    MASTHEAD_FURNITURE,
    DATES_AND_PLACE_EN,
    DATES_AND_PLACE_ZH,
    ORIGINAL_LANGUAGE,
    SESSION,
    SESSION_DATES,
    SPONSORS,
)
from lexicon.bodies import COMMITTEE_LINE, ORGAN_LINE, ORGANIZATION_LINE

SESSION_EXTRA_CHARS = 12  # a session line's words beyond the session: `– Part two`, `第二阶段`  # characters: `Eightieth session`, `Fifty-sixth session`; longer is prose


def masthead_fields(lines: Iterable[str]) -> dict[str, str]:
    """The masthead fields page 1's lines print; the first line that gives a field wins."""
    fields: dict[str, str] = {}

    def put(name: str, value: str | None) -> None:
        if value and name not in fields:
            fields[name] = value.strip()

    for text in lines:
        if ORGANIZATION_LINE.match(text):
            put("organization", text)
        elif ORGAN_LINE.match(text):
            put("organ", text)
        if match := DISTRIBUTION.match(text):
            put("distribution", match.group("value").capitalize())
        if match := ORIGINAL_LANGUAGE.match(text):
            put("original_language", match.group("value") or match.group("zh"))
        if match := SPONSORS.match(text):
            put("sponsors", match.group("value") or match.group("zh"))
        if match := DRAFT_REFERENCE.match(text):
            put("draft_symbol", match.group("value") or match.group("zh"))
        if match := ADOPTED_BY.match(text):
            put("adopted_by", match.group("organ") or match.group("zh_organ"))
    adopted_by = fields.pop("adopted_by", "")
    if adopted_by and "organ" not in fields:  # the organ's own line names it in full
        fields["organ"] = adopted_by
    return fields


def is_masthead_line(text: str) -> bool:
    """A line of the masthead, not of the text: it is read as a cover field and nowhere else."""
    item = AGENDA_ITEM.search(text)
    if item and item.end() == len(text) and item.start() > 0:  # `24 February–4 April 2025 Agenda item 3`
        return is_masthead_line(text[: item.start()].strip())
    session = SESSION.search(text)
    short_session = session and len(text) - len(session.group()) <= SESSION_EXTRA_CHARS
    agenda_only = item and item.start() == 0 and item.end() == len(text)
    return bool(
        DOCUMENT_DATE.match(text)
        or SESSION_DATES.match(text)
        or DATES_AND_PLACE_EN.match(text)
        or DATES_AND_PLACE_ZH.match(text)
        or MASTHEAD_FURNITURE.match(text)
        or DISTRIBUTION.match(text)
        or ORGAN_LINE.match(text)
        or ORGANIZATION_LINE.match(text)
        or COMMITTEE_LINE.match(text)
        or JOB_NUMBER.match(text)
        or short_session
        or agenda_only
        or SPONSORS.match(text)
        or DRAFT_REFERENCE.match(text)
        or ADOPTED_BY.match(text)
    )
