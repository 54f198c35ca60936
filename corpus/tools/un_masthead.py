"""The UN masthead of a resolution or decision's cover, as every producer prints it.

A paper whose front matter names an `organ` gets the layout UN papers use: the organization
(`United Nations`) over the organ in large type on the left; the symbol, `Distr.: General`, the
date and `Original: English` on the right (a Chinese paper prints `Chinese` above that line); a
rule; the session, committee, dates and place, agenda item and the item's title; the sponsors line of a draft
(`South Africa: draft resolution`) or the adoption lines of an adopted text; then the title, unless a
DEC line of the body prints it (an adopted GA resolution: `80/100. Question of Saint Helena`).
The producers only place these lines: what each says is decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from paper_source import PaperSource

DRAFT_WORDS = {  # kind: the words after the sponsors
    ("en", "draft_resolution"): "draft resolution",
    ("en", "draft_decision"): "draft decision",
    ("zh", "draft_resolution"): "决议草案",
    ("zh", "draft_decision"): "决定草案",
}
SPONSOR_SEPARATOR = {"en": ": ", "zh": "："}
LANGUAGE_LINE = {"en": "", "zh": "Chinese"}  # the paper's own language, printed above `Original:` in Chinese
# role: (points above the body size, bold, italic)
LOOKS: dict[str, tuple[float, bool, bool]] = {
    "organization": (3.0, False, False),
    "organ": (8.0, True, False),
    "symbol": (3.0, True, False),
    "distribution": (-1.0, False, False),
    "date": (-1.0, False, False),
    "language": (-1.0, False, False),
    "session": (0.0, True, False),
    "committee": (0.0, True, False),
    "dates_place": (0.0, False, False),
    "agenda_item": (0.0, False, False),
    "agenda_title": (0.0, True, False),
    "sponsors": (2.0, True, False),
    "adoption": (3.0, True, False),
    "reference": (0.0, False, True),
    "title": (3.0, True, False),
}


@dataclass(frozen=True)
class Line:
    text: str
    role: str  # a key of LOOKS

    def size(self, body: float) -> float:
        return body + LOOKS[self.role][0]

    @property
    def bold(self) -> bool:
        return LOOKS[self.role][1]

    @property
    def italic(self) -> bool:
        return LOOKS[self.role][2]


@dataclass(frozen=True)
class Masthead:
    left: list[Line]  # beside the right column, above the rule
    right: list[Line]
    below: list[Line]  # under the rule, flush left
    lead: list[Line]  # the sponsors line or the adoption lines, indented
    title: list[Line]  # the title, or nothing when the body's DEC line prints it


def has_masthead(paper: PaperSource) -> bool:
    return bool(paper.front.get("organ"))


def masthead(paper: PaperSource) -> Masthead:
    front, language = paper.front, paper.language

    def lines(*roles: str) -> list[Line]:
        return [Line(front[role], role) for role in roles if front.get(role)]

    right = lines("symbol")
    if front.get("distribution"):
        right.append(Line(f"Distr.: {front['distribution']}", "distribution"))
    right += lines("date")
    if front.get("original_language"):
        if LANGUAGE_LINE[language]:
            right.append(Line(LANGUAGE_LINE[language], "language"))
        right.append(Line(f"Original: {front['original_language']}", "language"))
    lead: list[Line] = []
    words = DRAFT_WORDS.get((language, front.get("kind", "")))
    if words and front.get("sponsors"):
        lead.append(Line(f"{front['sponsors']}{SPONSOR_SEPARATOR[language]}{words}", "sponsors"))
    lead += lines("adoption", "reference")
    printed_in_body = any(block.tag == "DEC" and block.text == front["title"] for block in paper.blocks)
    return Masthead(
        left=lines("organization", "organ"),
        right=right,
        below=lines("session", "committee", "dates_place", "agenda_item", "agenda_title"),
        lead=lead,
        title=[] if printed_in_body else [Line(front["title"], "title")],
    )
