"""Render every corpus/sources/*.paper into corpus/fpdf2/ and corpus/libreoffice/, in the corpus layout.

Usage: python corpus/tools/render.py [--producer fpdf2|libreoffice] [NAME ...]
The producers are called without a LayoutStyle, so each draws its own corpus layout (the layout
fuzz passes one). Needs Debian's fonts-wqy-microhei and fonts-liberation2, and for the LibreOffice
producer libreoffice-writer-nogui and hyphen-en-us (without that dictionary LibreOffice sets the
English papers unhyphenated, and so breaks their lines otherwise). The rendered PDFs are committed,
so tests never need these.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from paper_source import read_paper
from render_fpdf import render_fpdf
from render_odt import render_libreoffice

CORPUS = Path(__file__).resolve().parent.parent
PRODUCERS = {"fpdf2": render_fpdf, "libreoffice": render_libreoffice}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--producer", choices=sorted(PRODUCERS), action="append")
    parser.add_argument("names", nargs="*", help="source stems to render (default: all)")
    args = parser.parse_args(argv)
    sources = sorted((CORPUS / "sources").glob("*.paper"))
    if args.names:
        sources = [path for path in sources if path.stem in args.names]
    for producer in args.producer or sorted(PRODUCERS):
        folder = CORPUS / producer
        folder.mkdir(exist_ok=True)
        for path in sources:
            target = folder / f"{path.stem}.pdf"
            PRODUCERS[producer](read_paper(path), target)
            print(f"{producer}: {target.relative_to(CORPUS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
