"""One run at a time per output folder.

The lock is an advisory `flock` on `OUT/.gbdocs.lock`: the operating system releases it when the
process ends, however it ends (even killed with SIGKILL), so a crash never leaves a folder locked.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.errors import UserError

LOCK_FILE = ".gbdocs.lock"


class OutputLocked(UserError):
    """Another command is writing to the same output folder."""

    exit_code = 4


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    handle = open(out / LOCK_FILE, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputLocked(
                f"another gbdocs run ({holder}) is writing to {out}/: wait for it to end, or choose another --out"
            ) from error
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()


def ensure_unlocked(out: Path) -> None:
    """Refuse at once, before anything starts, when another run holds the folder (the run itself
    takes the lock again for as long as it writes)."""
    if (out / LOCK_FILE).exists():
        with output_lock(out):
            pass
