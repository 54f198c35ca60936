"""Staff's questions: SQL, ready-made commands and the web view, on the tables of the twins."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_data import CORPUS, ROOT
from extractors.align import Twins
from extractors.crosscheck import check_twins
from extractors.process import indexed, process_pdf
from flows.cli import app
from flows.ingest import write_run_tables

runner = CliRunner()
CHROMIUM = shutil.which("chromium")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """A run's tables over the LibreOffice twins and the sourcebook, made without Prefect."""
    folder = tmp_path_factory.mktemp("run")
    zh, en, sourcebook = [indexed(process_pdf(CORPUS / "libreoffice" / f"{stem}.pdf", ocr=False))
                          for stem in ("it-gb-7-17-19.zh", "it-gb-7-17-19.en", "sourcebook-summary.zh")]
    checked = check_twins(Twins("IT/GB-7/17/19", "IT/GB-7/17/19", zh, en))
    write_run_tables(folder, sorted((zh, en, sourcebook), key=lambda p: p.document.doc_id), [checked], [])
    return folder


def invoke(*arguments: str) -> str:
    result = runner.invoke(app, list(arguments))
    assert result.exit_code == 0, result.output
    return result.output


def test_query_answers_sql_over_every_table(out):
    rows = json.loads(invoke("query", "select kind, count(*) as n from references group by kind order by kind",
                             "--out", str(out), "--format", "json"))
    assert {row["kind"]: row["n"] for row in rows} == {
        "article": 44, "decision": 54, "document_symbol": 86, "recommendation": 8, "resolution": 28,
    }
    csv_text = invoke("query", "select locator from refs where normalized = 'Article 19.3(1)'", "--out", str(out), "--format", "csv")
    assert csv_text.splitlines() == ["locator", "body/1"]


def test_query_errors_are_readable(out):
    missing = runner.invoke(app, ["query", "select * from agenda", "--out", str(out)])
    assert missing.exit_code == 1 and "agenda does not exist" in missing.output and "tables: documents" in missing.output
    bad = runner.invoke(app, ["query", "selec 1", "--out", str(out)])
    assert bad.exit_code == 1 and "syntax error" in bad.output
    empty = runner.invoke(app, ["query", "select 1", "--out", str(out / "nowhere")])
    assert empty.exit_code == 1 and "run `gbdocs run PATH" in empty.output


def test_requests_to_the_secretary(out):
    rows = json.loads(invoke("requests", "--to", "Secretary", "--symbol", "IT/GB-7/17/19", "--lang", "zh",
                             "--out", str(out), "--format", "json"))
    assert len(rows) == 14 and {row["language"] for row in rows} == {"zh"}
    clause = next(row for row in rows if row["locator"] == "app3/op/8")
    assert (clause["requester"], clause["verb"], clause["condition"]) == ("Governing Body", "request", "视可获财政资源情况")
    english = json.loads(invoke("requests", "--to", "secretary", "--lang", "en", "--out", str(out), "--format", "json"))
    assert len(english) == 13


def test_refs_finds_every_citation_in_both_languages(out):
    rows = json.loads(invoke("refs", "XIII/24", "--out", str(out), "--format", "json"))
    assert {(row["doc_id"], row["locator"]) for row in rows} == {
        (doc, locator) for doc in ("IT/GB-7/17/19@zh", "IT/GB-7/17/19@en") for locator in ("body/11", "app3/op/6", "fn/9")
    }
    assert {row["normalized"] for row in rows} == {"Decision XIII/24", "CBD/COP/DEC/XIII/24"}


def test_show_gives_the_paragraph_in_every_language(out):
    rows = json.loads(invoke("show", "IT/GB-7/17/19#body/17", "--out", str(out), "--format", "json"))
    assert [(row["language"], row["number"]) for row in rows] == [("zh", "17."), ("en", "17.")]
    assert rows[0]["text"].startswith("最后，管理机构不妨要求其秘书") and rows[1]["text"].startswith("Finally, the Governing Body")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_ui(out: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "flows.cli", "ui", "--out", str(out), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not answers(base):
        time.sleep(0.5)
    return process, base


def answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def ui(out):
    process, base = start_ui(out)
    yield base
    process.terminate()
    process.wait(timeout=30)


def test_stopping_gbdocs_ui_with_sigterm_stops_datasette(out):
    process, base = start_ui(out)
    assert answers(base)
    process.terminate()
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and answers(base):
        time.sleep(0.2)
    assert not answers(base), "Datasette outlived gbdocs ui"


def get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


@pytest.mark.parametrize("words", ["名古屋议定书", "Nagoya Protocol"])
def test_full_text_search_in_both_languages(ui, out, words):
    rows = get(f"{ui}/gbdocs/search.json?_shape=array&q={urllib.parse.quote(words)}")
    assert rows and all(words in row["text"] for row in rows)
    expected = json.loads(invoke("query", f"select count(*) as n from paragraphs where text like '%{words}%'", "--out", str(out), "--format", "json"))
    assert len(rows) == expected[0]["n"]


def test_the_ui_describes_tables_and_facets(ui):
    table = get(f"{ui}/gbdocs/requests.json?_facet=addressee&_size=0")
    addressees = {facet["value"]: facet["count"] for facet in table["facet_results"]["addressee"]["results"]}
    assert addressees["Secretary"] == 27 and addressees["Bureau"] == 4
    metadata = get(f"{ui}/-/metadata.json")
    columns = metadata["databases"]["gbdocs"]["tables"]["references"]["columns"]
    assert columns["normalized"].startswith("the same in every language")
    search = get(f"{ui}/gbdocs/paragraphs.json?_search=Nagoya&_shape=array&_size=5")
    assert search and all("Nagoya" in row["text"] for row in search)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium)")
def test_a_page_of_the_ui_loads_in_chromium(ui, tmp_path):
    page = f"{ui}/gbdocs/search?q={urllib.parse.quote('名古屋议定书')}"
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=5000", "--dump-dom", page],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0
    assert "Uncaught" not in run.stderr
    assert "名古屋议定书" in run.stdout and "IT/GB-7/17/19@zh" in run.stdout and "<table" in run.stdout
