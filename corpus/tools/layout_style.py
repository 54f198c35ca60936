"""Layout style sheets drawn from a seed: what the layout-fuzz renderers vary.

A `LayoutStyle` fixes every layout parameter a producer needs: page and margins, fonts (an East Asian
and a Western font set separately, as Word does), sizes, leading, paragraph spacing, how paragraph
numbers are set (hanging, inline after a first-line indent, or in the margin), indents of quotes and
items (drawn, not in fixed steps), justification and hyphenation, running header and footer content
and side, the footnote separator and label style, table borders and the cover layout.

`LayoutStyle.draw(seed)` gives the same style for the same seed, whatever the language, so the twins
of a paper rendered with one seed share their layout. `restyle(paper, style)` returns the paper with
its paragraph numbers printed in the style's number format (`17.`, `17)`, `(17)`): the known text the
extraction is scored against is the restyled paper.
"""

from __future__ import annotations

import dataclasses
import functools
import random
import re
from dataclasses import dataclass
from pathlib import Path

from paper_source import PaperSource, SourceBlock

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/share/texmf/fonts"), Path("/usr/share/texlive/texmf-dist/fonts"))


@dataclass(frozen=True)
class Font:
    """A font family: its name (for LibreOffice, Word and typst) and its files (for fpdf2 and reportlab)."""

    family: str
    regular: str  # file name, found under FONT_DIRS
    bold: str = ""
    italic: str = ""
    subfont: int = 0  # index in a .ttc collection

    def path(self, style: str = "") -> Path:
        """The file for style "", "B" or "I" (a family without it uses its regular file)."""
        name = {"B": self.bold, "I": self.italic}.get(style) or self.regular
        return find_font_file(name)


LATIN_FONTS = (
    Font("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf"),
    Font("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf"),
    Font("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
    Font("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    Font("Liberation Sans Narrow", "LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf", "LiberationSansNarrow-Italic.ttf"),
)
CJK_FONTS = (
    Font("WenQuanYi Micro Hei", "wqy-microhei.ttc"),
    Font("WenQuanYi Zen Hei", "wqy-zenhei.ttc"),
    Font("AR PL UMing CN", "uming.ttc"),
    Font("AR PL UKai CN", "ukai.ttc"),
)

NUMBERINGS = ("hanging", "inline", "margin")
NUMBER_FORMATS = ("{n}.", "{n})", "({n})")
HEADER_CONTENTS = ("symbol", "symbol_page", "none")
HEADER_SIDES = ("right", "left", "alternate", "centre")
PAGE_NUMBER_FORMATS = ("{n}", "- {n} -", "第 {n} 页", "Page {n} of {total}", "{n}/{total}")
FOOTER_SIDES = ("centre", "right", "alternate")
FOOTNOTE_RULES = ("line", "none", "underscores")
FOOTNOTE_LABELS = ("superscript", "plain")
TABLE_BORDERS = ("grid", "horizontal", "none")
COVERS = ("stacked", "masthead_table", "two_columns")
PAGE_SIZES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}


@dataclass(frozen=True)
class LayoutStyle:
    seed: int
    page: str  # A4 or Letter
    margin_left: float  # points
    margin_right: float
    margin_top: float
    margin_bottom: float
    latin_font: Font
    cjk_font: Font
    body_size: float  # points
    note_size: float
    heading_size: float
    leading: float  # line height as a multiple of the font size
    paragraph_space: float  # points after a paragraph (0 happens: then only the first-line indent separates them)
    numbering: str  # NUMBERINGS
    number_format: str  # NUMBER_FORMATS
    first_line_indent: float  # points, for inline numbering (and unnumbered paragraphs when > 0)
    hanging_indent: float  # points from the margin to the text of a hanging-numbered paragraph
    margin_number_offset: float  # points left of the text column where a margin number stands
    quote_indent: float  # points from the margin to quoted text
    item_indent: float  # points from the margin to a lettered item's label
    item_hang: float  # points from an item's label to its text
    bullet_indent: float
    justify: bool
    hyphenate: bool  # English only
    header_content: str  # HEADER_CONTENTS
    header_side: str  # HEADER_SIDES
    header_date: bool  # a date line under the header
    page_number_format: str  # PAGE_NUMBER_FORMATS, "" for none
    footer_side: str  # FOOTER_SIDES
    footnote_rule: str  # FOOTNOTE_RULES
    footnote_label: str  # FOOTNOTE_LABELS
    footnote_rule_share: float  # of the text width
    table_borders: str  # TABLE_BORDERS
    table_size: float
    cover: str  # COVERS

    @classmethod
    def draw(cls, seed: int) -> LayoutStyle:
        rng = random.Random(seed)
        body = round(rng.uniform(9.5, 12.5), 1)
        numbering = rng.choice(NUMBERINGS)
        header_content = rng.choice(HEADER_CONTENTS)
        page_numbers = rng.choice(PAGE_NUMBER_FORMATS)
        if header_content == "none" and rng.random() < 0.8:
            page_numbers = page_numbers or "{n}"
        return cls(
            seed=seed,
            page=rng.choice(tuple(PAGE_SIZES)),
            margin_left=round(rng.uniform(50, 95), 1),
            margin_right=round(rng.uniform(45, 90), 1),
            margin_top=round(rng.uniform(45, 80), 1),
            margin_bottom=round(rng.uniform(45, 80), 1),
            latin_font=rng.choice(LATIN_FONTS),
            cjk_font=rng.choice(CJK_FONTS),
            body_size=body,
            note_size=round(body - rng.uniform(1.5, 3.0), 1),
            heading_size=round(body + rng.choice((0.0, 0.5, 1.0, 2.0)), 1),
            leading=round(rng.uniform(1.12, 1.6), 2),
            paragraph_space=round(rng.choice((0.0, rng.uniform(2, 6), rng.uniform(6, 14))), 1),
            numbering=numbering,
            number_format=rng.choice(NUMBER_FORMATS),
            first_line_indent=round(rng.uniform(14, 42), 1),
            hanging_indent=round(rng.uniform(20, 46), 1),
            margin_number_offset=round(rng.uniform(18, 36), 1),
            quote_indent=round(rng.uniform(22, 62), 1),
            item_indent=round(rng.uniform(18, 56), 1),
            item_hang=round(rng.uniform(16, 30), 1),
            bullet_indent=round(rng.uniform(10, 30), 1),
            justify=rng.random() < 0.7,
            hyphenate=rng.random() < 0.6,
            header_content=header_content,
            header_side=rng.choice(HEADER_SIDES),
            header_date=rng.random() < 0.2,
            page_number_format=page_numbers,
            footer_side=rng.choice(FOOTER_SIDES),
            footnote_rule=rng.choice(FOOTNOTE_RULES),
            footnote_label=rng.choice(FOOTNOTE_LABELS),
            footnote_rule_share=round(rng.uniform(0.15, 0.4), 2),
            table_borders=rng.choice(TABLE_BORDERS),
            table_size=round(body - rng.uniform(0.5, 2.5), 1),
            cover=rng.choice(COVERS),
        )

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page]

    @property
    def text_width(self) -> float:
        return self.page_size[0] - self.margin_left - self.margin_right

    def page_number(self, number: int, total: int) -> str:
        return self.page_number_format.format(n=number, total=total) if self.page_number_format else ""

    def header_text(self, symbol: str, number: int, total: int) -> str:
        """The running header of page `number` (the cover has none)."""
        if self.header_content == "none" or not symbol:
            return ""
        if self.header_content == "symbol_page":
            # the number on the outer side: after the symbol on the right, before it on the left
            return f"{number} {symbol}" if self.header_align(number) == "left" else f"{symbol} {number}"
        return symbol

    def header_align(self, number: int) -> str:
        """left, right or centre on page `number`."""
        if self.header_side == "alternate":
            return "right" if number % 2 else "left"
        return self.header_side

    def footer_align(self, number: int) -> str:
        if self.footer_side == "alternate":
            return "right" if number % 2 else "left"
        return self.footer_side

    @property
    def resolution(self) -> ResolutionStyle:
        """How the clauses of a resolution are set: drawn from the seed on a stream of its own, so adding it
        changed no parameter drawn above."""
        return ResolutionStyle.draw(self.seed)

    def summary(self) -> str:
        """One line naming the parameters a person looking at a rendering wants first."""
        return (
            f"seed {self.seed}: {self.page}, {self.latin_font.family} + {self.cjk_font.family} {self.body_size} pt, "
            f"leading {self.leading}, space {self.paragraph_space} pt, numbers {self.numbering} {self.number_format!r}, "
            f"{'justified' if self.justify else 'ragged'}, header {self.header_content}/{self.header_side}, "
            f"page number {self.page_number_format!r}/{self.footer_side}, footnote rule {self.footnote_rule}, "
            f"labels {self.footnote_label}, tables {self.table_borders}, cover {self.cover}"
        )


ADOPT_PLACES = ("right", "indent")


@dataclass(frozen=True)
class ResolutionStyle:
    """The layout of a resolution's own blocks (NAME, PRE, OP, DEC, ADOPT), as UN papers vary it."""

    clause_indent: float  # points: the first-line indent of the body's name and of every clause
    number_box: float  # points from an operative clause's first-line indent to its text; the number stands in it
    dec_hang: float  # points from the margin to a decision's title; its number stands at the margin
    adopt_place: str  # ADOPT_PLACES: the adoption lines flush right, or starting at adopt_indent
    adopt_indent: float  # share of the text width before indented adoption lines

    @classmethod
    def draw(cls, seed: int) -> ResolutionStyle:
        rng = random.Random(f"resolution-{seed}")
        return cls(
            clause_indent=round(rng.uniform(18, 48), 1),
            number_box=round(rng.uniform(16, 32), 1),
            dec_hang=round(rng.uniform(40, 72), 1),
            adopt_place=rng.choice(ADOPT_PLACES),
            adopt_indent=round(rng.uniform(0.5, 0.7), 2),
        )


PARAGRAPH_NUMBER = re.compile(r"^(\d+)\.$")


def restyle(paper: PaperSource, style: LayoutStyle) -> PaperSource:
    """The paper with its paragraph numbers (`P [17.]`) printed in the style's number format.

    Quoted paragraphs keep their numbers (they quote another document as it is printed), and so does a
    misprint without a full stop (`[13]`).
    """

    def relabel(element: object) -> object:
        if isinstance(element, SourceBlock) and element.tag == "P" and (match := PARAGRAPH_NUMBER.match(element.label)):
            return dataclasses.replace(element, label=style.number_format.format(n=match.group(1)))
        return element

    return dataclasses.replace(paper, elements=[relabel(e) for e in paper.elements])


@functools.cache
def find_font_file(name: str) -> Path:
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in folder.rglob(name):
                return path
    raise FileNotFoundError(f"font file {name} not found under {', '.join(map(str, FONT_DIRS))}: install Debian's fonts")
