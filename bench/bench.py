"""Benchmarks on the corpus: what a page and a paragraph cost, against the PDF libraries themselves.

Run with `make bench`; writes bench/RESULTS.md. Each figure is the median of several runs in one
process (one core). The scaled corpus of issue 8 is not built yet: these run on corpus/ as it is.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2

from extractors.extract import extract_pdf
from extractors.structure import segment
from extractors.tagging import tag

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
PDFS = sorted((ROOT / "corpus" / "fpdf2").glob("*.pdf")) + sorted((ROOT / "corpus" / "libreoffice").glob("*.pdf"))


def median_seconds(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def raw_pdfplumber() -> None:
    for path in PDFS:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                _ = page.chars
                page.close()


def raw_pypdfium2() -> None:
    for path in PDFS:
        document = pypdfium2.PdfDocument(str(path))
        for page in document:
            page.get_textpage().get_text_range()
        document.close()


def gbdocs_pipeline() -> None:
    for path in PDFS:
        document = extract_pdf(path, ocr=False)
        tag(document, segment(document))


def main() -> int:
    pages = sum(len(pypdfium2.PdfDocument(str(path))) for path in PDFS)
    documents = [extract_pdf(path, ocr=False) for path in PDFS]
    paragraphs = {d.doc_id + str(i): (d, segment(d)) for i, d in enumerate(documents)}
    paragraph_count = sum(len(records) for _, records in paragraphs.values())
    plumber, pdfium, pipeline = (median_seconds(work) for work in (raw_pdfplumber, raw_pypdfium2, gbdocs_pipeline))
    tagging = {}
    for language in ("zh", "en"):
        chosen = [(d, records) for d, records in paragraphs.values() if d.language == language]
        tag(*chosen[0])  # load the pipeline (jieba's dictionary) before timing
        seconds = median_seconds(lambda: [tag(d, records) for d, records in chosen])
        tagging[language] = sum(len(records) for _, records in chosen) / seconds
    lines = [
        "# Benchmarks",
        "",
        f"On {len(PDFS)} corpus PDFs ({pages} pages, {paragraph_count} paragraph records, both producers), one core,",
        f"median of {RUNS} runs. Machine: {sys.platform}, Python {sys.version.split()[0]}.",
        "",
        "| what | seconds | pages/s |",
        "|---|---|---|",
        f"| 1. raw pdfplumber (every page's chars) | {plumber:.2f} | {pages / plumber:.1f} |",
        f"| 2. raw pypdfium2 (every page's text) | {pdfium:.2f} | {pages / pdfium:.1f} |",
        f"| 3. gbdocs extract + segment + tag, no Prefect | {pipeline:.2f} | {pages / pipeline:.1f} |",
        "",
        f"Ratio 3/1 = {pipeline / plumber:.2f} (target <= 1.3); ratio 3/2 = {pipeline / pdfium:.0f}.",
        f"Paragraphs per second through the whole pipeline: {paragraph_count / pipeline:.0f}.",
        "",
        "| tagging (spaCy pipelines) | paragraphs/s per core |",
        "|---|---|",
        *(f"| {language} | {rate:.0f} |" for language, rate in tagging.items()),
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
