"""Resolution structure under varied layouts (figures, not tests): every paper of
corpus/sources/resolutions/ rendered by the five producers at two seeded styles each
(corpus/tools/render_resolutions.py, into build/resolutions/; rendered only where missing), then
extracted, segmented and scored against the gold its restyled source gives (corpus/tools/make_gold.py):
records of the resolution structure with the right locator, kind, number and lead, and masthead fields
exact. Writes bench/RESOLUTIONS.md, with the worst renderings and what they got wrong.

Usage: python bench/resolution_fuzz.py   (or `make resolution-fuzz`)
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "corpus" / "tools"), str(ROOT / "tests")]

from extractors.process import process_pdf  # noqa: E402
from layout_style import LayoutStyle, restyle  # noqa: E402
from make_gold import cover_gold, resolution_gold  # noqa: E402
from paper_source import read_paper  # noqa: E402
from render_resolutions import BUILD, SEEDS, SOURCES  # noqa: E402
from resolution_gold import cover_mismatches, structure_score  # noqa: E402

RENDERING = re.compile(r"^(?P<producer>[a-z0-9]+)-(?P<seed>\d+)-(?P<stem>.+\.(?:zh|en))\.pdf$")
WORST = 12


@dataclass(frozen=True)
class Scored:
    producer: str
    stem: str
    right: int
    rows: int
    cover_exact: bool
    wrong: tuple[str, ...]  # what failed, for a person to look at

    @property
    def language(self) -> str:
        return self.stem[-2:]


def score(path: Path) -> Scored:
    match = RENDERING.match(path.name)
    source = restyle(read_paper(SOURCES / f"{match['stem']}.paper"), LayoutStyle.draw(int(match["seed"])))
    paper = process_pdf(path, ocr=False)
    structure = structure_score(list(paper.paragraphs), resolution_gold(source))
    cover = cover_mismatches(paper.document, cover_gold(source))
    wrong = tuple(f"{locator} {kind} {number!r} {lead!r}: got {got}" for locator, kind, number, lead, got in structure.wrong[:4])
    wrong += tuple(f"cover {field}: {expected!r}, got {got!r}" for field, (expected, got) in list(cover.items())[:2])
    return Scored(match["producer"], match["stem"], structure.right, structure.rows, not cover, wrong)


def render_missing() -> None:
    expected = [BUILD / f"{p}-{seed}-{path.stem}.pdf" for p, seeds in SEEDS.items() for seed in seeds for path in SOURCES.glob("*.paper")]
    if any(not path.exists() for path in expected):
        subprocess.run([sys.executable, str(ROOT / "corpus" / "tools" / "render_resolutions.py")], check=True,
                       env={"PYTHONPATH": str(ROOT / "corpus" / "tools"), "PATH": "/usr/bin:/bin"})


def report(results: list[Scored], seconds: float) -> str:
    cells: dict[tuple[str, str], list[Scored]] = defaultdict(list)
    for result in results:
        cells[(result.producer, result.language)].append(result)
    lines = [
        "# Resolutions under varied layouts",
        "",
        f"Written by `make resolution-fuzz` (bench/resolution_fuzz.py): {len(results)} renderings of "
        f"{len({r.stem for r in results})} papers (12 written in the style of the GA, HRC, ECOSOC, CBD, WHC, Ramsar, CITES, "
        f"UNEA and FAO, and the real 2001 draft resolution on the right to development, each in Chinese and English) "
        f"by 5 producers at 2 seeded styles, in {seconds / 60:.1f} min on 2 cores. A record is right when its "
        "locator, kind, number and lead phrase are those of the restyled source's gold (tests/gold/RESOLUTIONS.md); "
        "the masthead is exact when every field the paper prints is read as printed.",
        "",
        "| producer | language | renderings | records right | share | mastheads exact |",
        "|---|---|---|---|---|---|",
    ]
    for (producer, language), group in sorted(cells.items()):
        right, rows = sum(r.right for r in group), sum(r.rows for r in group)
        exact = sum(r.cover_exact for r in group)
        lines.append(f"| {producer} | {language} | {len(group)} | {right}/{rows} | {right / rows:.3f} | {exact}/{len(group)} |")
    right, rows = sum(r.right for r in results), sum(r.rows for r in results)
    lines += ["", f"All: {right}/{rows} = {right / rows:.3f}.", "", "## By paper", "",
              "| paper | renderings | records right | share |", "|---|---|---|---|"]
    papers: dict[str, list[Scored]] = defaultdict(list)
    for result in results:
        papers[result.stem].append(result)
    for stem, group in sorted(papers.items()):
        right, rows = sum(r.right for r in group), sum(r.rows for r in group)
        lines.append(f"| {stem} | {len(group)} | {right}/{rows} | {right / rows:.3f} |")
    lines += ["", f"## The {WORST} worst renderings", ""]
    for result in sorted(results, key=lambda r: (r.right / r.rows, r.cover_exact))[:WORST]:
        lines.append(f"- `{result.producer}` `{result.stem}`: {result.right}/{result.rows}; " + "; ".join(result.wrong))
    return "\n".join(lines) + "\n"


def main() -> None:
    started = time.perf_counter()
    render_missing()
    paths = sorted(path for path in BUILD.glob("*.pdf") if RENDERING.match(path.name))
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(score, paths))
    (ROOT / "bench" / "RESOLUTIONS.md").write_text(report(results, time.perf_counter() - started), encoding="utf-8")
    print((ROOT / "bench" / "RESOLUTIONS.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
