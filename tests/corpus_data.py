"""The corpus as the tests see it: known sources, and each corpus PDF extracted once per session."""

from __future__ import annotations

import functools
from pathlib import Path

from paper_source import PaperSource, read_paper

from extractors.extract import extract_pdf
from models import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PRODUCERS = ("fpdf2", "libreoffice")
SOURCES = tuple(sorted(path.stem for path in (CORPUS / "sources").glob("*.paper")))
RENDERED = [(producer, stem) for producer in PRODUCERS for stem in SOURCES]
SCANNED = tuple(sorted((CORPUS / "scanned").glob("*.pdf")))


@functools.cache
def paper(stem: str) -> PaperSource:
    return read_paper(CORPUS / "sources" / f"{stem}.paper")


@functools.cache
def extracted(producer: str, stem: str) -> Document:
    return extract_pdf(CORPUS / producer / f"{stem}.pdf", ocr=False)
