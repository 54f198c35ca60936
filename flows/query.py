"""SQL over the exported tables with DuckDB, and the questions staff ask every week.

Every table of an output folder is a view by its name (`documents`, `paragraphs`, `references`,
`requests`, `alignments`, `crosscheck`, ...), read from its Parquet file. `references` is an SQL
keyword: after FROM or JOIN it is quoted for you, and the view `refs` is the same table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from models.tables import TABLES

KEYWORD_TABLES = ("references",)
ALIASES = {"refs": "references"}


class QueryError(Exception):
    """A question that cannot be answered: bad SQL, a missing table, no tables at all."""


@dataclass(frozen=True)
class Answer:
    columns: list[str]
    rows: list[tuple]


def connect(out: Path) -> duckdb.DuckDBPyConnection:
    tables = {name: out / f"{name}.parquet" for name in TABLES if (out / f"{name}.parquet").exists()}
    if not tables:
        raise QueryError(f"no tables in {out}/: run `gbdocs run PATH --out {out}` first")
    connection = duckdb.connect()
    for name, path in [*tables.items(), *((alias, tables[t]) for alias, t in ALIASES.items() if t in tables)]:
        literal = str(path).replace("'", "''")
        connection.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{literal}')")
    return connection


def quote_keyword_tables(sql: str) -> str:
    """`FROM references` → `FROM "references"`, and `references.locator` → `"references".locator`."""
    for name in KEYWORD_TABLES:
        sql = re.sub(rf'(?i)\b(from|join)(\s+){name}\b(?!")', rf'\1\2"{name}"', sql)
        sql = re.sub(rf'(?<!["\w]){name}\.', f'"{name}".', sql)
    return sql


def ask(out: Path, sql: str, parameters: list[object] | None = None) -> Answer:
    connection = connect(out)
    try:
        result = connection.execute(quote_keyword_tables(sql), parameters or [])
        return Answer([column[0] for column in result.description or []], result.fetchall())
    except duckdb.CatalogException as error:
        available = ", ".join(name for name in TABLES if (out / f"{name}.parquet").exists())
        raise QueryError(f"{_first_line(error)} (tables: {available})") from error
    except duckdb.Error as error:
        raise QueryError(_first_line(error)) from error
    finally:
        connection.close()


def requests_to(out: Path, addressee: str, symbol: str | None, language: str | None) -> Answer:
    sql = """
        SELECT d.symbol, d.language, q.locator, q.requester, q.verb, q.addressee, q.condition, q.report_to, q.action
        FROM requests q JOIN documents d USING (doc_id)
        WHERE lower(q.addressee) = lower(?)
          AND (? IS NULL OR d.symbol = ?) AND (? IS NULL OR d.language = ?)
        ORDER BY d.symbol, d.language, q.doc_id, q.para_id, q.verb
    """
    return ask(out, sql, [addressee, symbol, symbol, language, language])


def citations(out: Path, identifier: str) -> Answer:
    """Every reference whose identifier is `identifier` (XIII/24, 7/2015, 18.4(a)), symbols ending in it too."""
    sql = """
        SELECT r.doc_id, r.locator, r.kind, r.normalized, r.surface, r.pinpoint, p.text
        FROM references r JOIN paragraphs p USING (para_id)
        WHERE lower(r.normalized) LIKE '% ' || lower(?) OR lower(r.normalized) LIKE '%/' || lower(?)
           OR lower(r.normalized) = lower(?)
        ORDER BY r.doc_id, p.page_first, r.locator, r.start
    """
    return ask(out, sql, [identifier, identifier, identifier])


def paragraph_everywhere(out: Path, reference: str) -> Answer:
    """`IT/GB-7/17/19#body/17`: that paragraph in every language held."""
    if "#" not in reference:
        raise QueryError("give SYMBOL#LOCATOR, e.g. IT/GB-7/17/19#body/17")
    symbol, locator = reference.rsplit("#", 1)
    sql = """
        SELECT p.doc_id, d.language, p.locator, p.kind, p.number, p.heading_path, p.text
        FROM paragraphs p JOIN documents d USING (doc_id)
        WHERE (d.symbol = ? OR p.doc_id = ?) AND p.locator = ?
        ORDER BY d.language DESC, p.doc_id
    """
    return ask(out, sql, [symbol, symbol, locator])


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
