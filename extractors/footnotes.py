"""Separate the footnote area at the foot of a page and read its footnotes.

The area starts at a short rule with only smaller text below it; without a rule, it is the run of
smaller lines at the page foot that starts with a footnote label. Each footnote starts with its label
(a superscript or a plain `1` / `*` at the area's left edge); other lines continue the footnote above,
and an unlabelled first line continues the last footnote of the previous page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extractors.blocks import join_with_markers
from extractors.pdf_layout import Rule
from extractors.patterns import FOOTNOTE_DIGITS, FOOTNOTE_STARS, PLAIN_STARS, TYPED_RULE
from extractors.text_joining import JoinContext
from models import Block, Footnote, FootnoteMarker, Table, TextLine

MIN_RULE_SHARE, MAX_RULE_SHARE = 0.08, 0.5  # of the page width
SMALLER_BY = 0.5  # points below the body size
LABEL_EDGE = 3.0  # points of slack at the area's left edge


@dataclass
class FootnoteEntry:
    label: str  # "" for text continuing from the previous page
    page: int
    lines: list[TextLine] = field(default_factory=list)


def split_footnote_area(
    lines: list[TextLine], rules: list[Rule], page_width: float, body_size: float
) -> tuple[list[TextLine], list[TextLine]]:
    """Split a page's lines (top to bottom) into body lines and footnote-area lines.

    A separator typed as a row of underscores counts as a drawn rule, and is no text of either.
    """
    typed = [line for line in lines if TYPED_RULE.match(line.text)]
    if typed:
        lines = [line for line in lines if line not in typed]
        rules = rules + [Rule(line.bbox.x0, line.bbox.x1, line.bbox.top) for line in typed]
    small = body_size - SMALLER_BY
    separators = sorted(
        (r for r in rules if MIN_RULE_SHARE * page_width <= r.width <= MAX_RULE_SHARE * page_width),
        key=lambda r: r.top,
    )
    for rule in separators:
        below = [line for line in lines if line.bbox.top >= rule.top - 1]
        if below and all(line.size < small for line in below):
            return [line for line in lines if line.bbox.top < rule.top - 1], below
    tail = 0
    while tail < len(lines) and lines[len(lines) - 1 - tail].size < small:
        tail += 1
    for start in range(len(lines) - tail, len(lines)):
        if _leading_label(lines[start], "")[0]:
            return lines[:start], lines[start:]
    return lines, []


def read_footnotes(area: list[TextLine], page: int, previous_label: str = "") -> list[FootnoteEntry]:
    """The footnotes of one page's area; `previous_label` is the last label read before this page."""
    if not area:
        return []
    left = min(line.bbox.x0 for line in area)
    entries: list[FootnoteEntry] = []
    for line in area:
        last = entries[-1].label if entries and entries[-1].label else previous_label
        expected = str(int(last) + 1) if last.isdigit() else "1" if not last else ""
        label, text_line = _leading_label(line, expected)
        if label and line.bbox.x0 <= left + LABEL_EDGE:
            entries.append(FootnoteEntry(label, page, [text_line]))
        elif entries:
            entries[-1].lines.append(line)
        else:
            entries.append(FootnoteEntry("", page, [line]))
    return entries


def _leading_label(line: TextLine, expected: str) -> tuple[str, TextLine]:
    """The footnote label a line starts with, and the line without it.

    A label glued to text that starts with digits (`52016 年…`) is read as the `expected` label.
    """
    if line.markers and line.markers[0].offset == 0:
        return line.markers[0].label, replace(line, markers=line.markers[1:])
    label, cut = "", 0
    if stars := FOOTNOTE_STARS.match(line.text):
        label, cut = stars.group(1), stars.start(2)
    elif digits := FOOTNOTE_DIGITS.match(line.text):
        run = digits.group(1)
        if expected and run.startswith(expected) and (run == expected or len(run) > 3):
            label, cut = expected, len(expected)
        elif len(run) <= 3:
            label, cut = run, digits.start(2)
    if not label:
        return "", line
    rest = line.text[cut:].lstrip()
    cut = len(line.text) - len(rest)
    markers = tuple(replace(m, offset=m.offset - cut) for m in line.markers if m.offset >= cut)
    return label, replace(line, text=rest, markers=markers)


def cite_plain_stars(blocks: list[Block], entries: list[FootnoteEntry]) -> list[Block]:
    """Stars printed at text size after a word (`agenda*`, `Palestine:**`, as UN mastheads print
    them) are markers when a footnote carries that label and no raised marker cites it: they leave
    the text as raised markers do."""
    raised = {marker.label for block in blocks for marker in block.markers}
    wanted = {entry.label for entry in entries if entry.label.startswith("*")} - raised
    if not wanted:
        return blocks
    result = []
    for block in blocks:
        for star in reversed([m for m in PLAIN_STARS.finditer(block.text) if m.group(1) in wanted]):
            start, length = star.start(1), len(star.group(1))
            markers = [replace(m, offset=m.offset - length) if m.offset > start else m for m in block.markers]
            markers.append(FootnoteMarker(star.group(1), start))
            block = replace(block, text=block.text[:start] + block.text[start + length :],
                            markers=tuple(sorted(markers, key=lambda m: m.offset)))
        result.append(block)
    return result


def link_footnotes(
    entries: list[FootnoteEntry], blocks: list[Block], tables: list[Table], context: JoinContext
) -> tuple[list[Footnote], list[str]]:
    """Footnotes joined across pages, each linked to the block or table whose marker cites it.

    A label cited more than once (`*`) links to the citation on the footnote's own page, else to the
    nearest one before it. Returns the footnotes and warnings for those no marker points to.
    """
    merged: list[FootnoteEntry] = []
    for entry in entries:
        if not entry.label and merged:
            merged[-1].lines.extend(entry.lines)
        else:
            merged.append(FootnoteEntry(entry.label, entry.page, list(entry.lines)))
    citations: dict[str, list[tuple[int, int, int | None, int | None, int]]] = {}
    for block in blocks:
        for marker in block.markers:
            citations.setdefault(marker.label, []).append((block.page, block.page_last, block.index, None, marker.offset))
    for table in tables:
        for _, _, marker in table.markers:
            citations.setdefault(marker.label, []).append((table.page, table.page_last, None, table.index, marker.offset))
    footnotes, warnings = [], []
    for entry in merged:
        text = join_with_markers(entry.lines, context)[0]
        candidates = citations.get(entry.label, [])
        on_page = [c for c in candidates if c[0] <= entry.page <= c[1]]
        before = [c for c in candidates if c[1] <= entry.page]
        chosen = on_page[0] if on_page else (before[-1] if before else None)
        if chosen is None:
            warnings.append(f"footnote {entry.label or '(unlabelled)'} on page {entry.page}: no marker points to it")
            footnotes.append(Footnote(label=entry.label, page=entry.page, text=text))
        else:
            _, _, block_index, table_index, offset = chosen
            footnotes.append(
                Footnote(entry.label, entry.page, text, block_index=block_index, table_index=table_index, offset=offset)
            )
    return footnotes, warnings
