"""The ingestion flow: find the PDFs, process each in its own task, write the tables.

A document's task is cached by the SHA-256 of the file's bytes, the pipeline version and the OCR
setting, with its result persisted: a second run over an unchanged corpus recomputes nothing, and a
changed file is recomputed alone. Tables are rewritten from every current document's result, so rows
of a file that is gone are dropped.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.context import TaskRunContext
from prefect.futures import as_completed
from prefect.task_runners import TaskRunner
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors import PIPELINE_VERSION
from extractors.align import Twins, align_twins, pair_twins
from extractors.crosscheck import crosscheck
from extractors.process import process_pdf, renamed, with_warning
from extractors.rows import (
    alignment_rows,
    block_rows,
    crosscheck_rows,
    document_row,
    footnote_rows,
    paragraph_rows,
    reference_rows,
    request_rows,
    table_cell_rows,
)
from flows.export import write_tables
from flows.lock import output_lock
from flows.report import write_twin_files
from models import DocumentStatus
from models.alignment import Alignment, CrossCheck
from models.processed import ProcessedPaper
from models.tables import (
    AlignmentRow,
    BlockRow,
    CrossCheckRow,
    DocumentRow,
    FailureRow,
    FootnoteRow,
    ParagraphRow,
    ReferenceRow,
    RequestRow,
    TableCellRow,
)


DEFAULT_TIME_LIMIT = 600.0  # seconds for one document


@dataclass(frozen=True)
class RunSummary:
    documents: int
    duplicates: int  # files with the same bytes as another, processed once
    cached: int  # documents whose result came from the cache
    ok: int
    needs_ocr: int
    failed: int
    paragraphs: int
    references: int
    requests: int
    twins: int  # pairs of Chinese and English papers cross-checked
    flags: int
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


def content_key(context: TaskRunContext, parameters: dict) -> str:
    """The file's bytes (their SHA-256), not its path: a renamed file is still cached, an edited one is not."""
    return f"gbdocs-{PIPELINE_VERSION}-ocr{int(parameters['ocr'])}-{parameters['sha256']}"


@task(name="process", task_run_name="process {path}", cache_key_fn=content_key, persist_result=True)
def process_paper(path: Path, sha256: str, ocr: bool, time_limit: float) -> ProcessedPaper:
    """`sha256` is the file's, hashed once by `unique_files`; it keys the cache."""
    return process_pdf(path, ocr=ocr, time_limit=time_limit)


def unique_files(pdfs: list[Path]) -> tuple[dict[Path, str], dict[Path, list[Path]]]:
    """The files to process (the first of each set of identical bytes) with their SHA-256, and the
    copies of each."""
    first: dict[str, Path] = {}
    copies: dict[Path, list[Path]] = {}
    for pdf in pdfs:
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
        if digest in first:
            copies.setdefault(first[digest], []).append(pdf)
        else:
            first[digest] = pdf
    return {pdf: digest for digest, pdf in first.items()}, copies


@flow(name="gbdocs-ingest")
def ingest(paths: list[str], out: str, ocr: bool = True, time_limit: float = DEFAULT_TIME_LIMIT) -> RunSummary:
    """Plain strings as parameters: they travel to deployments and the Prefect UI as they are.

    `time_limit` is each document's, in seconds; a document over it becomes a failures row.
    """
    with output_lock(Path(out)):
        return _ingest(paths, Path(out), ocr, time_limit)


def _ingest(paths: list[str], out: Path, ocr: bool, time_limit: float) -> RunSummary:
    started = time.monotonic()
    pdfs, copies = unique_files(find_pdfs([Path(path) for path in paths]))
    futures = {process_paper.submit(pdf, digest, ocr, time_limit): pdf for pdf, digest in pdfs.items()}
    papers: list[ProcessedPaper] = []
    failures: list[FailureRow] = []
    cached = 0
    with progress_bar(len(pdfs)) as advance:
        for future in as_completed(list(futures)):
            future.wait()
            state = future.state
            if state.is_failed():
                error = future.result(raise_on_failure=False)
                failures.append(FailureRow(str(futures[future]), "process", type(error).__name__, str(error)))
            else:
                paper = future.result()
                for copy in copies.get(futures[future], []):
                    paper = with_warning(paper, f"the same file is also at {copy}")
                papers.append(paper)
                cached += state.name == "Cached"
            advance()
    papers = with_unique_ids(papers)
    checked = [check_twins(twins) for twins in pair_twins(papers)]
    export(out, papers, failures, checked)
    for twins, alignments, checks in checked:
        write_twin_files(out, twins, alignments, checks)
    summary = RunSummary(
        documents=len(pdfs),
        duplicates=sum(len(c) for c in copies.values()),
        cached=cached,
        ok=sum(p.document.status in (DocumentStatus.OK, DocumentStatus.OCR) for p in papers),
        needs_ocr=sum(p.document.status == DocumentStatus.NEEDS_OCR for p in papers),
        failed=len(failures),
        paragraphs=sum(len(p.paragraphs) for p in papers),
        references=sum(len(p.references) for p in papers),
        requests=sum(len(p.requests) for p in papers),
        twins=len(checked),
        flags=sum(len(checks) for _, _, checks in checked),
        seconds=time.monotonic() - started,
        out=out,
    )
    publish_summary(summary, papers, failures)
    return summary


def check_twins(twins: Twins) -> tuple[Twins, list[Alignment], list[CrossCheck]]:
    alignments = align_twins(twins)
    return twins, alignments, crosscheck(twins, alignments)


def run_ingest(
    paths: list[Path], out: Path, ocr: bool = True, task_runner: TaskRunner | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> RunSummary:
    """The flow on the default thread pool, or on another task runner (Dask)."""
    chosen = ingest.with_options(task_runner=task_runner) if task_runner is not None else ingest
    return chosen([str(path) for path in paths], str(out), ocr, time_limit)


def publish_summary(summary: RunSummary, papers: list[ProcessedPaper], failures: list[FailureRow]) -> None:
    """A table artifact in the Prefect UI: one row per document and per failure."""
    rows = [
        {"document": p.document.doc_id, "status": str(p.document.status), "pages": len(p.document.pages),
         "paragraphs": len(p.paragraphs), "references": len(p.references), "requests": len(p.requests), "error": ""}
        for p in papers
    ] + [{"document": f.source_file, "status": "failed", "pages": 0, "paragraphs": 0, "references": 0,
          "requests": 0, "error": f"{f.error_type}: {f.message}"} for f in failures]
    create_table_artifact(
        key="gbdocs-run",
        table=rows,
        description=(
            f"{summary.documents} documents ({summary.cached} from cache): {summary.ok} ok, "
            f"{summary.needs_ocr} needs_ocr, {summary.failed} failed; {summary.paragraphs} paragraphs, "
            f"{summary.references} references, {summary.requests} requests; {summary.twins} twins cross-checked, "
            f"{summary.flags} flags; written to {summary.out}"
        ),
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


def export(
    out: Path,
    papers: list[ProcessedPaper],
    failures: list[FailureRow],
    checked: list[tuple[Twins, list[Alignment], list[CrossCheck]]],
) -> None:
    documents = [p.document for p in papers]
    write_tables(
        out,
        {
            "documents": (DocumentRow, [document_row(d) for d in documents]),
            "blocks": (BlockRow, [row for d in documents for row in block_rows(d)]),
            "paragraphs": (ParagraphRow, [row for p in papers for row in paragraph_rows(p.paragraphs, p.document)]),
            "references": (ReferenceRow, [row for p in papers for row in reference_rows(p.references)]),
            "requests": (RequestRow, [row for p in papers for row in request_rows(p.requests)]),
            "footnotes": (FootnoteRow, [row for d in documents for row in footnote_rows(d)]),
            "table_cells": (TableCellRow, [row for d in documents for row in table_cell_rows(d)]),
            "alignments": (AlignmentRow, [row for _, alignments, _ in checked for row in alignment_rows(alignments)]),
            "crosscheck": (CrossCheckRow, [row for _, _, checks in checked for row in crosscheck_rows(checks)]),
            "failures": (FailureRow, sorted(failures, key=lambda f: f.source_file)),
        },
    )


@contextmanager
def progress_bar(total: int) -> Iterator:
    columns = (TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        bar = progress.add_task("process", total=total)
        yield lambda: progress.advance(bar)
