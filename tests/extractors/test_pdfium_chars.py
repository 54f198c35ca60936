"""pdfium's per-character answers are the same asked in C (libpdfium_chars.so) as through ctypes."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest

from corpus_data import CORPUS, ROOT
from extractors.pdfium_chars import GENERATED, UNICODE_MAP_ERROR, CharFacts, address_of, native_available, read_char_facts
from extractors.pdfium_lock import PDFIUM_LOCK

PDFS = [
    *sorted(CORPUS.glob("*/*.pdf")),
    ROOT / "tests" / "fixtures" / "planted" / "it-gb-7-17-19.zh.planted.pdf",
    ROOT / "tests" / "fixtures" / "sourcebook-summary-no-tounicode.zh.pdf",
]


def facts_of(path: Path, *ways: bool) -> list[tuple[str, list[CharFacts]]]:
    """Each page's text and its facts, asked each way (native or not) of the same text page: text
    objects are known by their address, which differs from one loading of a document to the next."""
    pages = []
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(str(path))
        for page in document:
            textpage = page.get_textpage()
            count = textpage.count_chars()
            asked = [read_char_facts(address_of(textpage.raw), count, native) for native in ways]
            pages.append((textpage.get_text_range(0, count), asked))
            textpage.close()
            page.close()
        document.close()
    return pages


@pytest.mark.skipif(not native_available(), reason="libpdfium_chars.so is not built (make builds it with cc)")
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_c_and_ctypes_give_the_same_facts(path: Path):
    for _, (in_c, through_ctypes) in facts_of(path, True, False):
        assert in_c == through_ctypes


def test_the_facts_are_pdfiums():
    text, [facts] = facts_of(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", True)[0]
    first = text.index("执")
    # a character's origin is left of its loose box's right, and a text object holds several
    assert facts.origin_x[first] < facts.loose_right[first]
    assert len(set(facts.text_objects[first : first + 4])) == 1 and len(set(facts.text_objects)) < 50
    # the line ends pdfium makes up are flagged, and come from no text object
    generated = [index for index, flag in enumerate(facts.flags) if flag & GENERATED]
    assert text[first + 4 : first + 6] == "\r\n" and {first + 4, first + 5} <= set(generated)
    assert {text[index] for index in generated} <= {" ", "\r", "\n"}
    assert all(facts.text_objects[index] == 0 for index in generated)


def test_glyphs_without_unicode_are_flagged():
    pages = facts_of(ROOT / "tests" / "fixtures" / "sourcebook-summary-no-tounicode.zh.pdf", True)
    assert any(flag & UNICODE_MAP_ERROR for _, [facts] in pages for flag in facts.flags)
    clean = facts_of(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", True)
    assert not any(flag & UNICODE_MAP_ERROR for _, [facts] in clean for flag in facts.flags)


def test_an_empty_page_has_no_facts():
    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    with PDFIUM_LOCK:
        textpage = document[0].get_textpage()
        for native in (True, False):
            assert read_char_facts(address_of(textpage.raw), 0, native) == CharFacts([], [], [], [], b"")
