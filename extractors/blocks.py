"""Group body lines into blocks (paragraphs, headings, items as laid out) and join their text.

A new block starts after a gap wider than the document's own line spacing, at a change of size or
weight, or where a line starts left of the block's text (a hanging number or bullet), unless both
lines are centred on one axis (a heading on two lines). A block cut by a page break continues on the
next page when the next page starts at its text indent without a label of its own, and either the
block hangs its first line (a numbered paragraph) or its last line runs to the right edge without
closing punctuation.
"""

from __future__ import annotations

import statistics
from collections import Counter

from extractors.patterns import LEADING_LABEL, TERMINAL_PUNCTUATION
from extractors.text_joining import JoinContext, join_pair
from models import BBox, Block, BlockRole, FootnoteMarker, TextLine

EXTRA_GAP = 2.5  # points beyond the usual line gap that separate paragraphs
OUTDENT = 4.0  # points left of the block's text that start a new block
FULL_LINE = 4.0  # a line within this many sizes of the right edge is full
SAME_AXIS = 3.0  # points between the centres of two centred lines
HANGING = 10.0  # points by which a hanging first line stands left of the rest


def usual_line_gap(pages: list[list[TextLine]]) -> float:
    gaps = Counter()
    for lines in pages:
        for above, below in zip(lines, lines[1:]):
            if abs(above.size - below.size) < 0.3:
                gap = below.bbox.top - above.bbox.bottom
                if 0 <= gap < 3 * above.size:
                    gaps[round(gap * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else 3.0


def right_edge(pages: list[list[TextLine]]) -> float:
    ends = sorted(line.bbox.x1 for lines in pages for line in lines)
    return ends[int(len(ends) * 0.95)] if ends else 0.0


def group_lines(lines: list[TextLine], line_gap: float) -> list[list[TextLine]]:
    groups: list[list[TextLine]] = []
    for line in lines:
        if groups and _continues(groups[-1], line, line_gap):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(group: list[TextLine], line: TextLine, line_gap: float) -> bool:
    last = group[-1]
    if abs(last.size - line.size) > 0.6 or last.bold != line.bold:
        return False
    if line.bbox.top - last.bbox.bottom > line_gap + max(EXTRA_GAP, 0.25 * line.size):
        return False
    text_x = group[1].bbox.x0 if len(group) > 1 else group[0].bbox.x0
    return line.bbox.x0 >= text_x - OUTDENT or abs(_centre(line) - _centre(last)) < SAME_AXIS


def _centre(line: TextLine) -> float:
    return (line.bbox.x0 + line.bbox.x1) / 2


def continues_on_next_page(group: list[TextLine], following: list[TextLine], edge: float) -> bool:
    last, first = group[-1], following[0]
    if abs(last.size - first.size) > 0.3 or last.bold != first.bold or LEADING_LABEL.match(first.text):
        return False
    if len(group) > 1:
        text_x = group[1].bbox.x0
        if abs(first.bbox.x0 - text_x) > OUTDENT:
            return False
        if text_x - group[0].bbox.x0 >= HANGING:
            return True
    elif not group[0].bbox.x0 - 1 <= first.bbox.x0 <= group[0].bbox.x0 + 4 * last.size:
        return False
    return not TERMINAL_PUNCTUATION.search(last.text) and last.bbox.x1 >= edge - FULL_LINE * last.size


def build_blocks(pages: list[list[TextLine]], context: JoinContext, start_index: int = 0) -> list[Block]:
    """Blocks over the body lines of successive pages, merged across page breaks."""
    line_gap = usual_line_gap(pages)
    edge = right_edge(pages)
    groups: list[list[TextLine]] = []
    for lines in pages:
        page_groups = group_lines(lines, line_gap)
        if groups and page_groups and continues_on_next_page(groups[-1], page_groups[0], edge):
            groups[-1].extend(page_groups.pop(0))
        groups.extend(page_groups)
    return [block_from_lines(group, start_index + i, BlockRole.BODY, context) for i, group in enumerate(groups)]


def block_from_lines(lines: list[TextLine], index: int, role: BlockRole, context: JoinContext) -> Block:
    text, markers = join_with_markers(lines, context)
    first_page = [line for line in lines if line.page == lines[0].page]
    bbox = BBox(
        min(line.bbox.x0 for line in first_page),
        min(line.bbox.top for line in first_page),
        max(line.bbox.x1 for line in first_page),
        max(line.bbox.bottom for line in first_page),
    )
    return Block(
        index=index,
        role=role,
        page=lines[0].page,
        page_last=lines[-1].page,
        bbox=bbox,
        size=statistics.median(line.size for line in lines),
        bold=sum(line.bold for line in lines) > len(lines) / 2,
        text=text,
        lines=tuple(lines),
        markers=tuple(markers),
    )


def join_with_markers(lines: list[TextLine], context: JoinContext) -> tuple[str, list[FootnoteMarker]]:
    """Join lines; each line's markers move to their offset in the joined text."""
    text = ""
    markers: list[FootnoteMarker] = []
    for line in lines:
        if not line.text:
            continue
        text = join_pair(text, line.text, context) if text else line.text
        start = len(text) - len(line.text)
        markers.extend(FootnoteMarker(m.label, start + m.offset) for m in line.markers)
    return text, markers
