"""The ingestion flow: find the PDFs, process each in its own task, write the tables."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, task
from prefect.futures import as_completed
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors.process import process_pdf, renamed
from extractors.rows import (
    block_rows,
    document_row,
    footnote_rows,
    paragraph_rows,
    reference_rows,
    request_rows,
    table_cell_rows,
)
from flows.export import write_csv
from models import DocumentStatus
from models.processed import ProcessedPaper
from models.tables import (
    BlockRow,
    DocumentRow,
    FailureRow,
    FootnoteRow,
    ParagraphRow,
    ReferenceRow,
    RequestRow,
    TableCellRow,
)


@dataclass(frozen=True)
class RunSummary:
    documents: int
    ok: int
    needs_ocr: int
    failed: int
    paragraphs: int
    references: int
    requests: int
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


@task(name="process", task_run_name="process {path}")
def process_paper(path: Path, ocr: bool) -> ProcessedPaper:
    return process_pdf(path, ocr=ocr)


@flow(name="gbdocs-ingest")
def ingest(paths: list[Path], out: Path, ocr: bool = True) -> RunSummary:
    started = time.monotonic()
    pdfs = find_pdfs(paths)
    futures = {process_paper.submit(pdf, ocr): pdf for pdf in pdfs}
    papers: list[ProcessedPaper] = []
    failures: list[FailureRow] = []
    with progress_bar(len(pdfs)) as advance:
        for future in as_completed(list(futures)):
            future.wait()
            if future.state.is_failed():
                error = future.result(raise_on_failure=False)
                failures.append(FailureRow(str(futures[future]), "process", type(error).__name__, str(error)))
            else:
                papers.append(future.result())
            advance()
    papers = with_unique_ids(papers)
    export(out, papers, failures)
    return RunSummary(
        documents=len(pdfs),
        ok=sum(p.document.status in (DocumentStatus.OK, DocumentStatus.OCR) for p in papers),
        needs_ocr=sum(p.document.status == DocumentStatus.NEEDS_OCR for p in papers),
        failed=len(failures),
        paragraphs=sum(len(p.paragraphs) for p in papers),
        references=sum(len(p.references) for p in papers),
        requests=sum(len(p.requests) for p in papers),
        seconds=time.monotonic() - started,
        out=out,
    )


def with_unique_ids(papers: list[ProcessedPaper]) -> list[ProcessedPaper]:
    """Papers sharing a doc_id (one symbol printed twice) keep it by path order; later ones get
    `~` and the start of their content hash, which does not change from run to run."""
    seen: dict[str, str] = {}
    unique = []
    for paper in sorted(papers, key=lambda p: p.document.source_file):
        document = paper.document
        if document.doc_id in seen:
            note = f"doc_id {document.doc_id} is also that of {seen[document.doc_id]}"
            paper = renamed(paper, f"{document.doc_id}~{document.sha256[:8]}", note)
        seen[paper.document.doc_id] = document.source_file
        unique.append(paper)
    return sorted(unique, key=lambda p: p.document.doc_id)


def export(out: Path, papers: list[ProcessedPaper], failures: list[FailureRow]) -> None:
    documents = [p.document for p in papers]
    write_csv(out / "documents.csv", DocumentRow, (document_row(d) for d in documents))
    write_csv(out / "blocks.csv", BlockRow, (row for d in documents for row in block_rows(d)))
    write_csv(out / "paragraphs.csv", ParagraphRow, (row for p in papers for row in paragraph_rows(p.paragraphs)))
    write_csv(out / "references.csv", ReferenceRow, (row for p in papers for row in reference_rows(p.references)))
    write_csv(out / "requests.csv", RequestRow, (row for p in papers for row in request_rows(p.requests)))
    write_csv(out / "footnotes.csv", FootnoteRow, (row for d in documents for row in footnote_rows(d)))
    write_csv(out / "table_cells.csv", TableCellRow, (row for d in documents for row in table_cell_rows(d)))
    write_csv(out / "failures.csv", FailureRow, sorted(failures, key=lambda f: f.source_file))


@contextmanager
def progress_bar(total: int) -> Iterator:
    columns = (TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        bar = progress.add_task("process", total=total)
        yield lambda: progress.advance(bar)
