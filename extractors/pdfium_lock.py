"""pdfium is not thread-safe: two threads in it at once crash the process (a run on threads, the
default task runner, died of SIGSEGV in `make bench`). Every use of pypdfium2 holds this lock.
Re-entrant, since the pdfium engine holds it for a whole document and OCR renders pages meanwhile."""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
