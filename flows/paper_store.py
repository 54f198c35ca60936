"""Processed papers and cross-checked twins kept on disk beside a run's tables, so that the run
holds one at a time.

Each is stored once under the content key of its cached task (for a paper: file hash, pipeline
version, OCR setting), so an unchanged one is not written again by the next run into the same folder;
those no longer in the run are removed when it ends.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import cast

from extractors.process import as_listed
from flows.export import atomic
from models.alignment import CheckedTwins
from models.processed import PaperSummary, ProcessedPaper

PAPER_FOLDER = ".papers"


class PaperStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, stored_id: str) -> Path:
        return self.folder / f"{stored_id}.pickle"

    def put(self, stored_id: str, record: ProcessedPaper | CheckedTwins) -> None:
        path = self.path(stored_id)
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            with atomic(path) as temporary:
                temporary.write_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))

    def load(self, stored_id: str) -> ProcessedPaper | CheckedTwins:
        return pickle.loads(self.path(stored_id).read_bytes())

    def get(self, summary: PaperSummary) -> ProcessedPaper:
        """The stored paper as the run lists it (its doc_id, its notes)."""
        return as_listed(cast(ProcessedPaper, self.load(summary.stored_id)), summary)

    def get_checked(self, stored_id: str) -> CheckedTwins:
        return cast(CheckedTwins, self.load(stored_id))

    def keep_only(self, stored_ids: set[str]) -> None:
        for path in self.folder.glob("*.pickle"):
            if path.stem not in stored_ids:
                path.unlink(missing_ok=True)
