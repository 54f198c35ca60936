"""Score segmented records against the gold skeletons of resolutions (tests/gold/RESOLUTIONS.md)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from models import Document
from models.paragraph import Paragraph

GOLD = Path(__file__).parent / "gold" / "resolutions"
CLAUSE_KINDS = ("preambular", "operative", "item")
COVER_FIELDS = ("kind", "organization", "symbol", "organ", "distribution", "date", "original_language", "session",
                "agenda_item", "sponsors", "draft_symbol", "title")


@dataclass(frozen=True)
class Score:
    rows: int  # gold rows of the resolution structure (clauses, items, titles, name and adoption lines)
    right: int  # with the same locator, kind, number and lead
    wrong: tuple[tuple[str, str, str, str, str], ...]  # locator, gold kind/number/lead, what came out

    @property
    def share(self) -> float:
        return self.right / self.rows if self.rows else 1.0


def gold_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def structure_score(records: list[Paragraph], gold: list[dict[str, str]]) -> Score:
    """Every gold record but footnotes: found under its locator with its kind, number and lead."""
    by_locator = {r.locator: r for r in records}
    wrong = []
    rows = [row for row in gold if row["kind"] != "footnote"]
    for row in rows:
        record = by_locator.get(row["locator"])
        got = (str(record.kind), record.number, record.lead_verb) if record else None
        if got != (row["kind"], row["number"], row["lead_verb"]):
            wrong.append((row["locator"], row["kind"], row["number"], row["lead_verb"], repr(got)))
    return Score(len(rows), len(rows) - len(wrong), tuple(wrong))


def cover_mismatches(document: Document, gold: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Masthead fields whose value differs: {field: (gold, read)}."""
    read = {name: getattr(document.cover, name, "") for name in COVER_FIELDS if name != "kind"}
    read["kind"] = str(document.kind)
    return {row["field"]: (row["value"], read.get(row["field"], "")) for row in gold if read.get(row["field"], "") != row["value"]}
