"""Write the gold skeleton of each corpus paper from its source's tags: tests/gold/<stem>.csv.

The tags (H1/H2/H3/P/Q/L1/L2/B, labels) were set by hand from the seed documents; this script only
spells out, for every record, the locator the locator rules give it (see extractors/structure.py)
and its part, kind and printed number. The segmenter reads PDFs and never sees these tags.

Usage: python corpus/tools/make_gold.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from paper_source import PageBreak, PaperSource, SourceBlock, SourceTable, read_paper

ROOT = Path(__file__).resolve().parents[2]
APPENDIX = re.compile(r"^(附录|Appendix)\s*(\d+)")
SUMMARY = re.compile(r"^(内容提要|Executive Summary)$")
ROMAN = re.compile(r"^([IVX]+)\.\s")
LETTER = re.compile(r"^([A-Z])\.\s")
NUMBER = re.compile(r"^(\d+)\.\s")
ITEM = re.compile(r"^\(([a-z]+)\)\s")
COVER = {"symbol": "symbol", "date": "date", "agenda_item": "agenda_item", "session": "session", "title": "title"}


def gold(paper: PaperSource) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []

    def add(locator: str, part: str, kind: str, number: str, text: str) -> None:
        rows.append({"locator": locator, "part": part, "kind": kind, "number": number, "text": text[:24]})

    front = paper.front
    for key in ("symbol", "date", "agenda_item", "session"):
        if front.get(key):
            add(f"cover/{key}", "cover", "other", "", front[key])
    if front.get("dates_place"):
        add("cover/dates", "cover", "other", "", front["dates_place"])
        add("cover/place", "cover", "other", "", front["dates_place"])
    add("cover/title", "cover", "other", "", front["title"])

    has_sections = any(b.tag == "H1" and ROMAN.match(b.text) for b in paper.blocks)
    prefix, part = ("summary", "summary") if has_sections and SUMMARY.match(paper.blocks[0].text) else ("body", "body")
    counters: dict[str, int] = {}
    headings: list[tuple[int, str]] = []
    parent, item, resolution, started = prefix, "", False, False
    footnote_parts: dict[str, str] = {}

    def count(key: str) -> int:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    for element in paper.elements:
        if isinstance(element, PageBreak):
            continue
        if isinstance(element, SourceTable):
            for label in element.marker_labels:
                footnote_parts.setdefault(label, part)
            table = count(f"{prefix}:table")
            for row in range(len(element.head_rows) + len(element.rows)):
                add(f"{prefix}/t{table}/r{row}", part, "table_row", "", "")
            continue
        block: SourceBlock = element
        if block.tag == "H1" and (appendix := APPENDIX.match(block.text)):
            prefix, part = f"app{appendix.group(2)}", f"appendix {appendix.group(2)}"
            counters, headings, parent, item, resolution, started = {}, [], prefix, "", False, False
        if block.tag == "H1" and ROMAN.match(block.text) and prefix == "summary":
            prefix, part, counters, headings, parent = "body", "body", {}, [], "body"
        for label in block.marker_labels:
            footnote_parts.setdefault(label, part)
        if block.tag.startswith("H"):
            if "决议草案" in block.text or "Draft Resolution" in block.text:
                resolution = True
            text = block.text
            if block.tag == "H1" and not started and not ROMAN.match(text):
                add(f"{prefix}/h/t{count('t')}", part, "heading", "", text)
                continue
            if match := ROMAN.match(text):
                level, component = 1, match.group(1)
            elif match := LETTER.match(text):
                level, component = 2, match.group(1)
            elif match := NUMBER.match(text):
                level, component = 3, match.group(1)
            elif match := ITEM.match(text):
                value = match.group(1)
                level = 5 if re.fullmatch(r"[ivx]+", value) and any(l == 4 for l, _ in headings) else 4
                component = value
            else:
                numbered = [l for l, c in headings if not c.startswith("u")]
                level = (max(numbered) if numbered else 0) + 1
                above = "/".join(c for l, c in headings if l < level)
                component = f"u{count('h' + above)}"
            headings = [(l, c) for l, c in headings if l < level] + [(level, component)]
            number = match.group(0).strip() if match else ""
            add(f"{prefix}/h/" + "/".join(c for _, c in headings), part, "heading", number, text)
            parent, item, started = prefix, "", True
            continue
        started = True
        label = block.printed_label
        value = re.sub(r"[^0-9a-z]", "", label)
        if resolution and block.tag == "P":
            if not label and re.match(r"^(管理机构|THE GOVERNING BODY)[，,]$", block.text):
                add(f"{prefix}/name", part, "other", "", block.text)
            elif label:
                parent, item = f"{prefix}/op/{value}", ""
                add(parent, part, "operative", label, block.text)
            else:
                add(f"{prefix}/pre/{count('pre')}", part, "preambular", "", block.text)
        elif block.tag == "P":
            if label:
                parent, item = f"{prefix}/{value}", ""
                add(parent, part, "paragraph", label, block.text)
            else:
                add(f"{prefix}/u{count('u')}", part, "paragraph", "", block.text)
        elif block.tag == "Q":
            locator = f"{parent}/q{value}" if label else f"{parent}/u{count('u' + parent)}"
            add(locator, part, "quote", label, block.text)
        elif block.tag == "L1":
            item = f"{parent}/{value}"
            add(item, part, "item", label, block.text)
        elif block.tag == "L2":
            add(f"{item}/{value}", part, "item", label, block.text)
        elif block.tag == "B":
            add(f"{parent}/b{count('b' + parent)}", part, "bullet", label, block.text)
    for label in paper.footnotes:
        name = label if label.isdigit() else f"x{len(label)}"
        add(f"fn/{name}", footnote_parts[label], "footnote", label, paper.footnotes[label])
    return rows


def main() -> None:
    folder = ROOT / "tests" / "gold"
    folder.mkdir(exist_ok=True)
    for path in sorted((ROOT / "corpus" / "sources").glob("*.paper")):
        rows = gold(read_paper(path))
        with open(folder / f"{path.stem}.csv", "w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"{path.stem}: {len(rows)} records")


if __name__ == "__main__":
    main()
