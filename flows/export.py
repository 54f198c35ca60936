"""Write the tables to an output folder: CSV that opens in Excel with Chinese intact, Parquet, and one
SQLite database holding every table.

Rows are streamed in, a batch at a time, so a run never holds a whole table; every file is written
under a temporary name and all are renamed into place together when the last row is in, so a crash
(or a full disk) never leaves half a table. Rows come in the caller's fixed order: the same input
gives byte-identical files.

A writer owns the tables it is given and nothing else: the new database also holds every other
table of the one it replaces (`gbdocs align`'s in a run's folder, or the run's in align's), copied
as they were, so no command's database loses another's tables.
"""

from __future__ import annotations

import csv
import dataclasses
import errno
import operator
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from models.tables import column_descriptions, column_names

SQLITE_FILE = "gbdocs.sqlite"
SEARCH_TABLE = "paragraphs_fts"  # full-text index of the paragraphs table, row for row
# Arrow bytes a Parquet file buffers before writing them as one row group: a bound, so that memory
# does not grow with the corpus (a bound of 50,000 rows held every paragraph of 200 papers, ~100 MiB)
ROW_GROUP_BYTES = 2 * 2**20
ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "int | None": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "int | None": "INTEGER", "float": "REAL", "bool": "INTEGER"}
# SQLite's own codes for what the file system said (its extended codes keep these in the low byte)
SQLITE_DISK_ERRORS = {sqlite3.SQLITE_FULL: errno.ENOSPC, sqlite3.SQLITE_READONLY: errno.EROFS,
                      sqlite3.SQLITE_IOERR: errno.EIO, sqlite3.SQLITE_CANTOPEN: errno.EACCES}


def attrgetter_tuple(names: list[str]) -> Callable[[object], tuple]:
    getter = operator.attrgetter(*names)
    return getter if len(names) > 1 else lambda row: (getter(row),)


def temporary_beside(path: Path) -> Path:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    return Path(temporary)


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed to it when the block ends without error."""
    temporary = temporary_beside(path)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def remove_stale_temporaries(out: Path) -> None:
    """Temporary files a killed run left behind (they are never renamed into place)."""
    for stale in out.rglob(".*.tmp"):
        stale.unlink(missing_ok=True)


def arrow_schema(row_type: type) -> pa.Schema:
    return pa.schema(
        [pa.field(f.name, ARROW_TYPES[f.type], metadata={"description": f.metadata["description"]})
         for f in dataclasses.fields(row_type)]
    )


class ParquetTable:
    """A Parquet file written row group by row group. Rows wait as Arrow batches, which take a
    fraction of the memory of Python tuples of strings."""

    def __init__(self, path: Path, row_type: type) -> None:
        self.schema = arrow_schema(row_type)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.pending: list[pa.RecordBatch] = []
        self.pending_bytes = 0

    def add(self, rows: Sequence[tuple]) -> None:
        if not rows:
            return
        columns = zip(*rows)
        batch = pa.RecordBatch.from_arrays(
            [pa.array(list(values), type=field.type) for field, values in zip(self.schema, columns)], schema=self.schema
        )
        self.pending.append(batch)
        self.pending_bytes += batch.nbytes
        if self.pending_bytes >= ROW_GROUP_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.writer.write_table(pa.Table.from_batches(self.pending, schema=self.schema).combine_chunks())
            self.pending = []
            self.pending_bytes = 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


class TableWriter:
    """Every table as `name.csv` and `name.parquet`, and all of them in `gbdocs.sqlite`, fed row batch
    by row batch with `add`. Nothing appears in `out` until `table_writer`'s block ends without error."""

    def __init__(self, out: Path, tables: dict[str, type], stack: ExitStack, renames: list[tuple[Path, Path]]) -> None:
        self.tables = tables
        self.previous_database = out / SQLITE_FILE
        self.renames = renames  # (temporary, final) of every file begun
        # a row's fields as a tuple: rows hold plain values, so no deep copy (dataclasses.astuple) is needed
        self.values = {name: attrgetter_tuple(column_names(row_type)) for name, row_type in tables.items()}
        self.inserts = {
            name: f'INSERT INTO "{name}" VALUES ({", ".join("?" for _ in dataclasses.fields(row_type))})'
            for name, row_type in tables.items()
        }
        self.csv: dict[str, Any] = {}
        self.parquet: dict[str, ParquetTable] = {}
        for name, row_type in tables.items():
            stream: IO[str] = stack.enter_context(open(self._temporary(out / f"{name}.csv"), "w", encoding="utf-8-sig", newline=""))
            self.csv[name] = csv.writer(stream, lineterminator="\r\n")
            self.csv[name].writerow(column_names(row_type))
            self.parquet[name] = ParquetTable(self._temporary(out / f"{name}.parquet"), row_type)
            stack.callback(self.parquet[name].writer.close)  # on error; closing twice is harmless
        self.database = sqlite3.connect(self._temporary(out / SQLITE_FILE))
        stack.callback(self.database.close)
        self._create_sqlite_tables()
        self.indexed_rows = 0

    def _temporary(self, path: Path) -> Path:
        temporary = temporary_beside(path)
        self.renames.append((temporary, path))
        return temporary

    def _create_sqlite_tables(self) -> None:
        self.database.execute("CREATE TABLE columns (table_name TEXT, column_name TEXT, description TEXT)")
        for name, row_type in self.tables.items():
            definition = ", ".join(f'"{f.name}" {SQL_TYPES[f.type]}' for f in dataclasses.fields(row_type))
            self.database.execute(f'CREATE TABLE "{name}" ({definition})')
            self.database.executemany(
                "INSERT INTO columns VALUES (?, ?, ?)",
                [(name, column, text) for column, text in column_descriptions(row_type).items()],
            )
        if "paragraphs" in self.tables:
            self.database.execute(f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(search_text, tokenize='unicode61')")

    def add(self, name: str, rows: Iterable[object], search_texts: Sequence[str] = ()) -> None:
        """Rows of table `name`; for paragraphs, each row's text as the search index reads it."""
        values = [self.values[name](row) for row in rows]
        self.csv[name].writerows(["" if value is None else value for value in row] for row in values)
        self.parquet[name].add(values)
        self.database.executemany(self.inserts[name], values)
        if search_texts:
            start = self.indexed_rows + 1
            self.database.executemany(
                f"INSERT INTO {SEARCH_TABLE} (rowid, search_text) VALUES (?, ?)", enumerate(search_texts, start=start)
            )
        if name == "paragraphs":
            self.indexed_rows += len(values)

    def owned(self) -> set[str]:
        return set(self.tables) | ({SEARCH_TABLE} if "paragraphs" in self.tables else set())

    def keep_other_tables(self) -> None:
        """Every table of the previous database that this writer does not own, with its `columns`
        rows. A virtual table (a search index) is made again from its statement, which makes its
        shadow tables, and filled from the old one."""
        if not self.previous_database.exists():
            return
        self.database.commit()  # SQLite attaches outside a transaction only
        self.database.execute("ATTACH DATABASE ? AS previous", (str(self.previous_database),))
        objects = self.database.execute(
            "SELECT name, sql FROM previous.sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
        virtual = [name for name, sql in objects if sql.upper().startswith("CREATE VIRTUAL TABLE")]
        owned = self.owned()
        for name, sql in objects:
            if name in owned or name == "columns" or name.startswith("sqlite_") or any(name.startswith(f"{v}_") for v in virtual):
                continue
            self.database.execute(sql)
            fields = [f'"{row[1]}"' for row in self.database.execute(f'PRAGMA previous.table_info("{name}")')]
            columns = ", ".join(["rowid", *fields])
            self.database.execute(f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM previous."{name}"')
        self.database.execute(
            f"INSERT INTO columns SELECT * FROM previous.columns WHERE table_name NOT IN ({', '.join('?' for _ in owned)})",
            sorted(owned),
        )
        self.database.commit()
        self.database.execute("DETACH DATABASE previous")

    def finish(self) -> None:
        for table in self.parquet.values():
            table.close()
        self.keep_other_tables()
        self.database.commit()
        self.database.close()


@contextmanager
def disk_errors_as_os_errors() -> Iterator[None]:
    """SQLite tells a full or read-only disk as an error of its own; callers handle OSError."""
    try:
        yield
    except sqlite3.OperationalError as error:
        code = SQLITE_DISK_ERRORS.get(error.sqlite_errorcode & 0xFF)
        if code is None:
            raise
        raise OSError(code, os.strerror(code)) from error


@contextmanager
def table_writer(out: Path, tables: dict[str, type]) -> Iterator[TableWriter]:
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)
    renames: list[tuple[Path, Path]] = []
    try:
        with disk_errors_as_os_errors(), ExitStack() as stack:
            writer = TableWriter(out, tables, stack, renames)
            yield writer
            writer.finish()
        for temporary, path in renames:
            os.replace(temporary, path)
    finally:
        for temporary, _ in renames:
            temporary.unlink(missing_ok=True)


def write_tables(out: Path, tables: dict[str, tuple[type, Sequence[object]]]) -> None:
    """Whole tables at once (a command's few rows)."""
    with table_writer(out, {name: row_type for name, (row_type, _) in tables.items()}) as writer:
        for name, (_, rows) in tables.items():
            writer.add(name, rows)
