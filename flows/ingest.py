"""The ingestion flow: find the PDFs, extract each in its own task, write the tables."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, task
from prefect.futures import as_completed
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors.extract import extract_pdf
from extractors.rows import block_rows, document_row, footnote_rows, paragraph_rows, table_cell_rows
from extractors.structure import segment
from flows.export import write_csv
from models import Document, DocumentStatus
from models.tables import BlockRow, DocumentRow, FailureRow, FootnoteRow, ParagraphRow, TableCellRow


@dataclass(frozen=True)
class RunSummary:
    documents: int
    ok: int
    needs_ocr: int
    failed: int
    blocks: int
    paragraphs: int
    footnotes: int
    seconds: float
    out: Path


def find_pdfs(paths: list[Path]) -> list[Path]:
    """The PDFs named, and those found below the folders named, in a stable order."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        elif path.is_file():
            found.add(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(found)


@task(name="extract", task_run_name="extract {path}")
def extract_document(path: Path, ocr: bool) -> Document:
    return extract_pdf(path, ocr=ocr)


@flow(name="gbdocs-ingest")
def ingest(paths: list[Path], out: Path, ocr: bool = True) -> RunSummary:
    started = time.monotonic()
    pdfs = find_pdfs(paths)
    futures = {extract_document.submit(pdf, ocr): pdf for pdf in pdfs}
    documents: list[Document] = []
    failures: list[FailureRow] = []
    with progress_bar(len(pdfs)) as advance:
        for future in as_completed(list(futures)):
            future.wait()
            if future.state.is_failed():
                error = future.result(raise_on_failure=False)
                failures.append(FailureRow(str(futures[future]), "extract", type(error).__name__, str(error)))
            else:
                documents.append(future.result())
            advance()
    documents = with_unique_ids(documents)
    paragraphs = export(out, documents, failures)
    return RunSummary(
        documents=len(pdfs),
        ok=sum(d.status in (DocumentStatus.OK, DocumentStatus.OCR) for d in documents),
        needs_ocr=sum(d.status == DocumentStatus.NEEDS_OCR for d in documents),
        failed=len(failures),
        blocks=sum(len(d.blocks) for d in documents),
        paragraphs=paragraphs,
        footnotes=sum(len(d.footnotes) for d in documents),
        seconds=time.monotonic() - started,
        out=out,
    )


def with_unique_ids(documents: list[Document]) -> list[Document]:
    """Papers sharing a doc_id (one symbol printed twice) keep it by path order; later ones get
    `~` and the start of their content hash, which does not change from run to run."""
    seen: dict[str, str] = {}
    unique = []
    for document in sorted(documents, key=lambda d: d.source_file):
        if document.doc_id in seen:
            note = f"doc_id {document.doc_id} is also that of {seen[document.doc_id]}"
            document = dataclasses.replace(
                document, doc_id=f"{document.doc_id}~{document.sha256[:8]}", warnings=document.warnings + (note,)
            )
        seen[document.doc_id] = document.source_file
        unique.append(document)
    return sorted(unique, key=lambda d: d.doc_id)


def export(out: Path, documents: list[Document], failures: list[FailureRow]) -> int:
    """Write every table; returns the number of paragraph records."""
    write_csv(out / "documents.csv", DocumentRow, (document_row(d) for d in documents))
    write_csv(out / "blocks.csv", BlockRow, (row for d in documents for row in block_rows(d)))
    paragraphs = write_csv(out / "paragraphs.csv", ParagraphRow, (row for d in documents for row in paragraph_rows(segment(d))))
    write_csv(out / "footnotes.csv", FootnoteRow, (row for d in documents for row in footnote_rows(d)))
    write_csv(out / "table_cells.csv", TableCellRow, (row for d in documents for row in table_cell_rows(d)))
    write_csv(out / "failures.csv", FailureRow, sorted(failures, key=lambda f: f.source_file))
    return paragraphs


@contextmanager
def progress_bar(total: int) -> Iterator:
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        bar = progress.add_task("extract", total=total)
        yield lambda: progress.advance(bar)
