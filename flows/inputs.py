"""The PDFs a run reads: found below the paths given, each set of identical bytes read once."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flows.errors import MissingInput


def check_inputs(paths: list[Path]) -> None:
    for path in paths:
        if not path.exists():
            raise MissingInput(f"no such file or folder: {path}")


def find_pdfs(paths: list[Path]) -> list[Path]:
    """The PDFs named, and those found below the folders named, in a stable order."""
    check_inputs(paths)
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        else:
            found.add(path)
    return sorted(found)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def unique_files(pdfs: list[Path]) -> tuple[dict[Path, str], dict[Path, list[Path]]]:
    """The files to process (the first of each set of identical bytes) with their SHA-256, and the
    copies of each."""
    first: dict[str, Path] = {}
    copies: dict[Path, list[Path]] = {}
    for pdf in pdfs:
        digest = file_sha256(pdf)
        if digest in first:
            copies.setdefault(first[digest], []).append(pdf)
        else:
            first[digest] = pdf
    return {pdf: digest for digest, pdf in first.items()}, copies
