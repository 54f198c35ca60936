"""Hard isolation: each paper read in a process the kernel stops at its time and memory limits.

The hostile PDFs are built here, byte by byte, as a hostile producer would write them: forms that each
draw the next one twice, sixty deep (2**60 forms for pdfminer to interpret, in 11 kB), and a content
stream that inflates to 4 GiB from 4 MB.
"""

from __future__ import annotations

import csv
import os
import subprocess
import time
import uuid
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_data import CORPUS
from extractors.extract import TimeLimitExceeded
from flows.cli import EXIT_SOME_FAILED, app
from flows.isolation import Limits, MemoryLimitExceeded, ReaderCrashed, read_paper, run_isolated
from paper_factory import make_paper

BOMB_GIB = 4


def write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of these objects (the first is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def one_page(content: bytes, resources: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + b" /Contents 4 0 R >>",
        content,
    ]


def endless_forms(path: Path, depth: int = 60) -> Path:
    """Form Xn draws X(n+1) twice; the last one builds a path and drops it. pdfminer has no limit on
    the forms a page invokes, so the page never ends (and its figures grow by some 5 MB a second)."""
    first = 5  # the object number of X0
    objects = one_page(stream(b"", b"/X0 Do"), b"<< /XObject << /X0 %d 0 R >> >>" % first)
    for level in range(depth):
        if level + 1 < depth:
            body = b"/X%d Do /X%d Do" % (level + 1, level + 1)
            resources = b"<< /XObject << /X%d %d 0 R >> >>" % (level + 1, first + level + 1)
        else:
            body, resources = b"0 0 m 1 1 l n", b"<< >>"
        objects.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources " + resources, body))
    return write_pdf(path, objects)


def flate_bomb(path: Path, gibibytes: int = BOMB_GIB) -> Path:
    """A page whose content stream is `gibibytes` GiB of spaces, deflated: one 64 MiB block
    compressed once and repeated (a full flush makes each block stand alone), then a valid end and
    checksum. pdfminer inflates a content stream whole."""
    block_size = 64 * 2**20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * block_size) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = gibibytes * 2**30 // block_size
    checksum = adler32_of_spaces(count * block_size)
    data = b"\x78\xda" + block * count + compressor.flush(zlib.Z_FINISH) + checksum.to_bytes(4, "big")
    return write_pdf(path, one_page(stream(b"/Filter /FlateDecode", data), b"<< >>"))


def adler32_of_spaces(count: int) -> int:
    """Adler-32 of `count` spaces without making them: a = 1 + 32n, b = n + 32n(n+1)/2, mod 65521."""
    a = (1 + count * 32) % 65521
    b = (count + 32 * count * (count + 1) // 2) % 65521
    return (b << 16) | a


def test_the_bombs_checksum_is_that_of_its_spaces():
    assert adler32_of_spaces(100_000) == zlib.adler32(b" " * 100_000)


def test_the_flate_bomb_really_inflates_beyond_any_memory_limit_of_the_tests(tmp_path):
    data = flate_bomb(tmp_path / "bomb.pdf").read_bytes()
    assert len(data) < 5 * 2**20
    deflated = data[data.index(b"stream\n") + len(b"stream\n"):data.rindex(b"\nendstream")]
    inflater = zlib.decompressobj()
    first = inflater.decompress(deflated, 2**29)  # the first 512 MiB of the 4 GiB
    assert len(first) == 2**29 and first.count(b" ") == len(first)
    assert len(inflater.unconsumed_tail) > len(deflated) * 3 // 4  # most of the stream still to inflate


def test_a_reader_returns_its_result_or_raises_its_error():
    assert run_isolated(int, ("42",), Limits(10, 100)) == 42
    with pytest.raises(ValueError, match="invalid literal"):
        run_isolated(int, ("forty-two",), Limits(10, 100))


def test_a_reader_over_its_time_limit_is_killed():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match="killed after 1 s"):
        run_isolated(time.sleep, (60,), Limits(1, 100))
    assert time.monotonic() - started < 10


def test_a_reader_over_its_memory_limit_is_stopped():
    with pytest.raises(MemoryLimitExceeded, match="memory limit of 100 MiB"):
        run_isolated(bytearray, (2**31,), Limits(10, 100))
    assert len(run_isolated(bytearray, (20 * 2**20,), Limits(10, 100))) == 20 * 2**20  # under it (and its copy to send): returned


def test_a_reader_that_dies_without_a_result_is_told_as_a_crash():
    with pytest.raises(ReaderCrashed, match=r"ended without a result \(killed by SIGABRT\)"):
        run_isolated(os.abort, (), Limits(10, 100))


def test_what_a_killed_reader_started_is_killed_with_it():
    marker = "31.4159"  # a sleep no other process runs
    with pytest.raises(TimeLimitExceeded):
        run_isolated(subprocess.run, (["sleep", marker],), Limits(1, 100))
    time.sleep(0.5)
    assert not [pid for pid in os.listdir("/proc") if pid.isdigit() and marker.encode() in read_cmdline(pid)]


def read_cmdline(pid: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # ended meanwhile
        return b""


def test_a_page_that_never_ends_is_killed_at_the_time_limit(tmp_path):
    pdf = endless_forms(tmp_path / "forms.pdf")
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match="killed after 2 s, still reading"):
        run_isolated(read_paper, (pdf, False, 2.0, "pdfplumber"), Limits(2.0, 1024))
    elapsed = time.monotonic() - started
    assert 2.0 <= elapsed < 15  # it ran to the limit: pdfminer never returned from the page


def test_a_flate_bomb_is_stopped_at_the_memory_limit(tmp_path):
    pdf = flate_bomb(tmp_path / "bomb.pdf")
    started = time.monotonic()
    with pytest.raises(MemoryLimitExceeded):
        run_isolated(read_paper, (pdf, False, 60.0, "pdfplumber"), Limits(60.0, 200))
    assert time.monotonic() - started < 30


def hostile_folder(folder: Path) -> Path:
    """Two good papers no cache answers for (their bytes are this folder's own), and the two hostile ones."""
    folder.mkdir()
    stamp = uuid.uuid4().hex
    (folder / "sourcebook.pdf").write_bytes((CORPUS / "fpdf2" / "sourcebook-summary.zh.pdf").read_bytes() + f"\n%{stamp}\n".encode())
    make_paper(folder / "report.pdf", [f"The Governing Body requests the Secretary to report ({stamp})."],
               symbol="IT/GB-7/17/36")
    endless_forms(folder / "endless.pdf")
    flate_bomb(folder / "bomb.pdf")
    return folder


def table(out: Path, name: str) -> list[dict[str, str]]:
    with open(out / f"{name}.csv", encoding="utf-8-sig") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.slow
@pytest.mark.parametrize("runner", [[], ["--task-runner", "dask", "--dask-workers", "2"]], ids=["threads", "dask"])
def test_papers_that_hang_or_explode_are_failures_and_the_others_land(tmp_path, runner):
    folder, out = hostile_folder(tmp_path / "papers"), tmp_path / "out"
    started = time.monotonic()
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--no-ocr", "--time-limit", "5",
                                      "--memory-limit", "200", *runner])
    elapsed = time.monotonic() - started
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    failures = {Path(row["source_file"]).name: (row["error_type"], row["message"]) for row in table(out, "failures")}
    assert failures == {
        "bomb.pdf": ("MemoryLimitExceeded", "stopped at the memory limit of 200 MiB"),
        "endless.pdf": ("TimeLimitExceeded", "killed after 5 s, still reading"),
    }
    documents = {Path(row["source_file"]).name: row["status"] for row in table(out, "documents")}
    assert documents == {"sourcebook.pdf": "ok", "report.pdf": "ok"}
    assert "4 documents (0 from cache): 2 ok, 0 ocr, 0 needs_ocr, 0 unmapped_glyphs, 2 failed" in result.output
    assert elapsed < 120  # not held by the endless page
