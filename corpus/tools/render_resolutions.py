"""Render every resolution source (corpus/sources/resolutions/) with every producer at two seeds each, and
check the renderings: build/resolutions/<producer>-<seed>-<stem>.pdf (not committed).

Usage: python corpus/tools/render_resolutions.py [--check-only] [--producer NAME ...] [STEM ...]
Renders one after another (the machine is shared); `--check-only` checks what is there. The check reads
each PDF with pdfplumber and reports what a person would otherwise look for by eye: every English lead
phrase set in an italic font, every masthead line printed, no character outside the page's text area.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pdfplumber

from layout_style import LayoutStyle, restyle
from paper_source import LEAD_TAGS, PaperSource, read_paper
from producers import renderer
from un_masthead import has_masthead, masthead

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "corpus" / "sources" / "resolutions"
BUILD = ROOT / "build" / "resolutions"
# two seeds a producer, chosen so that between them the adoption lines stand flush right and indented
SEEDS = {"fpdf2": (1, 8), "libreoffice": (3, 5), "docx": (4, 6), "reportlab": (10, 12), "typst": (17, 20)}
EDGE_TOLERANCE = 2.0  # points a glyph may stand past the margin (italic overhang)
# typst and platypus hang punctuation into the margin, and a justified line may end in a space: not overflow
HANGING = set(" \u00a0,.;:-)，。、；：）》」”’")


def target(producer: str, seed: int, stem: str) -> Path:
    return BUILD / f"{producer}-{seed}-{stem}.pdf"


def render_all(stems: list[str], producers: list[str]) -> None:
    BUILD.mkdir(parents=True, exist_ok=True)
    for producer in producers:
        for seed in SEEDS[producer]:
            style = LayoutStyle.draw(seed)
            for stem in stems:
                renderer(producer)(restyle(read_paper(SOURCES / f"{stem}.paper"), style), target(producer, seed, stem), style)
                print(target(producer, seed, stem).name, flush=True)


def problems(paper: PaperSource, pdf_path: Path, style: LayoutStyle) -> list[str]:
    """What is wrong with one rendering: missing italic leads, masthead lines or text past the margins."""
    found: list[str] = []
    with pdfplumber.open(pdf_path) as pdf:
        words = []
        for page in pdf.pages:
            for char in page.chars:
                if char["text"] in HANGING:
                    continue
                if char["x1"] > page.width - style.margin_right + EDGE_TOLERANCE or char["x0"] < style.margin_left - 40:
                    found.append(f"p{page.page_number}: {char['text']!r} outside the text area at x={char['x0']:.0f}")
                    break
            words += page.extract_words(extra_attrs=["fontname"])
        text = flat("\n".join(page.extract_text() or "" for page in pdf.pages))
    italic = {w["text"].strip(",;:") for w in words if "Italic" in w["fontname"] or "Oblique" in w["fontname"]}
    if paper.language == "en":
        for block in paper.blocks:
            if block.tag in LEAD_TAGS and block.lead and block.lead.split()[0] not in italic:
                found.append(f"lead {block.lead!r} not in italics")
    if has_masthead(paper):
        head = masthead(paper)
        # the band's two columns interleave when the page is read as text: there each word must be found
        for line in head.left + head.right:
            pieces = line.text.split() if paper.language == "en" else list(flat(line.text))
            if any(flat(piece) not in text for piece in pieces):
                found.append(f"masthead line {line.text[:40]!r} missing")
        for line in head.below + head.lead + head.title:
            if flat(line.text) not in text:
                found.append(f"masthead line {line.text[:40]!r} missing")
    return found


def flat(text: str) -> str:
    """Text without spaces, line breaks and hyphens, so that a wrapped or hyphenated line still matches."""
    return "".join(text.split()).replace("-", "")


def check(stems: list[str]) -> int:
    failures = 0
    for producer, seeds in SEEDS.items():
        for seed in seeds:
            style = LayoutStyle.draw(seed)
            for stem in stems:
                path = target(producer, seed, stem)
                if not path.exists():
                    continue
                found = problems(read_paper(SOURCES / f"{stem}.paper"), path, style)
                failures += bool(found)
                for problem in found[:5]:
                    print(f"{path.name}: {problem}")
    print(f"{failures} renderings with problems")
    return failures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-only", action="store_true")
    parser.add_argument("--producer", choices=sorted(SEEDS), action="append", help="render with these only (default: all)")
    parser.add_argument("stems", nargs="*", help="source stems, as `ga-res-80-215.en` (default: all)")
    args = parser.parse_args(argv)
    stems = args.stems or sorted(path.stem for path in SOURCES.glob("*.paper"))
    if not args.check_only:
        render_all(stems, args.producer or list(SEEDS))
    return 1 if check(stems) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
