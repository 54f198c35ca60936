"""Break paper text into lines the way a word processor does, for the fpdf2 renderer.

Chinese breaks between any two characters except before closing or after opening punctuation;
Latin text breaks at spaces and after hyphens, and long English words may be hyphenated.
A footnote marker stays on the line of the word it follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from paper_source import MARKER

CLOSING = set("，。、；：？！）》」』”’〉】％,.;:?!)]%")
OPENING = set("（《「『“‘〈【([")
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…•"
TOKEN = re.compile(rf"\s+|[^\s{CJK}]+|\S")
SEGMENT = re.compile(r"(\[\^[^\]]+\])")
HYPHEN_SPLIT = re.compile(r"(?<=[a-z0-9]-)(?=[A-Za-z0-9])")


@dataclass
class Piece:
    text: str
    is_marker: bool = False
    italic: bool = False  # a clause's lead phrase in an English resolution


@dataclass
class Atom:
    """An unbreakable run: a word, a Chinese character with its glued punctuation, and markers."""

    pieces: list[Piece] = field(default_factory=list)
    space_before: bool = False

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces if not piece.is_marker)

    @property
    def markers(self) -> list[str]:
        return [piece.text for piece in self.pieces if piece.is_marker]


Measure = Callable[[Atom], float]
Hyphenate = Callable[[str], list[tuple[str, str]]]


def atoms(text: str) -> list[Atom]:
    result: list[Atom] = []
    pending_space = False
    glue_next = False
    for segment in SEGMENT.split(text):
        marker = MARKER.fullmatch(segment)
        if marker:
            piece = Piece(marker.group(1), is_marker=True)
            if result:
                result[-1].pieces.append(piece)
            else:
                result.append(Atom([piece]))
            continue
        for token in TOKEN.finditer(segment):
            if token.group().isspace():
                pending_space = True
                continue
            for part in HYPHEN_SPLIT.split(token.group()):
                if result and (glue_next or (part[0] in CLOSING and not pending_space)):
                    result[-1].pieces.append(Piece(part))
                else:
                    result.append(Atom([Piece(part)], space_before=pending_space))
                glue_next = part[-1] in OPENING
                pending_space = False
    return result


def break_lines(
    items: list[Atom],
    width: float,
    measure: Measure,
    space_width: float,
    hyphenate: Hyphenate | None = None,
) -> list[list[Atom]]:
    lines: list[list[Atom]] = []
    line: list[Atom] = []
    used = 0.0
    queue = list(items)
    while queue:
        atom = queue.pop(0)
        gap = space_width if (line and atom.space_before) else 0.0
        size = measure(atom)
        if not line or used + gap + size <= width:
            if size > width and not line:
                hyphenated = _hyphenated(atom, width, measure, hyphenate) if hyphenate else None
                head, tail = hyphenated or _force_split(atom, width, measure)
                if tail is not None:
                    lines.append([head])
                    queue.insert(0, tail)
                    continue
            line.append(atom)
            used += gap + size
            continue
        split = _hyphenated(atom, width - used - gap, measure, hyphenate) if hyphenate else None
        if split is not None:
            line.append(split[0])
            queue.insert(0, split[1])
        else:
            queue.insert(0, atom)
        lines.append(line)
        line, used = [], 0.0
    if line:
        lines.append(line)
    return lines


def _hyphenated(atom: Atom, room: float, measure: Measure, hyphenate: Hyphenate) -> tuple[Atom, Atom] | None:
    """Hyphenate a word (with any closing punctuation) as a word processor would."""
    text = atom.text
    word = text.rstrip(",.;:)")
    if atom.markers or not word.isalpha() or len(word) < 7 or not word[1:].islower():
        return None
    if len({piece.italic for piece in atom.pieces}) > 1:
        return None  # the end of a lead phrase glued to roman punctuation: not worth splitting
    italic = atom.pieces[0].italic
    for head, tail in hyphenate(word):
        candidate = Atom([Piece(head + "-", italic=italic)], space_before=atom.space_before)
        if measure(candidate) <= room:
            return candidate, Atom([Piece(tail + text[len(word) :], italic=italic)])
    return None


def italicize_lead(items: list[Atom], lead: str) -> list[Atom]:
    """Mark the pieces that spell `lead` (the text's first characters, spaces left out) as italic,
    splitting the piece in which the lead ends."""
    remaining = len(lead.replace(" ", ""))
    for atom in items:
        pieces: list[Piece] = []
        for piece in atom.pieces:
            if remaining <= 0 or piece.is_marker:
                pieces.append(piece)
                continue
            head, tail = piece.text[:remaining], piece.text[remaining:]
            remaining -= len(head)
            pieces.append(Piece(head, italic=True))
            if tail:
                pieces.append(Piece(tail))
        atom.pieces = pieces
    return items


def _force_split(atom: Atom, width: float, measure: Measure) -> tuple[Atom, Atom | None]:
    """Split an atom wider than a whole line (a long URL or symbol), after a slash if one fits."""
    text = atom.text
    fitting = [cut for cut in range(len(text) - 1, 0, -1) if measure(Atom([Piece(text[:cut])])) <= width]
    if not fitting:
        return atom, None
    cut = next((c for c in fitting if text[c - 1] in "/-"), fitting[0])
    rest = [Piece(text[cut:])] + [piece for piece in atom.pieces if piece.is_marker]
    return Atom([Piece(text[:cut])], space_before=atom.space_before), Atom(rest)
