"""pdfplumber pages whose characters carry only the fields gbdocs reads.

pdfplumber turns every pdfminer object into a dict of all its attributes, resolving colours, colour
spaces and graphic states on the way; for characters that conversion costs as much as parsing the
page itself, and gbdocs reads eight of those fields. `LeanPage` builds character dicts with just
those (in pdfplumber's coordinates, MediaBox offsets included) and leaves every other object, and the
table finder, to pdfplumber as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unicodedata import normalize as normalize_unicode

import pdfplumber
from pdfminer.layout import LTChar
from pdfplumber.page import Page, fix_fontname_bytes

from extractors.glyphs import composite_fonts_without_unicode_map


class LeanPage(Page):
    """A pdfplumber page whose `chars` hold text, fontname, size, upright, x0, x1, top, bottom,
    baseline (and doctop, object_type, page_number)."""

    def process_object(self, obj: Any) -> dict[str, Any]:
        if not isinstance(obj, LTChar):
            return super().process_object(obj)
        text = obj.get_text()
        fontname = obj.fontname
        mb_x0, mb_top = self.mediabox[:2]
        top = self.height - obj.y1 + mb_top
        return {
            "object_type": "char",
            "page_number": self.page_number,
            "text": normalize_unicode(self.pdf.unicode_norm, text) if self.pdf.unicode_norm is not None else text,
            "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
            "size": obj.size,
            "upright": obj.upright,
            "x0": obj.x0 + mb_x0,
            "x1": obj.x1 + mb_x0,
            "top": top,
            "bottom": self.height - obj.y0 + mb_top,
            "baseline": self.height - obj.matrix[5] + mb_top,  # the text matrix's origin sits on the baseline
            "doctop": self.initial_doctop + top,
        }

    def fonts_without_unicode_map(self) -> set[str]:
        return composite_fonts_without_unicode_map(self)


@contextmanager
def open_lean(path: Path) -> Iterator[list[LeanPage]]:
    """The pages of the PDF at `path`, as LeanPages, open for the length of the block."""
    with pdfplumber.open(path) as pdf:
        yield [LeanPage(pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
               for page in pdf.pages]
