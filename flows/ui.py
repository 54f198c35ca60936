"""`gbdocs ui`: Datasette over a run's SQLite database, on 127.0.0.1.

Tables and columns carry their descriptions, the usual facets are set, the paragraphs table is
searchable (`?_search=` takes English or Chinese cut into words), and the canned query `search` takes
Chinese as typed (名古屋议定书) as well as English.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from flows.export import SQLITE_FILE
from flows.local_server import stop_with_parent
from models.tables import TABLE_DESCRIPTIONS, TABLES, column_descriptions

PLUGINS = Path(__file__).resolve().parent / "datasette_plugins"
DATABASE = Path(SQLITE_FILE).stem
FACETS = {
    "documents": ["symbol", "language", "status"],
    "paragraphs": ["symbol", "language", "kind", "part"],
    "references": ["kind", "body"],
    "requests": ["addressee", "verb", "requester"],
    "crosscheck": ["check", "severity", "symbol"],
    "alignments": ["method"],
}
SEARCH_SQL = """
select p.doc_id, p.language, p.locator, p.kind, p.number, p.text
from paragraphs_fts f join paragraphs p on p.rowid = f.rowid
where paragraphs_fts match search_query(:q)
order by p.doc_id, p.rowid
"""


def metadata() -> dict:
    tables = {
        name: {
            "description": TABLE_DESCRIPTIONS[name],
            "columns": column_descriptions(row_type),
            **({"facets": FACETS[name]} if name in FACETS else {}),
        }
        for name, row_type in TABLES.items()
    }
    tables["paragraphs"].update(fts_table="paragraphs_fts", fts_pk="rowid")
    tables["paragraphs_fts"] = {"hidden": True}
    tables["columns"] = {"description": "every column of every table, described"}
    return {
        "title": "gbdocs",
        "description": "Governing-body papers as tables. The query `search` finds paragraphs in Chinese or English.",
        "databases": {
            DATABASE: {
                "tables": tables,
                "queries": {"search": {"sql": SEARCH_SQL.strip(), "title": "Full-text search (中文 / English)"}},
            }
        },
    }


def serve_ui(out: Path, port: int) -> int:
    database = out / SQLITE_FILE
    if not database.exists():
        raise FileNotFoundError(f"no {SQLITE_FILE} in {out}/: run `gbdocs run PATH --out {out}` first")
    with tempfile.TemporaryDirectory() as work:
        settings = Path(work) / "metadata.json"
        settings.write_text(json.dumps(metadata(), ensure_ascii=False), encoding="utf-8")
        command = [
            sys.executable, "-m", "datasette", "serve", str(database), "--host", "127.0.0.1", "--port", str(port),
            "--metadata", str(settings), "--plugins-dir", str(PLUGINS), "--setting", "default_page_size", "50",
        ]
        try:  # Datasette stops with gbdocs however gbdocs is stopped (Ctrl-C reaches both; SIGTERM only gbdocs)
            return subprocess.run(command, check=False, preexec_fn=stop_with_parent).returncode
        except KeyboardInterrupt:
            return 0
