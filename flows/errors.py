"""Errors a user can put right, told in one line (`gbdocs: …`) with an exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    exit_code = 1


class MissingInput(UserError):
    """A path given to the run names nothing."""


class OutputUnwritable(UserError):
    """The output folder could not be written (full, read-only, not a folder): the run stopped before
    it renamed a table into place, so the tables there are as they were."""

    @classmethod
    def of(cls, error: OSError, out: Path) -> OutputUnwritable:
        where = f": {error.filename}" if error.filename else ""
        return cls(f"stopped ({error.strerror or error}{where}); the tables in {out}/ are as they were")
