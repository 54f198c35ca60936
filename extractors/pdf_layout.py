"""From the characters of a PDF page to printed lines.

A line is a run of characters sharing a baseline. Smaller characters raised above it are footnote
markers: they are taken out of the text and kept as (label, offset). A space is inferred from a gap
only where the PDF has no space glyph, and never inside justified Chinese text.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from extractors.scripts import is_cjk
from models import BBox, FootnoteMarker, TextLine

Char = dict[str, Any]  # a pdfplumber char

MARKER_SIZE_RATIO = 0.8  # a marker is at most this size relative to its line
MARKER_RAISE_RATIO = 0.15  # and its bottom sits at least this far (x size) above the baseline
SAME_BASELINE = 1.5  # points between the bottoms of two characters of one row
SAME_BASELINE_EXACTLY = 0.3  # points between their baselines, where both readers give them
SAME_SIZE = 1.25  # a larger ratio of sizes: two lines, even on one baseline
SEGMENT_GAP_RATIO = 6.0  # a wider gap (x size) splits a row into separate lines (cover columns)
LATIN_SPACE_RATIO = 0.2  # a gap wider than this (x size) between Latin characters is a space
CJK_SPACE_RATIO = 0.4  # between a CJK character and anything else, beyond the row's usual gap
MAX_MARKER_RUN = 4  # characters: the longest label (`***`, `123`) with a comma
SUPERSCRIPT_GLYPH_SHARE = 0.8  # a digit this much narrower than its font's widest is a superscript glyph
GLUED = 0.1  # of the size: characters closer than this touch
WRAPPED_MARKER_DISTANCE = 1.6  # a lone marker row this close (x size) below a line ends that line
MARKER_LABEL = re.compile(r"^(?:\d{1,3}|\*{1,3})$")
ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th|er|re|e)$")  # raised after a number: 10th, 2nd (1er, 2e)
# TimesNewRomanPS-ItalicMT, LiberationSerif-BoldItalic, NimbusRomNo9L-ReguItal, TeXGyreTermes-Italic, CMTI10
ITALIC_FONT = re.compile(r"italic|oblique|ital\b|-it$|kursiv|^cmti|\+cmti", re.IGNORECASE)
LEAD_MAX_OFFSET = 6  # characters: an italic lead starts at the line's start or after its label (`12.`)


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal rule: a drawn line or a flat rectangle."""

    x0: float
    x1: float
    top: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def horizontal_rules(objects: Iterable[dict[str, Any]]) -> list[Rule]:
    rules = []
    for obj in objects:
        if abs(obj["bottom"] - obj["top"]) <= 2.0 and obj["x1"] - obj["x0"] > 10:
            rules.append(Rule(obj["x0"], obj["x1"], obj["top"]))
    return rules


def build_lines(chars: Sequence[Char], page: int) -> list[TextLine]:
    """Group a page's (or a table cell's) characters into lines, top to bottom."""
    upright = [c for c in chars if c.get("upright", True) and c["text"] != "\n"]
    if not upright:
        return []
    # rows of spaces alone (Word's empty spacing paragraphs in a tiny font) would pass for raised markers
    printed = [row for row in rows_by_baseline(upright) if not all(c["text"].isspace() for c in row)]
    rows, marker_ids = _attach_raised_rows(printed)
    marker_ids |= _superscript_glyph_markers(rows)
    lines = []
    for row in rows:
        for segment in _segments(row):
            line = _line_from_chars(segment, page, marker_ids)
            if line is not None:
                lines.append(line)
    lines.sort(key=lambda line: (round(line.bbox.bottom), line.bbox.x0))
    return lines


def rows_by_baseline(chars: list[Char]) -> list[list[Char]]:
    """Characters clustered by their baselines, each row then read left to right.

    Two fonts on one line (Han in a CJK font, digits in a Latin one) have different descents, so
    their bottoms differ by a fraction of a point, and by more in a large heading: there the shared
    baseline of characters of one size keeps them in one row. The order within a row comes from x
    alone.
    """
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: c["bottom"]):
        if rows and abs(char["bottom"] - rows[-1][-1]["bottom"]) <= SAME_BASELINE:
            rows[-1].append(char)
        elif rows and _same_baseline(rows[-1], char):
            rows[-1].append(char)
        else:
            rows.append([char])
    return [sorted(row, key=lambda c: c["x0"]) for row in rows]


def _same_baseline(row: list[Char], char: Char) -> bool:
    """One baseline and one size: a font with a deeper descent set on the row's line. Text of
    another size on the same baseline (a masthead's symbol beside its organ) is a line of its own."""
    last = row[-1]
    similar = max(char["size"], last["size"]) <= SAME_SIZE * min(char["size"], last["size"])
    return similar and abs(_baseline(char) - _baseline(last)) <= SAME_BASELINE_EXACTLY


def _baseline(char: Char) -> float:
    """The character's baseline, from the page's top, as both page readers give it; its bottom for
    characters that come without one."""
    return char.get("baseline", char["bottom"])


def _row_size(row: list[Char]) -> float:
    return statistics.median(c["size"] for c in row if not c["text"].isspace()) if any(not c["text"].isspace() for c in row) else row[0]["size"]


def _attach_raised_rows(rows: list[list[Char]]) -> tuple[list[list[Char]], set[int]]:
    """Fold rows of small raised characters (footnote markers) into the line they belong to.

    A marker wrapped onto a line of its own (in a narrow table cell) goes to the end of the line
    above it. Returns the rows and the ids of the marker characters.
    """
    marker_ids: set[int] = set()
    sizes = [_row_size(row) for row in rows]
    folded: set[int] = set()
    for index, row in enumerate(rows):
        size = sizes[index]
        for other in (index + 1, index - 1):
            if 0 <= other < len(rows) and other not in folded and size <= MARKER_SIZE_RATIO * sizes[other]:
                other_bottom = rows[other][0]["bottom"]
                raised = row[0]["bottom"] < other_bottom - MARKER_RAISE_RATIO * sizes[other]
                near = _overlaps_horizontally(row, rows[other], slack=2 * sizes[other])
                if raised and row[0]["bottom"] > other_bottom - 1.3 * sizes[other] and near and _marker_sized(row):
                    rows[other] = sorted(rows[other] + row, key=lambda c: c["x0"])
                    break
        else:
            above = index - 1
            wrapped = (
                above >= 0
                and above not in folded
                and size <= MARKER_SIZE_RATIO * sizes[above]
                and MARKER_LABEL.match("".join(c["text"] for c in row).strip())
                and row[0]["bottom"] - rows[above][0]["bottom"] < WRAPPED_MARKER_DISTANCE * sizes[above]
            )
            if not wrapped:
                continue
            rows[above] = rows[above] + sorted(row, key=lambda c: c["x0"])
        folded.add(index)
        marker_ids.update(id(char) for char in row)
    return [row for index, row in enumerate(rows) if index not in folded], marker_ids


def _superscript_glyph_markers(rows: list[list[Char]]) -> set[int]:
    """Markers set in the font's own superscript glyphs (OpenType `sups`, as typst sets them): on the
    baseline at text size, so neither small nor raised, but narrower than the same font's digits, and
    glued to the word before them (`Declaration⁴ and`). Returns the ids of their characters."""
    regular: dict[tuple[str, float], float] = {}
    for row in rows:
        for char in row:
            if _ascii_digit(char):
                key = (char["fontname"], round(char["size"], 1))
                regular[key] = max(regular.get(key, 0.0), char["x1"] - char["x0"])
    found: set[int] = set()
    for row in rows:
        index = 0
        while index < len(row):
            end = index
            while end < len(row) and _ascii_digit(row[end]) and (end == index or _glued(row[end - 1], row[end])):
                end += 1
            run = row[index:end]
            if run and index > 0 and len(run) <= MAX_MARKER_RUN - 1 and _superscript_run(row[index - 1], run, row[end] if end < len(row) else None, regular):
                found.update(id(char) for char in run)
            index = max(end, index + 1)
    return found


def _superscript_run(before: Char, run: list[Char], after: Char | None, regular: dict[tuple[str, float], float]) -> bool:
    """Digits glued after a word's last character, narrower than the font's widest digit by
    SUPERSCRIPT_GLYPH_SHARE, and not followed by a Latin letter (`CoP19` has no such digits)."""
    if before["text"].isspace() or before["text"][-1].isdigit() or not _glued(before, run[0]):
        return False
    if after is not None and after["text"][:1].isascii() and after["text"][:1].isalpha() and _glued(run[-1], after):
        return False
    widest = regular.get((run[0]["fontname"], round(run[0]["size"], 1)), 0.0)
    return all(char["x1"] - char["x0"] < SUPERSCRIPT_GLYPH_SHARE * widest for char in run)


def _ascii_digit(char: Char) -> bool:
    """0-9 only: `³` (m³) is a digit to Python and already a superscript in the text."""
    return len(char["text"]) == 1 and "0" <= char["text"] <= "9"


def _glued(previous: Char, char: Char) -> bool:
    return char["x0"] - previous["x1"] < GLUED * char["size"]


def _marker_sized(row: list[Char]) -> bool:
    """Every run of adjacent characters is as short as a marker (`12`, `*`, `th`): a line of small
    text set just above a large one (a job number over a barcode) is no marker."""
    run = 0
    for previous, char in zip([None, *row], row):
        adjacent = previous is not None and char["x0"] - previous["x1"] < 0.5 * char["size"]
        run = run + 1 if adjacent else 1
        if run > MAX_MARKER_RUN:
            return False
    return True


def _overlaps_horizontally(row: list[Char], other: list[Char], slack: float) -> bool:
    x0, x1 = min(c["x0"] for c in row), max(c["x1"] for c in row)
    return x0 <= max(c["x1"] for c in other) + slack and x1 >= min(c["x0"] for c in other) - slack


def _segments(row: list[Char]) -> list[list[Char]]:
    """Split a row at very wide gaps: text set in separate columns on one baseline."""
    size = _row_size(row)
    segments = [[row[0]]]
    for previous, char in zip(row, row[1:]):
        if char["x0"] - previous["x1"] > SEGMENT_GAP_RATIO * size:
            segments.append([char])
        else:
            segments[-1].append(char)
    return segments


def _line_from_chars(chars: list[Char], page: int, marker_ids: set[int]) -> TextLine | None:
    body = [c for c in chars if id(c) not in marker_ids]
    if not body or all(c["text"].isspace() for c in body):
        return None
    size = _row_size(body)
    text = ""
    markers: list[FootnoteMarker] = []
    pending_label = ""
    italic_from: int | None = None  # where the line's italic lead starts in `text`
    italic_to = 0
    previous: Char | None = None
    usual_gap = _usual_gap(body)
    for char in chars:
        if id(char) in marker_ids:
            if not char["text"].isspace():
                pending_label += char["text"]
            previous = char
            continue
        if pending_label:
            text = _settle_raised(pending_label, text, markers)
            pending_label = ""
        glyph = "\ufffd" if char["text"].startswith("(cid:") else char["text"]  # counted by extractors.glyphs
        if glyph.isspace():
            if text and not text.endswith(" "):
                text += " "
            previous = char
            continue
        if previous is not None and text and not text.endswith(" ") and _gap_is_space(previous, char, size, usual_gap):
            text += " "
        if _italic(char) and (italic_from is None and len(text) <= LEAD_MAX_OFFSET or italic_to == len(text.rstrip())):
            italic_from = len(text) if italic_from is None else italic_from
            italic_to = len(text) + len(glyph)
        text += glyph
        previous = char
    if pending_label:
        text = _settle_raised(pending_label, text, markers)
    stripped = text.rstrip()
    markers = [FootnoteMarker(m.label, min(m.offset, len(stripped))) for m in markers]
    bold = sum("bold" in c["fontname"].lower() for c in body) > len(body) / 2
    bbox = BBox(
        min(c["x0"] for c in chars),
        min(c["top"] for c in body),
        max(c["x1"] for c in chars),
        max(c["bottom"] for c in body),
    )
    lead = stripped[italic_from:italic_to] if italic_from is not None else ""
    return TextLine(
        page=page, bbox=bbox, text=stripped, size=round(size, 2), bold=bold, markers=tuple(markers), italic_lead=lead
    )


def _italic(char: Char) -> bool:
    return bool(ITALIC_FONT.search(char["fontname"]))


def _settle_raised(label: str, text: str, markers: list[FootnoteMarker]) -> str:
    """A raised run after a number is its ordinal suffix (`10th`); any other is a footnote marker."""
    if ORDINAL_SUFFIX.match(label) and text[-1:].isdigit():
        return text + label
    markers.append(FootnoteMarker(label, len(text) if text.endswith(" ") else len(text.rstrip())))
    return text


def _usual_gap(chars: list[Char]) -> float:
    """The median gap between two printed characters of a row: what justification added to every
    gap of a Chinese line (zero in a line set solid)."""
    printed = [c for c in chars if not c["text"].isspace()]
    gaps = [max(0.0, b["x0"] - a["x1"]) for a, b in zip(printed, printed[1:])]
    return statistics.median(gaps) if gaps else 0.0


def _gap_is_space(previous: Char, char: Char, size: float, usual_gap: float) -> bool:
    """A gap is a space where the PDF has none: between Latin characters, over a fifth of the size;
    next to a CJK character, by more than CJK_SPACE_RATIO of it beyond the row's usual gap (so that
    a justified Chinese line's stretch and a producer's quarter-em CJK-Latin spacing are not)."""
    gap = char["x0"] - previous["x1"]
    if is_cjk(previous["text"][-1]) or is_cjk(char["text"][0]):
        return gap - usual_gap > CJK_SPACE_RATIO * size
    return gap > LATIN_SPACE_RATIO * size
