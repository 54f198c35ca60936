"""Render a paper source to PDF through LibreOffice, in the layout a LayoutStyle fixes: write a flat ODF
text document (.fodt) with real header, footer, footnote and table objects, then convert it with
`soffice --headless`.

This producer differs from the fpdf2 one on purpose: LibreOffice breaks and justifies the lines,
hyphenates, places the footnotes and sets each character in the Western or the Asian font by its
script (style:font-name and style:font-name-asian); hanging labels are followed by tabs. Without a
style the corpus layout is drawn (CORPUS_STYLE): A4, justified, hanging numbers, the symbol alone in
a header alternating sides and the page number in a centred footer.

What ODF cannot say: a footnote separator of underscores (style:footnote-sep is a line or nothing)
is drawn as a solid line; the leading is LibreOffice's proportional line spacing, a multiple of the
font's own line height rather than of its size, as in Word.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from layout_style import CJK_FONTS, LATIN_FONTS, LayoutStyle
from paper_source import MARKER, RESOLUTION_TAGS, PageBreak, PaperSource, SourceBlock, SourceTable
from un_masthead import Line, has_masthead, masthead

NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in {
        "office": "office:1.0",
        "style": "style:1.0",
        "text": "text:1.0",
        "table": "table:1.0",
        "fo": "xsl-fo-compatible:1.0",
        "svg": "svg-compatible:1.0",
    }.items()
)
CM = 72 / 2.54  # points in a centimetre: LayoutStyle measures in points, the corpus layout was set in cm

HEAD_DISTANCE = 1.3 * CM  # from the page edge to the header (footer), when the top (bottom) margin allows
HEAD_HEIGHT = 0.5 * CM  # the header's (footer's) least height; a taller one pushes the body
HEAD_GAP = 0.2 * CM  # the least room between the header (footer) and the body
COVER_TOP = 0.2 * CM  # the cover has no header: its text starts this far below the header's place
COVER_BOTTOM = 0.7 * CM  # and ends this far above the footer's
BULLET_HANG = 0.63 * CM  # from a bullet to its text
H1_EXTRA_AFTER = 0.05 * CM  # a centred heading stands a little apart from the text below it
LABEL_EM = 0.6  # an upper bound of a paragraph number's width per character, in ems (digits are 0.5-0.64 em)
LABEL_GAP = 2.0  # points between a margin number and the text
CONVERSION_TIMEOUT = 90  # seconds; a conversion takes 2 to 20 s
CORPUS_STYLE = LayoutStyle(
    seed=-1,  # not drawn: the layout of the committed corpus
    page="A4",
    margin_left=2.5 * CM,
    margin_right=2.5 * CM,
    margin_top=HEAD_DISTANCE + HEAD_HEIGHT + 0.8 * CM,
    margin_bottom=HEAD_DISTANCE + HEAD_HEIGHT + 0.6 * CM,
    latin_font=LATIN_FONTS[0],
    cjk_font=CJK_FONTS[0],
    body_size=11.0,
    note_size=9.0,
    heading_size=12.0,
    leading=1.25,
    paragraph_space=0.25 * CM,
    numbering="hanging",
    number_format="{n}.",
    first_line_indent=0.0,
    hanging_indent=1.27 * CM,
    margin_number_offset=0.0,
    quote_indent=1.27 * CM,
    item_indent=1.27 * CM,
    item_hang=1.27 * CM,
    bullet_indent=1.27 * CM - BULLET_HANG,
    justify=True,
    hyphenate=True,
    header_content="symbol",
    header_side="alternate",
    header_date=False,
    page_number_format="{n}",
    footer_side="centre",
    footnote_rule="line",
    footnote_label="plain",
    footnote_rule_share=0.25,
    table_borders="grid",
    table_size=8.5,
    cover="stacked",
)
ALIGN = {"left": "start", "right": "end", "centre": "center"}
CELL_BORDERS = {
    "grid": 'fo:border="0.5pt solid #000000"',
    "horizontal": 'fo:border-top="0.5pt solid #000000" fo:border-bottom="0.5pt solid #000000" fo:border-left="none" fo:border-right="none"',
    "none": 'fo:border="none"',
}
COVER_TEXT = {  # front-matter key: (size above the body size, bold, alignment when stacked, space below in cm)
    "symbol": (1.0, True, "end", 0.0),
    "date": (-1.0, False, "end", 0.3),
    "organization": (-1.0, True, "start", 0.6),
    "agenda_item": (0.0, False, "start", 0.25),
    "session": (0.0, True, "center", 0.25),
    "dates_place": (0.0, False, "center", 0.4),
    "title": (3.0, True, "center", 0.6),
}
COVER_RULE = 'fo:border-bottom="1pt solid #000000" fo:padding-bottom="0.15cm"'
PAGE_FIELDS = {"{n}": '<text:page-number text:select-page="current">1</text:page-number>', "{total}": "<text:page-count>1</text:page-count>"}
TAG_STYLES = {"H1": "Heading1", "H2": "Heading2", "H3": "Heading3", "L1": "Item1", "L2": "Item2", "B": "Bullet"}


def cm(points: float) -> str:
    return f"{points / CM:.3f}cm"


def text_properties(size: float | None = None, bold: bool = False, italic: bool = False) -> str:
    """Text properties for both the Western and the Asian font."""
    properties = []
    if bold:
        properties.append('fo:font-weight="bold" style:font-weight-asian="bold"')
    if italic:
        properties.append('fo:font-style="italic" style:font-style-asian="italic"')
    if size is not None:
        properties.append(f'fo:font-size="{size:g}pt" style:font-size-asian="{size:g}pt"')
    return " ".join(properties)


def paragraph_style(name: str, paragraph: str, text: str = "", master: bool = False) -> str:
    master_page = ' style:master-page-name="First_20_Page"' if master else ""
    return (
        f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Standard"{master_page}>'
        f"<style:paragraph-properties {paragraph}/><style:text-properties {text}/></style:style>"
    )


def page_text(template: str) -> str:
    """A header or footer text with {n} and {total} as LibreOffice's page number and page count fields."""
    return "".join(PAGE_FIELDS.get(part) or escape(part) for part in re.split(r"(\{n\}|\{total\})", template))


class OdtWriter:
    def __init__(self, paper: PaperSource, style: LayoutStyle, repeat_heads: bool = True) -> None:
        self.paper = paper
        self.style = style
        self.repeat_heads = repeat_heads  # a table's HEAD rows repeat on each page it runs over
        self.cited: set[str] = set()
        self.cover_styles: dict[str, str] = {}  # name: style XML, made as the cover asks for them

    # styles ----------------------------------------------------------------------------------
    def margin_number_hang(self) -> float:
        """How far left of the text margin numbers start: the style's offset, more if the widest needs it.

        A number wider than its room would tab on into the text, so its width is estimated from above.
        """
        labels = [block.label for block in self.paper.blocks if block.tag == "P" and block.label]
        widest = max((len(label) for label in labels), default=0) * LABEL_EM * self.style.body_size
        return max(self.style.margin_number_offset, widest + LABEL_GAP)

    def paragraph_styles(self) -> dict[str, tuple[str, str]]:
        """name: (paragraph properties, text properties)"""
        s = self.style
        align = "justify" if s.justify else "start"
        space = f'fo:margin-bottom="{cm(s.paragraph_space)}"'

        def hanging(text_x: float, hang: float) -> str:
            return f'fo:text-align="{align}" fo:margin-left="{cm(text_x)}" fo:text-indent="{cm(-hang)}" {space}'

        if s.numbering == "hanging":
            numbered = hanging(s.hanging_indent, s.hanging_indent)
        elif s.numbering == "inline":
            numbered = f'fo:text-align="{align}" fo:margin-left="0cm" fo:text-indent="{cm(s.first_line_indent)}" {space}'
        else:
            numbered = hanging(0.0, self.margin_number_hang())
        note = text_properties(s.note_size)
        return {
            "Body": (f'fo:text-align="{align}" fo:margin-top="0cm" {space} fo:text-indent="{cm(s.first_line_indent)}"', ""),
            "Numbered": (numbered, ""),
            # a quote starts at the quote indent; a numbered one hangs its number there
            "Quote": (hanging(s.quote_indent + s.item_hang, s.item_hang), ""),
            "QuoteText": (f'fo:text-align="{align}" fo:margin-left="{cm(s.quote_indent)}" {space}', ""),
            "Item1": (hanging(s.item_indent + s.item_hang, s.item_hang), ""),
            "Item2": (hanging(s.item_indent + 2 * s.item_hang, s.item_hang), ""),
            "Bullet": (hanging(s.bullet_indent + BULLET_HANG, BULLET_HANG), ""),
            "Heading1": (
                f'fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="{cm(s.paragraph_space + H1_EXTRA_AFTER)}" fo:keep-with-next="always"',
                text_properties(s.heading_size, bold=True),
            ),
            "Heading2": (f'fo:margin-top="0.15cm" {space} fo:keep-with-next="always"', text_properties(bold=True)),
            "Heading3": (f'{space} fo:keep-with-next="always"', text_properties(italic=True)),
            "PageBreak": ('fo:break-before="page" fo:margin-bottom="0cm"', text_properties(2)),
            "Footnote": ('fo:margin-left="0.4cm" fo:text-indent="-0.4cm"', note),
            "Header": (f'fo:text-align="{ALIGN[s.header_align(1)]}"', note),
            "HeaderLeft": (f'fo:text-align="{ALIGN[s.header_align(2)]}"', note),
            "Footer": (f'fo:text-align="{ALIGN[s.footer_align(1)]}"', note),
            "FooterLeft": (f'fo:text-align="{ALIGN[s.footer_align(2)]}"', note),
            "TableText": ('fo:text-align="start"', text_properties(s.table_size)),
        }

    def styles_xml(self) -> str:
        s = self.style
        hyphenate = (
            'fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"'
            if self.paper.language == "en" and s.hyphenate
            else ""
        )
        # LibreOffice 7.4 leaves hanging punctuation (a 。 pushed into the margin) out of the PDF entirely
        default = (
            f'<style:default-style style:family="paragraph">'
            f'<style:paragraph-properties fo:line-height="{s.leading * 100:g}%" style:punctuation-wrap="simple"/>'
            f'<style:text-properties style:font-name="{s.latin_font.family}" fo:font-size="{s.body_size:g}pt" fo:language="en" fo:country="US" '
            f'style:font-name-asian="{s.cjk_font.family}" style:font-size-asian="{s.body_size:g}pt" style:language-asian="zh" style:country-asian="CN" {hyphenate}/>'
            f"</style:default-style>"
        )
        styles = [default, '<style:style style:name="Standard" style:family="paragraph"/>']
        styles += [paragraph_style(name, paragraph, text) for name, (paragraph, text) in self.paragraph_styles().items()]
        superscript = 'style:text-position="super 58%"'
        styles.append(f'<style:style style:name="Marker" style:family="text"><style:text-properties {superscript}/></style:style>')
        label = superscript if s.footnote_label == "superscript" else ""
        styles.append(f'<style:style style:name="FootnoteLabel" style:family="text"><style:text-properties {label}/></style:style>')
        # LibreOffice reads text:citation-style-name as the style of the label in the footnote area (ODF
        # says: of the citation in the text), and text:citation-body-style-name as that of the marker
        styles.append(
            '<text:notes-configuration text:note-class="footnote" text:citation-style-name="FootnoteLabel" '
            'style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>'
        )
        if self.paper.is_resolution:
            styles.append(self.resolution_styles())
        return "".join(styles)

    def resolution_styles(self) -> str:
        """The styles of a resolution's own blocks, added to a resolution only (the other papers' documents
        stay as they were): clauses after the clause indent, an OP's number before a tab stop, the lead in
        an italic span, DEC bold with a hanging number, ADOPT flush right or indented."""
        s, r = self.style, self.style.resolution
        align = "justify" if s.justify else "start"
        space = f'fo:margin-bottom="{cm(s.paragraph_space)}"'
        clause = f'fo:text-align="{align}" fo:margin-left="0cm" fo:text-indent="{cm(r.clause_indent)}" {space}'
        if r.adopt_place == "right":
            adoption = f'fo:text-align="end" {space}'
        else:
            adoption = f'fo:text-align="start" fo:margin-left="{cm(s.text_width * r.adopt_indent)}" {space}'
        decision = (
            f'fo:text-align="start" fo:margin-left="{cm(r.dec_hang)}" fo:text-indent="{cm(-r.dec_hang)}" '
            f'fo:margin-top="0.3cm" {space} fo:keep-with-next="always"'
        )
        styles = [
            paragraph_style("Clause", clause),
            paragraph_style("Adoption", adoption),
            paragraph_style("Decision", decision, text_properties(s.heading_size, bold=True)),
            # the tab stop where an operative clause's text starts after its number
            '<style:style style:name="Operative" style:family="paragraph" style:parent-style-name="Standard">'
            f"<style:paragraph-properties {clause}><style:tab-stops>"
            f'<style:tab-stop style:position="{cm(r.clause_indent + r.number_box)}"/></style:tab-stops>'
            "</style:paragraph-properties></style:style>",
            f'<style:style style:name="Lead" style:family="text"><style:text-properties {text_properties(italic=True)}/></style:style>',
        ]
        return "".join(styles)

    def page_layouts(self) -> str:
        s = self.style
        width, height = s.page_size
        margins = f'fo:page-width="{cm(width)}" fo:page-height="{cm(height)}" fo:margin-left="{cm(s.margin_left)}" fo:margin-right="{cm(s.margin_right)}"'
        rule = "none" if s.footnote_rule == "none" else "solid"  # underscores: ODF has no such separator
        separator = (
            '<style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.2cm" style:distance-after-sep="0.15cm" '
            f'style:line-style="{rule}" style:adjustment="left" style:rel-width="{s.footnote_rule_share * 100:g}%" style:color="#000000"/>'
        )
        # the header (footer) stands HEAD_DISTANCE from the edge, nearer if the margin is too small for it
        header_at = min(HEAD_DISTANCE, s.margin_top - HEAD_HEIGHT - HEAD_GAP)
        footer_at = min(HEAD_DISTANCE, s.margin_bottom - HEAD_HEIGHT - HEAD_GAP)
        top = header_at if self.header_template() else s.margin_top
        bottom = footer_at if s.page_number_format else s.margin_bottom
        return (
            f'<style:page-layout style:name="Pages"><style:page-layout-properties {margins} fo:margin-top="{cm(top)}" fo:margin-bottom="{cm(bottom)}">'
            f"{separator}</style:page-layout-properties>"
            '<style:header-style><style:header-footer-properties fo:min-height="0.5cm" '
            f'fo:margin-bottom="{cm(s.margin_top - header_at - HEAD_HEIGHT)}"/></style:header-style>'
            '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" '
            f'fo:margin-top="{cm(s.margin_bottom - footer_at - HEAD_HEIGHT)}"/></style:footer-style>'
            "</style:page-layout>"
            f'<style:page-layout style:name="Cover"><style:page-layout-properties {margins} '
            f'fo:margin-top="{cm(header_at + COVER_TOP)}" fo:margin-bottom="{cm(footer_at + COVER_BOTTOM)}">'
            f"{separator}</style:page-layout-properties></style:page-layout>"
        )

    def header_template(self, page: int = 1) -> str:
        """The running header's text on page `page`'s side, {n} for the page number ("" for none)."""
        s = self.style
        if s.header_content == "none" or not self.paper.running_header:
            return ""
        symbol = self.paper.running_header
        if s.header_content == "symbol":
            return symbol
        # the page number on the outer side
        return f"{{n}} {symbol}" if s.header_align(page) == "left" else f"{symbol} {{n}}"

    def master_pages(self) -> str:
        s = self.style
        date = self.paper.front.get("date", "") if s.header_date else ""

        def head(element: str, style_name: str, template: str, extra: str = "") -> str:
            lines = [page_text(template)] + ([escape(extra)] if extra else [])
            return f"<style:{element}>" + "".join(f'<text:p text:style-name="{style_name}">{line}</text:p>' for line in lines) + f"</style:{element}>"

        parts = []
        if self.header_template():
            parts.append(head("header", "Header", self.header_template(1), date))
            if s.header_align(2) != s.header_align(1):
                parts.append(head("header-left", "HeaderLeft", self.header_template(2), date))
        if s.page_number_format:
            parts.append(head("footer", "Footer", s.page_number_format))
            if s.footer_align(2) != s.footer_align(1):
                parts.append(head("footer-left", "FooterLeft", s.page_number_format))
        return (
            f'<style:master-page style:name="Standard" style:page-layout-name="Pages">{"".join(parts)}</style:master-page>'
            '<style:master-page style:name="First_20_Page" style:display-name="First Page" '
            'style:page-layout-name="Cover" style:next-style-name="Standard"/>'
        )

    # content ---------------------------------------------------------------------------------
    def inline(self, text: str, note_style: str = "Footnote") -> str:
        """Escape text; the first citation of a footnote becomes a note, later ones a superscript."""
        parts: list[str] = []
        position = 0
        for match in MARKER.finditer(text):
            parts.append(escape(text[position : match.start()]))
            label = match.group(1)
            if label in self.cited:
                parts.append(f'<text:span text:style-name="Marker">{escape(label)}</text:span>')
            else:
                self.cited.add(label)
                custom = "" if label.isdigit() else f' text:label="{escape(label)}"'
                body = escape(self.paper.footnotes[label])
                parts.append(
                    f'<text:note text:note-class="footnote"><text:note-citation{custom}>{escape(label)}</text:note-citation>'
                    f'<text:note-body><text:p text:style-name="{note_style}">{body}</text:p></text:note-body></text:note>'
                )
            position = match.end()
        parts.append(escape(text[position:]))
        return "".join(parts)

    def paragraph(self, style: str, text: str, label: str = "", after_label: str = "<text:tab/>") -> str:
        lead = f"{escape(label)}{after_label}" if label else ""
        return f'<text:p text:style-name="{style}">{lead}{self.inline(text)}</text:p>'

    def resolution_block(self, block: SourceBlock) -> str:
        if block.tag == "DEC":
            return self.paragraph("Decision", block.text, block.label)
        if block.tag == "ADOPT":
            lines = "<text:line-break/>".join(self.inline(line) for line in block.printed_lines)
            return f'<text:p text:style-name="Adoption">{lines}</text:p>'
        lead, rest = block.lead_and_rest(self.paper.language)
        label = f"{escape(block.label)}<text:tab/>" if block.label else ""
        italic = f'<text:span text:style-name="Lead">{self.inline(lead)}</text:span>' if lead else ""
        style = "Operative" if block.label and block.tag in ("PRE", "OP") else "Clause"
        return f'<text:p text:style-name="{style}">{label}{italic}{self.inline(rest)}</text:p>'

    def block(self, block: SourceBlock) -> str:
        if block.tag in RESOLUTION_TAGS:
            return self.resolution_block(block)
        if block.tag == "B":
            return self.paragraph("Bullet", block.text, block.printed_label)
        if block.tag in ("P", "Q"):
            if not block.label:
                return self.paragraph("Body" if block.tag == "P" else "QuoteText", block.text)
            if block.tag == "P" and self.style.numbering == "inline":
                return self.paragraph("Numbered", block.text, block.label, " ")
            return self.paragraph("Numbered" if block.tag == "P" else "Quote", block.text, block.label)
        return self.paragraph(TAG_STYLES[block.tag], block.text, block.label)

    def table(self, table: SourceTable, number: int) -> tuple[str, str]:
        columns = table.column_count
        width = self.style.text_width / CM
        styles = [
            f'<style:style style:name="Table{number}" style:family="table"><style:table-properties '
            f'style:width="{width:.3f}cm" table:align="margins"/></style:style>',
        ]
        columns_xml = []
        for index, share in enumerate(table.column_shares()):
            name = f"Table{number}.C{index}"
            styles.append(
                f'<style:style style:name="{name}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width * share:.3f}cm"/></style:style>'
            )
            columns_xml.append(f'<table:table-column table:style-name="{name}"/>')

        def row(cells: list[str]) -> str:
            padded = cells + [""] * (columns - len(cells))
            return "<table:table-row>" + "".join(
                f'<table:table-cell table:style-name="Cell" office:value-type="string">'
                f'<text:p text:style-name="TableText">{self.inline(cell)}</text:p></table:table-cell>'
                for cell in padded
            ) + "</table:table-row>"

        head = "".join(row(cells) for cells in table.head_rows)
        if self.repeat_heads:
            head = f"<table:table-header-rows>{head}</table:table-header-rows>"
        body = "".join(row(cells) for cells in table.rows)
        xml = f'<table:table table:name="Table{number}" table:style-name="Table{number}">{"".join(columns_xml)}{head}{body}</table:table>'
        return xml, "".join(styles)

    def cover_paragraph(self, key: str, align: str = "", master: bool = False, rule: bool = False) -> str:
        """A front-matter entry in its COVER_TEXT size and weight, aligned as stacked unless `align` says."""
        size_above, bold, stacked_align, space = COVER_TEXT[key]
        align = align or stacked_align
        name = f"Cover_{key}_{align}" + ("_first" if master else "")
        paragraph = f'fo:text-align="{align}" fo:margin-bottom="{space}cm"' + (f" {COVER_RULE}" if rule else "")
        self.cover_styles[name] = paragraph_style(name, paragraph, text_properties(self.style.body_size + size_above, bold), master)
        return f'<text:p text:style-name="{name}">{escape(self.paper.front.get(key, ""))}</text:p>'

    def cover_columns(self, left: tuple[str, ...], right: tuple[str, ...], shares: tuple[float, float]) -> str:
        """Front-matter entries in two borderless columns over a rule: a one-row table, which starts the cover page."""
        width = self.style.text_width / CM
        self.cover_styles["CoverTable"] = (
            '<style:style style:name="CoverTable" style:family="table" style:master-page-name="First_20_Page">'
            f'<style:table-properties style:width="{width:.3f}cm" table:align="margins" fo:margin-bottom="0.6cm"/></style:style>'
        )
        self.cover_styles["CoverCell"] = (
            '<style:style style:name="CoverCell" style:family="table-cell">'
            f'<style:table-cell-properties fo:padding-left="0cm" fo:padding-right="0cm" {COVER_RULE}/></style:style>'
        )
        columns = "".join(f'<table:table-column table:style-name="CoverTable.C{index}"/>' for index in range(2))
        for index, share in enumerate(shares):
            self.cover_styles[f"CoverTable.C{index}"] = (
                f'<style:style style:name="CoverTable.C{index}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width * share:.3f}cm"/></style:style>'
            )
        cells = "".join(
            '<table:table-cell table:style-name="CoverCell" office:value-type="string">'
            + "".join(self.cover_paragraph(key, align) for key in keys if self.paper.front.get(key))
            + "</table:table-cell>"
            for keys, align in ((left, "start"), (right, "end"))
        )
        return f'<table:table table:name="Cover" table:style-name="CoverTable">{columns}<table:table-row>{cells}</table:table-row></table:table>'

    def un_paragraph(self, line: Line, align: str, margins: str = "", space: float = 0.0) -> str:
        name = f"UN_{line.role}_{align}"
        paragraph = f'fo:text-align="{align}" fo:margin-bottom="{space:.2f}cm" {margins}'
        # a masthead line is never hyphenated
        text = text_properties(line.size(self.style.body_size), line.bold, line.italic) + ' fo:hyphenate="false"'
        self.cover_styles[name] = paragraph_style(name, paragraph, text)
        return f'<text:p text:style-name="{name}">{escape(line.text)}</text:p>'

    def un_cover(self) -> str:
        """The UN masthead (un_masthead): a two-column table ruled below, which starts the cover page; the
        session lines in the left half; the sponsors or adoption lines and the title indented."""
        head = masthead(self.paper)
        width = self.style.text_width / CM
        self.cover_styles["CoverTable"] = (
            '<style:style style:name="CoverTable" style:family="table" style:master-page-name="First_20_Page">'
            f'<style:table-properties style:width="{width:.3f}cm" table:align="margins" fo:margin-bottom="0.5cm"/></style:style>'
        )
        self.cover_styles["CoverCell"] = (
            '<style:style style:name="CoverCell" style:family="table-cell">'
            f'<style:table-cell-properties fo:padding-left="0cm" fo:padding-right="0cm" style:vertical-align="bottom" {COVER_RULE}/></style:style>'
        )
        for index, share in enumerate((0.6, 0.4)):
            self.cover_styles[f"CoverTable.C{index}"] = (
                f'<style:style style:name="CoverTable.C{index}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width * share:.3f}cm"/></style:style>'
            )
        columns = "".join(f'<table:table-column table:style-name="CoverTable.C{index}"/>' for index in range(2))
        cells = "".join(
            '<table:table-cell table:style-name="CoverCell" office:value-type="string">'
            + "".join(self.un_paragraph(line, align) for line in lines)
            + "</table:table-cell>"
            for lines, align in ((head.left, "start"), (head.right, "end"))
        )
        parts = [f'<table:table table:name="Cover" table:style-name="CoverTable">{columns}<table:table-row>{cells}</table:table-row></table:table>']
        right = f'fo:margin-right="{cm(self.style.text_width * 0.45)}"'
        parts += [self.un_paragraph(line, "start", right, 0.1) for line in head.below]
        indent = f'fo:margin-left="{cm(self.style.resolution.dec_hang)}" fo:margin-top="0.3cm"'
        parts += [self.un_paragraph(line, "start", indent, 0.2) for line in head.lead + head.title]
        return "".join(parts)

    def cover(self) -> str:
        """The front matter in the style's cover layout; its first element starts the cover page."""
        if has_masthead(self.paper):
            return self.un_cover()
        front = self.paper.front
        tail: tuple[str, ...] = ("agenda_item", "session", "dates_place", "title")
        if self.style.cover == "stacked":
            # the symbol line stands even when empty: it carries the cover page
            parts = [self.cover_paragraph("symbol", master=True)]
            parts += [self.cover_paragraph(key, rule=key == "organization") for key in ("date", "organization") if front.get(key)]
        elif self.style.cover == "masthead_table":
            parts = [self.cover_columns(("organization",), ("symbol", "date"), (0.6, 0.4))]
        else:
            parts = [self.cover_columns(("organization", "session", "dates_place"), ("symbol", "date", "agenda_item"), (0.5, 0.5))]
            tail = ("title",)
        parts += [self.cover_paragraph(key) for key in tail if front.get(key)]
        return "".join(parts)

    def document(self) -> str:
        body = [self.cover()]
        table_styles = [
            f'<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
            f'{CELL_BORDERS[self.style.table_borders]} fo:padding="0.08cm"/></style:style>'
        ]
        tables = 0
        for element in self.paper.elements:
            if isinstance(element, PageBreak):
                body.append('<text:p text:style-name="PageBreak"/>')
            elif isinstance(element, SourceTable):
                tables += 1
                xml, styles = self.table(element, tables)
                body.append(xml)
                table_styles.append(styles)
            else:
                body.append(self.block(element))
        families = dict.fromkeys((self.style.latin_font.family, self.style.cjk_font.family))
        fonts = "".join(f'<style:font-face style:name="{name}" svg:font-family="&apos;{name}&apos;"/>' for name in families)
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NAMESPACES} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:font-face-decls>{fonts}</office:font-face-decls>"
            f"<office:styles>{self.styles_xml()}</office:styles>"
            f"<office:automatic-styles>{self.page_layouts()}{''.join(self.cover_styles.values())}{''.join(table_styles)}</office:automatic-styles>"
            f"<office:master-styles>{self.master_pages()}</office:master-styles>"
            f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document>"
        )


def render_libreoffice(paper: PaperSource, target: Path, style: LayoutStyle | None = None) -> None:
    """Convert `paper` in `style` (the corpus layout without one) to the PDF `target` with LibreOffice.

    LibreOffice 7.4 can loop for ever laying out a table row that holds a footnote and breaks across
    pages under a repeated heading row. A conversion that does not finish is made again with the
    heading rows printed once: keeping such rows on one page instead loses their footnotes.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
    layout = style or CORPUS_STYLE
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{target.stem}.fodt"
        source.write_text(OdtWriter(paper, layout).document(), encoding="utf-8")
        if not convert(soffice, source, Path(work)):
            source.write_text(OdtWriter(paper, layout, repeat_heads=False).document(), encoding="utf-8")
            if not convert(soffice, source, Path(work)):
                raise RuntimeError(f"LibreOffice did not convert {source.name} in {CONVERSION_TIMEOUT} s")
        shutil.move(Path(work) / f"{target.stem}.pdf", target)


def convert(soffice: str, source: Path, work: Path) -> bool:
    """Convert `source` to PDF in `work`; False if LibreOffice did not finish in time.

    LibreOffice runs in a session of its own, so that a conversion that hangs is ended whole
    (soffice.bin outlives the launcher that `soffice` starts).
    """
    command = [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True) as process:
        try:
            output, errors = process.communicate(timeout=CONVERSION_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            shutil.rmtree(work / "profile")  # its lock would stop the next instance
            return False
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, output, errors)
    return True
