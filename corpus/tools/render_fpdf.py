"""Render a paper source to a UN-style A4 PDF with fpdf2.

Lines are laid out here (not by fpdf2's multi_cell) so that a footnote is placed at the foot of the
page where its marker falls, as Word does. The running header carries the symbol and the page number
and alternates sides: right on odd pages, left on even ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyphen
from fpdf import FPDF

from line_breaking import Atom, atoms, break_lines
from paper_source import PageBreak, PaperSource, SourceBlock, SourceTable

PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 80.0, 64.0
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
BODY_SIZE, NOTE_SIZE, TABLE_SIZE, HEADER_SIZE = 11.0, 9.0, 8.5, 9.0
MARKER_RATIO, MARKER_RISE = 0.6, 0.38
FONTS = {
    "zh": {"": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"},
    "en": {
        "": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "B": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
        "I": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
    },
}


@dataclass(frozen=True)
class BlockStyle:
    label_x: float  # where a hanging label starts, relative to the left margin
    text_x: float  # where the text starts
    style: str = ""
    size: float = BODY_SIZE
    centred: bool = False
    space_before: float = 0.0
    space_after: float = 7.0


STYLES = {
    "H1": BlockStyle(0, 0, "B", 12.0, centred=True, space_before=8, space_after=9),
    "H2": BlockStyle(0, 0, "B", space_before=4),
    "H3": BlockStyle(0, 0, "I", space_before=2),
    "P": BlockStyle(0, 36),
    "Q": BlockStyle(36, 72),
    "L1": BlockStyle(36, 72),
    "L2": BlockStyle(72, 108),
    "B": BlockStyle(18, 36),
}
UNLABELLED_P = BlockStyle(0, 0)


@dataclass
class PendingNote:
    label: str
    lines: list[list[Atom]]


@dataclass
class PaperPdf:
    paper: PaperSource
    pdf: FPDF = field(init=False)
    y: float = field(init=False, default=TOP)
    notes_on_page: list[PendingNote] = field(init=False, default_factory=list)
    placed_notes: set[str] = field(init=False, default_factory=set)
    hyphenator: pyphen.Pyphen | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creator("gbdocs corpus renderer (fpdf2)")
        fonts = FONTS[self.paper.language]
        for style in ("", "B", "I"):
            self.pdf.add_font("paper", style, fonts.get(style, fonts[""]))
        if self.paper.language == "en":
            self.hyphenator = pyphen.Pyphen(lang="en_US")

    # measuring -------------------------------------------------------------------------------
    def font(self, size: float, style: str = "") -> None:
        self.pdf.set_font("paper", style, size)

    def measure(self, atom: Atom, size: float, style: str = "") -> float:
        width = 0.0
        for piece in atom.pieces:
            self.font(size * MARKER_RATIO if piece.is_marker else size, "" if piece.is_marker else style)
            width += self.pdf.get_string_width(piece.text)
        return width

    def lines_of(self, text: str, width: float, size: float, style: str = "") -> list[list[Atom]]:
        self.font(size, style)
        space = self.pdf.get_string_width(" ")
        hyphenate = (lambda word: list(self.hyphenator.iterate(word))) if self.hyphenator else None
        return break_lines(atoms(text), width, lambda a: self.measure(a, size, style), space, hyphenate)

    def line_width(self, line: list[Atom], size: float, style: str) -> float:
        self.font(size, style)
        space = self.pdf.get_string_width(" ")
        return sum(self.measure(a, size, style) + (space if a.space_before and i else 0) for i, a in enumerate(line))

    # drawing ---------------------------------------------------------------------------------
    def draw_line(self, line: list[Atom], x: float, baseline: float, size: float, style: str = "") -> None:
        """Draw words as runs with real space characters; markers as raised small digits."""
        run = ""
        cursor = x

        def flush() -> None:
            nonlocal run, cursor
            if run:
                self.font(size, style)
                self.pdf.text(cursor, baseline, run)
                cursor += self.pdf.get_string_width(run)
                run = ""

        for index, atom in enumerate(line):
            if atom.space_before and index:
                run += " "
            for piece in atom.pieces:
                if piece.is_marker:
                    flush()
                    self.font(size * MARKER_RATIO)
                    self.pdf.text(cursor, baseline - size * MARKER_RISE, piece.text)
                    cursor += self.pdf.get_string_width(piece.text)
                else:
                    run += piece.text
        flush()

    def leading(self, size: float) -> float:
        return size * (1.45 if self.paper.language == "zh" else 1.3)

    # pages -----------------------------------------------------------------------------------
    def notes_height(self, notes: list[PendingNote]) -> float:
        if not notes:
            return 0.0
        return 14.0 + sum(len(note.lines) * self.leading(NOTE_SIZE) + 2 for note in notes)

    def bottom_limit(self, extra_notes: list[PendingNote]) -> float:
        return PAGE_HEIGHT - BOTTOM - self.notes_height(self.notes_on_page + extra_notes)

    def new_notes(self, labels: list[str]) -> list[PendingNote]:
        notes = []
        for label in labels:
            if label in self.placed_notes or any(n.label == label for n in self.notes_on_page):
                continue
            lines = self.lines_of(self.paper.footnotes[label], TEXT_WIDTH - 14, NOTE_SIZE)
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
        self.y = TOP
        if self.pdf.page > 1:
            self.draw_running_header()

    def draw_running_header(self) -> None:
        number = str(self.pdf.page)
        header = self.paper.running_header
        self.font(HEADER_SIZE)
        if self.pdf.page % 2:
            text = f"{header} {number}".strip()
            x = PAGE_WIDTH - RIGHT - self.pdf.get_string_width(text)
        else:
            text = f"{number} {header}".strip()
            x = LEFT
        self.pdf.text(x, 44, text)

    def flush_notes(self) -> None:
        if not self.notes_on_page:
            return
        top = PAGE_HEIGHT - BOTTOM - self.notes_height(self.notes_on_page)
        self.pdf.set_line_width(0.5)
        self.pdf.line(LEFT, top + 4, LEFT + 144, top + 4)
        baseline = top + 14 + NOTE_SIZE
        for note in self.notes_on_page:
            self.font(NOTE_SIZE * MARKER_RATIO)
            self.pdf.text(LEFT, baseline - NOTE_SIZE * MARKER_RISE, note.label)
            for line in note.lines:
                self.draw_line(line, LEFT + 14, baseline, NOTE_SIZE)
                baseline += self.leading(NOTE_SIZE)
            baseline += 2
            self.placed_notes.add(note.label)
        self.notes_on_page = []

    # content ---------------------------------------------------------------------------------
    def cover(self) -> None:
        front = self.paper.front
        self.new_page()
        self.font(10, "B")
        if front.get("organization"):
            self.pdf.text(LEFT, 60, front["organization"])
        if front.get("symbol"):
            self.font(12, "B")
            self.pdf.text(PAGE_WIDTH - RIGHT - self.pdf.get_string_width(front["symbol"]), 60, front["symbol"])
        if front.get("date"):
            self.font(10)
            self.pdf.text(PAGE_WIDTH - RIGHT - self.pdf.get_string_width(front["date"]), 76, front["date"])
        self.pdf.set_line_width(1)
        self.pdf.line(LEFT, 88, PAGE_WIDTH - RIGHT, 88)
        self.y = 110
        for key, size, style, centred in (
            ("agenda_item", 11.0, "", False),
            ("session", 12.0, "B", True),
            ("dates_place", 11.0, "", True),
            ("title", 14.0, "B", True),
        ):
            if front.get(key):
                self.paragraph_lines(front[key], BlockStyle(0, 0, style, size, centred=centred, space_after=8))
        self.y += 14

    def paragraph_lines(self, text: str, style: BlockStyle, label: str = "") -> None:
        width = TEXT_WIDTH - style.text_x
        lines = self.lines_of(text, width, style.size, style.style)
        leading = self.leading(style.size)
        self.y += style.space_before
        for index, line in enumerate(lines):
            labels = [marker for atom in line for marker in atom.markers]
            notes = self.ensure_room(leading, labels)
            baseline = self.y + style.size
            x = LEFT + style.text_x
            if style.centred:
                x = LEFT + (TEXT_WIDTH - self.line_width(line, style.size, style.style)) / 2
            if index == 0 and label:
                self.font(style.size, style.style)
                self.pdf.text(LEFT + style.label_x, baseline, label)
            self.draw_line(line, x, baseline, style.size, style.style)
            self.notes_on_page.extend(notes)
            self.y += leading
        self.y += style.space_after

    def block(self, block: SourceBlock) -> None:
        style = STYLES[block.tag]
        if block.tag == "P" and not block.label:
            style = UNLABELLED_P
        self.paragraph_lines(block.text, style, block.printed_label)

    def table(self, table: SourceTable) -> None:
        widths = [TEXT_WIDTH * share for share in table.column_shares()]
        padding = 3.0
        leading = self.leading(TABLE_SIZE)

        def laid_out(row: list[str]) -> tuple[list[list[list[Atom]]], float]:
            cells = [self.lines_of(cell, width - 2 * padding, TABLE_SIZE) if cell else [] for cell, width in zip(row, widths)]
            return cells, max(len(lines) for lines in cells) * leading + 2 * padding

        heads = [laid_out(row) for row in table.head_rows]
        head_height = sum(height for _, height in heads)

        def draw_row(cells: list[list[list[Atom]]], height: float) -> None:
            x = LEFT
            self.pdf.set_line_width(0.5)
            for lines, width in zip(cells, widths):
                self.pdf.rect(x, self.y, width, height)
                baseline = self.y + padding + TABLE_SIZE
                for line in lines:
                    self.draw_line(line, x + padding, baseline, TABLE_SIZE)
                    baseline += leading
                x += width
            self.y += height

        self.y += 4
        if self.y + head_height + heads[-1][1] > self.bottom_limit([]):
            self.new_page()
        for cells, height in heads:
            draw_row(cells, height)
        for row in table.rows:
            cells, height = laid_out(row)
            labels = [marker for lines in cells for line in lines for atom in line for marker in atom.markers]
            notes = self.new_notes(labels)
            if self.y + height > self.bottom_limit(notes):
                self.new_page()
                notes = self.new_notes(labels)
                for head_cells, head_row_height in heads:
                    draw_row(head_cells, head_row_height)
            draw_row(cells, height)
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
        self.pdf.output(str(target))


def render_fpdf(paper: PaperSource, target: Path) -> None:
    PaperPdf(paper).render(target)
