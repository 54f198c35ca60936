"""The translators' outputs: `gbdocs align` on the planted twin, its HTML report in headless Chromium,
and its TMX."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from corpus_data import CORPUS, ROOT

PLANTED = ROOT / "tests" / "fixtures" / "planted" / "it-gb-7-17-19.zh.planted.pdf"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="module")
def aligned(tmp_path_factory):
    from flows.cli import app

    out = tmp_path_factory.mktemp("aligned")
    result = CliRunner().invoke(app, ["align", str(PLANTED), str(CORPUS / "fpdf2" / "it-gb-7-17-19.en.pdf"), "--out", str(out), "--no-ocr"])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_align_prints_the_flags_and_writes_tables_report_and_tmx(aligned):
    out, output = aligned
    assert output.startswith("314 aligned pairs; 13 flags (12 errors); report: ")
    assert "  body/4         years              中文: 2019  English: 2018" in output
    assert {p.name for p in out.iterdir()} >= {"pair_alignments.csv", "pair_crosscheck.csv", "pair_crosscheck.parquet", "pair"}


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium)")
def test_the_report_loads_in_chromium_without_errors_and_shows_the_flags(aligned, tmp_path):
    out, _ = aligned
    report = out / "pair" / "reports" / "IT-GB-7-17-19.html"
    run = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=3000", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    problems = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line or "Failed to load" in line]
    assert problems == []
    dom = run.stdout
    assert "<h2>13 flags (12 errors, 1 warning)</h2>" in dom
    for locator in ("body-4", "body-7", "body-8", "body-10", "body-32", "fn-3"):
        assert f'href="#p-{locator}"' in dom and f'id="p-{locator}"' in dom
    assert "<mark>2019</mark>" in dom and "<mark>2018</mark>" in dom and "<mark>XIII/12</mark>" in dom
    assert 'class="flagged unmatched"' in dom  # the dropped paragraph's row


def test_the_tmx_is_tmx_1_4_with_one_unit_per_pair(aligned):
    out, _ = aligned
    root = ET.parse(out / "pair" / "tmx" / "IT-GB-7-17-19.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "zh-CN"
    units = root.findall("./body/tu")
    assert len(units) == 312  # 314 pairs less the paragraph and footnote only the English has
    unit = next(u for u in units if u.get("tuid") == "body/4")
    languages = [v.get("{http://www.w3.org/XML/1998/namespace}lang") for v in unit.findall("tuv")]
    assert languages == ["zh-CN", "en"]
    assert unit.find("tuv/seg").text.endswith("并将于 2019 年春季结束。")
