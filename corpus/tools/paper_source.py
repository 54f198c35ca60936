"""Read `.paper` source files (see corpus/sources/FORMAT.md).

The renderers draw PDFs from these records, and the tests use them as the known text that
extraction is measured against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MARKER = re.compile(r"\[\^([^\]]+)\]")
LABELLED = re.compile(r"^\[([^\]]+)\]\s*(.*)$")
CELL_SEPARATOR = " ‖ "
# the tags of a resolution or decision's own structure (see FORMAT.md): DEC number and title line, NAME of
# the body, PRE preambular and OP operative clause, ADOPT adoption line
RESOLUTION_TAGS = {"DEC", "NAME", "PRE", "OP", "ADOPT"}
TEXT_TAGS = {"H1", "H2", "H3", "P", "Q", "L1", "L2", "B"} | RESOLUTION_TAGS
LABELLED_TAGS = {"P", "Q", "L1", "L2", "DEC", "PRE", "OP"}
# a clause's lead phrase, `*Recalling also*`, only at the start of a NAME, PRE or OP block: elsewhere an
# asterisk is text (`**/2017`) or a footnote label (`[^*]`)
LEAD = re.compile(r"^\*([^*]+)\*")
LEAD_TAGS = {"NAME", "PRE", "OP"}
LINE_SEPARATOR = "‖"  # between the printed lines of an ADOPT block
KINDS = ("resolution", "draft_resolution", "decision", "draft_decision", "compilation")


@dataclass(frozen=True)
class SourceBlock:
    tag: str
    label: str  # printed number or item label, "" when none
    text: str  # with [^n] footnote markers

    @property
    def printed_label(self) -> str:
        return "•" if self.tag == "B" else self.label

    @property
    def lead(self) -> str:
        """The lead phrase of a clause (`Recalling also`), printed in italics in English; "" when none."""
        match = LEAD.match(self.text) if self.tag in LEAD_TAGS else None
        return match.group(1) if match else ""

    @property
    def rest(self) -> str:
        """The text after the lead phrase, markers kept (all of the text when there is no lead)."""
        return self.text[len(self.lead) + 2 :] if self.lead else self.text

    def lead_and_rest(self, language: str) -> tuple[str, str]:
        """The lead to set in italics and the text after it: an English paper italicizes its leads, a
        Chinese one prints them plain (then everything is the rest)."""
        return (self.lead, self.rest) if language == "en" and self.lead else ("", self.lead + self.rest)

    @property
    def printed_lines(self) -> list[str]:
        """The printed lines of an ADOPT block; any other block is one paragraph."""
        if self.tag == "ADOPT":
            return [line.strip() for line in self.text.split(LINE_SEPARATOR)]
        return [self.lead + self.rest]

    @property
    def printed_text(self) -> str:
        """The text as printed, markers kept: no lead asterisks, an ADOPT block's lines joined by a space."""
        return " ".join(self.printed_lines)

    @property
    def plain_text(self) -> str:
        """The block as printed: label (or bullet), a space, the text without markers."""
        text = strip_markers(self.printed_text)
        return f"{self.printed_label} {text}" if self.printed_label else text

    @property
    def marker_labels(self) -> list[str]:
        return MARKER.findall(self.text)


@dataclass(frozen=True)
class SourceTable:
    head_rows: list[list[str]]
    rows: list[list[str]]

    @property
    def marker_labels(self) -> list[str]:
        return [label for row in self.head_rows + self.rows for cell in row for label in MARKER.findall(cell)]

    @property
    def column_count(self) -> int:
        return max(len(row) for row in self.head_rows + self.rows)

    def column_shares(self) -> list[float]:
        """Each column's share of the table width, by its longest cell within sane bounds."""
        rows = self.head_rows + self.rows
        longest = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(self.column_count)]
        weights = [min(max(length, 10), 30) for length in longest]
        return [weight / sum(weights) for weight in weights]


@dataclass(frozen=True)
class PageBreak:
    pass


Element = SourceBlock | SourceTable | PageBreak


@dataclass
class PaperSource:
    path: Path
    front: dict[str, str]
    elements: list[Element] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.front["language"]

    @property
    def blocks(self) -> list[SourceBlock]:
        return [e for e in self.elements if isinstance(e, SourceBlock)]

    @property
    def tables(self) -> list[SourceTable]:
        return [e for e in self.elements if isinstance(e, SourceTable)]

    @property
    def is_resolution(self) -> bool:
        """Whether the paper uses the resolution tags or has a UN masthead (front matter `organ`)."""
        return bool(self.front.get("organ")) or any(block.tag in RESOLUTION_TAGS for block in self.blocks)

    @property
    def running_header(self) -> str:
        return self.front.get("header") or self.front.get("symbol", "")

    def body_text(self) -> str:
        """Every text block as printed, one per line: what the extractor's body text must equal."""
        return "\n".join(block.plain_text for block in self.blocks)

    def citing_block(self, label: str) -> SourceBlock | SourceTable:
        """The first block or table whose text carries footnote marker `label`."""
        for element in self.elements:
            if isinstance(element, (SourceBlock, SourceTable)) and label in element.marker_labels:
                return element
        raise KeyError(label)


def strip_markers(text: str) -> str:
    return MARKER.sub("", text)


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("‖")]


def read_paper(path: Path) -> PaperSource:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError(f"{path}: a .paper file starts with a '---' front matter")
    end = lines.index("---", 1)
    front = {}
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        front[key.strip()] = value.strip()
    for required in ("language", "title"):
        if not front.get(required):
            raise ValueError(f"{path}: front matter needs '{required}'")
    if front.get("kind") and front["kind"] not in KINDS:
        raise ValueError(f"{path}: kind '{front['kind']}' is none of {', '.join(KINDS)}")
    if front.get("draft_symbol") and front.get("reference") and front["draft_symbol"] not in front["reference"]:
        raise ValueError(f"{path}: the reference line does not name the draft_symbol")
    paper = PaperSource(path=path, front=front)
    table: SourceTable | None = None
    for number, raw in enumerate(lines[end + 1 :], start=end + 2):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        tag, _, content = line.partition(" ")
        where = f"{path.name}:{number}"
        if table is not None:
            if tag == "HEAD":
                table.head_rows.append(split_cells(content))
            elif tag == "ROW":
                table.rows.append(split_cells(content))
            elif tag == "ENDTABLE":
                paper.elements.append(table)
                table = None
            else:
                raise ValueError(f"{where}: '{tag}' inside a TABLE")
        elif tag == "TABLE":
            table = SourceTable(head_rows=[], rows=[])
        elif tag == "PB":
            paper.elements.append(PageBreak())
        elif tag == "FN":
            match = LABELLED.match(content)
            if not match:
                raise ValueError(f"{where}: FN needs a [label]")
            paper.footnotes[match.group(1)] = match.group(2)
        elif tag in TEXT_TAGS:
            label, text = "", content
            match = LABELLED.match(content)
            if tag in LABELLED_TAGS and match:
                label, text = match.group(1), match.group(2)
            paper.elements.append(SourceBlock(tag=tag, label=label, text=text))
        else:
            raise ValueError(f"{where}: unknown tag '{tag}'")
    if table is not None:
        raise ValueError(f"{path}: TABLE without ENDTABLE")
    cited = {label for e in paper.elements if not isinstance(e, PageBreak) for label in e.marker_labels}
    missing = cited - paper.footnotes.keys()
    if missing:
        raise ValueError(f"{path}: footnote markers without FN text: {sorted(missing)}")
    return paper
