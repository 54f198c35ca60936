"""Render a paper source to PDF through LibreOffice: write a flat ODF text document (.fodt) with real
header, footer, footnote and table objects, then convert it with `soffice --headless`.

This producer differs from the fpdf2 one on purpose: justified text, the page number in a centred
footer, the symbol alone in the header, tabs after hanging numbers, LibreOffice's own hyphenation and
footnote placement.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from paper_source import MARKER, PageBreak, PaperSource, SourceBlock, SourceTable

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
LATIN_FONT, CJK_FONT = "Liberation Serif", "WenQuanYi Micro Hei"
TEXT_WIDTH_CM = 16.0

PARAGRAPH_STYLES = {
    # name: (paragraph properties, text properties)
    "Body": ('fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.25cm"', ""),
    "Numbered": ('fo:text-align="justify" fo:margin-left="1.27cm" fo:text-indent="-1.27cm" fo:margin-bottom="0.25cm"', ""),
    "Quote": ('fo:text-align="justify" fo:margin-left="2.54cm" fo:text-indent="-1.27cm" fo:margin-bottom="0.25cm"', ""),
    "QuoteText": ('fo:text-align="justify" fo:margin-left="1.27cm" fo:margin-bottom="0.25cm"', ""),
    "Item1": ('fo:text-align="justify" fo:margin-left="2.54cm" fo:text-indent="-1.27cm" fo:margin-bottom="0.25cm"', ""),
    "Item2": ('fo:text-align="justify" fo:margin-left="3.81cm" fo:text-indent="-1.27cm" fo:margin-bottom="0.25cm"', ""),
    "Bullet": ('fo:text-align="justify" fo:margin-left="1.27cm" fo:text-indent="-0.63cm" fo:margin-bottom="0.25cm"', ""),
    "Heading1": ('fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"', 'fo:font-weight="bold" style:font-weight-asian="bold" fo:font-size="12pt" style:font-size-asian="12pt"'),
    "Heading2": ('fo:margin-top="0.15cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"', 'fo:font-weight="bold" style:font-weight-asian="bold"'),
    "Heading3": ('fo:margin-bottom="0.25cm" fo:keep-with-next="always"', 'fo:font-style="italic" style:font-style-asian="italic"'),
    "PageBreak": ('fo:break-before="page" fo:margin-bottom="0cm"', 'fo:font-size="2pt" style:font-size-asian="2pt"'),
    "Footnote": ('fo:margin-left="0.4cm" fo:text-indent="-0.4cm"', 'fo:font-size="9pt" style:font-size-asian="9pt"'),
    "Header": ('fo:text-align="end"', 'fo:font-size="9pt" style:font-size-asian="9pt"'),
    "HeaderLeft": ('fo:text-align="start"', 'fo:font-size="9pt" style:font-size-asian="9pt"'),
    "Footer": ('fo:text-align="center"', 'fo:font-size="9pt" style:font-size-asian="9pt"'),
    "TableText": ('fo:text-align="start"', 'fo:font-size="8.5pt" style:font-size-asian="8.5pt"'),
    "CoverSymbol": ('fo:text-align="end"', 'fo:font-weight="bold" style:font-weight-asian="bold" fo:font-size="12pt" style:font-size-asian="12pt"'),
    "CoverRight": ('fo:text-align="end" fo:margin-bottom="0.3cm"', 'fo:font-size="10pt" style:font-size-asian="10pt"'),
    "CoverOrganization": ('fo:margin-bottom="0.6cm" fo:border-bottom="1pt solid #000000" fo:padding-bottom="0.15cm"', 'fo:font-weight="bold" style:font-weight-asian="bold" fo:font-size="10pt" style:font-size-asian="10pt"'),
    "CoverLine": ('fo:margin-bottom="0.25cm"', ""),
    "CoverCentred": ('fo:text-align="center" fo:margin-bottom="0.25cm"', 'fo:font-weight="bold" style:font-weight-asian="bold"'),
    "CoverPlace": ('fo:text-align="center" fo:margin-bottom="0.4cm"', ""),
    "CoverTitle": ('fo:text-align="center" fo:margin-bottom="0.6cm"', 'fo:font-weight="bold" style:font-weight-asian="bold" fo:font-size="14pt" style:font-size-asian="14pt"'),
}
TAG_STYLES = {"H1": "Heading1", "H2": "Heading2", "H3": "Heading3", "L1": "Item1", "L2": "Item2", "B": "Bullet"}


def styles_xml(language: str) -> str:
    hyphenate = 'fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"' if language == "en" else ""
    # LibreOffice 7.4 leaves hanging punctuation (a 。 pushed into the margin) out of the PDF entirely
    default = (
        f'<style:default-style style:family="paragraph">'
        f'<style:paragraph-properties fo:line-height="125%" style:punctuation-wrap="simple"/>'
        f'<style:text-properties style:font-name="{LATIN_FONT}" fo:font-size="11pt" fo:language="en" fo:country="US" '
        f'style:font-name-asian="{CJK_FONT}" style:font-size-asian="11pt" style:language-asian="zh" style:country-asian="CN" {hyphenate}/>'
        f"</style:default-style>"
    )
    styles = [default, '<style:style style:name="Standard" style:family="paragraph"/>']
    for name, (paragraph, text) in PARAGRAPH_STYLES.items():
        master = ' style:master-page-name="First_20_Page"' if name == "CoverSymbol" else ""
        styles.append(
            f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Standard"{master}>'
            f"<style:paragraph-properties {paragraph}/><style:text-properties {text}/></style:style>"
        )
    styles.append(
        '<style:style style:name="Marker" style:family="text">'
        '<style:text-properties style:text-position="super 58%"/></style:style>'
    )
    styles.append(
        '<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" '
        'text:footnotes-position="page" text:start-numbering-at="document"/>'
    )
    return "".join(styles)


def page_layouts() -> str:
    margins = 'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"'
    separator = (
        '<style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.2cm" style:distance-after-sep="0.15cm" '
        'style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>'
    )
    return (
        f'<style:page-layout style:name="Pages"><style:page-layout-properties {margins} fo:margin-top="1.3cm" fo:margin-bottom="1.3cm">'
        f"{separator}</style:page-layout-properties>"
        '<style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.8cm"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.6cm"/></style:footer-style>'
        "</style:page-layout>"
        f'<style:page-layout style:name="Cover"><style:page-layout-properties {margins} fo:margin-top="1.5cm" fo:margin-bottom="2cm">'
        f"{separator}</style:page-layout-properties></style:page-layout>"
    )


def master_pages(header: str) -> str:
    page_number = '<text:page-number text:select-page="current">1</text:page-number>'
    return (
        '<style:master-page style:name="Standard" style:page-layout-name="Pages">'
        f'<style:header><text:p text:style-name="Header">{escape(header)}</text:p></style:header>'
        f'<style:header-left><text:p text:style-name="HeaderLeft">{escape(header)}</text:p></style:header-left>'
        f'<style:footer><text:p text:style-name="Footer">{page_number}</text:p></style:footer>'
        "</style:master-page>"
        '<style:master-page style:name="First_20_Page" style:display-name="First Page" '
        'style:page-layout-name="Cover" style:next-style-name="Standard"/>'
    )


class OdtWriter:
    def __init__(self, paper: PaperSource) -> None:
        self.paper = paper
        self.cited: set[str] = set()

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

    def paragraph(self, style: str, text: str, label: str = "") -> str:
        lead = f"{escape(label)}<text:tab/>" if label else ""
        return f'<text:p text:style-name="{style}">{lead}{self.inline(text)}</text:p>'

    def block(self, block: SourceBlock) -> str:
        if block.tag == "B":
            return self.paragraph("Bullet", block.text, block.printed_label)
        if block.tag in ("P", "Q"):
            if block.label:
                return self.paragraph("Numbered" if block.tag == "P" else "Quote", block.text, block.label)
            return self.paragraph("Body" if block.tag == "P" else "QuoteText", block.text)
        return self.paragraph(TAG_STYLES[block.tag], block.text, block.label)

    def table(self, table: SourceTable, number: int) -> tuple[str, str]:
        columns = table.column_count
        styles = [
            f'<style:style style:name="Table{number}" style:family="table"><style:table-properties '
            f'style:width="{TEXT_WIDTH_CM}cm" table:align="margins"/></style:style>',
            '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
            'fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>',
        ]
        columns_xml = []
        for index, share in enumerate(table.column_shares()):
            name = f"Table{number}.C{index}"
            width = TEXT_WIDTH_CM * share
            styles.append(
                f'<style:style style:name="{name}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width:.3f}cm"/></style:style>'
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
        body = "".join(row(cells) for cells in table.rows)
        xml = (
            f'<table:table table:name="Table{number}" table:style-name="Table{number}">{"".join(columns_xml)}'
            f"<table:table-header-rows>{head}</table:table-header-rows>{body}</table:table>"
        )
        return xml, "".join(styles)

    def cover(self) -> str:
        front = self.paper.front
        lines = [("CoverSymbol", front.get("symbol", ""))]
        lines += [(style, front[key]) for key, style in (
            ("date", "CoverRight"),
            ("organization", "CoverOrganization"),
            ("agenda_item", "CoverLine"),
            ("session", "CoverCentred"),
            ("dates_place", "CoverPlace"),
            ("title", "CoverTitle"),
        ) if front.get(key)]
        return "".join(f'<text:p text:style-name="{style}">{escape(text)}</text:p>' for style, text in lines)

    def document(self) -> str:
        body = [self.cover()]
        table_styles = []
        for element in self.paper.elements:
            if isinstance(element, PageBreak):
                body.append('<text:p text:style-name="PageBreak"/>')
            elif isinstance(element, SourceTable):
                xml, styles = self.table(element, len(table_styles) + 1)
                body.append(xml)
                table_styles.append(styles)
            else:
                body.append(self.block(element))
        fonts = "".join(
            f'<style:font-face style:name="{name}" svg:font-family="&apos;{name}&apos;"/>' for name in (LATIN_FONT, CJK_FONT)
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NAMESPACES} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:font-face-decls>{fonts}</office:font-face-decls>"
            f"<office:styles>{styles_xml(self.paper.language)}</office:styles>"
            f"<office:automatic-styles>{page_layouts()}{''.join(table_styles)}</office:automatic-styles>"
            f"<office:master-styles>{master_pages(self.paper.running_header)}</office:master-styles>"
            f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document>"
        )


def render_libreoffice(paper: PaperSource, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{target.stem}.fodt"
        source.write_text(OdtWriter(paper).document(), encoding="utf-8")
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf", "--outdir", work, str(source)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.move(Path(work) / f"{target.stem}.pdf", target)
