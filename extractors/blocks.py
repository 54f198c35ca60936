"""Group body lines into blocks (paragraphs, headings, items as laid out) and join their text.

Where a paragraph breaks is read from the document's own geometry (`BlockSettings`: its usual line
gap, its right edge, a tolerance from its body size), not from fixed offsets, so that hanging numbers,
numbers after a first-line indent, numbers in the margin and unindented paragraphs all read alike. A
new block starts at a change of size or weight, after a gap wider than the line spacing, after a line
that ended early (the next line's first word would have fitted on it), at a printed label after a
sentence end, or, from a paragraph's third line on, at a line that does not start where its second
did. Two lines centred on one axis are one heading. A block cut by a page break continues on the
next page when the next page starts at its text indent without a label of its own, and either the
block hangs its first line (a numbered paragraph) or its last line runs to the paragraph's right edge
without closing punctuation.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from extractors.patterns import (
    CLAUSE_END,
    FIRST_WORD,
    LABEL_BEFORE_HAN,
    LEADING_LABEL,
    OPENING_CJK,
    PRINTED_LABEL,
    INTRODUCES_LIST,
    ITEM_END,
    SENTENCE_END,
    TERMINAL_PUNCTUATION,
)
from extractors.scripts import is_cjk
from lexicon.bodies import NAME_LINE
from lexicon.leads import OPERATIVE_LEAD, PREAMBULAR_LEAD
from extractors.text_joining import JoinContext, join_pair
from models import BBox, Block, BlockRole, FootnoteMarker, TextLine

EXTRA_GAP = 2.5  # points beyond the usual line gap that separate paragraphs
FULL_LINE = 4.0  # a line within this many sizes of the right edge is full
SAME_AXIS = 3.0  # points between the centres of two centred lines
HANGING = 10.0  # points by which a hanging first line stands left of the rest
LATIN_ADVANCE = 0.55  # a Latin character's advance, as a share of the size (an upper estimate)
MARKER_ADVANCE = 0.35  # a superscript marker character's advance, as a share of the size
SET_APART = 0.35  # share of the column's width left of lines set apart (an adoption line, a signature)
MIN_PARAGRAPH_ENDS = 3  # paragraph ends that must agree on a paragraph spacing
PARAGRAPH_SPACING_FLOOR = 1.5  # points: narrower differences are glyph boxes of different fonts


@dataclass(frozen=True)
class BlockSettings:
    """What the document's own geometry says about where its paragraphs break."""

    line_gap: float  # the usual gap between two lines of one paragraph
    edge: float  # where most lines end: the right edge of the text column
    tolerance: float  # line starts closer than this are the same start
    left: float = 0.0  # where the text column starts: a line right of it is indented
    gap_after_paragraph: float | None = None  # the usual gap below a paragraph's short last line, when wider
    size: float = 11.0  # the body's usual size, which those gaps are measured at

    @classmethod
    def of(cls, pages: list[list[TextLine]]) -> BlockSettings:
        sizes = [line.size for lines in pages for line in lines]
        size = statistics.median(sizes) if sizes else 11.0
        edge = right_edge(pages)
        starts = sorted(line.bbox.x0 for lines in pages for line in lines)
        left = starts[len(starts) // 20] if starts else 0.0
        line_gap = usual_line_gap(pages, edge)
        return cls(line_gap, edge, max(2.0, 0.4 * size), left, usual_gap_after_paragraph(pages, edge, line_gap), size)

    def paragraph_gap(self, size: float) -> float:
        """Gaps wider than this part paragraphs: midway to the document's own paragraph spacing where it
        has one a little wider than its line gap (2.5 pt on a 10 pt body), scaled to the lines' size (a
        heading's leading is wider), else a share of the size."""
        if self.gap_after_paragraph is not None:
            midway = (self.line_gap + self.gap_after_paragraph) / 2 * max(1.0, size / self.size)
            return min(midway, self.line_gap + max(EXTRA_GAP, 0.25 * size))
        return self.line_gap + max(EXTRA_GAP, 0.25 * size)


def usual_line_gap(pages: list[list[TextLine]], edge: float) -> float:
    """The commonest gap below a line that runs to the column's edge: such a line goes on in the line
    below, so its gap is a line gap even where most paragraphs are a line or two long (a resolution's
    clauses), whose commonest gap overall is the one between paragraphs."""
    gaps: Counter[float] = Counter()
    after_full: Counter[float] = Counter()
    for lines in pages:
        for above, below in zip(lines, lines[1:]):
            if abs(above.size - below.size) < 0.3:
                gap = below.bbox.top - above.bbox.bottom
                if 0 <= gap < 3 * above.size:
                    gaps[round(gap * 2) / 2] += 1
                    if above.bbox.x1 >= edge - FULL_LINE * above.size and not SENTENCE_END.search(above.text):
                        after_full[round(gap * 2) / 2] += 1
    usual = after_full or gaps
    return usual.most_common(1)[0][0] if usual else 3.0


def usual_gap_after_paragraph(pages: list[list[TextLine]], edge: float, line_gap: float) -> float | None:
    """The commonest gap below a line that closes a sentence or clause well short of the column's edge
    (a paragraph's last line), when at least MIN_PARAGRAPH_ENDS such gaps say so and it is wider than
    the line gap by more than the spread of glyph boxes (PARAGRAPH_SPACING_FLOOR); None otherwise."""
    gaps: Counter[float] = Counter()
    for lines in pages:
        for above, below in zip(lines, lines[1:]):
            short = above.bbox.x1 < edge - FULL_LINE * above.size
            if abs(above.size - below.size) < 0.3 and short and CLAUSE_END.search(above.text):
                gap = below.bbox.top - above.bbox.bottom
                if 0 <= gap < 3 * above.size:
                    gaps[round(gap * 2) / 2] += 1
    if not gaps:
        return None
    gap, count = gaps.most_common(1)[0]
    return gap if count >= MIN_PARAGRAPH_ENDS and gap - line_gap >= PARAGRAPH_SPACING_FLOOR else None


def right_edge(pages: list[list[TextLine]]) -> float:
    ends = sorted(line.bbox.x1 for lines in pages for line in lines)
    return ends[int(len(ends) * 0.95)] if ends else 0.0


def group_lines(lines: list[TextLine], settings: BlockSettings) -> list[list[TextLine]]:
    groups: list[list[TextLine]] = []
    for line in lines:
        if groups and _continues(groups[-1], line, settings, first_on_page=len(groups) == 1):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(group: list[TextLine], line: TextLine, settings: BlockSettings, first_on_page: bool) -> bool:
    """Whether `line` goes on the paragraph of `group`.

    It does not after a change of size or weight, a gap wider than the paragraph's, at a label after
    a sentence end, after `…as follows:` or under the paragraph's own label, or after a line that
    ended early (the next line's first word would have fitted on it). Two lines centred on one axis
    are one heading. After two lines, it must start where the second did: left of it is the next
    hanging number, right of it the next first-line indent.
    """
    last = group[-1]
    if abs(last.size - line.size) > 0.6 or last.bold != line.bold:
        return False
    if line.bbox.top - last.bbox.bottom > settings.paragraph_gap(line.size):
        return False
    if PRINTED_LABEL.match(line.text) and (
        SENTENCE_END.search(last.text)
        or INTRODUCES_LIST.search(last.text)
        or _label_under_label(group[0], line, settings)
        or (ITEM_END.search(last.text) and not (len(group) > 1 and _same_start(line, group[1], settings)))
    ):  # after a sentence's end, `…as follows:`, or an item's `；` unless where the paragraph's lines go on (inline items)
        return False
    if _opens_at_first_line_indent(group, line, settings, first_on_page) or _is_name_line(line) or _italic_heading_after_clause(last, line):
        return False
    if abs(_centre(line) - _centre(last)) < SAME_AXIS and abs(line.bbox.x0 - last.bbox.x0) > settings.tolerance:
        return True
    if _set_apart_lines(last, line, settings):
        return True
    if SENTENCE_END.search(last.text) and _set_apart(line, settings) and not _set_apart(group[0], settings):
        return False  # a clause's end, then the adoption line set apart under it
    if _ended_early(group, line, settings):
        return False
    if len(group) > 1:
        return _same_start(line, group[1], settings)
    return True


def _set_apart_lines(last: TextLine, line: TextLine, settings: BlockSettings) -> bool:
    """Short lines set apart in the column's right part, one under the other on a common start or
    end, are one block broken line by line: an adoption line (`52nd meeting` / `3 April 2025` /
    `[Adopted without a vote.]`), a signature."""
    if not (_set_apart(last, settings) and _set_apart(line, settings)):
        return False
    return abs(last.bbox.x0 - line.bbox.x0) <= settings.tolerance or abs(last.bbox.x1 - line.bbox.x1) <= settings.tolerance


def _set_apart(line: TextLine, settings: BlockSettings) -> bool:
    return line.bbox.x0 - settings.left >= SET_APART * (settings.edge - settings.left)


def _same_start(line: TextLine, other: TextLine, settings: BlockSettings) -> bool:
    """Two lines start at one x; a line opening with CJK punctuation (`《`, `（`) may have had its
    leading half em trimmed by the typesetter."""
    trimmed = 0.5 * line.size if OPENING_CJK.match(line.text) or OPENING_CJK.match(other.text) else 0.0
    return abs(line.bbox.x0 - other.bbox.x0) <= settings.tolerance + trimmed


def _label_under_label(first: TextLine, line: TextLine, settings: BlockSettings) -> bool:
    """A label where the paragraph's own label stood is the next paragraph's (an item's label
    inside a paragraph starts at the paragraph's text instead)."""
    return bool(PRINTED_LABEL.match(first.text)) and abs(line.bbox.x0 - first.bbox.x0) <= settings.tolerance


def _is_name_line(line: TextLine) -> bool:
    """A resolution's name line is a paragraph of its own: `联合国环境大会，` under a title set in the
    same size, `The General Assembly,` in italics (an English line that merely opens with a body's
    name is not one)."""
    if not NAME_LINE.match(line.text):
        return False
    return is_cjk(line.text[0]) or (bool(line.italic_lead) and line.text.startswith(line.italic_lead) and len(line.text) - len(line.italic_lead) <= 1)


def _italic_heading_after_clause(last: TextLine, line: TextLine) -> bool:
    """A line in italics throughout under a clause's end is a heading among the clauses (CITES:
    `Regarding cooperation` under `URGES Parties …;`), whatever its indent."""
    return _italic_throughout(line) and not _italic_throughout(last) and bool(CLAUSE_END.search(last.text))


def _italic_throughout(line: TextLine) -> bool:
    return bool(line.italic_lead) and line.italic_lead.rstrip() == line.text.rstrip()


def _back_at_left(first_line: TextLine, continued: TextLine, settings: BlockSettings) -> bool:
    """A paragraph of one indented first line goes on at the column's left on the next page."""
    indented = first_line.bbox.x0 - settings.left > settings.tolerance
    return indented and abs(continued.bbox.x0 - settings.left) <= settings.tolerance


def _opens_at_first_line_indent(group: list[TextLine], line: TextLine, settings: BlockSettings, first_on_page: bool) -> bool:
    """Under a paragraph of one indented line that closes a clause, a line at the same indent that
    opens with a label, an italic lead or a Chinese clause's lead (`铭记`, `又请`: Chinese prints its
    leads plain) is the next paragraph's first line (where paragraphs have neither space between them
    nor a short last line: `Recalling …,` / `Recognizing …,`). Not a Chinese lead under a page's first
    line: that line may go on a paragraph from the page before at its text indent (`…的经验；` /
    `并强调…`)."""
    first = group[0]
    indented = first.bbox.x0 - settings.left > settings.tolerance
    if len(group) != 1 or not indented or not CLAUSE_END.search(first.text) or abs(line.bbox.x0 - first.bbox.x0) > settings.tolerance:
        return False
    return bool(PRINTED_LABEL.match(line.text) or line.italic_lead or (not first_on_page and _opens_with_chinese_lead(line.text)))


def _opens_with_chinese_lead(text: str) -> bool:
    lead = PREAMBULAR_LEAD.match(text) or OPERATIVE_LEAD.match(text)
    return bool(lead and lead.group("zh"))


def _ended_early(group: list[TextLine], line: TextLine, settings: BlockSettings) -> bool:
    """The first word of `line` (a character, in Chinese) would have fitted at the end of the group's
    last line. The edge is the paragraph's own (a quote may be indented on the right too): as far as
    its lines, or `line`, reach."""
    word = FIRST_WORD.match(line.text)
    if not word:
        return False
    text = word.group()
    width = line.size * len(text) if is_cjk(text[-1]) or not text.isascii() else LATIN_ADVANCE * line.size * (len(text) + 1)
    edge = max(line.bbox.x1, *(other.bbox.x1 for other in group))
    if len(group) == 1 and (CLAUSE_END.search(group[0].text) or ITEM_END.search(group[0].text)):
        edge = max(edge, settings.edge)  # one line that closes a clause: the column's edge is its own
    return edge - _text_end(group[-1]) > width + settings.tolerance


def _text_end(line: TextLine) -> float:
    """Where the line's text ends: a superscript marker after its last character takes room no word
    would have needed."""
    trailing = [marker for marker in line.markers if marker.offset >= len(line.text)]
    return line.bbox.x1 - sum(MARKER_ADVANCE * line.size * len(marker.label) for marker in trailing)


def _centre(line: TextLine) -> float:
    return (line.bbox.x0 + line.bbox.x1) / 2


def continues_on_next_page(group: list[TextLine], following: list[TextLine], settings: BlockSettings) -> bool:
    last, first = group[-1], following[0]
    if abs(last.size - first.size) > 0.3 or last.bold != first.bold or LEADING_LABEL.match(first.text):
        return False
    if len(group) > 1:
        text_x = group[1].bbox.x0
        if abs(first.bbox.x0 - text_x) > settings.tolerance:
            return False
        if text_x - group[0].bbox.x0 >= HANGING:
            return True
    elif not group[0].bbox.x0 - 1 <= first.bbox.x0 <= group[0].bbox.x0 + 4 * last.size and not _back_at_left(group[0], first, settings):
        return False
    # a paragraph's own lines say where its edge is (it may be indented on the right)
    edge = max(line.bbox.x1 for line in group) if len(group) > 1 else settings.edge
    return not TERMINAL_PUNCTUATION.search(last.text) and last.bbox.x1 >= edge - FULL_LINE * last.size


def build_blocks(pages: list[list[TextLine]], context: JoinContext, start_index: int = 0) -> list[Block]:
    """Blocks over the body lines of successive pages, merged across page breaks."""
    settings = BlockSettings.of(pages)
    groups: list[list[TextLine]] = []
    for lines in pages:
        page_groups = group_lines(lines, settings)
        if groups and page_groups and continues_on_next_page(groups[-1], page_groups[0], settings):
            groups[-1].extend(page_groups.pop(0))
        groups.extend(page_groups)
    return [
        block_from_lines(group, start_index + i, BlockRole.BODY, context, _line_breaks(group, settings))
        for i, group in enumerate(groups)
    ]


def _line_breaks(group: list[TextLine], settings: BlockSettings) -> frozenset[int]:
    """Which of the group's lines were broken by hand (set-apart lines) rather than wrapped."""
    return frozenset(i for i in range(1, len(group)) if _set_apart_lines(group[i - 1], group[i], settings))


def block_from_lines(lines: list[TextLine], index: int, role: BlockRole, context: JoinContext, line_breaks: frozenset[int]) -> Block:
    text, markers = _spaced_label(*join_with_markers(lines, context, line_breaks))
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


def join_with_markers(
    lines: list[TextLine], context: JoinContext, line_breaks: frozenset[int] = frozenset()
) -> tuple[str, list[FootnoteMarker]]:
    """Join lines; each line's markers move to their offset in the joined text. A line broken by hand
    (its index in `line_breaks`) follows a space in any language and is never de-hyphenated."""
    text = ""
    markers: list[FootnoteMarker] = []
    for index, line in enumerate(lines):
        if not line.text:
            continue
        if text and index in line_breaks:
            text = f"{text.rstrip()} {line.text}"
        else:
            text = join_pair(text, line.text, context) if text else line.text
        start = len(text) - len(line.text)
        markers.extend(FootnoteMarker(m.label, start + m.offset) for m in line.markers)
    return text, markers


def _spaced_label(text: str, markers: list[FootnoteMarker]) -> tuple[str, list[FootnoteMarker]]:
    """A block's label is parted from its text by one space, as a hanging label's gap reads, also
    where a producer set an inline number straight against the Chinese after it (`4.请`)."""
    label = LABEL_BEFORE_HAN.match(text)
    if not label:
        return text, markers
    end = label.end()
    return f"{text[:end]} {text[end:]}", [FootnoteMarker(m.label, m.offset + (m.offset >= end)) for m in markers]
