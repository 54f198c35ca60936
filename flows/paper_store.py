"""Processed papers kept on disk beside a run's tables, so that the run holds one paper at a time.

Each paper is stored once under its `stored_id` (the content key of its cached task: file hash,
pipeline version, OCR setting), so an unchanged paper is not written again by the next run into the
same folder; papers no longer in the run are removed when it ends.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from extractors.process import as_listed
from flows.export import atomic
from models.processed import PaperSummary, ProcessedPaper

PAPER_FOLDER = ".papers"


class PaperStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, stored_id: str) -> Path:
        return self.folder / f"{stored_id}.pickle"

    def put(self, stored_id: str, paper: ProcessedPaper) -> None:
        path = self.path(stored_id)
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            with atomic(path) as temporary:
                temporary.write_bytes(pickle.dumps(paper, protocol=pickle.HIGHEST_PROTOCOL))

    def get(self, summary: PaperSummary) -> ProcessedPaper:
        """The stored paper as the run lists it (its doc_id, its notes)."""
        paper: ProcessedPaper = pickle.loads(self.path(summary.stored_id).read_bytes())
        return as_listed(paper, summary)

    def keep_only(self, stored_ids: set[str]) -> None:
        for path in self.folder.glob("*.pickle"):
            if path.stem not in stored_ids:
                path.unlink(missing_ok=True)
