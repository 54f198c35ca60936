"""The `gbdocs` command line."""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from extractors.extract import DEFAULT_ENGINE, ENGINES, UnreadablePdf, extract_pdf
from extractors.structure import segment
from models import Document
from models.paragraph import Paragraph

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner

    from flows.run_record import RunSummary

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

app = typer.Typer(help="Turn the meeting papers of UN governing bodies into tables.", no_args_is_help=True)


@app.callback()
def main() -> None:
    """gbdocs: extract, segment and tag governing-body papers (Chinese and English)."""


PdfFile = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="a PDF file")]
OcrOption = Annotated[bool, typer.Option(help="OCR pages without a text layer when tesseract is installed")]


EngineName = Enum("EngineName", {name.upper(): name for name in ENGINES}, type=str)  # one per extract.ENGINES
EngineOption = Annotated[
    EngineName,
    typer.Option(help="what reads the pages: pdfplumber (the reference) or pdfium (the whole run about twice as fast, the same tables on the corpus)"),
]
EXIT_SOME_FAILED = 3
ALIGN_OUT = Path("aligned")  # align's own folder: `output/` is gbdocs run's
# what align writes, under names no run writes: into a run's folder, it adds to the run's files
PAIR_FOLDER = "pair"  # its report and TMX: pair/reports/, pair/tmx/


class TaskRunnerName(str, Enum):
    THREADS = "threads"
    DASK = "dask"


@contextmanager
def told_in_one_line(out: Path) -> Iterator[None]:
    """An error the user can put right ends the command with `gbdocs: …` on one line and its exit
    code (4: another command holds `out`; 1 otherwise), without a traceback."""
    from flows.errors import OutputUnwritable, UserError

    try:
        yield
    except OSError as error:
        told = OutputUnwritable.of(error, out)
        typer.echo(f"gbdocs: {told}", err=True)
        raise typer.Exit(told.exit_code) from error
    except UserError as error:
        typer.echo(f"gbdocs: {error}", err=True)
        raise typer.Exit(error.exit_code) from error


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="PDF files and folders (searched recursively)")],
    out: Annotated[Path, typer.Option(help="folder the tables are written to")] = Path("output"),
    ocr: OcrOption = True,
    task_runner: Annotated[
        TaskRunnerName,
        typer.Option(help="a thread per core in this process, or Dask: a process per worker, a local cluster unless --dask-address"),
    ] = TaskRunnerName.THREADS,
    dask_address: Annotated[
        str | None, typer.Option(help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    ] = None,
    dask_workers: Annotated[int, typer.Option(help="workers of the local Dask cluster")] = 2,
    time_limit: Annotated[float, typer.Option(help="seconds one document may take before it is killed")] = 600,
    memory_limit: Annotated[int, typer.Option(help="MiB one document may take before it is killed")] = 2048,
    force: Annotated[bool, typer.Option(help="run even when nothing changed since the last run into --out")] = False,
    engine: EngineOption = EngineName(DEFAULT_ENGINE),
) -> None:
    """Ingest PDFs into tables (CSV, Parquet, SQLite), and a report and TMX per pair of zh/en twins.

    When the PDFs, the settings and the files in --out are all as the last run left them, nothing is
    run and the last run's summary is printed ("up to date").

    Exit codes: 0 when every document was read; 3 when some failed (see failures.csv; the others land);
    4 when another command is writing to the same folder; 1 for a path that names nothing or an output
    folder that cannot be written (full, read-only), whose tables are then left as they were.
    """
    from flows.inputs import check_inputs
    from flows.lock import ensure_unlocked
    from flows.run_record import run_settings, unchanged_run

    with told_in_one_line(out):
        check_inputs(paths)
        ensure_unlocked(out)
        settings = run_settings(paths, ocr, time_limit, memory_limit, engine.value)
        summary = None if force else unchanged_run(out, settings, paths)
        if summary is None:
            from flows.local_server import prefect_api

            prepare = functools.partial(ingest_on, task_runner, dask_address, dask_workers)
            with prefect_api(prefect_home(), meanwhile=prepare, register_blocks=False) as ingest:  # nobody opens its UI
                # force: the flow need not check again
                summary = ingest(paths, out, ocr, time_limit=time_limit, force=True, engine=engine.value,
                                 memory_limit=memory_limit)
    if summary.up_to_date:
        typer.echo("up to date: the PDFs, the settings and the output are as the last run left them; "
                   "nothing was run (--force runs anyway). Its summary:")
    typer.echo(summary.line())
    if summary.failures:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def extract(
    pdf: PdfFile,
    as_json: Annotated[bool, typer.Option("--json", help="print the whole record as JSON")] = False,
    lines: Annotated[bool, typer.Option(help="with --json, include every block's printed lines")] = False,
    paragraphs: Annotated[bool, typer.Option(help="print the structure records (locator, kind, number, text) instead")] = False,
    ocr: OcrOption = True,
    engine: EngineOption = EngineName(DEFAULT_ENGINE),
) -> None:
    """Print what the extractor recovers from one PDF: cover fields, clean body text, footnotes, tables."""
    try:
        document = extract_pdf(pdf, ocr=ocr, engine=engine.value)
    except UnreadablePdf as error:
        typer.echo(f"gbdocs: {pdf}: {error}", err=True)
        raise typer.Exit(1) from error
    if paragraphs:
        typer.echo(structure_report(segment(document)))
    else:
        typer.echo(document_json(document, lines) if as_json else document_report(document))


@app.command()
def align(
    zh_pdf: Annotated[Path, typer.Argument(help="the Chinese paper")],
    en_pdf: Annotated[Path, typer.Argument(help="its English twin")],
    out: Annotated[Path, typer.Option(help="folder for its tables, the report and the TMX (its own: gbdocs run's tables are never touched)")] = ALIGN_OUT,
    ocr: OcrOption = True,
    engine: EngineOption = EngineName(DEFAULT_ENGINE),
) -> None:
    """Cross-check a Chinese paper against its English twin: the tables pair_alignments and
    pair_crosscheck, a side-by-side HTML report (pair/reports/) and a TMX translation memory
    (pair/tmx/). Into a folder that holds a run, it adds these and changes nothing of the run's."""
    from extractors.align import Twins
    from extractors.process import process_pdf
    from extractors.rows import alignment_rows, crosscheck_rows
    from flows.export import write_tables
    from flows.inputs import check_inputs
    from flows.lock import output_lock
    from flows.report import twin_report, write_twin_files
    from models.tables import AlignmentRow, CrossCheckRow

    with told_in_one_line(out):
        check_inputs([zh_pdf, en_pdf])
    try:
        zh, en = (process_pdf(pdf, ocr=ocr, engine=engine.value) for pdf in (zh_pdf, en_pdf))
    except UnreadablePdf as error:
        typer.echo(f"gbdocs: {error}", err=True)
        raise typer.Exit(1) from error
    symbol = zh.document.cover.symbol or en.document.cover.symbol or f"{zh_pdf.stem}+{en_pdf.stem}"
    twins_report = twin_report(Twins(symbol, symbol, zh, en))
    alignments, checks = twins_report.checked.alignments, twins_report.checked.checks
    tables = {"pair_alignments": (AlignmentRow, alignment_rows(alignments)),
              "pair_crosscheck": (CrossCheckRow, crosscheck_rows(checks))}
    with told_in_one_line(out), output_lock(out):
        write_tables(out, tables)
        report = write_twin_files(out / PAIR_FOLDER, twins_report)
    errors = sum(check.severity == "error" for check in checks)
    typer.echo(f"{len(alignments)} aligned pairs; {len(checks)} flags ({errors} errors); report: {report}")
    for check in checks:
        typer.echo(f"  {check.locator:<14} {check.check:<18} 中文: {check.zh_value or '—'}  English: {check.en_value or '—'}")


@app.command()
def serve(
    paths: Annotated[list[Path], typer.Argument(exists=True, help="PDF files and folders (searched recursively)")],
    cron: Annotated[str, typer.Option(help='when to run, as a cron expression, e.g. "0 6 * * *"')],
    out: Annotated[Path, typer.Option(help="folder the tables are written to")] = Path("output"),
    ocr: OcrOption = True,
    engine: EngineOption = EngineName(DEFAULT_ENGINE),
    port: Annotated[int, typer.Option(help="port of the local Prefect server (when PREFECT_API_URL is unset)")] = 4200,
) -> None:
    """Run the ingestion flow on a schedule. Without PREFECT_API_URL, a local Prefect server (and its UI)
    is started on 127.0.0.1 and stopped with this command (Ctrl-C)."""
    from flows.serve import serve as serve_flow

    home = Path(os.environ.get("PREFECT_HOME", Path.cwd() / ".prefect"))
    serve_flow(paths, out, cron, ocr, engine.value, home, port)


class Format(str, Enum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


OutOption = Annotated[Path, typer.Option(help="the output folder of a run, whose tables are queried")]
FormatOption = Annotated[Format, typer.Option(help="table for reading, csv or json for programs")]


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help='SQL over the tables, e.g. "select kind, count(*) from references group by 1"')],
    out: OutOption = Path("output"),
    format: FormatOption = Format.TABLE,
) -> None:
    """Ask anything in SQL (DuckDB): every table of the output folder is a view by its name."""
    from flows.query import ask

    answer_with(lambda: ask(out, sql), format)


@app.command("requests")
def requests_command(
    to: Annotated[str, typer.Option("--to", help="the addressee: Secretary, Secretariat, Bureau, Contracting Parties, ...")],
    symbol: Annotated[str | None, typer.Option(help="only this paper, e.g. IT/GB-7/17/19")] = None,
    lang: Annotated[str | None, typer.Option(help="only this language: zh or en")] = None,
    out: OutOption = Path("output"),
    format: FormatOption = Format.TABLE,
) -> None:
    """Every request to one addressee: what is asked, on what condition, to report to whom."""
    from flows.query import requests_to

    answer_with(lambda: requests_to(out, to, symbol, lang), format)


@app.command()
def refs(
    identifier: Annotated[str, typer.Argument(help="a decision, resolution, recommendation or article: XIII/24, 7/2015, 18.4(a)")],
    out: OutOption = Path("output"),
    format: FormatOption = Format.TABLE,
) -> None:
    """Every citation of a decision, resolution, recommendation, article or symbol, in every paper and language."""
    from flows.query import citations

    answer_with(lambda: citations(out, identifier), format)


@app.command()
def show(
    reference: Annotated[str, typer.Argument(help="SYMBOL#LOCATOR, e.g. IT/GB-7/17/19#body/17")],
    out: OutOption = Path("output"),
    format: FormatOption = Format.TABLE,
) -> None:
    """A paragraph in every language held."""
    from flows.query import paragraph_everywhere

    answer_with(lambda: paragraph_everywhere(out, reference), format)


@app.command()
def ui(
    out: OutOption = Path("output"),
    port: Annotated[int, typer.Option(help="port on 127.0.0.1")] = 8001,
) -> None:
    """Browse and search the tables in a web page (Datasette on http://127.0.0.1:PORT); Ctrl-C stops it."""
    from flows.ui import serve_ui

    try:
        raise typer.Exit(serve_ui(out, port))
    except FileNotFoundError as error:
        typer.echo(f"gbdocs: {error}", err=True)
        raise typer.Exit(1) from error


def answer_with(question, format: Format) -> None:
    from flows.query import QueryError

    try:
        answer = question()
    except QueryError as error:
        typer.echo(f"gbdocs: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(render_answer(answer, format))


def render_answer(answer, format: Format) -> str:
    if format == Format.JSON:
        return json.dumps([dict(zip(answer.columns, row)) for row in answer.rows], ensure_ascii=False, indent=2, default=str)
    if format == Format.CSV:
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(answer.columns)
        writer.writerows(answer.rows)
        return stream.getvalue().rstrip("\n")
    lines = [" | ".join(answer.columns)]
    lines += [" | ".join("" if value is None else str(value) for value in row) for row in answer.rows]
    lines.append(f"({len(answer.rows)} rows)")
    return "\n".join(lines)


def prefect_home() -> Path:
    """Where Prefect keeps its database and results: PREFECT_HOME, or Prefect's own default."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")


def ingest_on(name: TaskRunnerName, address: str | None, workers: int) -> Callable[..., RunSummary]:
    """`run_ingest` on the chosen task runner. Importing the flow imports Prefect, which takes seconds:
    `gbdocs run` does it while its Prefect server starts, and on threads starts the fork server that
    the papers' readers come from (its imports take seconds too; Dask workers start their own)."""
    from flows.ingest import run_ingest
    from flows.isolation import FORK_SERVER

    if name is TaskRunnerName.THREADS:
        FORK_SERVER.ensure_running()
    return functools.partial(run_ingest, task_runner=chosen_runner(name, address, workers))


def chosen_runner(name: TaskRunnerName, address: str | None, workers: int) -> TaskRunner | None:
    """None for the flow's own default (a thread per core)."""
    if name is TaskRunnerName.THREADS:
        return None
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    # Dask's statistical profiler samples each worker's stack every 10 ms; nobody reads those profiles
    # here, and they cost ~11% of a worker's CPU on this pipeline (69 s against 61.5 s, 50 bench papers)
    no_profiler = {"distributed.worker.profile.enabled": False}
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "silence_logs": logging.ERROR,
                        "config": no_profiler}
    )


def structure_report(records: list[Paragraph]) -> str:
    return "\n".join(
        f"{r.locator:<20} {r.kind:<10} {r.number:<6} {r.text}" + (f"  [{r.lead_verb}]" if r.lead_verb else "")
        for r in records
    )


def document_json(document: Document, with_lines: bool) -> str:
    record = dataclasses.asdict(document)
    if not with_lines:
        for block in record["blocks"]:
            del block["lines"]
    record["body_text"] = document.body_text
    return json.dumps(record, ensure_ascii=False, indent=2)


def document_report(document: Document) -> str:
    cover = document.cover
    out = [f"{document.doc_id}  status={document.status}  language={document.language}  pages={len(document.pages)}"]
    out.append("")
    out.append("COVER")
    for name in ("symbol", "agenda_item", "session", "dates", "place", "date", "title"):
        out.append(f"  {name:<12} {getattr(cover, name)}")
    if document.warnings:
        out += ["", "WARNINGS"] + [f"  {warning}" for warning in document.warnings]
    out += ["", f"BODY ({len(document.blocks)} blocks)"]
    for block in document.blocks:
        where = f"p{block.page}" if block.page == block.page_last else f"p{block.page}-{block.page_last}"
        marks = "".join(f" [^{m.label}@{m.offset}]" for m in block.markers)
        out.append(f"  [{block.index} {where}{marks}] {block.text}")
    out += ["", f"FOOTNOTES ({len(document.footnotes)})"]
    for note in document.footnotes:
        anchor = f"block {note.block_index}" if note.block_index is not None else (
            f"table {note.table_index}" if note.table_index is not None else "no marker")
        out.append(f"  {note.label} (p{note.page}, {anchor}): {note.text}")
    out += ["", f"TABLES ({len(document.tables)})"]
    for table in document.tables:
        columns = max((len(row) for row in table.rows), default=0)
        out.append(
            f"  table {table.index}: pages {table.page}-{table.page_last}, {len(table.rows)} rows x {columns} columns,"
            f" {table.header_rows} header rows"
        )
        for row in table.rows:
            out.append("    | " + " | ".join(row))
    return "\n".join(out)


if __name__ == "__main__":
    app()
