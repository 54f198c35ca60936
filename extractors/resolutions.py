"""What makes a block part of a resolution or decision: its own number and title, the adoption line,
the lead phrase of a clause.

The segmenter (extractors.structure) decides where a resolution starts and ends; these functions read
single blocks. A decision's identity in locators is its printed number with `/`, `.` and spaces
turned into `-`, so both languages give `dec/15-4` for `15/4.` and `第 15/4 号决定`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.patterns import ADOPTION_LINE, ADOPTION_NOTE, DECISION_TITLE, DOCUMENT_DATE, TABLE_OF_CONTENTS_LINE
from lexicon.leads import OPERATIVE_LEAD, PREAMBULAR_LEAD
from models import Block

LEAD_TRAILING = re.compile(r"[\s,，:：;；]+$")
IDENTITY_SEPARATORS = re.compile(r"[\s/.]+")


@dataclass(frozen=True)
class DecisionTitle:
    number: str  # as printed: `15/4.`, `1/CP.21`, `46 COM 7B.1`
    identity: str  # in locators: `15-4`, `1-CP-21`, `46-COM-7B-1`
    title: str  # "" when printed on the next line


def read_decision_title(text: str) -> DecisionTitle | None:
    """The decision's number and title, or None. A line of a table of contents is no title."""
    match = DECISION_TITLE.match(text)
    if not match or TABLE_OF_CONTENTS_LINE.search(text):
        return None
    if match.group("zh_number"):
        number, title = match.group("zh_number").strip(), match.group("zh_title")
        printed = number
    else:
        number, title = match.group("number"), match.group("title") or ""
        printed = number + (match.group("stop") or "")
        if "/" in number and not match.group("stop") and not text.startswith(("Decision", "DECISION", "Resolution")):
            return None  # `2020/12 …` in running text: a bare number needs its full stop or its word
    return DecisionTitle(printed, IDENTITY_SEPARATORS.sub("-", number.strip()).strip("-"), title.strip())


def is_adoption_line(text: str) -> bool:
    return bool(ADOPTION_LINE.search(text)) and len(text) < 120


def continues_adoption(text: str) -> bool:
    """What an adoption line prints on lines of its own: its date, `[Adopted without a vote.]`, the meeting."""
    return bool(DOCUMENT_DATE.match(text) or ADOPTION_NOTE.match(text) or is_adoption_line(text))


def lead_phrase(block: Block, text: str, operative: bool) -> str:
    """The clause's lead phrase as printed: the italic run it opens with (English papers set leads in
    italics, whatever the verb), else the longest listed lead (`又回顾`, `Also requests`)."""
    italic = LEAD_TRAILING.sub("", block.lines[0].italic_lead) if block.lines else ""
    if italic and text.startswith(italic) and len(italic) < len(text):
        return italic
    match = (OPERATIVE_LEAD if operative else PREAMBULAR_LEAD).match(text)
    return match.group(0) if match else ""


def is_resolution_part(part: str) -> bool:
    """`res`, `res/1-CP-6`, `dec/15-4` and their annexes (`dec/78-1/annex`)."""
    return part == "res" or part.startswith(("res/", "dec/"))
