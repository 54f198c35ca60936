"""The layout-fuzz producers: one render function per producer family, each driven by a LayoutStyle.

Every function has the signature `render(paper, target, style)`: it draws the PaperSource (already
restyled with `layout_style.restyle`) into the PDF `target` with the layout `style` fixes.

Usage: python corpus/tools/producers.py PRODUCER SOURCE.paper TARGET.pdf SEED renders one paper.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from layout_style import LayoutStyle, restyle
from paper_source import PaperSource, read_paper

Renderer = Callable[[PaperSource, Path, LayoutStyle], None]

# producer name: (module, function); imported when first used, since each needs its own packages
PRODUCERS: dict[str, tuple[str, str]] = {
    "fpdf2": ("render_fpdf", "render_fpdf"),
    "libreoffice": ("render_odt", "render_libreoffice"),
    "docx": ("render_docx", "render_docx"),
    "reportlab": ("render_reportlab", "render_reportlab"),
    "typst": ("render_typst", "render_typst"),
}


def renderer(producer: str) -> Renderer:
    module, function = PRODUCERS[producer]
    return getattr(importlib.import_module(module), function)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Render one .paper file to PDF with one producer and a seeded style.")
    parser.add_argument("producer", choices=sorted(PRODUCERS))
    parser.add_argument("source", type=Path, help="the .paper file")
    parser.add_argument("target", type=Path, help="the PDF to write")
    parser.add_argument("seed", type=int, help="draws the LayoutStyle")
    args = parser.parse_args(argv)
    style = LayoutStyle.draw(args.seed)
    renderer(args.producer)(restyle(read_paper(args.source), style), args.target, style)
    print(f"{args.target}: {style.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
