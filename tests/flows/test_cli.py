from __future__ import annotations

import json

from typer.testing import CliRunner

from corpus_data import CORPUS
from flows.cli import app

runner = CliRunner()
TWIN_EN = CORPUS / "libreoffice" / "it-gb-7-17-19.en.pdf"


def test_extract_prints_cover_body_footnotes_and_tables():
    result = runner.invoke(app, ["extract", str(TWIN_EN)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("IT/GB-7/17/19@en  status=ok  language=en  pages=")
    assert "  agenda_item  17.1" in out and "  place        Kigali, Rwanda" in out
    assert "] 1. Article 1.2 of the Treaty" in out
    assert "  1 (p2, block 6): Resolution 8/2011, paragraph 11" in out
    assert "rows x 8 columns, 2 header rows" in out


def test_extract_json_holds_the_record():
    result = runner.invoke(app, ["extract", "--json", str(TWIN_EN)])
    record = json.loads(result.output)
    assert record["doc_id"] == "IT/GB-7/17/19@en" and record["status"] == "ok"
    assert record["cover"]["session"] == "SEVENTH SESSION OF THE GOVERNING BODY"
    assert record["footnotes"][8] == {
        "label": "9", "page": record["footnotes"][8]["page"], "block_index": record["footnotes"][8]["block_index"],
        "table_index": None, "offset": record["footnotes"][8]["offset"],
        "text": "See CBD/COP/DEC/XIII/24, annex II (see https://www.cbd.int/doc/decisions/cop-13/cop-13-dec-24-en.pdf).",
    }
    assert "lines" not in record["blocks"][0]
    assert record["body_text"].startswith("Executive Summary\n")


def test_extract_reports_an_unreadable_file_and_exits_1(tmp_path):
    page = tmp_path / "download.pdf"
    page.write_text("<html><body>Access denied</body></html>")
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 1
    assert "the file is an HTML page" in result.output


def test_extract_paragraphs_prints_the_structure():
    result = runner.invoke(app, ["extract", "--paragraphs", str(TWIN_EN)])
    lines = result.output.splitlines()
    assert lines[0].split() == ["cover/symbol", "other", "IT/GB-7/17/19"]
    assert any(line.startswith("body/5/q4") and " quote " in line and "Requests the Bureau" in line for line in lines)
    assert any(line.startswith("app3/pre/1") and line.endswith("[Recalling]") for line in lines)
