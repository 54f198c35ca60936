"""Shared fixtures: the corpus, its known texts, and each corpus PDF extracted once per session."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(CORPUS / "tools"))

from paper_source import PaperSource, read_paper  # noqa: E402

from extractors.extract import extract_pdf  # noqa: E402
from models import Document  # noqa: E402

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


@pytest.fixture(params=RENDERED, ids=[f"{p}:{s}" for p, s in RENDERED])
def rendered(request: pytest.FixtureRequest) -> tuple[PaperSource, Document]:
    producer, stem = request.param
    return paper(stem), extracted(producer, stem)
