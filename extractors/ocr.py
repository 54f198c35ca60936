"""OCR fallback for pages without a text layer, with tesseract when it is installed.

The page is rendered with pypdfium2 and read by the `tesseract` command (Debian `tesseract-ocr`, and
`tesseract-ocr-chi-sim` for Chinese). Its words come back as TextLines in PDF points, so the rest of
the pipeline treats OCR text like any other.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

from extractors.pdfium_lock import PDFIUM_LOCK
from extractors.scripts import is_cjk
from models import BBox, TextLine

DPI = 300
PREFERRED_LANGUAGES = ("chi_sim", "eng")
TIMEOUT_SECONDS = 120
# tesseract's OpenMP threads make it about eight times slower on two cores (62 s against 7.6 s a page)
SINGLE_THREAD = {"OMP_THREAD_LIMIT": "1"}


@dataclass(frozen=True)
class OcrPage:
    lines: list[TextLine]
    mean_confidence: float  # 0-100, as tesseract reports it


@functools.cache
def tesseract_languages() -> tuple[str, ...]:
    """The preferred OCR languages installed, or () when tesseract is not installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        return ()
    listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
    return tuple(language for language in PREFERRED_LANGUAGES if language in listed)


def ocr_page(pdf_path: Path, page_index: int, languages: tuple[str, ...]) -> OcrPage:
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(str(pdf_path))
        try:
            page = document[page_index]
            image = page.render(scale=DPI / 72).to_pil()
        finally:
            document.close()
    with tempfile.TemporaryDirectory() as work:
        picture = Path(work) / "page.png"
        image.save(picture)
        result = subprocess.run(
            ["tesseract", str(picture), "stdout", "-l", "+".join(languages), "tsv"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=True,
            env={**os.environ, **SINGLE_THREAD},
        )
    return _lines_from_tsv(result.stdout, page_index + 1, 72 / DPI)


def _lines_from_tsv(tsv: str, page: int, scale: float) -> OcrPage:
    words: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    confidences = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "5" and row["text"].strip():
            words[(row["block_num"], row["par_num"], row["line_num"])].append(row)
            confidences.append(float(row["conf"]))
    lines = []
    for line_words in words.values():
        text = ""
        for word in line_words:
            piece = word["text"].strip()
            if text and not (is_cjk(text[-1]) and is_cjk(piece[0])):
                text += " "
            text += piece
        x0 = min(int(w["left"]) for w in line_words) * scale
        top = min(int(w["top"]) for w in line_words) * scale
        x1 = max(int(w["left"]) + int(w["width"]) for w in line_words) * scale
        bottom = max(int(w["top"]) + int(w["height"]) for w in line_words) * scale
        lines.append(TextLine(page=page, bbox=BBox(x0, top, x1, bottom), text=text, size=round(bottom - top, 1), bold=False))
    lines.sort(key=lambda line: (round(line.bbox.top), line.bbox.x0))
    return OcrPage(lines, sum(confidences) / len(confidences) if confidences else 0.0)
