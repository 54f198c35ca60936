"""The ingestion flow: find the PDFs, process them a few to a task, cross-check the twins, write the tables.

Each document is cached on its own, by the SHA-256 of the file's bytes, the pipeline version and the
OCR setting, in Prefect's result storage: a second run over an unchanged corpus recomputes nothing, and
a changed file is recomputed alone. A batch of twins' cross-checks is cached by both papers' keys of
every pair. Tables are rewritten from every current document, so rows of a file that is gone are dropped.

The cache holds what a paper's bytes give; where they are is this run's: every row names this run's
file (and the doc_id of a paper without a symbol, its stem), whichever file first gave the result.

Each paper is read in a process of its own, killed at the time or memory limit (`flows.isolation`):
a paper that hangs or explodes is a failures row, and the run goes on.

The flow keeps a few fields of each paper in memory (`PaperSummary`) and the papers themselves in a
`PaperStore` beside the tables, reading them back one at a time to write the rows: its memory does
not grow with the number of papers.
"""

from __future__ import annotations

import hashlib
import os
import queue
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.futures import PrefectFuture
from prefect.results import ResultStore, get_result_store
from prefect.runtime import task_run
from prefect.states import Failed, State
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors import PIPELINE_VERSION
from extractors.extract import DEFAULT_ENGINE, document_id
from extractors.align import TwinPair, Twins, pair_twins
from extractors.rows import alignment_rows, crosscheck_rows, paper_rows
from flows.errors import OutputUnwritable, UserError
from flows.export import table_writer
from flows.inputs import find_pdfs, unique_files
from flows.isolation import Limits, read_paper, run_isolated
from flows.lock import output_lock
from flows.paper_store import PAPER_FOLDER, PaperStore
from flows.run_record import (
    PROCESS_STAGE, RunSummary, discard_record, input_entry, run_settings, unchanged_run, write_record,
)
from flows.report import TwinReport, twin_report, write_twin_files
from models.alignment import CheckedTwins
from models.processed import PaperSummary, ProcessedPaper
from models.tables import TABLES, FailureRow

Item = TypeVar("Item")
DEFAULT_TIME_LIMIT = 600.0  # seconds for one document
# MiB one document may take beyond what its reader starts with: every corpus paper (a 500-page one
# too) takes under 50 MiB; an OCR page rendered at 300 dpi some 30 MiB more
DEFAULT_MEMORY_LIMIT = 2048
# A Prefect task run costs ~0.1-0.2 s of CPU (its context serialized, a client made, its states
# recorded by the server), a tenth of a paper's processing: 200 papers on two Dask workers took 154 s
# one to a task and 134 s four to a task
PAPERS_PER_TASK = 4
TASKS_AT_LEAST = 16  # so that a small run still keeps every worker busy
TWINS_PER_TASK = 8


@dataclass(frozen=True)
class PaperJob:
    path: Path
    key: str  # `paper_key`: where the paper is cached, and its stored_id in the run's PaperStore


@dataclass(frozen=True)
class PaperOutcome:
    result: ProcessedPaper | FailureRow
    from_cache: bool = False


def papers_per_task(papers: int) -> int:
    """PAPERS_PER_TASK, fewer where that would leave fewer than TASKS_AT_LEAST tasks."""
    return max(1, min(PAPERS_PER_TASK, papers // TASKS_AT_LEAST))


def paper_key(sha256: str, ocr: bool, engine: str) -> str:
    """The file's bytes (their SHA-256), not its path: a renamed file is still cached, an edited one is not.
    The default engine's keys carry no engine name, so results cached before there was a choice still count."""
    suffix = "" if engine == DEFAULT_ENGINE else f"-{engine}"
    return f"gbdocs-{PIPELINE_VERSION}-ocr{int(ocr)}-{sha256}{suffix}"


def twins_key(pair: TwinPair) -> str:
    """Both papers' content keys and the names the run gives them: where the pair's rows are stored."""
    names = "|".join((pair.pair_id, pair.zh.stored_id, pair.zh.doc_id, pair.en.stored_id, pair.en.doc_id))
    return f"gbdocs-{PIPELINE_VERSION}-twins-{hashlib.sha256(names.encode()).hexdigest()}"


def twin_batch_key(context: TaskRunContext | None, parameters: dict) -> str:
    """The keys of every pair in the batch: a changed paper recomputes its own batch only."""
    keys = "|".join(twins_key(pair) for pair in parameters["pairs"])
    return f"gbdocs-{PIPELINE_VERSION}-twin-batch-{hashlib.sha256(keys.encode()).hexdigest()}"


def batch_name(first: str, size: int) -> str:
    return first + (f" and {size - 1} more" if size > 1 else "")


def paper_batch_name() -> str:
    jobs: list[PaperJob] = task_run.parameters["jobs"]
    return f"process {batch_name(jobs[0].path.name, len(jobs))}"


def twin_batch_name() -> str:
    pairs: list[TwinPair] = task_run.parameters["pairs"]
    return f"cross-check {batch_name(pairs[0].pair_id, len(pairs))}"


@task(name="process", task_run_name=paper_batch_name, cache_policy=NO_CACHE, persist_result=False,
      cache_result_in_memory=False)
def process_papers(jobs: list[PaperJob], ocr: bool, limits: Limits, engine: str = DEFAULT_ENGINE) -> list[PaperOutcome]:
    """Several papers per task (see `papers_per_task`), each cached on its own under `paper_key` in the
    result storage Prefect gives the task, and read in a process of its own within `limits`. A paper
    that fails is a failures row; the others go on."""
    results = get_result_store()
    return [paper_outcome(job, results, ocr, limits, engine) for job in jobs]


def paper_outcome(job: PaperJob, results: ResultStore, ocr: bool, limits: Limits, engine: str) -> PaperOutcome:
    if results.exists(job.key):
        return PaperOutcome(results.read(job.key).result, from_cache=True)
    try:
        paper = run_isolated(read_paper, (job.path, ocr, limits.seconds, engine), limits)
    except Exception as error:  # noqa: BLE001 - any error of one paper is that paper's failures row
        get_run_logger().error("%s failed: %s: %s", job.path, type(error).__name__, error)
        return PaperOutcome(failure_of(error, str(job.path), PROCESS_STAGE))
    results.write(paper, key=job.key)
    return PaperOutcome(paper)


@task(name="cross-check", task_run_name=twin_batch_name, cache_key_fn=twin_batch_key, persist_result=True,
      cache_result_in_memory=False)
def cross_check(pairs: list[TwinPair], store: PaperStore) -> list[TwinReport]:
    """Several pairs per task: one takes about a tenth of a second, less than Prefect's own cost of a
    task run, so one task each spent more time on Prefect than on the cross-checks (see bench/)."""
    return [twin_report(Twins(pair.pair_id, pair.symbol, store.get(pair.zh), store.get(pair.en))) for pair in pairs]


@flow(name="gbdocs-ingest", task_runner=ThreadPoolTaskRunner(max_workers=os.cpu_count() or 1))
def ingest(
    paths: list[str], out: str, ocr: bool = True, time_limit: float = DEFAULT_TIME_LIMIT, force: bool = False,
    engine: str = DEFAULT_ENGINE, memory_limit: int = DEFAULT_MEMORY_LIMIT,
) -> RunSummary | State:
    """Plain strings as parameters: they travel to deployments and the Prefect UI as they are.

    `time_limit` (seconds) and `memory_limit` (MiB) are each document's: a document over either is
    killed and becomes a failures row. Unless `force`, a run with nothing changed since the last one
    into `out` returns that one's summary. `engine` reads the pages: "pdfplumber" (the reference) or
    "pdfium" (faster, the same tables).

    A run the user can put right (another run holds `out`, it is full or read-only, a path names
    nothing) ends Failed with a one-line message and no traceback; called directly, the flow raises
    that error (a `UserError`).
    """
    try:
        with output_lock(Path(out)):
            return _ingest(paths, Path(out), ocr, Limits(time_limit, memory_limit), force, engine)
    except OSError as error:
        return stopped(OutputUnwritable.of(error, Path(out)))
    except UserError as error:
        return stopped(error)


def stopped(error: UserError) -> State:
    """A failed flow run that Prefect records without logging a traceback."""
    return Failed(message=str(error), data=error)


def _ingest(paths: list[str], out: Path, ocr: bool, limits: Limits, force: bool, engine: str) -> RunSummary:
    started = time.monotonic()
    roots = [Path(path) for path in paths]
    settings = run_settings(roots, ocr, limits.seconds, limits.memory_mb, engine)
    recorded = None if force else unchanged_run(out, settings, roots)
    if recorded is not None:
        return recorded
    discard_record(out)
    pdfs, copies = unique_files(find_pdfs(roots))
    store = PaperStore(out / PAPER_FOLDER)
    summaries, failures, cached = process_all(pdfs, copies, store, ocr, limits, engine)
    summaries = with_unique_ids(summaries)
    pairs = pair_twins(summaries)
    checked, flags, pair_failures = cross_check_all(pairs, store, out)
    store.keep_only({summary.stored_id for summary in summaries} | set(checked.values()))
    failures += pair_failures
    write_run_tables(out, (store.get(s) for s in summaries),
                     (store.get_checked(checked[pair_id]) for pair_id in sorted(checked)), failures)
    summary = RunSummary.of(
        summaries, failures, duplicates=sum(len(c) for c in copies.values()), cached=cached, twins=len(checked),
        flags=flags, seconds=time.monotonic() - started, out=out,
    )
    publish_summary(summary, summaries, failures)
    inputs = [input_entry(copy, digest) for pdf, digest in pdfs.items() for copy in (pdf, *copies.get(pdf, []))]
    write_record(out, settings, inputs, summary.as_record())
    return summary


def process_all(
    pdfs: dict[Path, str], copies: dict[Path, list[Path]], store: PaperStore, ocr: bool, limits: Limits,
    engine: str = DEFAULT_ENGINE,
) -> tuple[list[PaperSummary], list[FailureRow], int]:
    """The documents' tasks, a few to a task (`papers_per_task`); each paper goes to the store as it arrives.
    Returns the summaries, the failures and how many came from the cache."""
    summaries: list[PaperSummary] = []
    failures: list[FailureRow] = []
    cached = 0
    jobs = [PaperJob(pdf, paper_key(digest, ocr, engine)) for pdf, digest in pdfs.items()]
    with progress_bar("processing", len(jobs)) as advance:
        for batch, future in in_batches(lambda batch: process_papers.submit(batch, ocr, limits, engine), jobs, papers_per_task(len(jobs))):
            if future.state.is_failed():  # a task of one paper (see in_batches)
                outcomes = [PaperOutcome(failure_row(future, str(batch[0].path), PROCESS_STAGE))]
            else:
                outcomes = future.result()
            for job, outcome in zip(batch, outcomes, strict=True):
                if isinstance(outcome.result, FailureRow):
                    failures.append(outcome.result)
                else:
                    store.put(job.key, outcome.result)
                    summaries.append(listed(outcome.result, job, copies.get(job.path, [])))
                    cached += outcome.from_cache
                advance()
    return summaries, failures, cached


def listed(paper: ProcessedPaper, job: PaperJob, copies: list[Path]) -> PaperSummary:
    """The paper as this run lists it: under this run's file, and the doc_id that file gives a paper
    without a symbol, whichever file first gave its cached result; its notes name this run's copies."""
    document = paper.document
    return replace(
        PaperSummary.of(paper, job.key),
        source_file=str(job.path),
        doc_id=document_id(document.cover.symbol, str(job.path), document.language),
        notes=tuple(f"the same file is also at {copy}" for copy in copies),
    )


def cross_check_all(pairs: list[TwinPair], store: PaperStore, out: Path) -> tuple[dict[str, str], int, list[FailureRow]]:
    """The pairs' tasks, in batches; as each report arrives, its HTML and TMX are written and its rows go
    to the store. Returns the stored_id of each pair's rows by pair_id, the number of flags and the
    failures (one per bad pair)."""
    checked: dict[str, str] = {}
    flags = 0
    failures: list[FailureRow] = []
    with progress_bar("cross-checking", len(pairs)) as advance:
        for batch, future in in_batches(lambda batch: cross_check.submit(batch, store), pairs, TWINS_PER_TASK):
            if future.state.is_failed():
                failures.append(failure_row(future, batch[0].pair_id, "cross-check"))
                advance()
                continue
            for pair, report in zip(batch, future.result(), strict=True):
                write_twin_files(out, report)
                checked[pair.pair_id] = twins_key(pair)
                store.put(checked[pair.pair_id], report.checked)
                flags += len(report.checked.checks)
                advance()
    return checked, flags, failures


def in_batches(
    submit: Callable[[list[Item]], PrefectFuture], items: list[Item], size: int,
) -> Iterator[tuple[list[Item], PrefectFuture]]:
    """Each batch of `size` items with its finished task, in the order they finish. A batch whose task
    fails (a worker that died, say) is submitted again item by item, so that only a task of one item
    is yielded failed: one bad item is one failure."""
    batches = [items[start:start + size] for start in range(0, len(items), size)]
    while batches:
        futures = {submit(batch): batch for batch in batches}
        batches = []
        for future, batch in completed(futures):
            if future.state.is_failed() and len(batch) > 1:
                batches += [[item] for item in batch]
            else:
                yield batch, future


def failure_row(future: PrefectFuture, source: str, stage: str) -> FailureRow:
    return failure_of(future.result(raise_on_failure=False), source, stage)


def failure_of(error: BaseException, source: str, stage: str) -> FailureRow:
    return FailureRow(source, stage, type(error).__name__, str(error))


def completed(futures: dict[PrefectFuture, Item]) -> Iterator[tuple[PrefectFuture, Item]]:
    """Each future, finished, with what it was submitted for, in the order they finish. Futures leave
    the dict as they are yielded, so a result the caller is done with is not kept alive."""
    finished: queue.SimpleQueue[PrefectFuture] = queue.SimpleQueue()
    for future in futures:
        future.add_done_callback(finished.put)
    while futures:
        future = finished.get()
        future.wait()
        yield future, futures.pop(future)


def run_ingest(
    paths: list[Path], out: Path, ocr: bool = True, task_runner: TaskRunner | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT, force: bool = False, engine: str = DEFAULT_ENGINE,
    memory_limit: int = DEFAULT_MEMORY_LIMIT,
) -> RunSummary:
    """The flow on its default thread pool (a thread per core), or on another task runner (Dask).
    Raises the `UserError` of a run the user can put right."""
    chosen = ingest.with_options(task_runner=task_runner) if task_runner is not None else ingest
    return chosen([str(path) for path in paths], str(out), ocr, time_limit, force, engine, memory_limit)


def write_run_tables(
    out: Path, papers: Iterable[ProcessedPaper], checked: Iterable[CheckedTwins], failures: list[FailureRow],
) -> None:
    """Every table of a run, from papers and pairs given in the order their rows should have."""
    with table_writer(out, TABLES) as writer:
        for paper in papers:
            for name, rows in paper_rows(paper).items():
                writer.add(name, rows, paper.search_texts if name == "paragraphs" else ())
        for pair in checked:
            writer.add("alignments", alignment_rows(pair.alignments))
            writer.add("crosscheck", crosscheck_rows(pair.checks))
        writer.add("failures", sorted(failures, key=lambda f: (f.source_file, f.stage)))


def publish_summary(summary: RunSummary, papers: list[PaperSummary], failures: list[FailureRow]) -> None:
    """A table artifact in the Prefect UI: one row per document and per failure."""
    rows = [
        {"document": p.doc_id, "status": str(p.status), "pages": p.pages, "paragraphs": p.paragraphs,
         "references": p.references, "requests": p.requests, "error": ""}
        for p in papers
    ] + [{"document": f.source_file, "status": "failed", "pages": 0, "paragraphs": 0, "references": 0,
          "requests": 0, "error": f"{f.error_type}: {f.message}"} for f in failures]
    create_table_artifact(key="gbdocs-run", table=rows, description=summary.line())


def with_unique_ids(papers: list[PaperSummary]) -> list[PaperSummary]:
    """Papers sharing a doc_id (one symbol printed twice) keep it by path order; later ones get
    `~` and the start of their content hash, which does not change from run to run. Sorted by doc_id."""
    seen: dict[str, str] = {}
    unique = []
    for paper in sorted(papers, key=lambda p: p.source_file):
        if paper.doc_id in seen:
            note = f"doc_id {paper.doc_id} is also that of {seen[paper.doc_id]}"
            paper = replace(paper, doc_id=f"{paper.doc_id}~{paper.sha256[:8]}", notes=(note, *paper.notes))
        seen[paper.doc_id] = paper.source_file
        unique.append(paper)
    return sorted(unique, key=lambda p: p.doc_id)


@contextmanager
def progress_bar(label: str, total: int) -> Iterator:
    """A bar on a terminal; elsewhere nothing (rich would print a blank line for it)."""
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    console = Console()
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        bar = progress.add_task(label, total=total)
        yield lambda: progress.advance(bar)
