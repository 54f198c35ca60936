"""Render a paper source to PDF with reportlab's platypus, laid out by a LayoutStyle.

Besides every parameter the LayoutStyle draws, this producer varies what platypus does on its own:
its CJK wrapping breaks between any two characters (inside a Latin run longer than half a line too,
a URL say), follows a Japanese line-start table (。、） hang into the right margin, but a line may
start with ，；：》” or a footnote marker) and justifies Chinese lines by spreading the characters;
Chinese papers mix two fonts on one line (Latin letters and digits in the Western font, Han and
full-width marks in the CJK font), so a line's glyphs have different ascents and baselines; English
is hyphenated by pyphen; a word longer than its line is cut anywhere, without a hyphen; paragraph
numbers are platypus bullets; table rows break across pages.

Platypus has no footnotes: a NoteFrame reserves a note's room at the foot of the page when the
flowable (or the part of it split onto that page) holding the note's first marker is placed, so the
note stands on the marker's page and the body never runs into it. Later citations of the label are
a superscript only. The running header and footer are drawn after the last page, when the page
count is known ("Page 3 of 9"); the first page has neither.

Render one paper with `python corpus/tools/producers.py reportlab SRC.paper OUT.pdf SEED`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    PageBreak as PlatypusPageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import _processed_frags

from layout_style import Font, LayoutStyle
from paper_source import MARKER, RESOLUTION_TAGS, PageBreak, PaperSource, SourceBlock, SourceTable
from un_masthead import Line, has_masthead, masthead

# Han, CJK punctuation, full-width forms, and the curly quotes and dashes a Chinese paper sets in
# its CJK font, as Word does for text marked Chinese
CJK_CHARACTERS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’—…]")
MARKER_SIZE, MARKER_RISE = 0.62, 0.36  # of the surrounding text's size
NOTE_CALLBACK = "footnote_marker"
HEADING_WEIGHTS = {"H1": "B", "H2": "B", "H3": "I"}
ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "centre": TA_CENTER}


@functools.cache
def registered(path: Path, subfont: int) -> str:
    """Register a font file once per process; the name is unique per file, so styles never clash."""
    name = f"{path.stem}-{subfont}"
    pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=subfont))
    return name


def has_glyph(name: str, character: str) -> bool:
    return ord(character) in pdfmetrics.getFont(name).face.charToGlyph


@dataclass(frozen=True)
class Fonts:
    """The reportlab font names of one style."""

    latin: dict[str, str]  # "", "B", "I" -> name
    cjk_font: Font

    @property
    def cjk(self) -> str:
        """Registered when first asked for: an English paper rarely needs it, and a collection takes a while to read."""
        return registered(self.cjk_font.path(), self.cjk_font.subfont)


def register_fonts(latin: Font, cjk: Font) -> Fonts:
    return Fonts(latin={weight: registered(latin.path(weight), latin.subfont) for weight in ("", "B", "I")}, cjk_font=cjk)


@dataclass
class Markup:
    """Paragraph markup for paper text: script runs in their fonts, footnote markers as superscripts."""

    fonts: Fonts
    language: str
    cited: set[str] = field(default_factory=set)

    def runs(self, text: str, weight: str = "") -> str:
        """Escaped text with every CJK run in the CJK font; the paragraph's own font sets the rest.

        A character goes to the other font when its own lacks the glyph (第 and 页 of a page number
        format in an English paper, a rare mark in a narrow Latin font).
        """
        latin = self.fonts.latin[weight]
        pieces: list[tuple[bool, str]] = []
        for character in text:
            in_cjk = self.language == "zh" and bool(CJK_CHARACTERS.match(character))
            if not has_glyph(self.font(in_cjk, latin), character) and has_glyph(self.font(not in_cjk, latin), character):
                in_cjk = not in_cjk
            if pieces and pieces[-1][0] == in_cjk:
                pieces[-1] = (in_cjk, pieces[-1][1] + character)
            else:
                pieces.append((in_cjk, character))
        return "".join(f'<font name="{self.fonts.cjk}">{escape(run)}</font>' if in_cjk else escape(run) for in_cjk, run in pieces)

    def font(self, cjk: bool, latin: str) -> str:
        return self.fonts.cjk if cjk else latin

    def inline(self, text: str, size: float, weight: str = "") -> str:
        """Runs and markers; a label's first marker carries the onDraw callback the NoteFrame looks for."""
        parts: list[str] = []
        position = 0
        for match in MARKER.finditer(text):
            parts.append(self.runs(text[position : match.start()], weight))
            label = match.group(1)
            parts.append(f'<super size="{size * MARKER_SIZE:.2f}" rise="{size * MARKER_RISE:.2f}">{escape(label)}</super>')
            if label not in self.cited:
                self.cited.add(label)
                parts.append(f'<onDraw name="{NOTE_CALLBACK}" label="{escape(label)}"/>')
            position = match.end()
        parts.append(self.runs(text[position:], weight))
        return "".join(parts)


class PaperParagraph(Paragraph):
    """A platypus paragraph that splits across pages without adding text to Chinese.

    Splitting a paragraph whose lines mix fonts, platypus ends every line of both parts with a space
    (right between Latin words): in CJK text that is a stray space between two Han characters, seen
    as soon as a part is wrapped again at another width, as a split table row is.
    """

    def _get_split_blParaFunc(self) -> Callable[[Any, int, int], list[Any]]:
        if self.style.wordWrap == "CJK" and self.blPara.kind == 1 and not _processed_frags(self.frags):
            return lambda paragraph, start, stop: [word for line in paragraph.lines[start:stop] for word in line.words]
        return super()._get_split_blParaFunc()


def first_cited(flowable: Flowable | list[Any] | tuple[Any, ...] | str) -> list[str]:
    """The labels whose first marker stands in `flowable` (or in the part split from it), in order."""
    if isinstance(flowable, Paragraph):
        # once wrapped for Latin text, a paragraph's frags are words: [width, (frag, text), ...]
        frags = [pair[0] for word in flowable.frags for pair in word[1:]] if _processed_frags(flowable.frags) else flowable.frags
        labels = [f.cbDefn.label for f in frags if getattr(f, "cbDefn", None) is not None and f.cbDefn.kind == "onDraw"]
        return list(dict.fromkeys(labels))
    if isinstance(flowable, Table):
        # platypus keeps a table's cells (and a split part's) only in this attribute, as tuples of flowables
        return [label for row in flowable._cellvalues for cell in row for label in first_cited(cell)]
    if isinstance(flowable, (list, tuple)):
        return [label for item in flowable for label in first_cited(item)]
    return []


@dataclass
class Footnotes:
    """Which notes stand on which page, how much room they take, and drawing them."""

    style: LayoutStyle
    notes: dict[str, Paragraph]  # wrapped to the text width
    font: str  # of the underscores separator
    pages: dict[int, list[str]] = field(default_factory=dict)
    marker_pages: dict[str, int] = field(default_factory=dict)

    @property
    def space_above(self) -> float:
        return self.style.body_size * 0.6

    @property
    def separator(self) -> float:
        """Height from the top of the note area to the first note, space above the separator included."""
        if self.style.footnote_rule == "underscores":
            return self.space_above + self.style.note_size * self.style.leading
        return self.space_above + self.style.note_size * 0.5

    @property
    def gap(self) -> float:
        return self.style.note_size * 0.2

    def pending(self, labels: list[str]) -> list[str]:
        placed = {label for labels_on_page in self.pages.values() for label in labels_on_page}
        return [label for label in labels if label not in placed]

    def height(self, page: int, extra: list[str]) -> float:
        labels = self.pages.get(page, []) + extra
        if not labels:
            return 0.0
        return self.separator + sum(self.notes[label].height for label in labels) + self.gap * (len(labels) - 1)

    def commit(self, page: int, labels: list[str]) -> None:
        if labels:
            self.pages.setdefault(page, []).extend(labels)

    def record_marker(self, canvas: Canvas, kind: str, label: str) -> None:
        self.marker_pages[label] = canvas.getPageNumber()

    def draw(self, canvas: Canvas, page: int) -> None:
        labels = self.pages.get(page, [])
        if not labels:
            return
        style = self.style
        top = style.margin_bottom + self.height(page, []) - self.space_above
        width = style.text_width * style.footnote_rule_share
        if style.footnote_rule == "line":
            canvas.setLineWidth(0.5)
            canvas.line(style.margin_left, top, style.margin_left + width, top)
        elif style.footnote_rule == "underscores":
            count = max(1, round(width / pdfmetrics.stringWidth("_", self.font, style.note_size)))
            canvas.setFont(self.font, style.note_size)
            canvas.drawString(style.margin_left, top - style.note_size, "_" * count)
        y = style.margin_bottom + self.height(page, []) - self.separator
        for label in labels:
            note = self.notes[label]
            note.drawOn(canvas, style.margin_left, y - note.height)
            y -= note.height + self.gap

    def check(self) -> None:
        """Every note on the page its first marker was drawn on: the frame's bookkeeping, confirmed by the canvas."""
        placed = {label: page for page, labels in self.pages.items() for label in labels}
        if placed != self.marker_pages:
            wrong = sorted(label for label in placed.keys() | self.marker_pages.keys() if placed.get(label) != self.marker_pages.get(label))
            raise RuntimeError(f"footnotes off their marker's page: {wrong}")


class NoteFrame(Frame):
    """A frame whose bottom rises by the room of the notes first cited on its page.

    Before a flowable is placed, the notes it would bring are reserved; a flowable that must be split
    is split with the room of its first k notes reserved, for the least k that covers the notes the
    first part then holds, so a marker never lands on a page without room for its note.
    """

    def __init__(self, footnotes: Footnotes, x: float, y: float, width: float, height: float) -> None:
        super().__init__(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.footnotes = footnotes

    def reserve(self, page: int, labels: list[str]) -> None:
        self._y1p = self._y1 + self.footnotes.height(page, labels)

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        page = canv.getPageNumber()
        labels = self.footnotes.pending(first_cited(flowable))
        self.reserve(page, labels)
        placed = super().add(flowable, canv, trySplit)
        if placed:
            self.footnotes.commit(page, labels)
        self.reserve(page, [])
        return placed

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        page = canv.getPageNumber()
        labels = self.footnotes.pending(first_cited(flowable))
        parts: list[Flowable] = []
        for count in range(len(labels) + 1):
            self.reserve(page, labels[:count])
            parts = super().split(flowable, canv)
            if not parts or len(self.footnotes.pending(first_cited(parts[0]))) <= count:
                break
        self.reserve(page, [])
        return parts


@dataclass
class Furniture:
    """The running header (symbol, page number, date line) and footer of pages 2 onwards."""

    style: LayoutStyle
    paper: PaperSource
    markup: Markup

    def paragraph(self, text: str, align: str) -> Paragraph:
        size = self.style.note_size
        style = ParagraphStyle(
            "furniture", fontName=self.markup.fonts.latin[""], fontSize=size, leading=size * 1.2, alignment=ALIGNMENTS[align]
        )
        return Paragraph(text, style)

    def draw(self, canvas: Canvas, number: int, total: int) -> None:
        if number == 1:
            return
        style = self.style
        header = style.header_text(self.paper.running_header, number, total)
        if header:
            lines = [self.markup.runs(header)]
            if style.header_date and self.paper.front.get("date"):
                lines.append(self.markup.runs(self.paper.front["date"]))
            block = self.paragraph("<br/>".join(lines), style.header_align(number))
            block.wrapOn(canvas, style.text_width, style.margin_top)
            block.drawOn(canvas, style.margin_left, style.page_size[1] - style.margin_top + style.body_size * 0.8)
        page_number = style.page_number(number, total)
        if page_number:
            block = self.paragraph(self.markup.runs(page_number), style.footer_align(number))
            _, height = block.wrapOn(canvas, style.text_width, style.margin_bottom)
            block.drawOn(canvas, style.margin_left, style.margin_bottom - style.note_size * 0.8 - height)


class FurnitureCanvas(Canvas):
    """A canvas that holds its pages back until the end, so the header and footer know the page count."""

    def __init__(self, *args: Any, furniture: Furniture, footnotes: Footnotes, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.furniture = furniture
        self.held_pages: list[dict[str, Any]] = []
        self.setNamedCB(NOTE_CALLBACK, footnotes.record_marker)

    def showPage(self) -> None:
        self.held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, page in enumerate(self.held_pages, start=1):
            self.__dict__.update(page)
            self.furniture.draw(self, number, len(self.held_pages))
            super().showPage()
        super().save()


@dataclass
class Layout:
    """The flowables of one paper in one style."""

    paper: PaperSource
    style: LayoutStyle
    markup: Markup
    hyphenate: bool

    @property
    def chinese(self) -> bool:
        return self.paper.language == "zh"

    def paragraph_style(self, size: float, weight: str = "", **overrides: Any) -> ParagraphStyle:
        style = self.style
        settings: dict[str, Any] = dict(
            fontName=self.markup.fonts.latin[weight],
            fontSize=size,
            leading=size * style.leading,
            spaceAfter=style.paragraph_space,
            alignment=TA_JUSTIFY if style.justify else TA_LEFT,
            bulletFontName=self.markup.fonts.latin[""],
            bulletFontSize=size,
        )
        if self.chinese:
            settings["wordWrap"] = "CJK"
        elif self.hyphenate:
            # a language name, not a pyphen callable: platypus deep-copies styles when it splits. Not
            # embeddedHyphenation: a paragraph split across pages loses a hyphen its lines broke after
            settings["hyphenationLang"] = "en_US"
        settings.update(overrides)
        return ParagraphStyle("block", **settings)

    def resolution_block(self, block: SourceBlock) -> list[Flowable]:
        """NAME, PRE and OP after the clause indent (an OP's number a platypus bullet there), the lead in the
        italic font; DEC bold with a hanging number; ADOPT's lines broken by <br/>, flush right or indented."""
        style, r = self.style, self.style.resolution
        size = style.body_size
        latin = self.markup.fonts.latin
        if block.tag == "DEC":
            heading = style.heading_size
            dec_style = self.paragraph_style(
                heading, "B", alignment=TA_LEFT, spaceBefore=heading, bulletIndent=0, leftIndent=r.dec_hang,
                bulletFontName=latin["B"], bulletFontSize=heading,
            )
            text = f"<bullet>{self.markup.runs(block.label, 'B')}</bullet>{self.markup.inline(block.text, heading, 'B')}"
            keep = dec_style.leading * 2 + dec_style.spaceBefore + size * style.leading * 2
            return [CondPageBreak(keep), PaperParagraph(text, dec_style)]
        if block.tag == "ADOPT":
            lines = "<br/>".join(self.markup.inline(line, size) for line in block.printed_lines)
            if r.adopt_place == "right":
                return [PaperParagraph(lines, self.paragraph_style(size, alignment=TA_RIGHT))]
            return [PaperParagraph(lines, self.paragraph_style(size, alignment=TA_LEFT, leftIndent=style.text_width * r.adopt_indent))]
        lead, rest = block.lead_and_rest(self.paper.language)
        text = self.markup.inline(rest, size)
        if lead:
            text = f'<font name="{latin["I"]}">{self.markup.inline(lead, size, "I")}</font>{text}'
        if block.label and block.tag in ("PRE", "OP"):
            # platypus pushes the text on when the number is wider than its box
            clause = self.paragraph_style(size, bulletIndent=r.clause_indent, firstLineIndent=r.clause_indent + r.number_box)
            return [PaperParagraph(f"<bullet>{self.markup.runs(block.label)}</bullet>{text}", clause)]
        return [PaperParagraph(text, self.paragraph_style(size, firstLineIndent=r.clause_indent))]

    def block(self, block: SourceBlock) -> list[Flowable]:
        if block.tag in RESOLUTION_TAGS:
            return self.resolution_block(block)
        style = self.style
        size = style.body_size
        weight = HEADING_WEIGHTS.get(block.tag, "")
        text = self.markup.inline(block.text, size, weight)
        if block.tag in HEADING_WEIGHTS:
            heading_size = style.heading_size if block.tag == "H1" else size
            paragraph_style = self.paragraph_style(
                heading_size,
                weight,
                alignment=TA_CENTER if block.tag == "H1" else TA_LEFT,
                spaceBefore=heading_size * (1.0 if block.tag == "H1" else 0.6),
            )
            # no heading at the foot of a page: two lines of what follows must fit under it
            keep = paragraph_style.leading * 2 + paragraph_style.spaceBefore + size * style.leading * 2
            return [CondPageBreak(keep), PaperParagraph(text, paragraph_style)]
        label = self.markup.runs(block.printed_label)
        if block.tag == "P" and block.label and style.numbering == "inline":
            return [PaperParagraph(f"{label} {text}", self.paragraph_style(size, firstLineIndent=style.first_line_indent))]
        if block.tag == "P" and block.label and style.numbering == "margin":
            # the number starts at the offset, or further out when it is too wide to keep a gap before the text
            width = pdfmetrics.stringWidth(block.label, self.markup.fonts.latin[""], size)
            indent = -max(style.margin_number_offset, width + size * 0.6)
            return [PaperParagraph(f"<bullet>{label}</bullet>{text}", self.paragraph_style(size, bulletIndent=indent))]
        if block.tag == "P" and not block.label:
            return [PaperParagraph(text, self.paragraph_style(size, firstLineIndent=style.first_line_indent))]
        if block.tag == "Q" and not block.label:
            return [PaperParagraph(text, self.paragraph_style(size, leftIndent=style.quote_indent))]
        label_x, text_x = {
            "P": (0.0, style.hanging_indent),
            "Q": (style.quote_indent, style.quote_indent + style.item_hang),
            "L1": (style.item_indent, style.item_indent + style.item_hang),
            "L2": (style.item_indent + style.item_hang, style.item_indent + 2 * style.item_hang),
            "B": (style.bullet_indent, style.bullet_indent + style.item_hang),
        }[block.tag]
        # platypus pushes the first line right when a label is wider than its hang, keeping a gap
        return [PaperParagraph(f"<bullet>{label}</bullet>{text}", self.paragraph_style(size, bulletIndent=label_x, leftIndent=text_x))]

    def table(self, table: SourceTable) -> list[Flowable]:
        style = self.style
        size = style.table_size

        def cell(text: str, weight: str) -> Paragraph | str:
            if not text:
                return ""
            # a Chinese line may end with a closing mark hung past its width: keep that room inside the cell
            right = 3 + (size if self.chinese else 0)
            cell_style = self.paragraph_style(size, weight, alignment=TA_LEFT, spaceAfter=0, leftIndent=3, rightIndent=right)
            return PaperParagraph(self.markup.inline(text, size, weight), cell_style)

        columns = table.column_count
        data = [[cell(text, "B") for text in row + [""] * (columns - len(row))] for row in table.head_rows]
        data += [[cell(text, "") for text in row + [""] * (columns - len(row))] for row in table.rows]
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # the side padding is the cells' indents: platypus splits a row's cells at the full column width
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        heads = len(table.head_rows)
        if style.table_borders == "grid":
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        elif style.table_borders == "horizontal":
            commands += [("LINEABOVE", (0, 0), (-1, 0), 0.75, colors.black), ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]
        if style.table_borders != "none" and heads:
            # platypus drops the rule under repeated heads when the row after them is the rest of a split row
            commands.append(("LINEBELOW", (0, heads - 1), (-1, heads - 1), 0.5, colors.black))
        widths = [style.text_width * share for share in table.column_shares()]
        # a row may break across pages, as in Word (a tall row of narrow columns can outgrow a page), when
        # two lines of it fit
        split_in_row = round(2 * size * style.leading + 5)
        body = Table(data, colWidths=widths, repeatRows=heads, splitInRow=split_in_row, style=TableStyle(commands))
        return [Spacer(1, style.body_size * 0.5), body, Spacer(1, style.body_size)]

    def un_cover(self) -> list[Flowable]:
        """The UN masthead (un_masthead): a two-column band over a rule, the session lines, then the
        sponsors or adoption lines and the title indented."""
        style = self.style
        size = style.body_size
        head = masthead(self.paper)

        def paragraphs(lines: list[Line], align: int = TA_LEFT, indent: float = 0.0, right: float = 0.0, after: float = 1.0) -> list[Paragraph]:
            result = []
            for line in lines:
                weight = "B" if line.bold else "I" if line.italic else ""
                # a masthead line is never hyphenated
                line_style = self.paragraph_style(
                    line.size(size), weight, alignment=align, spaceAfter=after, leftIndent=indent, rightIndent=right,
                    hyphenationLang="",
                )
                result.append(Paragraph(self.markup.runs(line.text, weight), line_style))
            return result

        band = Table(
            [[paragraphs(head.left), paragraphs(head.right, TA_RIGHT)]],
            colWidths=[style.text_width * 0.6, style.text_width * 0.4],
            style=TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 1, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]),
        )
        below = paragraphs(head.below, right=style.text_width * 0.45)
        lead = paragraphs(head.lead + head.title, indent=style.resolution.dec_hang, after=size * 0.6)
        return [band, Spacer(1, size * 1.2), *below, Spacer(1, size * 1.2), *lead, Spacer(1, size)]

    def cover(self) -> list[Flowable]:
        if has_masthead(self.paper):
            return self.un_cover()
        style = self.style
        front = self.paper.front
        size = style.body_size

        def line(key: str, scale: float = 1.0, weight: str = "", align: int = TA_LEFT, after: float = 0.3) -> list[Paragraph]:
            if not front.get(key):
                return []
            line_style = self.paragraph_style(size * scale, weight, alignment=align, spaceAfter=size * after)
            return [Paragraph(self.markup.runs(front[key], weight), line_style)]

        rule = HRFlowable(width="100%", thickness=1, color=colors.black, spaceBefore=2, spaceAfter=size * 1.2)
        title = line("title", style.heading_size / size + 0.2, "B", TA_CENTER, after=2.0)
        session = line("session", 1.0, "B", TA_CENTER) + line("dates_place", 1.0, "", TA_CENTER, after=1.2)
        if style.cover == "stacked":
            masthead = line("organization", 1.0, "B", after=0.5) + line("symbol", 1.1, "B", TA_RIGHT) + line("date", 0.9, "", TA_RIGHT)
            return masthead + [rule] + line("agenda_item", after=0.8) + session + title
        if style.cover == "masthead_table":
            left = line("organization", 1.0, "B")
            right = line("symbol", 1.1, "B", TA_RIGHT) + line("date", 0.9, "", TA_RIGHT)
            masthead = Table([[left, right]], colWidths=[style.text_width * 0.6, style.text_width * 0.4], style=TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 1, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]))
            return [masthead, Spacer(1, size * 1.2)] + line("agenda_item", after=0.8) + session + title
        left = line("organization", 1.0, "B") + line("session", 1.0, "B") + line("dates_place")
        right = line("symbol", 1.1, "B", TA_RIGHT) + line("date", 0.9, "", TA_RIGHT) + line("agenda_item", 1.0, "", TA_RIGHT)
        columns = Table([[left, right]], colWidths=[style.text_width * 0.55, style.text_width * 0.45], style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return [columns, rule] + title

    def flowables(self) -> list[Flowable]:
        story = self.cover()
        for element in self.paper.elements:
            if isinstance(element, PageBreak):
                story.append(PlatypusPageBreak())
            elif isinstance(element, SourceTable):
                story += self.table(element)
            else:
                story += self.block(element)
        return story

    def notes(self) -> dict[str, Paragraph]:
        style = self.style
        size = style.note_size
        superscript = style.footnote_label == "superscript"
        note_style = self.paragraph_style(
            size,
            spaceAfter=0,
            leftIndent=size * 1.8,
            bulletIndent=0,
            bulletFontSize=size * MARKER_SIZE if superscript else size,
            bulletOffsetY=size * MARKER_RISE if superscript else 0,
        )
        notes = {}
        for label, text in self.paper.footnotes.items():
            note = Paragraph(f"<bullet>{escape(label)}</bullet>{self.markup.runs(text)}", note_style)
            note.wrap(style.text_width, style.page_size[1])
            notes[label] = note
        return notes


def render_reportlab(paper: PaperSource, target: Path, style: LayoutStyle) -> None:
    """Draw `paper` (already restyled) into the PDF `target` in the layout `style` fixes."""
    markup = Markup(register_fonts(style.latin_font, style.cjk_font), paper.language)
    layout = Layout(paper, style, markup, style.hyphenate and paper.language == "en")
    story = layout.flowables()
    footnotes = Footnotes(style, layout.notes(), markup.fonts.latin[""])
    height = style.page_size[1] - style.margin_top - style.margin_bottom
    frame = NoteFrame(footnotes, style.margin_left, style.margin_bottom, style.text_width, height)
    document = BaseDocTemplate(
        str(target),
        pagesize=style.page_size,
        leftMargin=style.margin_left,
        rightMargin=style.margin_right,
        topMargin=style.margin_top,
        bottomMargin=style.margin_bottom,
        title=paper.front["title"],
        author=paper.front.get("organization", ""),
        creator="gbdocs corpus renderer (reportlab)",
        lang="zh-CN" if paper.language == "zh" else "en",
        invariant=1,
    )
    document.addPageTemplates([PageTemplate("page", [frame], onPageEnd=lambda canvas, doc: footnotes.draw(canvas, doc.page))])
    furniture = Furniture(style, paper, markup)
    document.build(story, canvasmaker=functools.partial(FurnitureCanvas, furniture=furniture, footnotes=footnotes))
    footnotes.check()
