"""LeanPage gives the same characters, lines and tables as pdfplumber's own Page, field for field."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

from corpus_data import CORPUS
from extractors.pdf_pages import open_lean

READ_FIELDS = ("text", "fontname", "size", "upright", "x0", "x1", "top", "bottom", "doctop")
SAMPLES = [
    CORPUS / "fpdf2" / "it-gb-7-17-19.zh.pdf",
    CORPUS / "libreoffice" / "it-gb-7-17-19.en.pdf",
    CORPUS / "scanned" / "1971-09-29_A_L.632-EN.pdf",
    Path(__file__).resolve().parent.parent / "fixtures" / "sourcebook-summary-no-tounicode.zh.pdf",
]


def without_stream(image: dict) -> dict:
    """Streams compare by identity, and each page object has its own."""
    return {k: v for k, v in image.items() if k != "stream"}


def assert_same_pages(path: Path) -> None:
    with pdfplumber.open(path) as pdf, open_lean(path) as lean_pages:
        assert len(lean_pages) == len(pdf.pages)
        for plain, lean in zip(pdf.pages, lean_pages):
            assert [{k: c[k] for k in READ_FIELDS} for c in plain.chars] == [
                {k: c[k] for k in READ_FIELDS} for c in lean.chars
            ]
            assert plain.lines == lean.lines and plain.rects == lean.rects
            assert [without_stream(i) for i in plain.images] == [without_stream(i) for i in lean.images]
            assert [t.bbox for t in plain.find_tables()] == [t.bbox for t in lean.find_tables()]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lean_pages_read_what_pdfplumber_reads(path: Path):
    assert_same_pages(path)


def test_a_mediabox_not_at_the_origin_shifts_the_characters_as_pdfplumber_does(tmp_path: Path):
    shifted = tmp_path / "shifted.pdf"
    document = pypdfium2.PdfDocument(str(CORPUS / "libreoffice" / "it-gb-7-17-19.zh.pdf"))
    for page in document:
        left, bottom, right, top = page.get_mediabox()
        page.set_mediabox(left + 30, bottom + 40, right + 30, top + 40)
    document.save(str(shifted))
    with open_lean(shifted) as lean_pages:
        assert lean_pages[0].mediabox[:2] != (0, 0)
    assert_same_pages(shifted)
