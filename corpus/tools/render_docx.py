"""Render a paper source to PDF the way a Word user makes one: build a real .docx with python-docx, then
convert it with LibreOffice headless.

The document is made of Word's own objects, so the PDF shows how a Word file lays out rather than
how a script draws: named paragraph styles (indents, tab stops, spacing and leading live in the
styles, not in the paragraphs), East Asian and Western fonts set separately (w:rFonts w:eastAsia /
w:ascii / w:hAnsi), header and footer parts with PAGE and NUMPAGES fields, a blank first-page header
(w:titlePg) and distinct even-page ones (w:evenAndOddHeaders), real footnotes in word/footnotes.xml
with their separator, tables with repeated header rows (w:tblHeader) and the cover as stacked
paragraphs, a borderless masthead table or two columns set on a right-aligned tab stop.

Everything a `LayoutStyle` fixes is varied: page size and margins, fonts, sizes (rounded to Word's
half points), leading, paragraph spacing, how paragraph numbers are set (hanging, inline after a
first-line indent, or in the margin), the indents of quotes, items and bullets, justification,
hyphenation (w:autoHyphenation, English only), header and footer content and side, the footnote
separator (line, none, underscores) and label (superscript or plain), table borders and the cover.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from fontTools.ttLib import TTFont

from layout_style import LayoutStyle
from paper_source import MARKER, RESOLUTION_TAGS, PageBreak, PaperSource, SourceBlock, SourceTable
from un_masthead import Line, has_masthead, masthead

ALIGNMENTS = {"left": WD_ALIGN_PARAGRAPH.LEFT, "centre": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
TAB_ALIGNMENTS = {"left": WD_TAB_ALIGNMENT.LEFT, "right": WD_TAB_ALIGNMENT.RIGHT}
BOLD_ADVANCE = 0.62  # a bold Latin or digit character's advance, as a share of the size (an upper estimate)
# LayoutStyle's header and page-number helpers are the one definition of what those lines print; they
# are called with these stand-in numbers, which are then replaced by Word's PAGE and NUMPAGES fields.
PAGE_STAND_IN, TOTAL_STAND_IN = 987_654_321, 987_654_322
FIELDS = {str(PAGE_STAND_IN): "PAGE", str(TOTAL_STAND_IN): "NUMPAGES"}
STAND_INS = re.compile("|".join(FIELDS))
# the schema order of the paragraph properties this module writes
PARAGRAPH_PROPERTIES = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr",
)
# what w:tblBorders and w:tblCellMar must precede in w:tblPr
AFTER_TABLE_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
AFTER_CELL_MARGINS = ("w:tblLook",)
TABLE_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
RULED_EDGES = {"grid": set(TABLE_EDGES), "horizontal": {"top", "bottom", "insideH"}, "none": set()}
BLOCK_STYLES = {
    "H1": "Heading 1", "H2": "Heading 2", "H3": "Heading 3", "L1": "List Item 1", "L2": "List Item 2", "B": "List Bullet",
}
# the cover's front-matter lines by style: the masthead's right-hand side, then the lines below it
COVER_RIGHT = (("symbol", "Cover Symbol"), ("date", "Cover Date"))
COVER_BELOW = (("agenda_item", "Cover Agenda"), ("session", "Cover Session"), ("dates_place", "Cover Place"), ("title", "Cover Title"))
SOFFICE_TIMEOUT = 300  # seconds; a conversion takes a few, LibreOffice starting with a fresh profile each time


@dataclass(frozen=True)
class Look:
    """A paragraph style's settings; None leaves the setting to the style it is based on."""

    left: float = 0.0  # points from the margin
    first: float = 0.0  # first-line indent, negative for a hanging one
    tab: float | None = None  # a tab stop, where the text after a hanging label starts
    tab_alignment: str = "left"
    align: str | None = None  # left, centre, right, justify
    size: float | None = None
    bold: bool = False
    italic: bool = False
    before: float = 0.0
    after: float | None = None
    leading: float | None = None
    keep_with_next: bool = False
    outline_level: int | None = None
    rule_below: bool = False
    hyphenate: bool = True


def body_align(style: LayoutStyle) -> str:
    return "justify" if style.justify else "left"


def hanging(label_at: float, text_at: float, style: LayoutStyle) -> Look:
    return Look(left=text_at, first=label_at - text_at, tab=text_at, align=body_align(style))


def numbered_look(style: LayoutStyle) -> Look:
    """A numbered paragraph in the style's numbering: hanging, inline or in the margin."""
    if style.numbering == "hanging":
        return hanging(0.0, style.hanging_indent, style)
    if style.numbering == "margin":
        return hanging(-style.margin_number_offset, 0.0, style)
    return Look(first=style.first_line_indent, align=body_align(style))


def looks(style: LayoutStyle) -> dict[str, Look]:
    """Every paragraph style the document uses, by name (Word's built-in names where Word has one)."""
    body, heading = style.body_size, style.heading_size
    item_text = style.item_indent + style.item_hang
    note_hang = style.note_size * 2.0
    cover_after = body * 0.6
    return {
        "Heading 1": Look(
            align="centre", size=heading, bold=True, before=heading, after=max(style.paragraph_space, body * 0.5),
            keep_with_next=True, outline_level=0, hyphenate=False,
        ),
        "Heading 2": Look(align="left", bold=True, before=body * 0.5, keep_with_next=True, outline_level=1, hyphenate=False),
        "Heading 3": Look(align="left", italic=True, keep_with_next=True, outline_level=2, hyphenate=False),
        "Body Text": Look(first=style.first_line_indent, align=body_align(style)),
        "Numbered Paragraph": numbered_look(style),
        "Quote Text": Look(left=style.quote_indent, align=body_align(style)),
        "Numbered Quote": hanging(style.quote_indent, style.quote_indent + style.item_hang, style),
        "List Item 1": hanging(style.item_indent, item_text, style),
        "List Item 2": hanging(item_text, item_text + style.item_hang, style),
        "List Bullet": hanging(style.bullet_indent, style.bullet_indent + style.item_hang, style),
        "Footnote Text": Look(
            left=note_hang, first=-note_hang, tab=note_hang, align=body_align(style), size=style.note_size, after=2.0
        ),
        "Header": Look(align="left", size=style.note_size, after=0.0, leading=1.0),
        "Footer": Look(align="left", size=style.note_size, after=0.0, leading=1.0),
        # single-spaced: at a loose leading a repeated head row can fill most of a page
        "Table Text": Look(align="left", size=style.table_size, after=0.0, leading=1.0),
        "Cover Symbol": Look(align="right", size=heading, bold=True, after=cover_after * 0.5, hyphenate=False),
        "Cover Date": Look(align="right", after=cover_after, hyphenate=False),
        "Cover Organization": Look(align="left", bold=True, after=cover_after * 2, rule_below=True, hyphenate=False),
        "Cover Masthead": Look(align="left", bold=True, after=0.0, hyphenate=False),
        "Cover Columns": Look(align="left", tab=style.text_width, tab_alignment="right", after=body * 0.3, hyphenate=False),
        "Cover Agenda": Look(align="left", before=cover_after, after=cover_after * 2, hyphenate=False),
        "Cover Session": Look(align="centre", bold=True, after=cover_after, hyphenate=False),
        "Cover Place": Look(align="centre", after=cover_after * 2, hyphenate=False),
        "Cover Title": Look(align="centre", size=heading + 2, bold=True, after=cover_after * 3, hyphenate=False),
    }


def resolution_looks(style: LayoutStyle) -> dict[str, Look]:
    """The styles of a resolution's own blocks and of the UN masthead; defined only in a resolution, so
    the other papers' documents stay as they were."""
    r, align = style.resolution, body_align(style)
    heading = style.heading_size
    if r.adopt_place == "right":
        adoption = Look(align="right")
    else:
        adoption = Look(left=style.text_width * r.adopt_indent, align="left")
    return {
        "Body Name": Look(first=r.clause_indent, align=align),
        "Preambular Clause": Look(first=r.clause_indent, align=align),
        # the number, a tab, the text: Word goes on to its next default stop when the number is wider
        "Operative Clause": Look(first=r.clause_indent, tab=r.clause_indent + r.number_box, align=align),
        "Decision Title": Look(
            left=r.dec_hang, first=-r.dec_hang, tab=r.dec_hang, align="left", size=heading, bold=True, before=heading,
            keep_with_next=True, hyphenate=False,
        ),
        "Adoption Line": adoption,
        "Masthead Left": Look(align="left", after=0.0, hyphenate=False),
        "Masthead Right": Look(align="right", after=0.0, hyphenate=False),
        "Masthead Below": Look(align="left", after=2.0, hyphenate=False),
        "Masthead Lead": Look(left=r.dec_hang, align="left", after=style.body_size * 0.6, hyphenate=False),
    }


RESOLUTION_STYLES = {"NAME": "Body Name", "PRE": "Preambular Clause", "OP": "Operative Clause", "ADOPT": "Adoption Line"}


def w(tag: str, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def text_element(text: str) -> BaseOxmlElement:
    element = w("t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element


def text_run(text: str) -> BaseOxmlElement:
    run = w("r")
    run.append(text_element(text))
    return run


def field_runs(instruction: str) -> list[BaseOxmlElement]:
    """A complex field (begin, instruction, separate, a cached result, end) as Word writes one."""
    begin, code, separate, end = w("r"), w("r"), w("r"), w("r")
    begin.append(w("fldChar", fldCharType="begin"))
    instruction_text = w("instrText")
    instruction_text.set(qn("xml:space"), "preserve")
    instruction_text.text = f" {instruction} "
    code.append(instruction_text)
    separate.append(w("fldChar", fldCharType="separate"))
    end.append(w("fldChar", fldCharType="end"))
    return [begin, code, separate, text_run("1"), end]


def insert_in_order(properties: BaseOxmlElement, element: BaseOxmlElement) -> None:
    """Insert a paragraph property where the schema puts it (Word rejects them out of order)."""
    successors = PARAGRAPH_PROPERTIES[PARAGRAPH_PROPERTIES.index(element.tag.replace(qn("w:"), "w:")) + 1 :]
    properties.insert_element_before(element, *successors)


def half_points(points: float) -> Pt:
    """A font size as Word stores it, in half points (python-docx would truncate, not round)."""
    return Pt(round(points * 2) / 2)


def twips(points: float) -> str:
    return str(round(points * 20))


def character_width(style: LayoutStyle, character: str) -> float:
    """The advance of `character` in the Western font, in ems."""
    font = TTFont(style.latin_font.path(), fontNumber=style.latin_font.subfont, lazy=True)
    glyph = font.getBestCmap()[ord(character)]
    return font["hmtx"][glyph][0] / font["head"].unitsPerEm


class DocxWriter:
    """Builds the Word document of one paper in one style."""

    def __init__(self, paper: PaperSource, style: LayoutStyle) -> None:
        self.paper = paper
        self.style = style
        self.document: WordDocument = Document()
        self.note_ids: dict[str, str] = {}  # footnote label: its w:id, once cited
        self.automatic_numbers = self.numbers_run_in_order()
        self.break_before = False
        self.notes = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}/>")
        self.looks = looks(style)
        if paper.is_resolution:
            self.looks.update(resolution_looks(style))
        self.style_ids: dict[str, str] = {}  # paragraph and character style name: its w:styleId

    def numbers_run_in_order(self) -> bool:
        """Whether Word's own footnote numbering prints the numeric labels (1, 2, 3… by first citation)."""
        first_cited: list[str] = []
        for element in self.paper.elements:
            for label in element.marker_labels if isinstance(element, (SourceBlock, SourceTable)) else []:
                if label.isdigit() and label not in first_cited:
                    first_cited.append(label)
        return first_cited == [str(number) for number in range(1, len(first_cited) + 1)]

    # styles and settings ----------------------------------------------------------------------
    def set_style(self, paragraph: Paragraph, name: str) -> None:
        # by id: python-docx's own setter scans every style of the template each time (seconds a paper)
        paragraph._p.style = self.style_ids[name]

    def define_defaults(self) -> None:
        """Fonts, size and language for every run; no hanging punctuation, no CJK auto-spacing."""
        style = self.style
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        latin, cjk = style.latin_font.family, style.cjk_font.family
        size = str(round(style.body_size * 2))
        # LibreOffice 7.4 leaves hanging punctuation (a 、 pushed into the margin) out of the PDF, and it
        # reads w:overflowPunct the wrong way round: on (Word's default) is what turns hanging off there.
        # Word's auto-spacing between Chinese and Latin would print spaces the source does not have.
        defaults.getparent().replace(defaults, parse_xml(
            f"<w:docDefaults {nsdecls('w')}>"
            f'<w:rPrDefault><w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" w:eastAsia="{cjk}"/>'
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
            f"</w:rPr></w:rPrDefault>"
            f'<w:pPrDefault><w:pPr><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
            f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            f"</w:docDefaults>"
        ))
        normal = self.document.styles["Normal"].paragraph_format
        normal.space_after = Pt(style.paragraph_space)
        normal.line_spacing = style.leading
        normal.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if style.justify else WD_ALIGN_PARAGRAPH.LEFT

    def define_style(self, name: str, look: Look) -> None:
        styles = self.document.styles
        if name in styles:
            word_style = styles[name]
            # the template's built-in look (theme fonts and colours, its own spacing) must not show
            for old in word_style.element.findall(qn("w:pPr")) + word_style.element.findall(qn("w:rPr")):
                word_style.element.remove(old)
        else:
            word_style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        word_style.base_style = styles["Normal"]
        paragraph = word_style.paragraph_format
        paragraph.left_indent = Pt(look.left)
        paragraph.first_line_indent = Pt(look.first)
        paragraph.space_before = Pt(look.before)
        if look.tab is not None:
            paragraph.tab_stops.add_tab_stop(Pt(look.tab), TAB_ALIGNMENTS[look.tab_alignment])
        if look.align:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if look.align == "justify" else ALIGNMENTS[look.align]
        if look.after is not None:
            paragraph.space_after = Pt(look.after)
        if look.leading is not None:
            paragraph.line_spacing = look.leading
        paragraph.keep_with_next = look.keep_with_next or None
        properties = word_style.element.get_or_add_pPr()
        if look.outline_level is not None:
            properties.get_or_add_outlineLvl().val = look.outline_level
        if look.rule_below:
            borders = w("pBdr")
            borders.append(w("bottom", val="single", sz="8", space="4", color="auto"))
            insert_in_order(properties, borders)
        if not look.hyphenate:
            insert_in_order(properties, w("suppressAutoHyphens"))
        font = word_style.font
        if look.size is not None:
            font.size = half_points(look.size)
        font.bold = look.bold or None
        font.italic = look.italic or None

    def define_styles(self) -> None:
        self.define_defaults()
        for name, look in self.looks.items():
            self.define_style(name, look)
        reference = self.document.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        reference.font.superscript = self.style.footnote_label == "superscript"
        names = [*self.looks, "Footnote Reference"]
        self.style_ids = {name: self.document.styles[name].style_id for name in names}

    def define_settings(self) -> None:
        settings = self.document.settings.element
        if self.style.hyphenate and self.paper.language == "en":
            settings.find(qn("w:defaultTabStop")).addnext(w("autoHyphenation"))
        # Word lists the separator notes in the settings too
        properties = w("footnotePr")
        for note_id in ("-1", "0"):
            properties.append(w("footnote", id=note_id))
        settings.find(qn("w:compat")).addprevious(properties)

    # page, header and footer ------------------------------------------------------------------
    def set_up_page(self) -> Section:
        style = self.style
        section = self.document.sections[0]
        width, height = style.page_size
        section.page_width, section.page_height = Pt(width), Pt(height)
        section.left_margin, section.right_margin = Pt(style.margin_left), Pt(style.margin_right)
        section.top_margin, section.bottom_margin = Pt(style.margin_top), Pt(style.margin_bottom)
        header_height = (2 if style.header_date and self.paper.front.get("date") else 1) * style.note_size * 1.3
        # the header must end above the text: a taller header would push the text area down
        section.header_distance = Pt(max(12.0, min(style.margin_top / 2, style.margin_top - header_height - 4)))
        section.footer_distance = Pt(max(12.0, style.margin_bottom / 2 - style.note_size / 2))
        return section

    def add_fielded_text(self, paragraph: Paragraph, text: str) -> None:
        position = 0
        for match in STAND_INS.finditer(text):
            paragraph.add_run(text[position : match.start()])
            for run in field_runs(FIELDS[match.group()]):
                paragraph._p.append(run)
            position = match.end()
        paragraph.add_run(text[position:])

    def running_lines(self, page: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The header's and the footer's lines (text with stand-ins, alignment) on a page of this parity."""
        style = self.style
        header: list[tuple[str, str]] = []
        text = style.header_text(self.paper.running_header, PAGE_STAND_IN, TOTAL_STAND_IN)
        if text:
            header.append((text, style.header_align(page)))
            if style.header_date and self.paper.front.get("date"):
                header.append((self.paper.front["date"], style.header_align(page)))
        number = style.page_number(PAGE_STAND_IN, TOTAL_STAND_IN)
        footer = [(number, style.footer_align(page))] if number else []
        return header, footer

    def fill(self, part: BlockItemContainer, lines: list[tuple[str, str]], style_name: str) -> None:
        for index, (text, align) in enumerate(lines):
            paragraph = part.paragraphs[0] if index == 0 else part.add_paragraph()
            self.set_style(paragraph, style_name)
            paragraph.alignment = ALIGNMENTS[align]
            self.add_fielded_text(paragraph, text)

    def set_up_running_heads(self, section: Section) -> None:
        style = self.style
        section.different_first_page_header_footer = True
        # the cover's own header and footer stay empty
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False
        alternate = "alternate" in (style.header_side, style.footer_side)
        self.document.settings.odd_and_even_pages_header_footer = alternate
        parts = [(3, section.header, section.footer)]
        if alternate:
            parts.append((2, section.even_page_header, section.even_page_footer))
        for page, header, footer in parts:
            header_lines, footer_lines = self.running_lines(page)
            if header_lines:
                header.is_linked_to_previous = False
                self.fill(header, header_lines, "Header")
            if footer_lines:
                footer.is_linked_to_previous = False
                self.fill(footer, footer_lines, "Footer")

    # text and footnotes -----------------------------------------------------------------------
    def mark_run(self, content: BaseOxmlElement) -> BaseOxmlElement:
        """A run of the text holding a footnote reference or mark, raised by direct formatting: the
        Footnote Reference style is raised only when the notes' own labels are (LibreOffice sets those
        in that style too)."""
        run = w("r")
        properties = w("rPr")
        properties.append(w("rStyle", val=self.style_ids["Footnote Reference"]))
        properties.append(w("vertAlign", val="superscript"))
        run.append(properties)
        run.append(content)
        return run

    def add_footnote(self, label: str) -> list[BaseOxmlElement]:
        """Write footnote `label` into the footnotes part; return the runs that cite it in the text."""
        note_id = str(len(self.note_ids) + 1)
        self.note_ids[label] = note_id
        paragraph = w("p")
        properties = w("pPr")
        properties.append(w("pStyle", val=self.style_ids["Footnote Text"]))
        paragraph.append(properties)
        # a custom mark too: LibreOffice 7.4 prints a note's mark itself and would print a literal one twice
        mark = w("r")
        mark_properties = w("rPr")
        mark_properties.append(w("rStyle", val=self.style_ids["Footnote Reference"]))
        mark.append(mark_properties)
        mark.append(w("footnoteRef"))
        tab = w("r")
        tab.append(w("tab"))
        paragraph.extend([mark, tab, text_run(self.paper.footnotes[label])])
        note = w("footnote", id=note_id)
        note.append(paragraph)
        self.notes.append(note)
        if label.isdigit() and self.automatic_numbers:
            return [self.mark_run(w("footnoteReference", id=note_id))]
        # the runs after a custom-mark reference are printed in its place; one run per character, as
        # LibreOffice 7.4 takes a longer run for text and numbers the note
        return [self.mark_run(w("footnoteReference", customMarkFollows="1", id=note_id))] + [
            self.mark_run(text_element(character)) for character in label
        ]

    def add_text(self, paragraph: Paragraph, text: str) -> None:
        """Text with its markers: a first citation is a footnote reference, a later one a raised label."""
        position = 0
        for match in MARKER.finditer(text):
            if match.start() > position:
                paragraph.add_run(text[position : match.start()])
            label = match.group(1)
            if label in self.note_ids:
                paragraph._p.append(self.mark_run(text_element(label)))
            else:
                paragraph._p.extend(self.add_footnote(label))
            position = match.end()
        if position < len(text):
            paragraph.add_run(text[position:])

    def paragraph(self, style_name: str, text: str = "", label: str = "", separator: str = "\t") -> Paragraph:
        paragraph = self.document.add_paragraph()
        self.set_style(paragraph, style_name)
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
            self.break_before = False
        if label:
            paragraph.add_run(label + separator)
        self.add_text(paragraph, text)
        return paragraph

    def resolution_block(self, block: SourceBlock) -> None:
        """NAME, PRE and OP in their clause styles (an OP's number, a tab, the text), the lead an italic run;
        DEC in its hanging bold style; ADOPT's lines broken by Word line breaks."""
        if block.tag == "DEC":
            # a number wider than the hang goes on with a space, as a typist sets it (LibreOffice would
            # jam the title against it, where Word goes on to its next default stop)
            wide = len(block.label) * BOLD_ADVANCE * self.style.heading_size > self.style.resolution.dec_hang
            self.paragraph("Decision Title", block.text, block.label, " " if wide else "\t")
            return
        if block.tag == "ADOPT":
            paragraph = self.paragraph("Adoption Line")
            for index, line in enumerate(block.printed_lines):
                if index:
                    paragraph.add_run().add_break()
                self.add_text(paragraph, line)
            return
        lead, rest = block.lead_and_rest(self.paper.language)
        # a numbered clause (an OP, or a PRE where the body numbers its preamble) sets its number on the tab stop
        style_name = "Operative Clause" if block.label else RESOLUTION_STYLES[block.tag]
        paragraph = self.paragraph(style_name, "", block.label)
        if lead:
            paragraph.add_run(lead).italic = True
        self.add_text(paragraph, rest)

    def block(self, block: SourceBlock) -> None:
        if block.tag in RESOLUTION_TAGS:
            self.resolution_block(block)
        elif block.tag == "P":
            if not block.label:
                self.paragraph("Body Text", block.text)
            else:
                separator = " " if self.style.numbering == "inline" else "\t"
                self.paragraph("Numbered Paragraph", block.text, block.label, separator)
        elif block.tag == "Q":
            self.paragraph("Numbered Quote" if block.label else "Quote Text", block.text, block.label)
        else:
            self.paragraph(BLOCK_STYLES[block.tag], block.text, block.printed_label)

    # tables ------------------------------------------------------------------------------------
    def new_table(self, columns: int, shares: list[float], edges: set[str]) -> Table:
        if self.break_before:
            # an empty paragraph takes the page break: Word has none for a table
            self.paragraph("Table Text")
        table = self.document.add_table(rows=0, cols=columns)
        table.autofit = False
        width = self.style.text_width
        for column, share in zip(table.columns, shares):
            column.width = Pt(width * share)
        properties = table._tbl.tblPr
        table_width = properties.find(qn("w:tblW"))
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), twips(width))
        borders = w("tblBorders")
        for edge in TABLE_EDGES:
            if edge in edges:
                borders.append(w(edge, val="single", sz="4", space="0", color="auto"))
            else:
                borders.append(w(edge, val="nil"))
        properties.insert_element_before(borders, *AFTER_TABLE_BORDERS)
        margins = w("tblCellMar")
        for edge, points in (("top", 1.5), ("left", 3.0), ("bottom", 1.5), ("right", 3.0)):
            margins.append(w(edge, w=twips(points), type="dxa"))
        properties.insert_element_before(margins, *AFTER_CELL_MARGINS)
        return table

    def table(self, source: SourceTable) -> None:
        shares = source.column_shares()
        table = self.new_table(source.column_count, shares, RULED_EDGES[self.style.table_borders])
        for is_head, cells in [(True, row) for row in source.head_rows] + [(False, row) for row in source.rows]:
            row = table.add_row()
            if is_head:
                row._tr.get_or_add_trPr().append(w("tblHeader"))
            for cell, share, text in zip(row.cells, shares, cells + [""] * (source.column_count - len(cells))):
                cell.width = Pt(self.style.text_width * share)
                paragraph = cell.paragraphs[0]
                self.set_style(paragraph, "Table Text")
                self.add_text(paragraph, text)

    # cover -----------------------------------------------------------------------------------
    def masthead_line(self, paragraph: Paragraph, line: Line) -> None:
        run = paragraph.add_run(line.text)
        run.bold = line.bold or None
        run.italic = line.italic or None
        run.font.size = half_points(line.size(self.style.body_size))

    def un_cover(self) -> None:
        """The UN masthead (un_masthead): a borderless two-column table ruled below, the session lines,
        then the sponsors or adoption lines and the title indented."""
        head = masthead(self.paper)
        table = self.new_table(2, [0.6, 0.4], {"bottom"})
        cells = table.add_row().cells
        for cell, lines, style_name in ((cells[0], head.left, "Masthead Left"), (cells[1], head.right, "Masthead Right")):
            for index, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                self.set_style(paragraph, style_name)
                self.masthead_line(paragraph, line)
        self.paragraph("Masthead Below")  # the room under the rule
        for line in head.below:
            self.masthead_line(self.paragraph("Masthead Below"), line)
        self.paragraph("Masthead Below")
        for line in head.lead + head.title:
            self.masthead_line(self.paragraph("Masthead Lead"), line)

    def cover(self) -> None:
        if has_masthead(self.paper):
            self.un_cover()
            return
        front = self.paper.front
        masthead_right = [(name, front[key]) for key, name in COVER_RIGHT if front.get(key)]
        if self.style.cover == "masthead_table":
            table = self.new_table(2, [0.6, 0.4], set())
            left, right = table.add_row().cells
            self.set_style(left.paragraphs[0], "Cover Masthead")
            left.paragraphs[0].add_run(front.get("organization", ""))
            for index, (style_name, text) in enumerate(masthead_right):
                paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
                self.set_style(paragraph, style_name)
                paragraph.add_run(text)
        elif self.style.cover == "two_columns":
            self.two_column_masthead(masthead_right)
        else:
            for style_name, text in masthead_right + [("Cover Organization", front.get("organization", ""))]:
                if text:
                    self.paragraph(style_name, text)
        for key, style_name in COVER_BELOW:
            if front.get(key):
                self.paragraph(style_name, front[key])

    def two_column_masthead(self, right: list[tuple[str, str]]) -> None:
        """Organization on the left, symbol and date on the right, as two columns set with a right-aligned
        tab stop: one line holds both columns. (A two-column section would do too, but LibreOffice 7.4
        then keeps its default footnote rule when the document has none.)"""
        left = [("Cover Masthead", self.paper.front.get("organization", ""))]
        for (left_style, left_text), (right_style, right_text) in zip_longest(left, right, fillvalue=("", "")):
            paragraph = self.paragraph("Cover Columns")
            self.add_column_run(paragraph, left_text, left_style)
            paragraph.add_run("\t")
            self.add_column_run(paragraph, right_text, right_style)

    def add_column_run(self, paragraph: Paragraph, text: str, style_name: str) -> None:
        # a paragraph has one style: a column's look goes on its run
        run = paragraph.add_run(text)
        if style_name:
            look = self.looks[style_name]
            run.bold = look.bold or None
            run.font.size = half_points(look.size) if look.size else None

    # the whole document ------------------------------------------------------------------------
    def separators(self) -> list[BaseOxmlElement]:
        """The separator and continuation-separator notes (w:id -1 and 0) in the style's footnote rule."""
        notes = []
        for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
            paragraph = w("p")
            properties = w("pPr")
            properties.append(w("spacing", after="0", line="240", lineRule="auto"))
            paragraph.append(properties)
            if self.style.footnote_rule == "line":
                run = w("r")
                run.append(w(kind))
                paragraph.append(run)
            elif self.style.footnote_rule == "underscores":
                size = self.style.note_size
                length = self.style.footnote_rule_share * self.style.text_width
                run = text_run("_" * round(length / (character_width(self.style, "_") * size)))
                run_properties = w("rPr")
                run_properties.append(w("sz", val=str(round(size * 2))))
                run.insert(0, run_properties)
                paragraph.append(run)
            note = w("footnote", type=kind, id=note_id)
            note.append(paragraph)
            notes.append(note)
        return notes

    def add_footnotes_part(self) -> None:
        for position, note in enumerate(self.separators()):
            self.notes.insert(position, note)
        document_part = self.document.part
        part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, self.notes, document_part.package)
        document_part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)

    def build(self) -> WordDocument:
        self.define_styles()
        self.define_settings()
        self.set_up_running_heads(self.set_up_page())
        self.document.core_properties.title = self.paper.front["title"]
        self.cover()
        for element in self.paper.elements:
            if isinstance(element, PageBreak):
                self.break_before = True
            elif isinstance(element, SourceTable):
                self.table(element)
            else:
                self.block(element)
        self.add_footnotes_part()
        return self.document


def build_docx(paper: PaperSource, style: LayoutStyle) -> WordDocument:
    return DocxWriter(paper, style).build()


def convert_to_pdf(source: Path, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
    work = source.parent
    profile = f"-env:UserInstallation=file://{work}/profile"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True,
        capture_output=True,
        timeout=SOFFICE_TIMEOUT,
    )
    shutil.move(work / f"{source.stem}.pdf", target)


def render_docx(paper: PaperSource, target: Path, style: LayoutStyle) -> None:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{target.stem}.docx"
        build_docx(paper, style).save(str(source))
        convert_to_pdf(source, target)
