"""The pdfium engine gives the tables the pdfplumber engine gives, on every corpus paper."""

from __future__ import annotations

import functools
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from corpus_data import CORPUS, ROOT, SCANNED
from extractors.extract import UnreadablePdf, extract_pdf
from extractors.pdf_pages import LeanPage, open_lean
from extractors.pdfium_pages import PdfiumPage, open_pdfium
from extractors.rows import paper_rows
from extractors.structure import segment
from extractors.tagging import tag
from models.processed import ProcessedPaper
from paper_factory import make_paper

CORPUS_PDFS = sorted(CORPUS.glob("*/*.pdf"))
PLANTED = ROOT / "tests" / "fixtures" / "planted" / "it-gb-7-17-19.zh.planted.pdf"
NO_TOUNICODE = ROOT / "tests" / "fixtures" / "sourcebook-summary-no-tounicode.zh.pdf"
COMPARED = ("text", "fontname", "upright", "size", "x0", "top", "bottom", "x1")
FLOAT_SLACK = 1e-3  # pdfium computes in single precision, pdfminer in double
OVERHANG = 0.5  # points: pdfium's loose box reaches past the advance of a glyph that overhangs it


@functools.cache
def tables_by(path: Path, engine: str) -> dict[str, list]:
    document = extract_pdf(path, ocr=False, engine=engine)
    paragraphs = segment(document)
    references, requests = tag(document, paragraphs)
    return paper_rows(ProcessedPaper(document, tuple(paragraphs), tuple(references), tuple(requests)))


def test_the_corpus_is_all_here():
    assert len(CORPUS_PDFS) == 8 and set(SCANNED) <= set(CORPUS_PDFS)


@pytest.mark.parametrize("path", [*CORPUS_PDFS, PLANTED], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_both_engines_give_the_same_tables(path: Path):
    reference, fast = tables_by(path, "pdfplumber"), tables_by(path, "pdfium")
    assert list(fast) == list(reference)
    for name in reference:
        assert fast[name] == reference[name], name


def test_the_tables_compared_hold_the_papers_content():
    tables = tables_by(CORPUS / "libreoffice" / "it-gb-7-17-19.zh.pdf", "pdfium")
    assert len(tables["paragraphs"]) == 321 and len(tables["references"]) == 110
    assert len(tables["footnotes"]) == 24 and len(tables["table_cells"]) == 232
    # a space glyph pdfium drops (a text object of its own, in another font) is put back
    assert any("核准 2020 年后的全球生物多样性行动框架" in row.text for row in tables["blocks"])


def chars_of(page) -> list[tuple]:
    """In the content stream's order, which both engines keep."""
    return [tuple(c[k] for k in COMPARED) for c in page.chars]


def assert_close(fast: list[tuple], reference: list[tuple]) -> None:
    """Text, font and uprightness equal; size, x0, top and bottom to single precision; x1 too, but
    for the few glyphs that overhang their advance (at most 1 in 500, by under half a point)."""
    assert len(fast) == len(reference)
    overhanging = 0
    for mine, theirs in zip(fast, reference):
        assert mine[:3] == theirs[:3]
        assert all(abs(a - b) <= FLOAT_SLACK for a, b in zip(mine[3:7], theirs[3:7])), (mine, theirs)
        if abs(mine[7] - theirs[7]) > FLOAT_SLACK:
            assert 0 < mine[7] - theirs[7] < OVERHANG, (mine, theirs)
            overhanging += 1
    assert overhanging <= len(reference) / 500


def without_subset_tag(row: tuple) -> tuple:
    text, fontname, *rest = row
    return (text, fontname[7:] if fontname[6:7] == "+" else fontname, *rest)  # pdfium strips some


def test_characters_sit_where_pdfminer_puts_them():
    """LibreOffice writes Descent 0 (pdfminer takes it; pdfium would make one up from the font box),
    fpdf2 the font's own; the OCR layer of the 1971 scan is set in a standard font with no /Widths."""
    for path, page_index in (
        (CORPUS / "libreoffice" / "sourcebook-summary.zh.pdf", 1),
        (CORPUS / "fpdf2" / "it-gb-7-17-19.en.pdf", 3),
        (CORPUS / "scanned" / "1971-09-29_A_L.632-EN.pdf", 0),
    ):
        with open_lean(path) as lean, open_pdfium(path) as fast:
            reference = [without_subset_tag(row) for row in chars_of(lean[page_index])]
            mine = [without_subset_tag(row) for row in chars_of(fast[page_index])]
            # pdfium leaves out a few real spaces at the end of a line: compare the glyphs
            assert_close([r for r in mine if r[0] != " "], [r for r in reference if r[0] != " "])


def assert_same_edges(fast, reference) -> None:
    mine, theirs = [(e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in fast.edges], [
        (e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in reference.edges
    ]
    assert len(mine) == len(theirs) > 0
    def rounded(edge: tuple) -> tuple:  # equal edges must sort alike, whatever the last bits
        return (edge[0], *(round(value, 1) for value in edge[1:]))

    for a, b in zip(sorted(mine, key=rounded), sorted(theirs, key=rounded)):
        assert a[0] == b[0] and all(abs(x - y) <= FLOAT_SLACK for x, y in zip(a[1:], b[1:])), (a, b)


def test_ruled_table_edges_are_pdfminers():
    path = CORPUS / "libreoffice" / "it-gb-7-17-19.en.pdf"
    with open_lean(path) as lean, open_pdfium(path) as fast:
        for index in (23, 24):
            assert_same_edges(fast[index], lean[index])
            assert [t.bbox for t in fast[index].find_tables({})] != []


def test_a_page_drawn_as_a_form_xobject_is_read_through_it(tmp_path: Path):
    """A form XObject with a matrix of its own: pdfium gives its objects in the form's space."""
    source = pypdfium2.PdfDocument(str(CORPUS / "fpdf2" / "it-gb-7-17-19.en.pdf"))
    target = pypdfium2.PdfDocument.new()
    page = target.new_page(*source[23].get_size())
    placed = source.page_as_xobject(23, target).as_pageobject()
    placed.transform(pypdfium2.PdfMatrix().scale(0.5, 0.5).translate(40, 60))
    page.insert_obj(placed)
    page.gen_content()
    path = tmp_path / "form.pdf"
    target.save(str(path))
    with open_lean(path) as lean, open_pdfium(path) as fast:
        assert pdfium_c.FPDFPage_CountObjects(target[0].raw) == 1
        assert_close(
            [r for r in chars_of(fast[0]) if r[0] != " "], [r for r in chars_of(lean[0]) if r[0] != " "]
        )
        assert_same_edges(fast[0], lean[0])


def test_a_standard_font_without_widths_is_measured_as_pdfminer_measures_it(tmp_path: Path):
    path = make_paper(tmp_path / "helvetica.pdf", ["The Governing Body requests the Secretary to report."],
                      symbol="IT/GB-7/17/30")
    with open_lean(path) as lean, open_pdfium(path) as fast:
        assert_close(chars_of(fast[0]), chars_of(lean[0]))
    assert tables_by(path, "pdfium") == tables_by(path, "pdfplumber")


def test_a_rotated_page_is_read_by_pdfplumber(tmp_path: Path):
    document = pypdfium2.PdfDocument(str(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf"))
    document[2].set_rotation(90)
    path = tmp_path / "rotated.pdf"
    document.save(str(path))
    with open_pdfium(path) as pages:
        assert isinstance(pages[0], LeanPage)
    with open_pdfium(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf") as pages:
        assert isinstance(pages[0], PdfiumPage)
    assert tables_by(path, "pdfium") == tables_by(path, "pdfplumber")


def test_glyphs_pdfium_cannot_map_make_the_text_untrustworthy():
    document = extract_pdf(NO_TOUNICODE, ocr=False, engine="pdfium")
    assert document.status == "unmapped_glyphs"
    glyphs = sum(page.chars for page in document.pages)
    assert sum(page.unmapped_glyphs for page in document.pages) == glyphs > 7000


def test_bad_files_are_refused_alike(tmp_path: Path):
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes((CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf").read_bytes()[:4000])
    locked = make_paper(tmp_path / "locked.pdf", ["Confidential."], password="secret")
    for engine in ("pdfplumber", "pdfium"):
        with pytest.raises(UnreadablePdf, match=r"the PDF is damaged \(PSEOF"):
            extract_pdf(truncated, engine=engine)
        with pytest.raises(UnreadablePdf, match="the PDF is protected by a password"):
            extract_pdf(locked, engine=engine)


def test_an_unknown_engine_is_named_in_the_error():
    with pytest.raises(ValueError, match="choose one of pdfplumber, pdfium"):
        extract_pdf(CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf", engine="mupdf")



def test_one_thread_at_a_time_is_in_pdfium():
    """pdfium is not thread-safe: a 200-paper `gbdocs run --engine pdfium` on two threads died of
    SIGSEGV. While one thread reads a document, another waits, for a document of its own too."""
    import threading
    import time

    path = CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf"
    inside, events = threading.Event(), []

    def first() -> None:
        with open_pdfium(path) as pages:
            inside.set()
            _ = pages[0].chars
            time.sleep(0.3)
            events.append("first out")

    def second() -> None:
        inside.wait()
        with open_pdfium(CORPUS / "libreoffice" / "sourcebook-summary.zh.pdf") as pages:
            events.append("second in")
            _ = pages[0].chars

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert events == ["first out", "second in"]
