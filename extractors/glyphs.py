"""Find glyphs whose Unicode cannot be trusted.

A glyph comes back as `(cid:NN)` when its font has no Unicode map, and as a private-use character
when the font maps it there (symbol fonts). Worse, a composite (Type0) font without a /ToUnicode
map often yields plausible but wrong characters (pdfminer falls back to the subset's glyph order),
so every glyph set in such a font is counted as unmapped.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

from extractors.pdf_layout import Char
from extractors.scripts import is_private_use

REPLACEMENT = "\ufffd"


def composite_fonts_without_unicode_map(page: Any) -> set[str]:
    """Base names of the composite fonts on a pdfplumber page that have no /ToUnicode map."""
    resources = resolve1(page.page_obj.resources) or {}
    fonts = resolve1(resources.get("Font")) or {}
    missing = set()
    for reference in fonts.values():
        font = resolve1(reference) or {}
        subtype = resolve1(font.get("Subtype"))
        if isinstance(subtype, PSLiteral) and subtype.name == "Type0" and "ToUnicode" not in font:
            base = resolve1(font.get("BaseFont"))
            missing.add(base.name if isinstance(base, PSLiteral) else str(base))
    return missing


def is_unmapped(char: Char, fonts_without_map: set[str]) -> bool:
    text = char["text"]
    return (
        text.startswith("(cid:")
        or text == REPLACEMENT
        or (len(text) == 1 and is_private_use(text))
        or char["fontname"] in fonts_without_map
    )
