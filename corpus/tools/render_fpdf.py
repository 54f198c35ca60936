"""Render a paper source to a PDF with fpdf2, in the layout a LayoutStyle fixes.

Lines are laid out here (not by fpdf2's multi_cell) so that a footnote is placed at the foot of the
page where its marker falls, as Word does. Text is set in runs by script, as a word processor sets
it: Han characters and CJK punctuation in the style's CJK font, Latin letters, digits and spaces in
its Latin font, so a Chinese line mixes fonts of different ascents. A running header with the page
number sets the number on the outer side ("IT/GB-7/17/19 3" on the right, "4 IT/GB-7/17/19" on the
left). Without a style the corpus layout is drawn (CORPUS_STYLES): A4, one font for a whole paper,
ragged right, hanging numbers, the symbol and page number in a header alternating sides, no footer.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyphen
from fpdf import FPDF

from layout_style import CJK_FONTS, Font, LayoutStyle
from line_breaking import CJK, Atom, Hyphenate, atoms, break_lines, italicize_lead
from paper_source import RESOLUTION_TAGS, PageBreak, PaperSource, SourceBlock, SourceTable
from un_masthead import Line, has_masthead, masthead

# Debian's fonts-liberation2, which the corpus was rendered with: Font.path would find the 1.x files
LIBERATION_SERIF = Font(
    "Liberation Serif",
    "liberation2/LiberationSerif-Regular.ttf",
    "liberation2/LiberationSerif-Bold.ttf",
    "liberation2/LiberationSerif-Italic.ttf",
)
MICRO_HEI = CJK_FONTS[0]
CORPUS_STYLE = LayoutStyle(
    seed=-1,  # not drawn: the layout of the committed corpus
    page="A4",
    margin_left=72.0,
    margin_right=72.0,
    margin_top=80.0,
    margin_bottom=64.0,
    latin_font=LIBERATION_SERIF,
    cjk_font=MICRO_HEI,
    body_size=11.0,
    note_size=9.0,
    heading_size=12.0,
    leading=1.3,
    paragraph_space=7.0,
    numbering="hanging",
    number_format="{n}.",
    first_line_indent=0.0,
    hanging_indent=36.0,
    margin_number_offset=0.0,
    quote_indent=72.0,
    item_indent=36.0,
    item_hang=36.0,
    bullet_indent=18.0,
    justify=False,
    hyphenate=True,
    header_content="symbol_page",
    header_side="alternate",
    header_date=False,
    page_number_format="",
    footer_side="centre",
    footnote_rule="line",
    footnote_label="superscript",
    footnote_rule_share=144 / (595.28 - 144),  # a 2-inch rule
    table_borders="grid",
    table_size=8.5,
    cover="masthead_table",
)
# a Chinese corpus paper is set in WenQuanYi Micro Hei throughout, Latin letters and digits included
CORPUS_STYLES = {"en": CORPUS_STYLE, "zh": dataclasses.replace(CORPUS_STYLE, latin_font=MICRO_HEI, leading=1.45)}

MARKER_RATIO, MARKER_RISE = 0.6, 0.38  # a footnote marker's size and rise, as shares of the text's size
# the characters set in the CJK font: line_breaking's CJK less the bullet (a symbol, and missing from
# WenQuanYi Zen Hei) in a Chinese paper; only Han and full-width forms in an English one, which sets
# quotes and dashes in its Latin font
SCRIPT_CJK = {"zh": CJK.replace("•", ""), "en": "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"}
HEADER_BASELINE = 44.0  # from the top edge, as a word processor's header distance
FOOTER_BASELINE = 36.0  # from the bottom edge
HEAD_CLEARANCE = 12.0  # the least room between a running head's line and the body text
NOTE_GAP = 14.0  # above the first footnote of a page, the separator inside it
NOTE_RULE_DROP = 4.0  # from the top of that gap to the separator
NOTE_INDENT = 14.0  # from the margin to a footnote's text; its label stands before it
NOTE_SPACE = 2.0  # between two footnotes
LABEL_GAP = 2.0  # the least room between a hanging label and its text
TAB = 36.0  # default tab stops: a label too wide for its hang pushes the first line's text to the next one
BULLET_HANG = 18.0  # from a bullet to its text
HEADING_SPACE_BEFORE = {"H1": 8.0, "H2": 4.0, "H3": 2.0}
H1_EXTRA_AFTER = 2.0  # a centred heading stands a little apart from the text below it
TABLE_PADDING = 3.0
COLUMN_GAP = 24.0  # between the columns of a two-column cover
COVER_TEXT = {  # front-matter key: (size above the body size, font style, alignment when stacked)
    "organization": (-1.0, "B", "left"),
    "symbol": (1.0, "B", "right"),
    "date": (-1.0, "", "right"),
    "agenda_item": (0.0, "", "left"),
    "session": (1.0, "B", "centre"),
    "dates_place": (0.0, "", "centre"),
    "title": (3.0, "B", "centre"),
}


@dataclass(frozen=True)
class BlockStyle:
    label_x: float  # where a hanging label starts, relative to the left margin (negative: in the margin)
    text_x: float  # where the text starts
    size: float
    style: str = ""  # fpdf2's font style: "", "B" or "I"
    align: str = "left"  # left, right, centre or justify
    space_before: float = 0.0
    space_after: float = 0.0
    first_indent: float = 0.0  # the first line's extra indent
    right_x: float = 0.0  # where the text ends, from the right margin


@dataclass
class PendingNote:
    label: str
    lines: list[list[Atom]]


@dataclass
class PaperPdf:
    paper: PaperSource
    style: LayoutStyle
    pdf: FPDF = field(init=False)
    y: float = field(init=False, default=0.0)
    notes_on_page: list[PendingNote] = field(init=False, default_factory=list)
    placed_notes: set[str] = field(init=False, default_factory=set)
    hyphenator: pyphen.Pyphen | None = field(init=False, default=None)
    script_runs: re.Pattern[str] = field(init=False)
    styles: dict[str, BlockStyle] = field(init=False)

    def __post_init__(self) -> None:
        self.pdf = FPDF(unit="pt", format=self.style.page_size)
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creator("gbdocs corpus renderer (fpdf2)")
        cjk = SCRIPT_CJK[self.paper.language]
        self.script_runs = re.compile(rf"(?P<cjk>[{cjk}]+)|[^{cjk}]+")
        if self.paper.language == "en" and self.style.hyphenate:
            self.hyphenator = pyphen.Pyphen(lang="en_US")
        self.styles = self.block_styles()

    # fonts and measuring ---------------------------------------------------------------------
    def select(self, font: Font, size: float, style: str = "") -> None:
        """Set the font, adding its file on first use (a CJK collection takes a while to read)."""
        if f"{font.family.lower()}{style}" not in self.pdf.fonts:
            self.pdf.add_font(font.family, style, font.path(style), collection_font_number=font.subfont)
        self.pdf.set_font(font.family, style, size)

    def runs(self, text: str) -> list[tuple[str, Font]]:
        """The text cut where its font changes: CJK characters in the CJK font, the rest in the Latin one."""
        result: list[tuple[str, Font]] = []
        for match in self.script_runs.finditer(text):
            font = self.style.cjk_font if match.group("cjk") else self.style.latin_font
            if result and result[-1][1] == font:
                result[-1] = (result[-1][0] + match.group(), font)
            else:
                result.append((match.group(), font))
        return result

    def text_width(self, text: str, size: float, style: str = "") -> float:
        width = 0.0
        for run, font in self.runs(text):
            self.select(font, size, style)
            width += self.pdf.get_string_width(run)
        return width

    def draw_text(self, x: float, baseline: float, text: str, size: float, style: str = "") -> float:
        """Draw text run by run in the fonts of its scripts; return its width."""
        width = 0.0
        for run, font in self.runs(text):
            self.select(font, size, style)
            self.pdf.text(x + width, baseline, run)
            width += self.pdf.get_string_width(run)
        return width

    def measure(self, atom: Atom, size: float, style: str = "") -> float:
        return sum(
            self.text_width(piece.text, size * MARKER_RATIO, "")
            if piece.is_marker
            else self.text_width(piece.text, size, "I" if piece.italic else style)
            for piece in atom.pieces
        )

    def lines_of(
        self, text: str, width: float, size: float, style: str = "", indent: float = 0.0, lead: str = ""
    ) -> list[list[Atom]]:
        """Break text into lines of `width`, the first one indented by `indent`.

        A strut atom as wide as the indent opens the first line, so the line breaker needs no notion
        of a first line; it is dropped from the lines it returns.
        """
        strut = Atom()

        def width_of(atom: Atom) -> float:
            return indent if atom is strut else self.measure(atom, size, style)

        hyphenator = self.hyphenator
        hyphenate: Hyphenate | None = (lambda word: list(hyphenator.iterate(word))) if hyphenator else None
        # a lead phrase opens the text and is set in italics (the caller passes it in `text` too)
        items = italicize_lead(atoms(text), lead) if lead else atoms(text)
        lines = break_lines([strut, *items], width, width_of, self.text_width(" ", size, style), hyphenate)
        first = lines[0][1:]
        return ([first] if first else []) + lines[1:]

    def line_width(self, line: list[Atom], size: float, style: str) -> float:
        space = self.text_width(" ", size, style)
        return sum(self.measure(a, size, style) + (space if a.space_before and i else 0) for i, a in enumerate(line))

    def leading(self, size: float) -> float:
        return size * self.style.leading

    # drawing ---------------------------------------------------------------------------------
    def draw_line(self, line: list[Atom], x: float, baseline: float, size: float, style: str = "", extra: float = 0.0) -> None:
        """Draw words as runs with real space characters, markers as raised small digits.

        `extra` (justification) is spread over the line's gaps: the spaces between English words, the
        seams between any two atoms in Chinese. A stretched gap ends a run after its space character,
        so the text keeps its spaces and only their positions move.
        """
        gaps = {i for i, atom in enumerate(line) if i and (atom.space_before or self.paper.language == "zh")}
        spread = extra / len(gaps) if gaps else 0.0
        run = ""
        run_style = style
        cursor = x

        def flush() -> None:
            nonlocal run, cursor
            cursor += self.draw_text(cursor, baseline, run, size, run_style)
            run = ""

        for index, atom in enumerate(line):
            if atom.space_before and index:
                run += " "
            if spread and index in gaps:
                flush()
                cursor += spread
            for piece in atom.pieces:
                if piece.is_marker:
                    flush()
                    cursor += self.draw_text(cursor, baseline - size * MARKER_RISE, piece.text, size * MARKER_RATIO)
                else:
                    piece_style = "I" if piece.italic else style
                    if piece_style != run_style:
                        # the space before a word goes with the run it ends
                        flush()
                        run_style = piece_style
                    run += piece.text
        flush()

    def aligned_x(self, width: float, align: str) -> float:
        """Where a text `width` wide starts when aligned left, centre or right between the margins."""
        style = self.style
        if align == "right":
            return style.page_size[0] - style.margin_right - width
        if align == "centre":
            return style.margin_left + (style.text_width - width) / 2
        return style.margin_left

    def rule(self, y: float, width: float, thickness: float) -> None:
        self.pdf.set_line_width(thickness)
        self.pdf.line(self.style.margin_left, y, self.style.margin_left + width, y)

    # pages -----------------------------------------------------------------------------------
    def header_lines(self, number: int) -> list[str]:
        """The running header of page `number`: symbol (or header text), page number on the outer side, date."""
        style = self.style
        if style.header_content == "none":
            return []
        symbol = self.paper.running_header
        words = [symbol]
        if style.header_content == "symbol_page":
            words = words + [str(number)] if style.header_align(number) != "left" else [str(number)] + words
        text = " ".join(word for word in words if word)
        date = self.paper.front.get("date", "") if style.header_date else ""
        return [line for line in (text, date) if line]

    def body_top(self) -> float:
        """The top of the body text: the top margin, lower when the running header would crowd it."""
        lines = len(self.header_lines(self.pdf.page)) if self.pdf.page > 1 else 0
        if not lines:
            return self.style.margin_top
        last_baseline = HEADER_BASELINE + (lines - 1) * self.leading(self.style.note_size)
        return max(self.style.margin_top, last_baseline + HEAD_CLEARANCE)

    def body_bottom(self) -> float:
        """The bottom of the body text and footnotes: the bottom margin, higher above a footer."""
        height = self.style.page_size[1]
        bottom = height - self.style.margin_bottom
        if self.style.page_number_format and self.pdf.page > 1:
            bottom = min(bottom, height - FOOTER_BASELINE - self.style.note_size - HEAD_CLEARANCE)
        return bottom

    def notes_height(self, notes: list[PendingNote]) -> float:
        if not notes:
            return 0.0
        return NOTE_GAP + sum(len(note.lines) * self.leading(self.style.note_size) + NOTE_SPACE for note in notes)

    def bottom_limit(self, extra_notes: list[PendingNote]) -> float:
        return self.body_bottom() - self.notes_height(self.notes_on_page + extra_notes)

    def new_notes(self, labels: list[str]) -> list[PendingNote]:
        notes = []
        for label in labels:
            if label in self.placed_notes or any(n.label == label for n in self.notes_on_page):
                continue
            lines = self.lines_of(self.paper.footnotes[label], self.style.text_width - NOTE_INDENT, self.style.note_size)
            notes.append(PendingNote(label, lines))
        return notes

    def ensure_room(self, height: float, labels: list[str]) -> list[PendingNote]:
        notes = self.new_notes(labels)
        if self.y + height > self.bottom_limit(notes):
            self.new_page()
            notes = self.new_notes(labels)
        return notes

    def new_page(self) -> None:
        if self.pdf.page:
            self.flush_notes()
        self.pdf.add_page()
        self.y = self.body_top()

    def flush_notes(self) -> None:
        if not self.notes_on_page:
            return
        style = self.style
        size = style.note_size
        top = self.body_bottom() - self.notes_height(self.notes_on_page)
        rule_width = style.text_width * style.footnote_rule_share
        if style.footnote_rule == "line":
            self.rule(top + NOTE_RULE_DROP, rule_width, 0.5)
        elif style.footnote_rule == "underscores":
            underscores = "_" * int(rule_width / self.text_width("_", size))
            self.draw_text(style.margin_left, top + NOTE_RULE_DROP, underscores, size)
        baseline = top + NOTE_GAP + size
        for note in self.notes_on_page:
            if style.footnote_label == "superscript":
                self.draw_text(style.margin_left, baseline - size * MARKER_RISE, note.label, size * MARKER_RATIO)
            else:
                self.draw_text(style.margin_left, baseline, note.label, size)
            for line in note.lines:
                self.draw_line(line, style.margin_left + NOTE_INDENT, baseline, size)
                baseline += self.leading(size)
            baseline += NOTE_SPACE
            self.placed_notes.add(note.label)
        self.notes_on_page = []

    def draw_running_heads(self) -> None:
        """Header and footer of every page after the cover, drawn last: the footer may need the page count."""
        style = self.style
        total = self.pdf.page
        height = style.page_size[1]
        size = style.note_size

        def draw(text: str, align: str, baseline: float) -> None:
            self.draw_text(self.aligned_x(self.text_width(text, size), align), baseline, text, size)

        for number in range(2, total + 1):
            self.pdf.page = number
            # fpdf2 believes the font is already set in this page's contents: it is in the last page's
            self.pdf.current_font_is_set_on_page = False
            for index, line in enumerate(self.header_lines(number)):
                draw(line, style.header_align(number), HEADER_BASELINE + index * self.leading(size))
            if page_number := style.page_number(number, total):
                draw(page_number, style.footer_align(number), height - FOOTER_BASELINE)
        self.pdf.page = total

    # content ---------------------------------------------------------------------------------
    def block_styles(self) -> dict[str, BlockStyle]:
        """The block styles of the layout, by tag (P for numbered paragraphs, P- for unnumbered ones)."""
        s = self.style
        align = "justify" if s.justify else "left"

        def body(label_x: float, text_x: float, first_indent: float = 0.0) -> BlockStyle:
            return BlockStyle(label_x, text_x, s.body_size, align=align, space_after=s.paragraph_space, first_indent=first_indent)

        if s.numbering == "hanging":
            numbered = body(0, s.hanging_indent)
        elif s.numbering == "inline":
            numbered = body(0, 0, s.first_line_indent)
        else:
            numbered = body(-self.margin_number_hang(), 0)
        # a quote's number hangs before the quoted text, as an item's label does, but not into the margin
        label_x = max(0.0, s.quote_indent - s.item_hang)
        return {
            "H1": BlockStyle(0, 0, s.heading_size, "B", "centre", HEADING_SPACE_BEFORE["H1"], s.paragraph_space + H1_EXTRA_AFTER),
            "H2": BlockStyle(0, 0, s.body_size, "B", "left", HEADING_SPACE_BEFORE["H2"], s.paragraph_space),
            "H3": BlockStyle(0, 0, s.body_size, "I", "left", HEADING_SPACE_BEFORE["H3"], s.paragraph_space),
            "P": numbered,
            "P-": body(0, 0, s.first_line_indent),
            "Q": body(label_x, s.quote_indent),
            "L1": body(s.item_indent, s.item_indent + s.item_hang),
            "L2": body(s.item_indent + s.item_hang, s.item_indent + 2 * s.item_hang),
            "B": body(s.bullet_indent, s.bullet_indent + BULLET_HANG),
        }

    def margin_number_hang(self) -> float:
        """How far left of the text margin numbers start: the style's offset, more if the widest needs it."""
        labels = [block.label for block in self.paper.blocks if block.tag == "P" and block.label]
        widest = max((self.text_width(label, self.style.body_size) for label in labels), default=0.0)
        return max(self.style.margin_number_offset, widest + LABEL_GAP)

    def label_push(self, label: str, style: BlockStyle) -> float:
        """How far a hanging label too wide for its hang pushes the first line's text: to the next tab stop."""
        if not label:
            return 0.0
        overflow = style.label_x + self.text_width(label, style.size, style.style) + LABEL_GAP - style.text_x
        return TAB * math.ceil(overflow / TAB) if overflow > 0 else 0.0

    def paragraph_lines(self, text: str, style: BlockStyle, label: str = "", lead: str = "", pushed: bool = True) -> None:
        """Lay out and draw a paragraph; `lead` (the start of `text`) in italics; a label that is not
        `pushed` stands where the style puts it, the caller having made room for it in the first indent."""
        left = self.style.margin_left + style.text_x
        width = self.style.text_width - style.text_x - style.right_x
        indent = style.first_indent + (self.label_push(label, style) if pushed else 0.0)
        lines = self.lines_of(text, width, style.size, style.style, indent, lead)
        leading = self.leading(style.size)
        self.y += style.space_before
        for index, line in enumerate(lines):
            labels = [marker for atom in line for marker in atom.markers]
            notes = self.ensure_room(leading, labels)
            baseline = self.y + style.size
            line_indent = indent if index == 0 else 0.0
            room = width - line_indent - self.line_width(line, style.size, style.style) if style.align != "left" else 0.0
            x = left + line_indent + {"left": 0.0, "justify": 0.0, "centre": room / 2, "right": room}[style.align]
            extra = max(room, 0.0) if style.align == "justify" and index < len(lines) - 1 else 0.0
            if index == 0 and label:
                self.draw_text(self.style.margin_left + style.label_x, baseline, label, style.size, style.style)
            self.draw_line(line, x, baseline, style.size, style.style, extra)
            self.notes_on_page.extend(notes)
            self.y += leading
        self.y += style.space_after

    def resolution_block(self, block: SourceBlock) -> None:
        """NAME, PRE and OP with the clause indent (an OP's number inline in it), DEC bold with its number
        hanging, ADOPT line by line flush right or indented."""
        s, r = self.style, self.style.resolution
        lead, rest = block.lead_and_rest(self.paper.language)
        text = lead + rest
        body = BlockStyle(0, 0, s.body_size, align="justify" if s.justify else "left", space_after=s.paragraph_space)
        if block.tag == "DEC":
            dec = BlockStyle(0, r.dec_hang, s.heading_size, "B", "left", HEADING_SPACE_BEFORE["H1"], s.paragraph_space + H1_EXTRA_AFTER)
            self.paragraph_lines(block.text, dec, block.label)
        elif block.tag == "ADOPT":
            lines = block.printed_lines
            for index, line in enumerate(lines):
                after = s.paragraph_space if index == len(lines) - 1 else 0.0
                if r.adopt_place == "right":
                    place = BlockStyle(0, 0, s.body_size, align="right", space_after=after)
                else:
                    place = BlockStyle(0, s.text_width * r.adopt_indent, s.body_size, space_after=after)
                self.paragraph_lines(line, place)
        elif block.label and block.tag in ("PRE", "OP"):
            # the number after the clause indent, the text after the number box (pushed on by a wide number)
            room = max(r.number_box, self.text_width(block.label, s.body_size) + 2 * LABEL_GAP)
            clause = dataclasses.replace(body, label_x=r.clause_indent, first_indent=r.clause_indent + room)
            self.paragraph_lines(text, clause, block.label, lead, pushed=False)
        else:
            self.paragraph_lines(text, dataclasses.replace(body, first_indent=r.clause_indent), lead=lead)

    def block(self, block: SourceBlock) -> None:
        if block.tag in RESOLUTION_TAGS:
            self.resolution_block(block)
        elif block.tag == "P" and not block.label:
            self.paragraph_lines(block.text, self.styles["P-"])
        elif block.tag == "P" and self.style.numbering == "inline":
            self.paragraph_lines(f"{block.label} {block.text}", self.styles["P"])
        else:
            self.paragraph_lines(block.text, self.styles[block.tag], block.printed_label)

    def cover_block(self, key: str, align: str = "", text_x: float = 0.0, right_x: float = 0.0, space_after: float = 8.0) -> None:
        """One front-matter entry of the cover as a paragraph, in its COVER_TEXT size and style."""
        if text := self.paper.front.get(key):
            size_above, font_style, stacked_align = COVER_TEXT[key]
            size = self.style.body_size + size_above
            self.paragraph_lines(text, BlockStyle(0, text_x, size, font_style, align or stacked_align, space_after=space_after, right_x=right_x))

    def un_cover(self) -> None:
        """The UN masthead (un_masthead): two columns over a rule, the session lines, the sponsors or
        adoption lines and the title indented."""
        head = masthead(self.paper)
        s = self.style
        start = s.margin_top - 30
        # a masthead line is never hyphenated (the agenda title wraps in the left half)
        hyphenator, self.hyphenator = self.hyphenator, None

        def column(lines: list[Line], align: str, right_x: float = 0.0) -> float:
            self.y = start
            for line in lines:
                look = "B" if line.bold else "I" if line.italic else ""
                self.paragraph_lines(line.text, BlockStyle(0, 0, line.size(s.body_size), look, align, right_x=right_x))
            return self.y

        left_end = column(head.left, "left", right_x=s.text_width * 0.4)
        self.y = max(left_end, column(head.right, "right")) + 2
        self.rule(self.y, s.text_width, 1.0)
        self.y += 14
        for line in head.below:
            look = "B" if line.bold else ""
            self.paragraph_lines(line.text, BlockStyle(0, 0, line.size(s.body_size), look, "left", right_x=s.text_width * 0.45))
        self.y += 12
        indent = s.resolution.dec_hang
        for line in head.lead + head.title:
            look = "B" if line.bold else "I" if line.italic else ""
            self.paragraph_lines(line.text, BlockStyle(0, indent, line.size(s.body_size), look, "left", space_after=6.0))
        self.y += 10
        self.hyphenator = hyphenator

    def cover(self) -> None:
        """The front matter: a masthead in the cover's layout, a rule, then the rest centred or stacked."""
        if has_masthead(self.paper):
            self.new_page()
            self.un_cover()
            return
        self.new_page()
        top = self.style.margin_top
        tail = ("agenda_item", "session", "dates_place", "title")
        if self.style.cover == "masthead_table":
            # organization on the left and symbol on the right of one row, the date under the symbol
            for key, baseline in (("organization", top - 20), ("symbol", top - 20), ("date", top - 4)):
                if text := self.paper.front.get(key):
                    size_above, font_style, align = COVER_TEXT[key]
                    size = self.style.body_size + size_above
                    self.draw_text(self.aligned_x(self.text_width(text, size, font_style), align), baseline, text, size, font_style)
            self.y = top + 8
        elif self.style.cover == "stacked":
            self.y = top - 32
            for key in ("symbol", "date", "organization"):
                self.cover_block(key, space_after=2.0)
            self.y += 4
        else:
            # organization, session and place on the left; symbol, date and agenda item on the right
            column = (self.style.text_width + COLUMN_GAP) / 2
            self.y = start = top - 32
            for key in ("organization", "session", "dates_place"):
                self.cover_block(key, "left", right_x=column, space_after=2.0)
            left_end, self.y = self.y, start
            for key in ("symbol", "date", "agenda_item"):
                self.cover_block(key, "right", text_x=column, space_after=2.0)
            self.y = max(self.y, left_end) + 4
            tail = ("title",)
        self.rule(self.y, self.style.text_width, 1.0)
        self.y += 22
        for key in tail:
            self.cover_block(key)
        self.y += 14

    def table(self, table: SourceTable) -> None:
        style = self.style
        widths = [style.text_width * share for share in table.column_shares()]
        size = style.table_size
        leading = self.leading(size)

        def laid_out(row: list[str]) -> list[list[list[Atom]]]:
            return [self.lines_of(cell, width - 2 * TABLE_PADDING, size) if cell else [] for cell, width in zip(row, widths)]

        def row_height(cells: list[list[list[Atom]]]) -> float:
            return max(len(lines) for lines in cells) * leading + 2 * TABLE_PADDING

        heads = [laid_out(row) for row in table.head_rows]
        head_height = sum(row_height(cells) for cells in heads)

        def draw_row(cells: list[list[list[Atom]]], rule_above: bool) -> None:
            """A row in the style's borders: a box per cell (grid), rules above and below (horizontal) or none."""
            height = row_height(cells)
            x = style.margin_left
            self.pdf.set_line_width(0.5)
            for lines, width in zip(cells, widths):
                if style.table_borders == "grid":
                    self.pdf.rect(x, self.y, width, height)
                baseline = self.y + TABLE_PADDING + size
                for line in lines:
                    self.draw_line(line, x + TABLE_PADDING, baseline, size)
                    baseline += leading
                x += width
            if style.table_borders == "horizontal":
                for y in ([self.y] if rule_above else []) + [self.y + height]:
                    self.pdf.line(style.margin_left, y, style.margin_left + sum(widths), y)
            self.y += height

        def draw_heads() -> None:
            for index, head_cells in enumerate(heads):
                draw_row(head_cells, rule_above=index == 0)

        def cell_notes(cells: list[list[list[Atom]]]) -> list[PendingNote]:
            return self.new_notes([marker for lines in cells for line in lines for atom in line for marker in atom.markers])

        def next_page() -> None:
            self.new_page()
            draw_heads()

        self.y += 4
        if self.y + head_height + row_height(heads[-1]) > self.bottom_limit([]):
            self.new_page()
        draw_heads()
        for row in table.rows:
            cells = laid_out(row)
            notes = cell_notes(cells)
            if self.y + row_height(cells) > self.bottom_limit(notes):
                next_page()  # a row moves to the next page whole
                notes = cell_notes(cells)
            while self.y + row_height(cells) > self.bottom_limit(notes):
                # unless it is taller than a page: then it breaks, as Word lets a row break across pages
                fitting = max(1, int((self.bottom_limit(notes) - self.y - 2 * TABLE_PADDING) / leading))
                part = [lines[:fitting] for lines in cells]
                part_notes = cell_notes(part)
                draw_row(part, rule_above=False)
                self.notes_on_page.extend(part_notes)
                cells = [lines[fitting:] for lines in cells]
                next_page()
                notes = cell_notes(cells)
            draw_row(cells, rule_above=False)
            self.notes_on_page.extend(notes)
        self.y += 10

    def render(self, target: Path) -> None:
        self.cover()
        for element in self.paper.elements:
            if isinstance(element, PageBreak):
                self.new_page()
            elif isinstance(element, SourceTable):
                self.table(element)
            else:
                self.block(element)
        self.flush_notes()
        self.draw_running_heads()
        self.pdf.output(str(target))


def render_fpdf(paper: PaperSource, target: Path, style: LayoutStyle | None = None) -> None:
    """Draw `paper` into the PDF `target` in `style`, or in the corpus layout without one."""
    PaperPdf(paper, style or CORPUS_STYLES[paper.language]).render(target)
