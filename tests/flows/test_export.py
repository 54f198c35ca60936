"""Tables streamed in batches: the same rows in CSV, Parquet and SQLite, and nothing on failure."""

from __future__ import annotations

import csv
import dataclasses
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows import export
from flows.export import SQLITE_FILE, table_writer
from models.tables import FailureRow, TableCellRow

CELLS = [TableCellRow("IT/GB-7/17/19@zh", 1, 8, 9, row, 0, row == 0, f"第{row}行 Türkiye") for row in range(25)]


def test_rows_added_in_batches_land_in_every_format_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    probe = export.ParquetTable(tmp_path / "probe.parquet", TableCellRow)
    for start in (0, 7):
        probe.add([dataclasses.astuple(cell) for cell in CELLS[start : start + 7]])
    monkeypatch.setattr(export, "ROW_GROUP_BYTES", probe.pending_bytes)  # batches of 7: written as 14 rows, then 11
    with table_writer(tmp_path, {"table_cells": TableCellRow, "failures": FailureRow}) as writer:
        for start in range(0, 25, 7):
            writer.add("table_cells", CELLS[start : start + 7])
    texts = [cell.text for cell in CELLS]
    with open(tmp_path / "table_cells.csv", encoding="utf-8-sig", newline="") as stream:
        assert [row["text"] for row in csv.DictReader(stream)] == texts
    parquet = pq.ParquetFile(tmp_path / "table_cells.parquet")
    assert parquet.num_row_groups == 2 and parquet.read().column("text").to_pylist() == texts
    assert parquet.schema_arrow.field("text").metadata[b"description"] == b"cell text"
    database = sqlite3.connect(tmp_path / SQLITE_FILE)
    assert [row[0] for row in database.execute("SELECT text FROM table_cells ORDER BY rowid")] == texts
    assert database.execute("SELECT count(*) FROM failures").fetchone() == (0,)
    assert pq.read_table(tmp_path / "failures.parquet").num_rows == 0


def test_a_failure_while_writing_leaves_the_old_tables_and_no_temporary_file(tmp_path: Path):
    with table_writer(tmp_path, {"table_cells": TableCellRow}) as writer:
        writer.add("table_cells", CELLS[:3])
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    with pytest.raises(RuntimeError), table_writer(tmp_path, {"table_cells": TableCellRow}) as writer:
        writer.add("table_cells", CELLS)
        raise RuntimeError("the disk is full")
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before
