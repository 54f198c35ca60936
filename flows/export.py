"""Write the tables to an output folder: CSV that opens in Excel with Chinese intact, Parquet, and one
SQLite database holding every table.

Every file is written under a temporary name and renamed into place, so a crash never leaves half a
table; rows come in a fixed order, so the same input gives byte-identical files.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extractors.search_text import indexed_text
from models.tables import column_descriptions, column_names

SQLITE_FILE = "gbdocs.sqlite"
ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "int | None": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "int | None": "INTEGER", "float": "REAL", "bool": "INTEGER"}


def write_tables(out: Path, tables: dict[str, tuple[type, Sequence[object]]]) -> None:
    """Each table as `name.csv` and `name.parquet`, and all of them in `gbdocs.sqlite`."""
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)
    for name, (row_type, rows) in tables.items():
        write_csv(out / f"{name}.csv", row_type, rows)
        write_parquet(out / f"{name}.parquet", row_type, rows)
    write_sqlite(out / SQLITE_FILE, tables)


def remove_stale_temporaries(out: Path) -> None:
    """Temporary files a killed run left behind (they are never renamed into place)."""
    for stale in out.rglob(".*.tmp"):
        stale.unlink(missing_ok=True)


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed to it when the block ends without error."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_csv(path: Path, row_type: type, rows: Sequence[object]) -> None:
    """UTF-8 with a byte-order mark (Excel reads Chinese then), RFC 4180 quoting and CRLF."""
    with atomic(path) as temporary, open(temporary, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(column_names(row_type))
        for row in rows:
            writer.writerow(["" if value is None else value for value in dataclasses.astuple(row)])


def write_parquet(path: Path, row_type: type, rows: Sequence[object]) -> None:
    fields = dataclasses.fields(row_type)
    columns = list(zip(*(dataclasses.astuple(row) for row in rows))) or [[] for _ in fields]
    schema = pa.schema(
        [pa.field(f.name, ARROW_TYPES[f.type], metadata={"description": f.metadata["description"]}) for f in fields]
    )
    table = pa.Table.from_arrays([pa.array(list(values), type=ARROW_TYPES[f.type]) for f, values in zip(fields, columns)], schema=schema)
    with atomic(path) as temporary:
        pq.write_table(table, temporary, compression="zstd")


def add_search_index(connection: sqlite3.Connection, paragraphs: Sequence[object]) -> None:
    """`paragraphs_fts`: each paragraph's text with its Chinese cut into words, row for row."""
    connection.execute("CREATE VIRTUAL TABLE paragraphs_fts USING fts5(search_text, tokenize='unicode61')")
    connection.executemany(
        "INSERT INTO paragraphs_fts (rowid, search_text) VALUES (?, ?)",
        ((index, indexed_text(row.text)) for index, row in enumerate(paragraphs, start=1)),
    )


def write_sqlite(path: Path, tables: dict[str, tuple[type, Sequence[object]]]) -> None:
    with atomic(path) as temporary:
        connection = sqlite3.connect(temporary)
        try:
            with connection:
                connection.execute("CREATE TABLE columns (table_name TEXT, column_name TEXT, description TEXT)")
                for name, (row_type, rows) in tables.items():
                    fields = dataclasses.fields(row_type)
                    definition = ", ".join(f'"{f.name}" {SQL_TYPES[f.type]}' for f in fields)
                    connection.execute(f'CREATE TABLE "{name}" ({definition})')
                    placeholders = ", ".join("?" for _ in fields)
                    connection.executemany(f'INSERT INTO "{name}" VALUES ({placeholders})', (dataclasses.astuple(r) for r in rows))
                    connection.executemany(
                        "INSERT INTO columns VALUES (?, ?, ?)",
                        [(name, column, text) for column, text in column_descriptions(row_type).items()],
                    )
                if "paragraphs" in tables:
                    add_search_index(connection, tables["paragraphs"][1])
        finally:
            connection.close()
