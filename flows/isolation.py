"""Each paper read in a process of its own, which the kernel stops at a wall-clock and a memory limit.

pdfminer checks no limit of its own, and the time limit of `extract_pdf` is checked between pages:
a page whose forms draw each other without end, a Flate bomb or a content stream that allocates
without end would hold a worker for ever, or take the memory of every paper sharing its process. So
each paper is read by a *reader* process forked for it: SIGALRM, whose default action ends the
process whatever it is doing (inside C too), comes at the time limit, and `RLIMIT_AS` caps what it
may allocate beyond the address space it starts with (Python meets the cap as MemoryError).

Forking the process that runs the tasks would copy locks that its other threads (Prefect's, the
task runner's, pdfium's) hold at that moment, and a fresh interpreter per paper costs seconds of
imports and jieba's dictionary. So every process that reads papers (the flow's on threads, each
Dask worker) starts one *fork server* the first time: a single-threaded interpreter that imports the
pipeline once and then forks, for each paper, a *supervisor*, which forks the reader, waits for it
and reports how it ended. The client thread talks to both over a socket pair of its own.

Each process in the chain ends with its parent (the fork server when its owner's socket closes,
the others by PR_SET_PDEATHSIG), and a reader's own children (tesseract) are killed with it.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import pickle
import resource
import signal
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.extract import TimeLimitExceeded
from extractors.process import indexed, process_pdf
from models.processed import ProcessedPaper

# a reader still inside a page this long after the time limit (which `extract_pdf` checks between
# pages, saying at which page it stopped) is killed
KILL_GRACE_SECONDS = 1.0
MEMORY_EXIT = 86  # a reader's exit code when it met its memory limit
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
FRAME_HEADER = struct.Struct("!Q")


class MemoryLimitExceeded(Exception):
    """A paper needed more memory than its limit (a decompression bomb, say)."""


class ReaderCrashed(Exception):
    """The process reading a paper ended without a result (a crash inside a C library, say)."""


@dataclass(frozen=True)
class Limits:
    seconds: float  # wall clock, from the reader's start
    memory_mb: int  # address space the reader may add to what it starts with

    def describe_time(self) -> str:
        return f"killed after {self.seconds:g} s, still reading"

    def describe_memory(self) -> str:
        return f"stopped at the memory limit of {self.memory_mb} MiB"


def run_isolated(function: Callable[..., Any], arguments: tuple[Any, ...], limits: Limits) -> Any:
    """`function(*arguments)` in a reader process: its result, or its exception raised here;
    TimeLimitExceeded or MemoryLimitExceeded when the kernel stopped it. `function` must be
    importable by name; one of a module the fork server has not imported is imported by each reader."""
    connection = FORK_SERVER.connection()
    with connection:
        send_frame(connection, (function, arguments, limits))
        told = dict(read_frames(connection))  # the reader's "returned" or "raised", the supervisor's "ended"
    if "ended" not in told:
        raise ReaderCrashed("the processes reading it were stopped from outside")
    ended = told["ended"]
    if os.WIFSIGNALED(ended) and os.WTERMSIG(ended) == signal.SIGALRM:
        raise TimeLimitExceeded(limits.describe_time())
    if os.WIFEXITED(ended) and os.WEXITSTATUS(ended) == MEMORY_EXIT:
        raise MemoryLimitExceeded(limits.describe_memory())
    if "raised" in told:
        raise told["raised"]
    if "returned" not in told:
        raise ReaderCrashed(f"the process reading it ended without a result ({describe_status(ended)})")
    return told["returned"]


def read_paper(path: Path, ocr: bool, time_limit: float, engine: str) -> ProcessedPaper:
    """What a reader does with a paper: extract, segment, tag, and cut its text for the search index."""
    return indexed(process_pdf(path, ocr=ocr, time_limit=time_limit, engine=engine))


def describe_status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.WEXITSTATUS(status)}"


class ForkServer:
    """The fork server of this process, started on first use and again if it has died."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.control: socket.socket | None = None

    def connection(self) -> socket.socket:
        """A socket to a new supervisor, for one paper."""
        ours, theirs = socket.socketpair()
        with self.lock, theirs:
            control = self._running()
            socket.send_fds(control, [b"f"], [theirs.fileno()])
        return ours

    def ensure_running(self) -> None:
        with self.lock:
            self._running()

    def _running(self) -> socket.socket:
        """The control socket of a running server (the caller holds the lock)."""
        if self.control is None or self.process is None or self.process.poll() is not None:
            self._start()
        assert self.control is not None
        return self.control

    def _start(self) -> None:
        if self.control is not None:
            self.control.close()
        ours, theirs = socket.socketpair()
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "flows.isolation", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C is the owner's to handle: the server ends with it
            )
        self.control = ours


FORK_SERVER = ForkServer()


def send_frame(connection: socket.socket, value: Any) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    connection.sendall(FRAME_HEADER.pack(len(payload)) + payload)


def read_frames(connection: socket.socket, count: int | None = None) -> list[Any]:
    """`count` frames, or every frame until the other ends close the socket."""
    stream = connection.makefile("rb", buffering=0)
    frames: list[Any] = []
    while len(frames) != count and (header := read_exactly(stream, FRAME_HEADER.size)):
        frames.append(pickle.loads(read_exactly(stream, FRAME_HEADER.unpack(header)[0])))
    return frames


def read_exactly(stream: Any, size: int) -> bytes:
    """`size` bytes, fewer only at the end of the stream (a socket gives what has arrived)."""
    chunks = []
    while size and (chunk := stream.read(size)):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def serve_forks(control: socket.socket) -> None:
    """The fork server's loop: one supervisor per socket received, until the owner closes `control`."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the supervisors
    while True:
        message, fds, _, _ = socket.recv_fds(control, 1, 1)
        if not message:
            return
        if os.fork() == 0:
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                supervise(socket.socket(fileno=fds[0]))
            finally:  # whatever went wrong, a fork never goes on as the server
                os._exit(1)
        os.close(fds[0])


def supervise(connection: socket.socket) -> None:
    """Fork the reader, wait for it, kill what it left running, report how it ended. Never returns."""
    end_with_parent()
    [(function, arguments, limits)] = read_frames(connection, count=1)
    reader = os.fork()
    if reader == 0:
        try:
            read_within(limits, connection, function, arguments)
        finally:  # a BaseException from `function` never goes on as the supervisor
            os._exit(1)
    os.waitid(os.P_PID, reader, os.WEXITED | os.WNOWAIT)  # not reaped yet: its process group id stays its own
    try:
        os.killpg(reader, signal.SIGKILL)
    except ProcessLookupError:  # it left nothing running
        pass
    _, status = os.waitpid(reader, 0)
    send_frame(connection, ("ended", status))
    os._exit(0)


def read_within(limits: Limits, connection: socket.socket, function: Callable[..., Any], arguments: tuple[Any, ...]) -> None:
    """The reader: the limits set, `function` run, its outcome sent. Never returns."""
    end_with_parent()
    os.setpgid(0, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_REAL, limits.seconds + KILL_GRACE_SECONDS)
    ceiling = address_space() + limits.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    try:
        outcome = ("returned", function(*arguments))
    except Exception as error:  # noqa: BLE001 - every error is the caller's to report
        if caused_by_memory(error):  # the extractors wrap what pdfminer raised
            os._exit(MEMORY_EXIT)
        outcome = ("raised", portable(error))
    try:
        send_frame(connection, outcome)
    except MemoryError:
        os._exit(MEMORY_EXIT)
    os._exit(0)


def caused_by_memory(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, MemoryError):
            return True
        error = error.__cause__ or error.__context__
    return False


def portable(error: Exception) -> Exception:
    """The error itself when it survives pickling, else one that names it (a type pickled by
    reference that the client cannot rebuild, say)."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - whatever stops it from crossing
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def address_space() -> int:
    """Bytes of address space this process holds (VmSize)."""
    return int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()


def end_with_parent() -> None:
    """Linux sends SIGKILL to this process when the one that forked it ends, however it ends."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def preload() -> None:
    """Everything a reader needs, loaded once in the fork server and shared by every fork."""
    from extractors.nlp import pipeline
    from extractors.search_text import jieba_module

    jieba_module().initialize()
    for language in ("zh", "en"):
        pipeline(language)
    logging.disable(logging.WARNING)  # pdfminer's complaints about a damaged file are its failure's message
    gc.freeze()  # no collection in a fork touches (and so copies) the preloaded objects


def main(control_fd: int) -> None:
    preload()
    serve_forks(socket.socket(fileno=control_fd))


if __name__ == "__main__":
    from flows import isolation  # under its own name: a reader's function (read_paper) is pickled as flows.isolation's

    isolation.main(int(sys.argv[1]))
