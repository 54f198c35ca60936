"""What the last run into an output folder read and wrote, so that an unchanged corpus is not run again.

`.gbdocs-run.json` holds the run's settings, every input PDF (path, size, modification time, SHA-256),
every file the folder held when it finished (with its SHA-256) and its summary. A new run with the same
settings, over PDFs with the same bytes, into a folder whose files are all still as recorded, has
nothing to do. A run removes the record before it writes anything, so a run that is killed leaves none.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from extractors import PIPELINE_VERSION
from flows.export import atomic
from flows.inputs import file_sha256, find_pdfs
from models import DocumentStatus
from models.processed import PaperSummary
from models.tables import FailureRow

PROCESS_STAGE = "process"  # the failures row of a file that could not be read

RECORD_FILE = ".gbdocs-run.json"


@dataclass(frozen=True)
class RunSummary:
    """What a run did, computed once (`of`) and told in one line (`line`): the CLI prints it, the
    Prefect artifact describes itself with it, the run record keeps it."""

    documents: int  # files read (one of each set of identical files): the sum of `statuses`
    duplicates: int  # files with the same bytes as another, processed once
    cached: int  # documents whose result came from the cache
    statuses: dict[str, int]  # documents by status, every status named; a file that could not be read is failed
    failures: int  # rows of the failures table: files that could not be read, pairs that could not be checked
    paragraphs: int
    references: int
    requests: int
    twins: int  # pairs of Chinese and English papers cross-checked
    twins_failed: int  # pairs whose cross-check failed
    flags: int
    seconds: float
    out: Path
    up_to_date: bool = False  # nothing had changed since the last run into `out`: nothing was run

    @classmethod
    def of(
        cls, papers: list[PaperSummary], failures: list[FailureRow], *, duplicates: int, cached: int, twins: int,
        flags: int, seconds: float, out: Path,
    ) -> RunSummary:
        unreadable = sum(failure.stage == PROCESS_STAGE for failure in failures)
        counts = Counter(str(paper.status) for paper in papers)
        counts[str(DocumentStatus.FAILED)] += unreadable
        return cls(
            documents=len(papers) + unreadable,
            duplicates=duplicates,
            cached=cached,
            statuses={str(status): counts[str(status)] for status in DocumentStatus},
            failures=len(failures),
            paragraphs=sum(paper.paragraphs for paper in papers),
            references=sum(paper.references for paper in papers),
            requests=sum(paper.requests for paper in papers),
            twins=twins,
            twins_failed=len(failures) - unreadable,
            flags=flags,
            seconds=seconds,
            out=out,
        )

    def line(self) -> str:
        duplicates = f", {self.duplicates} duplicate files skipped" if self.duplicates else ""
        statuses = ", ".join(f"{count} {status}" for status, count in self.statuses.items())
        twins_failed = f" ({self.twins_failed} failed)" if self.twins_failed else ""
        return (
            f"{self.documents} documents{duplicates} ({self.cached} from cache): {statuses}; "
            f"{self.paragraphs} paragraphs, {self.references} references, {self.requests} requests; "
            f"{self.twins} twins cross-checked{twins_failed}, {self.flags} flags; {self.seconds:.1f} s; tables in {self.out}/"
        )

    def as_record(self) -> dict[str, Any]:
        return {**asdict(self), "out": str(self.out), "up_to_date": False}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> RunSummary:
        return cls(**{**record, "out": Path(record["out"]), "up_to_date": True})


def run_settings(paths: list[Path], ocr: bool, time_limit: float, memory_limit: int, engine: str) -> dict[str, Any]:
    return {
        "pipeline_version": PIPELINE_VERSION,
        "paths": sorted(str(path.resolve()) for path in paths),
        "ocr": ocr,
        "time_limit": time_limit,
        "memory_limit": memory_limit,
        "engine": engine,
    }


def output_files(out: Path) -> dict[str, str]:
    """Every file below `out` but hidden ones (the record, the lock, the paper store), with its SHA-256."""
    return {
        path.relative_to(out).as_posix(): file_sha256(path)
        for path in sorted(out.rglob("*"))
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(out).parts)
    }


def input_entry(pdf: Path, sha256: str) -> dict[str, Any]:
    status = pdf.stat()
    return {"path": str(pdf.resolve()), "size": status.st_size, "mtime_ns": status.st_mtime_ns, "sha256": sha256}


def discard_record(out: Path) -> None:
    (out / RECORD_FILE).unlink(missing_ok=True)


def write_record(out: Path, settings: dict[str, Any], inputs: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    record = {"settings": settings, "inputs": inputs, "outputs": output_files(out), "summary": summary}
    with atomic(out / RECORD_FILE) as temporary:
        temporary.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def unchanged_run(out: Path, settings: dict[str, Any], paths: list[Path]) -> RunSummary | None:
    """The recorded summary when nothing has changed since the last run into `out`, else None."""
    try:
        record = json.loads((out / RECORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("settings") != settings:
        return None
    recorded = {entry["path"]: entry for entry in record["inputs"]}
    pdfs = find_pdfs(paths)
    if sorted(str(pdf.resolve()) for pdf in pdfs) != sorted(recorded):
        return None
    for pdf in pdfs:
        entry, status = recorded[str(pdf.resolve())], pdf.stat()
        same_stat = (status.st_size, status.st_mtime_ns) == (entry["size"], entry["mtime_ns"])
        if not same_stat and (status.st_size != entry["size"] or file_sha256(pdf) != entry["sha256"]):
            return None
    if output_files(out) != record["outputs"]:
        return None
    try:
        return RunSummary.from_record(record["summary"])
    except TypeError:  # recorded by a version of gbdocs whose summary had other fields
        return None
