"""`make bench`: what a run costs, against the PDF libraries themselves; writes bench/RESULTS.md.

A scaled corpus (200 documents, over 3,000 pages, Chinese and English) is assembled from the rendered
corpus PDFs: each document takes the cover page of one paper and a seeded random run of its other
pages, so contents vary while every page stays a real rendered page. Then, on the same files:

1. raw pdfplumber, every page's characters (the floor for our engine);
2. raw pypdfium2 text extraction (what a PDF library can do);
3. the gbdocs pipeline per document without Prefect (extract, segment, tag);
4. `gbdocs run` end to end, cold (a fresh Prefect home);
5. the same run again with nothing changed (its up-to-date check, and forced through Prefect with
   every document from the cache), and with one file changed;
6. the Dask task runner with two workers against one, each on a Prefect home whose database exists
   but holds no results (the database is created once per machine, ~7 s, and is not part of scaling);
7. the peak resident memory of a run, for 50 and for 200 documents;
E. the pdfium engine (`--engine pdfium`): reading every page as gbdocs reads it (characters, lines,
   rects, images) against 2; the pipeline of 3 and the cold run of 4 on it; and whether that run
   wrote the same tables as 4, byte for byte.

Environment: BENCH_DOCUMENTS (default 200), BENCH_RUNS (repeats of the short measures and of 6,
default 3).
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import psutil
import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus" / "fpdf2").glob("*.pdf")) + sorted((ROOT / "corpus" / "libreoffice").glob("*.pdf"))
DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "200"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def build_corpus(folder: Path, documents: int, seed: int = 2017) -> int:
    """`documents` PDFs of up to 31 pages each (the 6-page sourcebook gives 6); returns the number of pages."""
    folder.mkdir(parents=True, exist_ok=True)
    chooser = random.Random(seed)
    sources = [pypdfium2.PdfDocument(str(path)) for path in SOURCES]
    pages = 0
    for number in range(documents):
        source = sources[number % len(sources)]
        length = min(len(source) - 1, chooser.randint(10, 30))
        start = chooser.randint(1, len(source) - length)
        selection = [0, *range(start, start + length)]
        target = pypdfium2.PdfDocument.new()
        target.import_pages(source, pages=selection)
        target.save(str(folder / f"paper-{number:04d}.pdf"))
        pages += len(selection)
    return pages


def seconds_list(values: list[float]) -> str:
    return ", ".join(f"{value:.1f}" for value in values)


def cpu_list(runs: list[dict]) -> str:
    """The CPU seconds of each run's processes, by role, for the run of median wall time."""
    median_run = sorted(runs, key=lambda run: run["wall_seconds"])[len(runs) // 2]
    roles = median_run["cpu_seconds"]
    return ", ".join(f"{role} {roles[role]:.0f} s" for role in ("workers", "flow", "server", "other") if role in roles)


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def raw_pdfplumber(files: list[Path]) -> None:
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                _ = page.chars
                page.close()


def raw_pypdfium2(files: list[Path]) -> None:
    for path in files:
        document = pypdfium2.PdfDocument(str(path))
        for page in document:
            page.get_textpage().get_text_range()
        document.close()


def pdfium_engine(files: list[Path]) -> None:
    from extractors.pdfium_pages import open_pdfium

    for path in files:
        with open_pdfium(path) as pages:
            for page in pages:
                _ = page.chars, page.edges, page.images
                page.close()


def gbdocs_pipeline(files: list[Path], engine: str = "pdfplumber") -> tuple[int, int]:
    from extractors.process import process_pdf

    paragraphs = references = 0
    for path in files:
        paper = process_pdf(path, ocr=False, engine=engine)
        paragraphs += len(paper.paragraphs)
        references += len(paper.references)
    return paragraphs, references


def prefect_home_with_database(home: Path) -> tuple[float, float]:
    """A Prefect home whose database exists and holds no run; returns how long its server took to
    start the first time (creating the database) and the second."""
    from flows.local_server import LocalPrefectServer, free_port

    starts = []
    for _ in range(2):
        started = time.perf_counter()
        with LocalPrefectServer(home, free_port()) as server:
            server.wait_until_ready()
            starts.append(time.perf_counter() - started)
    return starts[0], starts[1]


def measure_run(folder: Path, out: Path, home: Path, *options: str) -> dict:
    """`gbdocs run` in a process of its own: its wall time, its peak resident memory, and the CPU
    seconds of its processes by role (the flow's, the Prefect server's, the Dask workers')."""
    environment = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    environment.pop("PREFECT_API_URL", None)
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, str(Path(__file__)), "--run", str(folder), str(out), *options],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as process:
        cpu = cpu_by_role(process)
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"gbdocs run {options} failed ({process.returncode}): {stderr[-2000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    if report["exit"] != 0:
        raise RuntimeError(f"gbdocs run {options} exited with {report['exit']}: {report['summary']}")
    report["wall_seconds"] = time.perf_counter() - started
    report["cpu_seconds"] = cpu
    return report


def cpu_by_role(process: subprocess.Popen) -> dict[str, float]:
    """Polls the run's process tree until it ends: the last CPU time seen of each process, summed by
    role. A process that ends between two polls loses at most its last half second."""
    root = psutil.Process(process.pid)
    roles: dict[int, str] = {}  # by the command line seen first: an ending process shows none
    last_seen: dict[int, float] = {}
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in tree:
            try:
                roles.setdefault(member.pid, process_role(member, root))
                times = member.cpu_times()
                last_seen[member.pid] = times.user + times.system
            except psutil.Error:
                continue
        time.sleep(0.5)
    totals: dict[str, float] = {}
    for pid, seconds in last_seen.items():
        totals[roles[pid]] = totals.get(roles[pid], 0.0) + seconds
    return totals


def process_role(member: psutil.Process, root: psutil.Process) -> str:
    command = " ".join(member.cmdline())
    if member.pid == root.pid:
        return "flow"
    if "prefect server start" in command:
        return "server"
    return "workers" if "spawn_main" in command else "other"


def run_in_this_process(folder: str, out: str, *options: str) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    result = CliRunner().invoke(app, ["run", folder, "--out", out, "--no-ocr", *options])
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"exit": result.exit_code, "summary": result.output.strip().splitlines()[-1], "peak_mib": peak_kib / 1024}))


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="gbdocs-bench-"))
    try:
        return benchmark(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def benchmark(work: Path) -> int:
    from extractors.pdfium_chars import native_available

    corpus = work / "corpus"
    pages = build_corpus(corpus, DOCUMENTS)
    files = sorted(corpus.glob("*.pdf"))
    print(f"scaled corpus: {len(files)} documents, {pages} pages", flush=True)

    plumber = timed(lambda: raw_pdfplumber(files))
    pdfium = statistics.median(timed(lambda: raw_pypdfium2(files)) for _ in range(RUNS))
    counts: list[tuple[int, int]] = []
    pipeline = timed(lambda: counts.append(gbdocs_pipeline(files)))
    paragraphs, references = counts[0]
    print(f"1 {plumber:.1f} s, 2 {pdfium:.1f} s, 3 {pipeline:.1f} s", flush=True)
    engine = statistics.median(timed(lambda: pdfium_engine(files)) for _ in range(RUNS))
    engine_counts: list[tuple[int, int]] = []
    engine_pipeline = timed(lambda: engine_counts.append(gbdocs_pipeline(files, "pdfium")))
    print(f"1e {engine:.1f} s, 3e {engine_pipeline:.1f} s", flush=True)

    cold = measure_run(corpus, work / "out", work / "home")
    engine_cold = measure_run(corpus, work / "out-pdfium", work / "home-pdfium", "--engine", "pdfium")
    tables = sorted(path.name for path in (work / "out").glob("*.csv"))
    differing = [name for name in tables if (work / "out" / name).read_bytes() != (work / "out-pdfium" / name).read_bytes()]
    warm = [measure_run(corpus, work / "out", work / "home") for _ in range(RUNS)]
    forced = [measure_run(corpus, work / "out", work / "home", "--force") for _ in range(RUNS)]
    with open(files[0], "ab") as stream:
        stream.write(b"\n%changed\n")
    one_changed = measure_run(corpus, work / "out", work / "home")
    print(f"4 {cold['wall_seconds']:.1f} s, 5 {statistics.median(w['wall_seconds'] for w in warm):.1f} s", flush=True)

    new_home_start, existing_home_start = prefect_home_with_database(work / "home-with-database")
    dask_runs: dict[int, list[dict]] = {1: [], 2: []}
    for repeat in range(RUNS):
        for workers in (1, 2):  # alternated, so that a slower spell of the machine falls on both
            home = work / f"home-dask-{workers}-{repeat}"
            shutil.copytree(work / "home-with-database", home)
            dask_runs[workers].append(measure_run(corpus, work / f"out-dask-{workers}-{repeat}", home,
                                                  "--task-runner", "dask", "--dask-workers", str(workers)))
    dask_seconds = {workers: [run["wall_seconds"] for run in runs] for workers, runs in dask_runs.items()}
    print(f"6 {dask_seconds}", flush=True)
    dask_one, dask_two = statistics.median(dask_seconds[1]), statistics.median(dask_seconds[2])
    fifty = corpus.parent / "fifty"
    fifty.mkdir()
    for path in files[:50]:
        shutil.copy(path, fifty / path.name)
    memory_50 = measure_run(fifty, work / "out50", work / "home50")

    warm_seconds = statistics.median(w["wall_seconds"] for w in warm)
    forced_seconds = statistics.median(w["wall_seconds"] for w in forced)
    lines = [
        "# Benchmarks",
        "",
        f"Scaled corpus: {len(files)} documents, {pages} pages, assembled from the six rendered corpus PDFs (zh and en,",
        f"fpdf2 and LibreOffice); {paragraphs} paragraph records, {references} references. One machine: "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}.",
        f"Short measures, 1e and 6 are the median of {RUNS} runs; 1, 3, 3e, 4, 4e and 7 ran once. The pdfium engine "
        f"asked pdfium of each character {'in C (extractors/libpdfium_chars.so)' if native_available() else 'through ctypes (extractors/libpdfium_chars.so is not built)'}.",
        "",
        "| # | what | seconds | pages/s | paragraphs/s |",
        "|---|---|---|---|---|",
        f"| 1 | raw pdfplumber, every page's chars | {plumber:.1f} | {pages / plumber:.1f} | |",
        f"| 2 | raw pypdfium2 text | {pdfium:.2f} | {pages / pdfium:.0f} | |",
        f"| 3 | gbdocs extract + segment + tag, no Prefect, one core | {pipeline:.1f} | {pages / pipeline:.1f} | {paragraphs / pipeline:.0f} |",
        f"| 4 | `gbdocs run`, cold, threads | {cold['wall_seconds']:.1f} | {pages / cold['wall_seconds']:.1f} | {paragraphs / cold['wall_seconds']:.0f} |",
        f"| 5a | `gbdocs run` again, nothing changed (up to date: no Prefect run) | {warm_seconds:.1f} | | |",
        f"| 5a' | `gbdocs run --force` again, nothing changed (every document from Prefect's cache) | {forced_seconds:.1f} | | |",
        f"| 5b | `gbdocs run` again, one file changed | {one_changed['wall_seconds']:.1f} | | |",
        f"| 6a | `gbdocs run`, cold, Dask, 1 worker (runs: {seconds_list(dask_seconds[1])}) | {dask_one:.1f} | {pages / dask_one:.1f} | |",
        f"| 6b | `gbdocs run`, cold, Dask, 2 workers (runs: {seconds_list(dask_seconds[2])}) | {dask_two:.1f} | {pages / dask_two:.1f} | |",
        f"| 6c | CPU of the median runs' processes: 1 worker: {cpu_list(dask_runs[1])}; 2 workers: {cpu_list(dask_runs[2])} | | | |",
        f"| S | the run's Prefect server starting: new home (creates the database) / existing home | {new_home_start:.1f} / {existing_home_start:.1f} | | |",
        f"| 1e | pdfium engine, every page as gbdocs reads it (chars, lines, rects, images) | {engine:.1f} | {pages / engine:.0f} | |",
        f"| 3e | 3 with `--engine pdfium` | {engine_pipeline:.1f} | {pages / engine_pipeline:.1f} | {paragraphs / engine_pipeline:.0f} |",
        f"| 4e | 4 with `--engine pdfium` | {engine_cold['wall_seconds']:.1f} | {pages / engine_cold['wall_seconds']:.1f} | {paragraphs / engine_cold['wall_seconds']:.0f} |",
        "",
        "| ratio or figure | value | target |",
        "|---|---|---|",
        f"| 3/1, our cost over pdfplumber's | {pipeline / plumber:.2f} | <= 1.3 |",
        f"| 3/2, our cost over pypdfium2's | {pipeline / pdfium:.0f} | (reference) |",
        f"| 5a, unchanged corpus re-run, end to end | {warm_seconds:.1f} s | < 15 s |",
        f"| 5a', the same forced through Prefect | {forced_seconds:.1f} s | (< 15 s) |",
        f"| 6, two Dask workers against one | {dask_one / dask_two:.2f}x | >= 1.7x |",
        f"| 7, peak memory of a run, 50 documents | {memory_50['peak_mib']:.0f} MiB | |",
        f"| 7, peak memory of a run, {len(files)} documents | {cold['peak_mib']:.0f} MiB | no growth |",
        f"| 7, growth from 50 to {len(files)} documents | {cold['peak_mib'] / memory_50['peak_mib']:.2f}x | ~1x |",
        f"| 1e/2, the pdfium engine's reading over raw pypdfium2's | {engine / pdfium:.1f} | <= 5 (stretch) |",
        f"| 3/3e, the pipeline on pdfplumber over the pipeline on pdfium | {pipeline / engine_pipeline:.2f}x | |",
        f"| 3e/2, the pipeline on pdfium over raw pypdfium2 | {engine_pipeline / pdfium:.0f} | (reference) |",
        f"| 4e = 4, tables byte for byte ({len(tables)} CSV files) | "
        f"{'all equal' if not differing else 'differ: ' + ', '.join(differing)} | equal |",
        "",
        f"Run summaries: cold `{cold['summary']}`; unchanged (up to date, it repeats the last run's summary) "
        f"`{warm[0]['summary']}`; forced `{forced[0]['summary']}`; "
        f"one changed `{one_changed['summary']}`.",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--run":
        run_in_this_process(*sys.argv[2:])
        sys.exit(0)
    sys.exit(main())
