"""Datasette plugin: `search_query(text)` in SQL turns a query into an FTS5 query, Chinese cut by jieba."""

from __future__ import annotations

from datasette import hookimpl

from extractors.search_text import fts_query


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("search_query", 1, fts_query)
