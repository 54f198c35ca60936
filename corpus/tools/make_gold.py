"""Write the gold skeleton of each corpus paper from its source's tags: tests/gold/<stem>.csv, and for
each resolution or decision in corpus/sources/resolutions/ its two files in tests/gold/resolutions/
(<stem>.cover.csv and <stem>.csv, as tests/gold/RESOLUTIONS.md specifies).

The tags (H1/H2/H3/P/Q/L1/L2/B, labels) were set by hand from the seed documents; this script only
spells out, for every record, the locator the locator rules give it (see extractors/structure.py)
and its part, kind and printed number. The segmenter reads PDFs and never sees these tags.

Usage: python corpus/tools/make_gold.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from paper_source import PageBreak, PaperSource, SourceBlock, SourceTable, read_paper, strip_markers
from un_masthead import masthead

ROOT = Path(__file__).resolve().parents[2]
APPENDIX = re.compile(r"^(附录|Appendix)\s*(\d+)")
SUMMARY = re.compile(r"^(内容提要|摘要|Executive Summary|Summary)$")
# a draft a report carries in its appendix, read clause by clause (tests/gold/RESOLUTIONS.md)
DRAFT_HEADING = re.compile(r"决议草案|决定草案|Draft Resolution|Draft Decision")
DRAFT_NAME_LINE = re.compile(r"^(管理机构|THE GOVERNING BODY|世界遗产委员会|The World Heritage Committee)[，,]$")
# WHC numbers its preamble with its operative clauses: `1. Having examined …,` is preambular
NUMBERED_PREAMBLE = re.compile(r"^(Having examined|Recalling|审议了|忆及)")
ROMAN = re.compile(r"^([IVX]+)\.\s")
LETTER = re.compile(r"^([A-Z])\.\s")
NUMBER = re.compile(r"^(\d+)\.\s")
ITEM = re.compile(r"^\(([a-z]+)\)\s")
DECISION_WORD_EN = re.compile(r"^(?:Decision|Resolution)\s*:?\s*")
DECISION_WORDS_ZH = re.compile(r"^第\s*(.+?)\s*号(?:决定|决议)$")
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
            if DRAFT_HEADING.search(block.text):
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
            if not label and DRAFT_NAME_LINE.match(block.text):
                add(f"{prefix}/name", part, "other", "", block.text)
            elif label and NUMBERED_PREAMBLE.match(block.text):
                add(f"{prefix}/pre/{count('pre')}", part, "preambular", label, block.text)
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


# the cover fields of RESOLUTIONS.md in its order: front-matter key, or a function of the paper
COVER_FIELDS = ("kind", "organization", "symbol", "organ", "distribution", "date", "original_language", "session",
                "agenda_item", "sponsors", "draft_symbol", "title")
AGENDA_NUMBER = re.compile(r"\d[\dA-Za-z.]*(?:\s*\([a-z]+\))?")
GOLD_TEXT = 24  # characters of a record's text the gold keeps


def decision_id(label: str) -> str:
    """The part id of a printed decision number: `15/4.` -> `15-4`, `46 COM 7B.1` -> `46-COM-7B-1`."""
    # a number printed with its kind (`Resolution XIV.7`, `第 XIV.7 号决议`) gives the same id as without
    core = re.sub(r"^(Resolution|Decision|第)\s*|\s*号(决定|决议)?$", "", label.strip())
    return re.sub(r"[/. ]+", "-", core).strip("-")


def cover_gold(paper: PaperSource) -> list[dict[str, str]]:
    """The masthead fields the paper prints, as RESOLUTIONS.md names them."""
    front = paper.front
    rows = []
    for key in COVER_FIELDS:
        value = front.get(key, "")
        if key == "agenda_item" and value:
            match = AGENDA_NUMBER.search(value)
            value = match.group(0) if match else value
        if key == "sponsors" and value and not masthead(paper).lead:
            value = ""  # not printed: the kind has no sponsors line
        if value:
            rows.append({"field": key, "value": value})
    return rows


def decision_number(label: str) -> str:
    """The number of a DEC label without the word around it: `Resolution XIV.21` -> `XIV.21`,
    `第 5/2025 号决议` -> `5/2025`, `15/4.` as it is (the real papers' gold does the same)."""
    chinese = DECISION_WORDS_ZH.match(label)
    return chinese.group(1) if chinese else DECISION_WORD_EN.sub("", label)


def headings_before_decisions(paper: PaperSource) -> set[int]:
    """The ids of the headings that only other headings separate from the next DEC line."""
    found: set[int] = set()
    run: list[int] = []
    for element in paper.elements:
        if isinstance(element, SourceBlock) and element.tag.startswith("H"):
            run.append(id(element))
            continue
        if isinstance(element, SourceBlock) and element.tag == "DEC":
            found.update(run)
        if not isinstance(element, PageBreak):
            run = []
    return found


def resolution_gold(paper: PaperSource) -> list[dict[str, str]]:
    """One record per clause, item, decision line, annex paragraph and footnote, located as RESOLUTIONS.md says."""
    rows: list[dict[str, str]] = []
    numbered = any(block.tag == "DEC" for block in paper.blocks)
    prefix = "body" if numbered else "res"  # before a compilation's first DEC line: its own headings
    counters: dict[str, int] = {}
    body_headings = {"t": 0, "u": 0}  # titles and unnumbered headings, counted apart as structure counts them
    parent = item = prefix
    annex = False
    footnote_parts: dict[str, str] = {}
    leading = headings_before_decisions(paper)

    def add(locator: str, kind: str, number: str = "", lead: str = "", text: str = "") -> None:
        text = strip_markers(text)[:GOLD_TEXT]
        rows.append({"locator": locator, "part": prefix, "kind": kind, "number": number, "lead_verb": lead, "text": text})

    def count(key: str) -> int:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    for element in paper.elements:
        if isinstance(element, PageBreak):
            continue
        if isinstance(element, SourceTable):
            table = count("table")
            for row in range(len(element.head_rows) + len(element.rows)):
                add(f"{prefix}/annex/t{table}/r{row}", "table_row")
            continue
        block: SourceBlock = element
        value = re.sub(r"[^0-9A-Za-z]", "", block.label)
        if block.tag == "DEC":
            prefix, counters, annex = f"dec/{decision_id(block.label)}", {}, False
            parent = item = prefix
        for label in block.marker_labels:
            footnote_parts.setdefault(label, prefix)
        text = block.printed_text
        if id(block) in leading:
            # a compilation's own heading, before its first decision or between two (`Cultural properties`)
            # centred (H1) before anything else is a title, as structure reads it; others unnumbered headings
            kind = "t" if block.tag == "H1" else "u"
            body_headings[kind] += 1
            component = f"{kind}{body_headings[kind]}"
            rows.append({"locator": f"body/h/{component}", "part": "body", "kind": "heading", "number": "",
                         "lead_verb": "", "text": strip_markers(text)[:GOLD_TEXT]})
            continue
        if block.tag == "DEC":
            add(f"{prefix}/title", "heading", decision_number(block.label), text=block.text)
        elif block.tag == "NAME":
            add(f"{prefix}/name", "other", text=text)
        elif block.tag == "PRE":
            # counted, even where the body numbers its preambular clauses too (Ramsar: `1. RECALLING`)
            parent = f"{prefix}/pre/{count('pre')}"
            add(parent, "preambular", block.label, block.lead, text)
        elif block.tag == "OP":
            parent = f"{prefix}/op/{value}" if value else f"{prefix}/op/u{count('op')}"
            add(parent, "operative", block.label, block.lead, text)
        elif block.tag == "ADOPT":
            add(f"{prefix}/adopted", "other", text=text)
        elif block.tag.startswith("H"):
            # an H1 opens a resolution's annex; other headings among the clauses (CITES: `Regarding ...`)
            # and a compilation's own headings before its first decision are the part's headings
            annex = annex or (block.tag == "H1" and prefix != "body")
            if annex:  # a resolution's annex counts its headings
                add(f"{prefix}/annex/h{count('h annex')}", "heading", text=text)
            else:  # headings among the clauses are the part's unnumbered headings
                add(f"{prefix}/h/u{count('h')}", "heading", text=text)
        elif block.tag in ("P", "Q"):
            place = f"{prefix}/annex" if annex else prefix
            parent = f"{place}/{value}" if value else f"{place}/u{count('u' + place)}"
            add(parent, "paragraph" if block.tag == "P" else "quote", block.label, text=text)
        elif block.tag == "L1":
            item = f"{parent}/{value}"
            add(item, "item", block.label, text=text)
        elif block.tag == "L2":
            add(f"{item}/{value}", "item", block.label, text=text)
        elif block.tag == "B":
            add(f"{parent}/b{count('b' + parent)}", "bullet", "•", text=text)
    for label, note in paper.footnotes.items():
        name = label if label.isdigit() else f"x{len(label)}"
        prefix = footnote_parts[label]
        add(f"fn/{name}", "footnote", label, text=note)
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    folder = ROOT / "tests" / "gold"
    folder.mkdir(exist_ok=True)
    for path in sorted((ROOT / "corpus" / "sources").glob("*.paper")):
        rows = gold(read_paper(path))
        write_csv(folder / f"{path.stem}.csv", rows)
        print(f"{path.stem}: {len(rows)} records")
    resolutions = folder / "resolutions"
    resolutions.mkdir(exist_ok=True)
    for path in sorted((ROOT / "corpus" / "sources" / "resolutions").glob("*.paper")):
        paper = read_paper(path)
        write_csv(resolutions / f"{path.stem}.cover.csv", cover_gold(paper))
        rows = resolution_gold(paper)
        write_csv(resolutions / f"{path.stem}.csv", rows)
        print(f"resolutions/{path.stem}: {len(rows)} records")
        twin = path.with_name(path.name.replace(".zh.", ".en."))
        if twin != path and twin.exists():
            # a Chinese twin gives the same locators, numbers aside (`(a)` / `a)` are both `a`)
            ours, theirs = [row["locator"] for row in rows], [row["locator"] for row in resolution_gold(read_paper(twin))]
            if ours != theirs:
                raise SystemExit(f"{path.name}: locators differ from its English twin's: {sorted(set(ours) ^ set(theirs))}")


if __name__ == "__main__":
    main()
