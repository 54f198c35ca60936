"""Render a paper source to PDF with typst: the "typesetting system" producer of the layout-fuzz corpus.

The LayoutStyle sets what changes from one rendering to the next: page size and margins, the Western and the
East Asian font (typst falls back glyph by glyph), sizes, leading, paragraph spacing, how paragraph numbers
are set (hanging, inline after a first-line indent, or in the left margin), quote, item and bullet indents,
justification, hyphenation, the running header and footer (content, side, page-number wording), the
footnote separator and label style, table borders and the cover layout. Typst brings its own traits on
top: optimized (Knuth-Plass) line breaking, its own hyphenation patterns, CJK punctuation compression,
native footnotes at the foot of the page their marker falls on, table headers repeated on every page, and
a tagged PDF that holds real space characters. Where typst itself would put a footnote on another page than
its marker, or map real hyphens to U+00AD, render_typst corrects it (see stray_notes, mend_hyphen_mapping).

Render one paper with `python corpus/tools/producers.py typst SRC.paper OUT.pdf SEED`.
"""

from __future__ import annotations

import datetime
import json
import re
import tempfile
import warnings
import zlib
from pathlib import Path
from string import Template
from typing import NamedTuple

import typst

from layout_style import Font, LayoutStyle
from paper_source import MARKER, RESOLUTION_TAGS, PageBreak, PaperSource, SourceBlock, SourceTable, strip_markers
from un_masthead import Line, has_masthead, masthead

# LayoutStyle words the running header and footer; typst knows the page number and count only while laying
# out. So the helpers are called with these stand-ins, which the typst code then replaces.
PAGE_STAND_IN, TOTAL_STAND_IN = 987_654_321, 987_654_322
STAND_INS = re.compile(f"({PAGE_STAND_IN}|{TOTAL_STAND_IN})")
ALIGNMENTS = {"left": "left", "right": "right", "centre": "center"}
# a fixed creation date keeps re-rendered corpus PDFs byte-identical
TIMESTAMP = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
REPAIRS = 4  # recompilations allowed to bring stray footnotes back to their marker's page
TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
SOFT_HYPHEN_ENTRY = re.compile(rb"(<[0-9A-Fa-f]+> )<00[Aa][Dd]>")
CJK_RANGES = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # ideographs, CJK and fullwidth punctuation
CJK = re.compile(f"[{CJK_RANGES}]")
CLOSING = "，。、；：？！）》」』〉】〕”’"
OPENING = "（《「『〈【〔“‘"
PUNCTUATION_PAIR = re.compile(f"[{CLOSING}{OPENING}][{OPENING}]+")
# a Latin run, with the CJK brackets and punctuation a line may not break away from
UNBREAKABLE = re.compile(f"[{OPENING}]*[^\\s{CJK_RANGES}]+[{CLOSING}]*")
BREAK_AFTER = re.compile(r"(?<=[-/])(?=[A-Za-z])")
RULE = "0.5pt"

PREAMBLE = Template(
    """#set document(title: $title)
#set page(width: ${width}pt, height: ${height}pt,
  margin: (left: ${left}pt, right: ${right}pt, top: ${top}pt, bottom: ${bottom}pt),
  header: $header, footer: $footer)
// widow and orphan control moves lines after their footnotes are placed, leaving a note a page early
#set text(font: $fonts, stretch: $stretch%, lang: "$lang", region: "$region", size: ${body}pt, hyphenate: $hyphenate,
  cjk-latin-spacing: none, top-edge: 0.8em, bottom-edge: -0.2em, costs: (widow: 0%, orphan: 0%))
#set par(justify: $justify, leading: ${line_gap}em, spacing: $spacing)
#set block(spacing: $spacing)
#set footnote.entry(separator: $separator, gap: ${line_gap}em)
#let label-gap = 0.5em
#let cell-inset = 3pt
// fractions of the width, but never narrower than a column's longest unbreakable run (then the others give)
#let fit-columns(total, shares, pieces) = {
  let least = pieces.map(runs => calc.max(0pt, ..runs.map(run => measure(run).width)) + 2 * cell-inset)
  let fixed = shares.map(_ => false)
  let widths = ()
  for _ in shares {
    let taken = least.zip(fixed).filter(((_, f)) => f).map(((low, _)) => low).sum(default: 0pt)
    let free = shares.zip(fixed).filter(((_, f)) => not f).map(((share, _)) => share).sum(default: 0)
    widths = shares.zip(least, fixed).map(((share, low, f)) => if f { low } else { (total - taken) * share / free })
    fixed = widths.zip(least).map(((width, low)) => width <= low)
  }
  widths
}
// the pages of a note's marker and of its entry, for render_typst to check
#let note(label, body) = {
  footnote(numbering: _ => label, [#context [#metadata((label: label, page: here().page()))<noted>]#body])
  context [#metadata((label: label, page: here().page()))<cited>]
}
// a paragraph inside pad() or another breakable block loses typst's footnote migration (the line citing a
// note moves to the next page with it), so indents are the paragraph's own first-line and hanging indents
#let labelled(indent, hang, label, body) = context {
  // a label wider than its hang pushes the text right rather than overprinting it
  let width = calc.max(hang, measure(label).width + label-gap.to-absolute())
  par(first-line-indent: (amount: indent, all: true), hanging-indent: indent + width, box(width: width, label) + body)
}
#let in-margin(offset, label, body) = context {
  let width = calc.max(offset, measure(label).width + label-gap.to-absolute())
  par(h(-width) + box(width: width, label) + body)
}
#show footnote.entry: it => {
  set text(size: ${note}pt)
  let label = $entry_label
  context {
    let width = calc.max(1.5em.to-absolute(), measure(label).width + label-gap.to-absolute())
    par(first-line-indent: 0pt, hanging-indent: width, box(width: width, label) + it.note.body)
  }
}
"""
)


# added to the preamble of a resolution only, so the other papers' markup stays as it was
RESOLUTION_PREAMBLE = """// an operative clause: its number in a box after the first-line indent, wider when the number needs it
#let clause(indent, room, label, body) = context {
  let width = calc.max(room, measure(label).width + 2 * label-gap.to-absolute())
  par(first-line-indent: (amount: indent, all: true), box(width: width, label) + body)
}
"""


def string(text: str) -> str:
    """A typst string literal: shown verbatim, untouched by markup (smart quotes, `--`, `//`, `*`, `#`, `$`)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def points(value: float) -> str:
    return f"{value:.2f}pt"


def counted(text: str) -> str:
    """Typst code for a line worded with the page stand-ins, given `n` and `total` in scope."""
    pieces = {str(PAGE_STAND_IN): "str(n)", str(TOTAL_STAND_IN): "str(total)"}
    code = [pieces.get(piece, string(piece)) for piece in STAND_INS.split(text) if piece]
    return " + ".join(code)


class Families(NamedTuple):
    """The style's fonts as typst names them: it files Liberation Sans Narrow under Liberation Sans at 75 %
    width and names the AR PL collections without "CN"."""

    latin: str
    cjk: str
    stretch: float


class TypstPaper:
    """Typst markup for one paper in one style."""

    def __init__(self, paper: PaperSource, style: LayoutStyle, families: Families, moved: frozenset[str] = frozenset()) -> None:
        self.paper = paper
        self.style = style
        self.families = families
        self.moved = moved  # notes whose citing block or table row must start a page
        self.cited: set[str] = set()

    def first_citations(self, texts: list[str]) -> set[str]:
        return {label for text in texts for label in MARKER.findall(text) if label not in self.cited}

    # text ------------------------------------------------------------------------------------
    def inline(self, text: str, prefix: str = "") -> str:
        """Content for text with footnote markers: the first citation is a note, later ones a bare superscript."""
        parts = [runs(prefix)]
        position = 0
        for match in MARKER.finditer(text):
            before = text[position : match.start()]
            label = match.group(1)
            if label in self.cited:
                marker = f"#super({string(label)})"
            else:
                self.cited.add(label)
                marker = f"#note({string(label)}, {string(self.paper.footnotes[label])})"
            # typst may break a line between a Chinese character and a marker; a box keeps them together
            glue = glue_point(before) if before and CJK.match(before[-1]) else len(before)
            parts.append(runs(before[:glue]))
            parts.append(f"#box[#{string(before[glue:])}{marker}]" if before[glue:] else marker)
            position = match.end()
        parts.append(runs(text[position:]))
        return "[" + "".join(parts) + "]"

    # page furniture ----------------------------------------------------------------------------
    def running(self, lines: list[str], align: tuple[str, str]) -> str:
        """A header or footer from page 2 on: `lines` is typst code, `align` the odd and even page sides."""
        if not lines:
            return "none"
        body = ", ".join(lines)
        odd, even = (ALIGNMENTS[side] for side in align)
        return (
            "context { let n = counter(page).get().first(); if n > 1 { let total = counter(page).final().first(); "
            f"align(if calc.odd(n) {{ {odd} }} else {{ {even} }}, text(size: {points(self.style.note_size)}, "
            f"stack(spacing: 0.4em, {body}))) }} }}"
        )

    def header(self) -> str:
        style = self.style
        lines = []
        if text := style.header_text(self.paper.running_header, PAGE_STAND_IN, TOTAL_STAND_IN):
            lines.append(counted(text))
        if style.header_date and self.paper.front.get("date"):
            lines.append(string(self.paper.front["date"]))
        # the helpers' sides depend on the page's parity only
        return self.running(lines, (style.header_align(1), style.header_align(2)))

    def footer(self) -> str:
        style = self.style
        text = style.page_number(PAGE_STAND_IN, TOTAL_STAND_IN)
        return self.running([counted(text)] if text else [], (style.footer_align(1), style.footer_align(2)))

    def separator(self) -> str:
        style = self.style
        if style.footnote_rule == "line":
            return f"line(length: {style.footnote_rule_share * 100:.0f}%, stroke: {RULE})"
        if style.footnote_rule == "underscores":
            # an underscore is about half an em wide in every font offered
            count = round(style.footnote_rule_share * style.text_width / (0.5 * style.note_size))
            return f"text(size: {points(style.note_size)}, {string('_' * count)})"
        return "none"

    def preamble(self) -> str:
        style = self.style
        width, height = style.page_size
        latin, cjk = string(self.families.latin), string(self.families.cjk)
        chinese = self.paper.language == "zh"
        # in Chinese, quotes and dashes belong to the CJK font, as a Chinese word processor sets them
        fonts = f"((name: {latin}, covers: \"latin-in-cjk\"), {cjk})" if chinese else f"({latin}, {cjk})"
        return PREAMBLE.substitute(
            title=string(self.paper.front["title"]),
            width=width,
            height=height,
            left=style.margin_left,
            right=style.margin_right,
            top=style.margin_top,
            bottom=style.margin_bottom,
            header=self.header(),
            footer=self.footer(),
            fonts=fonts,
            stretch=round(self.families.stretch * 100),
            lang="zh" if chinese else "en",
            region="CN" if chinese else "GB",
            body=style.body_size,
            hyphenate="true" if style.hyphenate and not chinese else "false",
            justify="true" if style.justify else "false",
            line_gap=f"{style.leading - 1:.3f}",
            spacing=self.spacing(),
            separator=self.separator(),
            note=style.note_size,
            entry_label="str((it.note.numbering)(1))" if style.footnote_label == "plain" else "super((it.note.numbering)(1))",
        )

    def spacing(self) -> str:
        # lines stand 1 em apart plus the leading gap, so a paragraph space of 0 keeps the line grid
        return f"{self.style.leading - 1:.3f}em + {points(self.style.paragraph_space)}"

    # cover -------------------------------------------------------------------------------------
    def cover_line(self, key: str, align: str = "left", bold: bool = False, size: float | None = None) -> str:
        text = self.paper.front.get(key)
        if not text:
            return ""
        weight = ', weight: "bold"' if bold else ""
        return f"block(width: 100%, align({align}, text(size: {points(size or self.style.body_size)}{weight}, {string(text)})))"

    def un_line(self, line: Line, align: str = "left") -> str:
        look = ', weight: "bold"' if line.bold else ', style: "italic"' if line.italic else ""
        return f"block(width: 100%, align({align}, text(size: {points(line.size(self.style.body_size))}{look}, {string(line.text)})))"

    def un_cover(self) -> str:
        """The UN masthead (un_masthead): a two-column band over a rule, the session lines in the left half,
        then the sponsors or adoption lines and the title indented."""
        head = masthead(self.paper)

        def stack(lines: list[str], spacing: str = "0.5em") -> str:
            return f"stack(spacing: {spacing}, " + ", ".join(lines) + ")" if lines else "[]"

        band = (
            f"grid(columns: (3fr, 2fr), align: bottom, {stack([self.un_line(line) for line in head.left])}, "
            f"{stack([self.un_line(line, 'right') for line in head.right], '0.3em')})"
        )
        below = f"block(width: 55%, {stack([self.un_line(line) for line in head.below], '0.4em')})"
        lead = f"pad(left: {points(self.style.resolution.dec_hang)}, {stack([self.un_line(line) for line in head.lead + head.title], '0.8em')})"
        parts = [band, "line(length: 100%, stroke: 1pt)", below, lead]
        return f"#block(below: 2em, {{ set par(justify: false); set text(hyphenate: false); stack(spacing: 1.2em, {', '.join(parts)}) }})"

    def cover(self) -> str:
        if has_masthead(self.paper):
            return self.un_cover()
        style = self.style
        big, title = style.heading_size + 1, style.heading_size + 3
        organization = self.cover_line("organization", bold=True)
        symbol = self.cover_line("symbol", "right", bold=True, size=big)
        date = self.cover_line("date", "right")
        agenda = self.cover_line("agenda_item")
        session = self.cover_line("session", "center", bold=True)
        place = self.cover_line("dates_place", "center")
        heading = self.cover_line("title", "center", bold=True, size=title)
        rule = "line(length: 100%, stroke: 1pt)"

        def stack(*lines: str) -> str:
            return "stack(spacing: 0.8em, " + ", ".join(line for line in lines if line) + ")"

        if style.cover == "masthead_table":
            band = (
                f"table(columns: (1fr, 1fr), stroke: (top: 1pt, bottom: 1pt), inset: 6pt, align: horizon, "
                f"{stack(organization)}, {stack(symbol, date)})"
            )
            parts = [band, agenda, session, place, heading]
        elif style.cover == "two_columns":
            columns = f"grid(columns: (1fr, 1fr), column-gutter: 18pt, {stack(organization, session, place)}, {stack(symbol, date, agenda)})"
            parts = [columns, rule, heading]
        else:
            parts = [organization, symbol, date, rule, agenda, session, place, heading]
        body = ", ".join(part for part in parts if part)
        # a hyphenated cover line or heading would look misset; typst hyphenates whatever it is told to
        return f"#block(below: 2em, {{ set par(justify: false); set text(hyphenate: false); stack(spacing: 1.2em, {body}) }})"

    # body --------------------------------------------------------------------------------------
    def resolution_block(self, block: SourceBlock) -> str:
        """NAME, PRE and OP after the clause indent, the lead emphasized (italic), an OP's number in a box;
        DEC bold with a hanging number; ADOPT's lines broken, flush right or indented."""
        style, r = self.style, self.style.resolution
        if block.tag == "DEC":
            sticky = "false" if self.first_citations([block.text]) else "true"
            return (
                f"#block(sticky: {sticky}, breakable: false, above: {self.spacing()} + 1.2em, width: 100%, "
                f'{{ set text(hyphenate: false, weight: "bold", size: {points(style.heading_size)}); set par(justify: false); '
                f"labelled(0pt, {points(r.dec_hang)}, {string(block.label)}, {self.inline(block.text)}) }})"
            )
        if block.tag == "ADOPT":
            lines = "#linebreak()".join(self.inline(line)[1:-1] for line in block.printed_lines)
            body = f"par(justify: false, [{lines}])"
            if r.adopt_place == "right":
                return f"#align(right, {body})"
            return f"#block(width: 100%, inset: (left: {r.adopt_indent * 100:.0f}%), {body})"
        lead, rest = block.lead_and_rest(self.paper.language)
        content = self.inline(rest)
        if lead:
            content = f"[#emph({self.inline(lead)}){content[1:-1]}]"
        if block.label and block.tag in ("PRE", "OP"):
            return f"#clause({points(r.clause_indent)}, {points(r.number_box)}, {string(block.label)}, {content})"
        return f"#par(first-line-indent: (amount: {points(r.clause_indent)}, all: true), {content})"

    def block(self, block: SourceBlock) -> str:
        style = self.style
        if block.tag in RESOLUTION_TAGS:
            return self.resolution_block(block)
        if block.tag in ("H1", "H2", "H3"):
            look = {
                "H1": f'weight: "bold", size: {points(style.heading_size)}',
                "H2": 'weight: "bold"',
                "H3": 'style: "italic"',
            }[block.tag]
            align = "center" if block.tag == "H1" else "left"
            above = {"H1": "1.2em", "H2": "0.8em", "H3": "0.5em"}[block.tag]
            # a sticky block that moves to the next page leaves its footnotes behind
            sticky = "false" if self.first_citations([block.text]) else "true"
            return (
                f"#block(sticky: {sticky}, breakable: false, above: {self.spacing()} + {above}, width: 100%, align({align}, "
                f"par(justify: false, text(hyphenate: false, {look}, {self.inline(block.text)}))))"
            )
        if block.tag == "P":
            indent = f"first-line-indent: (amount: {points(style.first_line_indent)}, all: true)"
            if not block.label:
                return f"#par({indent}, {self.inline(block.text)})"
            if style.numbering == "inline":
                return f"#par({indent}, {self.inline(block.text, prefix=block.label + ' ')})"
            if style.numbering == "margin":
                return f"#in-margin({points(style.margin_number_offset)}, {string(block.label)}, {self.inline(block.text)})"
            return self.labelled(0, style.hanging_indent, block)
        if block.tag == "Q":
            if not block.label:
                indent = points(style.quote_indent)
                return f"#par(first-line-indent: (amount: {indent}, all: true), hanging-indent: {indent}, {self.inline(block.text)})"
            return self.labelled(style.quote_indent, style.hanging_indent, block)
        if block.tag == "L1":
            return self.labelled(style.item_indent, style.item_hang, block)
        if block.tag == "L2":
            return self.labelled(style.item_indent + style.item_hang, style.item_hang, block)
        return self.labelled(style.bullet_indent, style.item_hang, block)

    def labelled(self, indent: float, hang: float, block: SourceBlock) -> str:
        return f"#labelled({points(indent)}, {points(hang)}, {string(block.printed_label)}, {self.inline(block.text)})"

    def table(self, table: SourceTable) -> str:
        """The table, cut before each row whose note must start a page; every part repeats the head rows."""
        style = self.style
        count = table.column_count
        rows = [row + [""] * (count - len(row)) for row in table.head_rows + table.rows]
        head_rows, body_rows = rows[: len(table.head_rows)], rows[len(table.head_rows) :]
        shares = ", ".join(f"{share:.4f}" for share in table.column_shares())
        pieces = ", ".join(
            "(" + "".join(f"{string(piece)}, " for piece in longest_pieces([row[column] for row in rows])) + ")"
            for column in range(count)
        )
        stroke = {"grid": RULE, "horizontal": f"(x: none, y: {RULE})", "none": "none"}[style.table_borders]

        def cells(row: list[str]) -> str:
            return ", ".join(self.inline(cell) for cell in row)

        head = f"table.header(repeat: true, {', '.join(cells(row) for row in head_rows)})"
        parts: list[list[str]] = [[]]
        for row in body_rows:
            if parts[-1] and self.first_citations(row) & self.moved:
                parts.append([])
            parts[-1].append(cells(row))
        # narrow cells justified would gape; ragged right as word processors' tables usually are
        return "\n\n#pagebreak(weak: true)\n\n".join(
            f"#[#set text(size: {points(style.table_size)}); #set par(justify: false, first-line-indent: 0pt); "
            f"#context table(columns: fit-columns({points(style.text_width)}, ({shares},), ({pieces},)), "
            f"stroke: {stroke}, inset: cell-inset, {head}, {', '.join(part)})]"
            for part in parts
        )

    def document(self) -> str:
        preamble = self.preamble() + (RESOLUTION_PREAMBLE if self.paper.is_resolution else "")
        parts = [preamble, self.cover()]
        for element in self.paper.elements:
            if isinstance(element, PageBreak):
                parts.append("#pagebreak()")
            elif isinstance(element, SourceTable):
                parts.append(self.table(element))
            else:
                if self.first_citations([element.text]) & self.moved:
                    parts.append("#pagebreak(weak: true)")
                parts.append(self.block(element))
        return "\n\n".join(parts) + "\n"


def runs(text: str) -> str:
    """Markup for plain text, with each punctuation mark that an opening one follows boxed with it.

    Justifying a Chinese line, typst shrinks an opening bracket's blank half even when the mark before it
    is narrow (WenQuanYi Zen Hei's are): the glyphs then overlap and extract out of order. A box is never
    justified; it takes along the characters a line may not break away from on either side.
    """
    markup = []
    position = 0
    for match in PUNCTUATION_PAIR.finditer(text):
        start = match.start() if text[match.start()] in OPENING else glue_point(text[: match.start() + 1])
        if start < position:
            continue
        end = match.end()
        if end < len(text) and CJK.match(text[end]):
            end += 1
        while end < len(text) and not text[end].isspace() and not CJK.match(text[end]):
            end += 1
        if text[position:start]:
            markup.append(f"#{string(text[position:start])}")
        markup.append(f"#box({string(text[start:end])})")
        position = end
    if text[position:]:
        markup.append(f"#{string(text[position:])}")
    return "".join(markup)


def glue_point(text: str) -> int:
    """Where the run that must stay on the line of a marker after `text` starts.

    That is the last character with any closing punctuation after it (a line may not start with closing
    punctuation), or the whole word when that character is Latin (a box is a break opportunity).
    """
    start = len(text)
    while start > 0 and text[start - 1] in CLOSING:
        start -= 1
    if start > 0 and CJK.match(text[start - 1]):
        return start - 1
    while start > 0 and not text[start - 1].isspace() and not CJK.match(text[start - 1]):
        start -= 1
    return start


def longest_pieces(cells: list[str], keep: int = 8) -> list[str]:
    """The longest runs a line cannot break inside, of a column's cells: the candidates for its least width.

    A run ends at a space or a CJK character, and after a hyphen or slash that a letter follows; typst would
    let a wider run overflow into the next column.
    """
    runs = [piece for cell in cells for run in UNBREAKABLE.findall(strip_markers(cell)) for piece in BREAK_AFTER.split(run)]
    return sorted(set(runs), key=lambda run: (-len(run), run))[:keep]


def font_folders(style: LayoutStyle) -> list[Path]:
    """Only the style's two families' folders: typst then never picks another installed font, and starts fast."""
    files = [font.path(variant) for font in (style.latin_font, style.cjk_font) for variant in ("", "B", "I")]
    return sorted({path.parent for path in files})


def families(fonts: typst.Fonts, style: LayoutStyle) -> Families:
    def find(font: Font) -> typst.FontInfo:
        path = str(font.path())
        return next(info for info in fonts.fonts() if info.path == path and info.index == font.subfont)

    latin = find(style.latin_font)
    return Families(latin.family, find(style.cjk_font).family, latin.stretch)


def mend_hyphen_mapping(pdf: bytes) -> bytes:
    """Map typst's hyphenation hyphen to U+002D in every font's ToUnicode CMap, by an incremental update.

    Typst draws the hyphen ending a hyphenated line with the font's "-" glyph but gives it the text U+00AD;
    the PDF writer maps a glyph to the first text it meets and marks later differing uses with ActualText,
    which pdfminer ignores. When a hyphenation came first, every real hyphen of that font would extract as
    U+00AD there. Mapped to "-", a hyphenated line ends in "-" as in word processors' PDFs.
    """
    update = bytearray()
    offsets: list[tuple[int, int]] = []
    for number in sorted({int(n) for n in TO_UNICODE.findall(pdf)}):
        start = pdf.index(b"\n%d 0 obj\n" % number) + 1
        head_end = pdf.index(b"stream\n", start) + len(b"stream\n")
        length = int(re.search(rb"/Length (\d+)", pdf[start:head_end]).group(1))
        cmap = zlib.decompress(pdf[head_end : head_end + length])
        mended = SOFT_HYPHEN_ENTRY.sub(rb"\1<002D>", cmap)
        if mended == cmap:
            continue
        stream = zlib.compress(mended)
        head = re.sub(rb"/Length \d+", b"/Length %d" % len(stream), pdf[start:head_end])
        offsets.append((number, len(pdf) + len(update)))
        update += head + stream + b"\nendstream\nendobj\n"
    if not offsets:
        return pdf
    trailer = pdf[pdf.rindex(b"trailer") : pdf.rindex(b"startxref")]
    previous = int(pdf[pdf.rindex(b"startxref") :].split()[1])
    xref = len(pdf) + len(update)
    update += b"xref\n" + b"".join(b"%d 1\n%010d 00000 n\r\n" % (number, offset) for number, offset in offsets)
    update += trailer.rstrip()[: -len(b">>")] + b"/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref)
    return pdf + bytes(update)


def stray_notes(compiler: typst.Compiler) -> set[str]:
    """Notes whose entry does not start on the page of their marker."""
    cited = {item["label"]: item["page"] for item in json.loads(compiler.query("<cited>", field="value"))}
    noted = {item["label"]: item["page"] for item in json.loads(compiler.query("<noted>", field="value"))}
    return {label for label, page in cited.items() if noted.get(label) != page}


def render_typst(paper: PaperSource, target: Path, style: LayoutStyle) -> None:
    """Compile, then move the block or row citing a stray note to a new page and compile again.

    Typst keeps a note with its marker's line in a plain paragraph, but not for the second note of a line,
    nor inside a table row that it pushes to the next page (typst issues 5314, 5405).
    """
    fonts = typst.Fonts(include_system_fonts=False, font_paths=[str(folder) for folder in font_folders(style)])
    names = families(fonts, style)
    moved: frozenset[str] = frozenset()
    with tempfile.TemporaryDirectory() as folder:
        # the compiler can query a document only when it reads it from a file
        source = Path(folder) / "paper.typ"
        source.write_text(TypstPaper(paper, style, names).document(), encoding="utf-8")
        compiler = typst.Compiler(str(source), font_paths=fonts, ignore_system_fonts=True)
        for _ in range(REPAIRS + 1):
            pdf = compiler.compile(timestamp=TIMESTAMP)
            strays = stray_notes(compiler)
            if strays <= moved:
                break
            moved |= strays
            source.write_text(TypstPaper(paper, style, names, moved).document(), encoding="utf-8")
    if strays:
        warnings.warn(f"{target.name}: footnotes {sorted(strays)} are not on the page of their marker", stacklevel=2)
    target.write_bytes(mend_hyphen_mapping(pdf))
