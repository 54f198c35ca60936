"""The real scanned UN PDFs, and files that are not readable PDFs."""

from __future__ import annotations

import shutil

import pytest

from corpus_data import CORPUS, ROOT
from extractors.extract import UnreadablePdf, extract_pdf
from extractors.glyphs import is_unmapped
from extractors.ocr import tesseract_languages

RESOLUTION_2758 = CORPUS / "scanned" / "1971-10-25_GA_Resolution_2758_ru.pdf"
DRAFT_L632 = CORPUS / "scanned" / "1971-09-29_A_L.632-EN.pdf"


def test_a_scan_without_a_text_layer_is_needs_ocr_when_ocr_is_off():
    document = extract_pdf(RESOLUTION_2758, ocr=False)
    assert document.status == "needs_ocr"
    assert document.blocks == () and document.pages[0].text_source == "none" and document.pages[0].images == 1
    assert any("tesseract-ocr" in warning for warning in document.warnings)


@pytest.mark.skipif(not tesseract_languages(), reason="tesseract-ocr is not installed (optional)")
def test_a_scan_without_a_text_layer_is_read_by_ocr():
    document = extract_pdf(RESOLUTION_2758, ocr=True)
    assert document.status == "ocr" and document.pages[0].text_source == "ocr"
    # a two-column page of the 1971 resolutions volume (2751 to 2763), in Russian
    assert "2752 (XXV" in document.body_text and "A/8384" in document.body_text and "S/10306" in document.body_text
    assert any("low OCR confidence" in warning for warning in document.warnings)  # Russian, read with eng+chi_sim


def test_a_scan_with_an_old_ocr_layer_keeps_it_and_reads_its_masthead():
    document = extract_pdf(DRAFT_L632, ocr=False)
    assert document.status == "ok" and document.language == "en"
    assert (document.cover.symbol, document.cover.agenda_item) == ("A/L.632", "93")
    assert document.doc_id == "A/L.632@en"
    assert "Decides that any proposal in the General Assembly" in document.body_text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "the file is an HTML page"),
        (bytes(range(256)) * 8, "the file is not a PDF"),
    ],
)
def test_files_that_are_not_pdfs_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "paper.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadablePdf, match=message):
        extract_pdf(path)


def test_a_truncated_pdf_is_reported_as_damaged(tmp_path):
    path = tmp_path / "truncated.pdf"
    path.write_bytes((CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf").read_bytes()[:4000])
    with pytest.raises(UnreadablePdf, match="the PDF is damaged"):
        extract_pdf(path)


def test_a_file_name_with_spaces_and_chinese_characters(tmp_path):
    path = tmp_path / "执行摘要 final copy.pdf"
    shutil.copy(CORPUS / "libreoffice" / "sourcebook-summary.zh.pdf", path)
    document = extract_pdf(path)
    assert document.doc_id == "执行摘要 final copy@zh" and document.source_file == str(path)


def test_fonts_without_a_unicode_map_make_the_text_untrustworthy():
    document = extract_pdf(ROOT / "tests" / "fixtures" / "sourcebook-summary-no-tounicode.zh.pdf", ocr=False)
    assert document.status == "unmapped_glyphs"
    glyphs = sum(page.chars for page in document.pages)
    assert sum(page.unmapped_glyphs for page in document.pages) == glyphs > 7000
    assert any("no trustworthy Unicode mapping" in warning for warning in document.warnings)
    assert "(cid:" not in document.body_text and "\ufffd" in document.body_text


def test_private_use_and_cid_glyphs_are_counted_but_mapped_fonts_are_not():
    def char(text, font="ABCDEF+WenQuanYiMicroHei"):
        return {"text": text, "fontname": font}

    assert is_unmapped(char("\uf06e"), set())  # a Wingdings bullet as seed 003's PDF gives it
    assert is_unmapped(char("(cid:30)"), set())
    assert is_unmapped(char("生"), {"ABCDEF+WenQuanYiMicroHei"})
    assert not is_unmapped(char("生"), set())
