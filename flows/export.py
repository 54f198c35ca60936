"""Write tables to an output folder: CSV that opens in Excel with Chinese intact.

Each file is written to a temporary name and renamed into place, so a crash never leaves half a
table; rows come in a fixed order, so the same input gives byte-identical files.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from models.tables import column_names


def write_csv(path: Path, row_type: type, rows: Iterable[object]) -> int:
    """UTF-8 with a byte-order mark (Excel reads Chinese then), RFC 4180 quoting and CRLF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(column_names(row_type))
            for row in rows:
                writer.writerow(["" if value is None else value for value in dataclasses.astuple(row)])
                count += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
