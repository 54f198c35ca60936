"""`make layout-fuzz`: how gbdocs reads papers laid out in many ways; writes bench/LAYOUTS.md.

Figures, not tests (like `make bench`). For every producer of corpus/tools/producers.py and
LAYOUT_SEEDS seeds per producer (seed = LAYOUT_SEED_BASE + 1000 * producer's index + i, so every
producer draws its own styles and a new base draws fresh ones), every source NAME.zh or NAME.en under
corpus/sources (reports, notes, resolutions, the UDHR; not the UDHR's planted-slip variants) is
restyled and rendered with `LayoutStyle.draw(seed)`; twins (NAME.zh, NAME.en) get the same producer and
seed, so they share their layout. Each rendering goes to build/layout-fuzz/<producer>/<seed>/<stem>.pdf
and is kept: it is drawn again only when its renderer module, the style sheet's or the source format's
module, the source file or the seed changed (a hash of them sits beside it as <stem>.key).

Each rendering is read by gbdocs on both engines and by pdfplumber's own `extract_text()`, and scored
against its restyled source by bench/layout_scores.py. A renderer that fails to import or raises is a
row "render failed: ..." and the run goes on. Out: bench/LAYOUTS.md (one table, the worst renderings,
the failures), build/layout-fuzz/scores.csv (every rendering's figures and timings) and
build/layout-fuzz/worst/ (copies of the worst PDFs, to open).

Environment: LAYOUT_SEEDS (seeds per producer, default 4: some 12 minutes on 2 cores), LAYOUT_SEED_BASE
(default 0), LAYOUT_JOBS (worker processes, default 2), LAYOUT_SOURCES (comma-separated parts of source
names to keep, e.g. `hrc-res,udhr`: a quick look at a few papers; default all).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import importlib.util
import itertools
import multiprocessing
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "corpus" / "tools"
# the renderers and the source reader import each other by bare name, as pytest's `pythonpath` has them
sys.path.insert(0, str(TOOLS))

from layout_scores import Scores, collapsed, locator_agreement, score_rendering
from layout_style import LayoutStyle, restyle
from paper_source import read_paper
from producers import PRODUCERS, renderer

from extractors.process import process_pdf
from extractors.rows import paper_rows

SOURCES = ROOT / "corpus" / "sources"
OUT = ROOT / "build" / "layout-fuzz"
REPORT = ROOT / "bench" / "LAYOUTS.md"
# 4: four seeds of the five producers over 39 sources (the golden corpus's three, the ten of
# corpus/sources/layouts/, the 24 resolutions, the UDHR's twins) are 780 renderings, some 12 minutes on
# 2 cores when all are drawn anew (7.3 minutes with half of them kept from a run before)
SEEDS = int(os.environ.get("LAYOUT_SEEDS", "4"))
SOURCE_FILTER = [part for part in os.environ.get("LAYOUT_SOURCES", "").split(",") if part]
SEED_BASE = int(os.environ.get("LAYOUT_SEED_BASE", "0"))
JOBS = int(os.environ.get("LAYOUT_JOBS", "2"))
SEED_STRIDE = 1000  # between producers' seeds: no two producers draw the same style
TIME_LIMIT = 300.0  # seconds one reading may take: a pathological rendering must not hold the run
WORST = 20
# the modules whose change alters what a rendering looks like, besides the renderer's own
STYLE_MODULES = (TOOLS / "layout_style.py", TOOLS / "paper_source.py")
STAGES = ("render", "extract", "pdfium", "baseline", "score")
# fork: workers start with the parent's sys.path and imported modules, and no second import of spaCy's deps
FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True)
class Job:
    producer: str
    seed: int
    source: Path  # a .paper file under SOURCES

    @property
    def stem(self) -> str:
        """The source's name without .paper: it-gb-7-17-19.zh."""
        return self.source.stem

    @property
    def twin_key(self) -> tuple[str, int, str]:
        """(producer, seed, NAME) for NAME.zh and NAME.en alike."""
        return self.producer, self.seed, self.stem.rpartition(".")[0]

    @property
    def language(self) -> str:
        """As the file name has it (NAME.zh): the row's language even when the source fails to read."""
        return self.stem.rpartition(".")[2]

    @property
    def target(self) -> Path:
        return OUT / self.producer / str(self.seed) / f"{self.stem}.pdf"


@dataclass
class Result:
    job: Job
    language: str
    style: str  # LayoutStyle.summary()
    error: str = ""  # "render failed: ...", "extract failed: ..."; "" when scored
    reused: bool = False  # the PDF was already rendered from the same inputs
    pdf_made: bool = False  # rendered (or reused) in this run: there is a PDF of this style to open
    seconds: dict[str, float] = field(default_factory=dict)  # by STAGES
    scores: Scores | None = None
    agreement: float | None = None  # with its twin, set once both are in

    @property
    def combined(self) -> float:
        """The ranking score (`Scores.combined`); a rendering gbdocs failed to read scores 0."""
        return self.scores.combined if self.scores else 0.0


# --- one rendering, in a worker -------------------------------------------------------------------


def rendering_key(job: Job) -> str:
    """A hash of everything a rendering is drawn from: seed, producer, renderer module, style modules, source."""
    digest = hashlib.sha256(f"{job.producer}\0{job.seed}\0".encode())
    spec = importlib.util.find_spec(PRODUCERS[job.producer][0])
    module = Path(spec.origin) if spec and spec.origin else None
    for path in (module, *STYLE_MODULES, job.source):
        digest.update(path.read_bytes() if path else b"no renderer module")
    return digest.hexdigest()


def rendered(job: Job, render: Callable[[Path], None]) -> bool:
    """Make job.target unless the same inputs made it before; True when it was reused."""
    key, key_file = rendering_key(job), job.target.with_suffix(".key")
    if job.target.exists() and key_file.exists() and key_file.read_text() == key:
        return True
    job.target.parent.mkdir(parents=True, exist_ok=True)
    # drawn under another name first, so a renderer dying half way leaves no PDF to be taken for done
    partial = job.target.with_name(f"{job.stem}.partial.pdf")
    render(partial)
    partial.replace(job.target)
    key_file.write_text(key)
    return False


def run(job: Job) -> Result:
    """Render, read and score one rendering; a failing stage ends it with its error as the row."""
    style = LayoutStyle.draw(job.seed)
    result = Result(job, job.language, style.summary())
    stage = "source"
    clock = time.perf_counter()

    def lap() -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[stage] = now - clock
        clock = now

    # any exception: the renderers are being written while this runs, and a rendering gbdocs cannot
    # read is a finding of the run, not its end
    try:
        paper = restyle(read_paper(job.source), style)
        result.language = paper.language
        stage = "render"
        result.reused = rendered(job, lambda target: renderer(job.producer)(paper, target, style))
        result.pdf_made = True
        lap()
        stage = "extract"
        processed = process_pdf(job.target, ocr=False, time_limit=TIME_LIMIT, engine="pdfplumber")
        lap()
        stage = "pdfium"
        on_pdfium = process_pdf(job.target, ocr=False, time_limit=TIME_LIMIT, engine="pdfium")
        lap()
        stage = "baseline"
        with pdfplumber.open(job.target) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
        lap()
        stage = "score"
        result.scores = score_rendering(
            paper, style, processed.document, processed.paragraphs, paper_rows(processed), paper_rows(on_pdfium), pages
        )
        lap()
    except Exception as error:
        message = collapsed(str(error))[:300]
        result.error = f"{stage} failed: {type(error).__name__}: {message}"
    return result


# --- the pool -------------------------------------------------------------------------------------


def run_all(jobs: Sequence[Job], workers: int) -> list[Result]:
    """Every job's result. A worker that dies (a crash in native code) takes the jobs it was running
    with it; those run again one at a time, so the one that crashes again is recorded as such."""
    counter = itertools.count(1)

    def announce(result: Result) -> None:
        print(f"[{next(counter)}/{len(jobs)}] {progress(result)}", flush=True)

    results, lost = run_pool(jobs, workers, announce)
    for job in lost:
        again, crashed = run_pool([job], 1, announce)
        results += again
        results += [crash(each) for each in crashed]
    return results


def run_pool(jobs: Sequence[Job], workers: int, announce: Callable[[Result], None]) -> tuple[list[Result], list[Job]]:
    """The results of `jobs` on `workers` processes, and the jobs lost to a dying worker. At most
    `workers` jobs are handed out at once, so that the lost ones are only those that were running."""
    queue, results, lost = list(reversed(jobs)), [], []
    while queue:
        with ProcessPoolExecutor(workers, mp_context=FORK) as pool:
            running: dict[Future[Result], Job] = {}
            broken = False
            while (queue or running) and not broken:
                while queue and len(running) < workers:
                    job = queue.pop()
                    running[pool.submit(run, job)] = job
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    job = running.pop(future)
                    try:
                        results.append(future.result())
                        announce(results[-1])
                    except BrokenProcessPool:
                        lost.append(job)
                        broken = True
            lost += running.values()
    return results, lost


def crash(job: Job) -> Result:
    return Result(job, job.language, LayoutStyle.draw(job.seed).summary(), error="worker died: a crash while rendering or reading it")


def progress(result: Result) -> str:
    """One line on a finished rendering: its stages' seconds and its main figures or its error."""
    job = result.job
    times = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.seconds.items())
    what = result.error or (
        f"verbatim {result.scores.blocks_verbatim:.3f}, 5-gram {result.scores.ngram5:.3f}, "
        f"numbered {'—' if result.scores.numbered_right is None else f'{result.scores.numbered_right:.3f}'}, leaks {result.scores.leaks}"
    )
    reused = " (reused)" if result.reused else ""
    return f"{job.producer} {job.seed} {job.stem}{reused}: {times}; {what}"


def pair_twins(results: Sequence[Result]) -> None:
    """Set each scored twin's locator agreement with the other twin of its producer and seed."""
    pairs: dict[tuple[str, int, str], list[Result]] = {}
    for result in results:
        if result.scores:
            pairs.setdefault(result.job.twin_key, []).append(result)
    for twins in pairs.values():
        if len(twins) == 2:
            agreement = locator_agreement(twins[0].scores.locators, twins[1].scores.locators)
            for result in twins:
                result.agreement = agreement


# --- writing --------------------------------------------------------------------------------------

CSV_FIELDS = (
    "producer", "seed", "stem", "language", "error", "reused", *(f"{stage}_s" for stage in STAGES),
    "blocks_verbatim", "baseline_blocks_verbatim", "ngram5", "baseline_ngram5", "footnotes_found",
    "footnotes_linked", "leaks", "baseline_leaks", "numbered_right", "locator_agreement", "engines_differ",
    "combined", "missing_footnotes", "unlinked_footnotes", "style",
)  # fmt: skip


def csv_row(result: Result) -> dict[str, object]:
    job, scores = result.job, result.scores
    row: dict[str, object] = {
        "producer": job.producer, "seed": job.seed, "stem": job.stem, "language": result.language,
        "error": result.error, "reused": result.reused, "style": result.style,
        **{f"{stage}_s": round(seconds, 2) for stage, seconds in result.seconds.items()},
    }  # fmt: skip
    if scores:
        row |= {
            "blocks_verbatim": scores.blocks_verbatim, "baseline_blocks_verbatim": scores.baseline_blocks_verbatim,
            "ngram5": scores.ngram5, "baseline_ngram5": scores.baseline_ngram5,
            "footnotes_found": scores.footnotes.found, "footnotes_linked": scores.footnotes.linked,
            "leaks": scores.leaks, "baseline_leaks": scores.baseline_leaks, "numbered_right": scores.numbered_right,
            "locator_agreement": result.agreement, "engines_differ": " ".join(scores.engines_differ),
            "combined": scores.combined, "missing_footnotes": " ".join(scores.footnotes.missing),
            "unlinked_footnotes": " ".join(scores.footnotes.unlinked),
        }  # fmt: skip
    return row


def write_csv(results: Sequence[Result], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_row(result) for result in results)


def mean_min(values: Sequence[float | None]) -> str:
    """`mean (min)` of the known values, to 3 places; "—" without any."""
    known = [value for value in values if value is not None]
    return f"{statistics.fmean(known):.3f} ({min(known):.3f})" if known else "—"


def mean_max(values: Sequence[int]) -> str:
    """`mean (max)`, for counts where the worst is the largest."""
    return f"{statistics.fmean(values):.1f} ({max(values)})" if values else "—"


def table_row(producer: str, language: str, results: Sequence[Result]) -> str:
    scored = [r.scores for r in results if r.scores]
    failed = [r for r in results if r.error]
    renderings = f"{len(scored)}/{len(results)}" + (f" ({len(failed)} failed)" if failed else "")
    if not scored:
        return f"| {producer} | {language} | {renderings} |" + " — |" * 8
    differ: dict[str, int] = {}
    for scores in scored:
        for name in scores.engines_differ:
            differ[name] = differ.get(name, 0) + 1
    equal = sum(not scores.engines_differ for scores in scored)
    engines = f"{equal}/{len(scored)}" + "".join(f"; {name} differs in {n}" for name, n in sorted(differ.items()))
    agreement = mean_min([r.agreement for r in results]) if language == "en" else "(en row)"
    cells = (
        f"{mean_min([s.blocks_verbatim for s in scored])} \\| {mean_min([s.baseline_blocks_verbatim for s in scored])}",
        f"{mean_min([s.ngram5 for s in scored])} \\| {mean_min([s.baseline_ngram5 for s in scored])}",
        f"{mean_min([s.footnotes.found for s in scored])} / {mean_min([s.footnotes.linked for s in scored])}",
        f"{mean_max([s.leaks for s in scored])} \\| {mean_max([s.baseline_leaks for s in scored])}",
        mean_min([s.numbered_right for s in scored]),
        agreement,
        engines,
        str(sum(s.ngram5 < s.baseline_ngram5 for s in scored)),
    )
    return f"| {producer} | {language} | {renderings} | " + " | ".join(cells) + " |"


def clip(text: str, length: int = 80) -> str:
    text = collapsed(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def worst_entry(rank: int, result: Result, copy: Path) -> list[str]:
    job, scores = result.job, result.scores
    lines = [
        f"{rank}. **{job.producer}, seed {job.seed}, {job.stem}**: combined {result.combined:.3f}; "
        f"`{copy.relative_to(ROOT)}`",
        f"   - style: {result.style}",
    ]
    if not scores:
        return lines + [f"   - {result.error}"]
    if scores.not_verbatim_count:
        lines.append(f"   - blocks not verbatim: {scores.not_verbatim_count} of {scores.blocks_expected}")
        lines += [f"     - {difference}" for difference in scores.not_verbatim]
    notes = scores.footnotes
    if notes.missing or notes.unlinked or notes.spurious:
        lines.append(
            f"   - footnotes missing: {', '.join(notes.missing) or 'none'}; not linked: "
            f"{', '.join(notes.unlinked) or 'none'}; read but not in the source: {', '.join(notes.spurious) or 'none'}"
        )
    if scores.leaks:
        leaked = "; ".join(f"{' + '.join(f'«{line}»' for line in held)} in «{clip(block)}»" for block, held in scores.leaked)
        lines.append(f"   - leaking blocks: {scores.leaks}: {leaked}")
    if scores.wrong_records:
        lines.append(f"   - wrong records: {scores.wrong_count} of {scores.records_expected}")
        lines += [f"     - {record}" for record in scores.wrong_records]
    if scores.engines_differ:
        lines.append(f"   - engines differ on: {', '.join(scores.engines_differ)}")
    return lines


def copy_worst(worst: Sequence[Result]) -> list[Path]:
    """Copy the worst PDFs to OUT/worst (emptied first), named by rank; returns the copies' paths."""
    folder = OUT / "worst"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copies = []
    for rank, result in enumerate(worst, 1):
        job = result.job
        copies.append(folder / f"{rank:02d}-{job.producer}-{job.seed}-{job.stem}.pdf")
        shutil.copyfile(job.target, copies[-1])
    return copies


def report(results: Sequence[Result], minutes: float, worst: Sequence[Result], copies: Sequence[Path]) -> str:
    producers = list(PRODUCERS)
    languages = sorted({r.language for r in results}, key=lambda language: (language != "zh", language))
    seeds = sorted({r.job.seed for r in results})
    fresh = [r.seconds["render"] for r in results if "render" in r.seconds and not r.reused]
    timing = ", ".join(
        f"{stage} {statistics.fmean(values):.1f}"
        for stage in STAGES
        if (values := fresh if stage == "render" else [r.seconds[stage] for r in results if stage in r.seconds])
    )
    lines = [
        "# Layout fuzz",
        "",
        "`make layout-fuzz` (bench/layout_fuzz.py): every source under corpus/sources rendered by every producer in",
        "corpus/tools/producers.py with seeded layout styles (corpus/tools/layout_style.py), read by gbdocs and by",
        "pdfplumber's own `extract_text()` from the same file, and scored against the restyled source. What each",
        "figure counts is in bench/layout_scores.py's docstrings. Numbered records are held to the skeleton the tests",
        "use (a resolution's for corpus/sources/resolutions/, tests/gold/RESOLUTIONS.md; a report's otherwise); the",
        "UDHR, written for the aligner, is scored on its text and its twins' locator agreement only.",
        "",
        f"Run {datetime.datetime.now():%Y-%m-%d %H:%M}: {SEEDS} seeds per producer (LAYOUT_SEED_BASE {SEED_BASE}; seeds "
        f"{', '.join(map(str, seeds))}), {len(results)} renderings ({sum(r.reused for r in results)} reused from "
        f"build/layout-fuzz), {minutes:.1f} minutes on {os.cpu_count()} cores with {JOBS} worker processes (load "
        f"average {os.getloadavg()[1]:.1f} over the run's last 5 minutes: other work slows every stage). Mean "
        f"seconds per rendering: {timing} (render: fresh ones only; extract and pdfium: gbdocs' extract, segment and "
        "tag on each engine; baseline: extract_text).",
        "",
        "Each figure is `mean (min)` over the renderings (leaks: `mean (max)`); `a \\| b` is gbdocs against "
        "extract_text.",
        "",
        "| producer | language | renderings scored | blocks verbatim | 5-gram coverage | footnotes found / linked "
        "| leaks | numbered right | locator agreement (pair) | engines equal | below extract_text on coverage |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for producer in producers:
        for language in languages:
            mine = [r for r in results if r.job.producer == producer and r.language == language]
            lines.append(table_row(producer, language, mine))
    failures: dict[tuple[str, str], list[str]] = {}
    for result in results:
        if result.error:
            failures.setdefault((result.job.producer, result.error), []).append(f"{result.job.seed}/{result.job.stem}")
    if failures:
        lines += ["", "## Failures", ""]
        for (producer, error), which in sorted(failures.items()):
            lines.append(f"- {producer}, {len(which)}×: {error} ({', '.join(which[:4])}{', …' if len(which) > 4 else ''})")
    lines += ["", f"## The {len(worst)} worst renderings", "", "Copies in build/layout-fuzz/worst/; every rendering's "
              "figures in build/layout-fuzz/scores.csv.", ""]  # fmt: skip
    for rank, (result, copy) in enumerate(zip(worst, copies), 1):
        lines += worst_entry(rank, result, copy)
    return "\n".join(lines) + "\n"


def main() -> int:
    # twins only: a variant (udhr.zh.day) repeats its twin's layout with a planted slip for the cross-check
    sources = sorted(
        (path for path in SOURCES.rglob("*.paper") if path.stem.rpartition(".")[2] in ("zh", "en")),
        key=lambda path: path.name,
    )
    sources = [path for path in sources if not SOURCE_FILTER or any(part in path.stem for part in SOURCE_FILTER)]
    stems = [path.stem for path in sources]
    if len(set(stems)) < len(stems):
        raise SystemExit(f"two sources share a name, and so a rendering's file: {sorted(stems)}")
    jobs = [
        Job(producer, SEED_BASE + SEED_STRIDE * index + i, source)
        for index, producer in enumerate(PRODUCERS)
        for i in range(SEEDS)
        for source in sources
    ]
    started = time.perf_counter()
    results = sorted(run_all(jobs, JOBS), key=lambda r: (list(PRODUCERS).index(r.job.producer), r.job.seed, r.job.stem))
    minutes = (time.perf_counter() - started) / 60
    pair_twins(results)
    write_csv(results, OUT / "scores.csv")
    # a rendering that never rendered is the renderer's failure, listed under Failures: it has no PDF to open
    worst = sorted((r for r in results if r.pdf_made), key=lambda r: r.combined)[:WORST]
    REPORT.write_text(report(results, minutes, worst, copy_worst(worst)), encoding="utf-8")
    print(f"{len(results)} renderings in {minutes:.1f} min: {REPORT.relative_to(ROOT)}, {(OUT / 'scores.csv').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
