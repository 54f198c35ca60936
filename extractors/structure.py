"""Segment a document's blocks into structure records with locators that do not depend on language.

A block is read by three things:
- its label (`II.`, `A.`, `17.`, `13`, `1)`, `(a)`, `(iv)`, `•`) and the text after it;
- its geometry: indented blocks are quoted text or items, centred ones headings;
- its place in the numbering: paragraph numbers run in sequence within a part. A short numbered line
  without closing punctuation is a heading when its number is not the next paragraph's, or when the
  paragraph after it carries the same number (`1. 背景` then `1. 本附件…`); a bare number without a
  full stop (`13 `) is a paragraph number only where it is the next one (`2020 年…` is not).

Locators: `body/17`, `body/5/q4` (paragraph 4 of a decision quoted in paragraph 5), `body/11/u1` (an
unnumbered quoted line), `body/16/b2` (a bullet), `app1/10/a/ii`, `app3/pre/2`, `app3/op/8`,
`app2/t1/r5` (table row), headings `body/h/II/A`, `body/h/III/u1` (unnumbered), `app1/h/t1` (titles),
cover fields `cover/symbol`, footnotes `fn/9` (`fn/x1`, `fn/x2` for `*`, `**`).
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from dataclasses import dataclass, field

from extractors.patterns import (
    AGENDA_ITEM,
    APPENDIX,
    RESOLUTION_ANNEX,
    BULLET,
    CLAUSE_END,
    DOCUMENT_DATE,
    DRAFT_RESOLUTION,
    INTRODUCES_LIST,
    ITEM,
    NUMBERED,
    NUMBERED_IN_PARENTHESES,
    ROMAN_ITEM_VALUE,
    SECTION_LETTER,
    SECTION_ROMAN,
    SENTENCE_END,
    SUMMARY_HEADING,
    TERMINAL_PUNCTUATION,
)
from extractors.masthead import is_masthead_line
from extractors.resolutions import (
    DecisionTitle,
    continues_adoption,
    is_adoption_line,
    is_resolution_part,
    lead_phrase,
    read_decision_title,
)
from lexicon.bodies import NAME_LINE
from lexicon.leads import OPERATIVE_LEAD, PREAMBULAR_LEAD
from models import Block, Document, Table
from models.paragraph import Paragraph, ParagraphKind

MARGIN = 9.0  # points from the left margin that still count as at the margin
INDENTED = 20.0  # points from the left margin that make a block indented
CENTRED = 8.0  # points between a line's centre and the text column's centre
FULL_WIDTH_SLACK = 3.0  # points from the left margin within which a line runs the full width
MAX_HEADING_CHARS = {"zh": 70}
MAX_HEADING_CHARS_DEFAULT = 170
HEADING_END = re.compile(r"[。；：！？.;:!?，,][”’\"')）》]*$")
PARENTHESISED = re.compile(r"^[（(].*[)）]$")
LEVELS = {"roman": 1, "letter": 2, "number": 3, "item": 4}
RESOLUTION_WORD = re.compile(r"^(?:Resolution|RESOLUTION)\b|^第.*号决议")
NAME_LINE_REACH = 30  # blocks after a numbered clause within which a later name line makes it preamble
MASTHEAD_KINDS = (ParagraphKind.OTHER, ParagraphKind.HEADING)  # what may stand above a masthead line
COVER_FIELDS = ("symbol", "date", "agenda_item", "session", "dates", "place", "title")


@dataclass(frozen=True)
class Label:
    kind: str  # roman, letter, number, item, bullet, or "" when none
    printed: str  # as printed: "II.", "17.", "13", "(a)", "•"
    value: str  # what the locator uses: "II", "17", "a"
    text: str  # the block's text after the label


def read_label(text: str) -> Label:
    if match := SECTION_ROMAN.match(text):
        return Label("roman", f"{match.group(1)}.", match.group(1), match.group(2))
    if match := SECTION_LETTER.match(text):
        return Label("letter", f"{match.group(1)}.", match.group(1), match.group(2))
    if match := NUMBERED.match(text):
        return Label("number", match.group(1) + (match.group(2) or ""), match.group(1), match.group(3))
    if match := NUMBERED_IN_PARENTHESES.match(text):
        return Label("number", f"({match.group(1)})", match.group(1), match.group(2))
    if match := ITEM.match(text):
        return Label("item", match.group(1), match.group(2) or match.group(3), match.group(4))
    if match := BULLET.match(text):
        return Label("bullet", match.group(1), "", match.group(2))
    return Label("", "", "", text)


@dataclass(frozen=True)
class Geometry:
    left: float
    centre: float
    first_line_indent: float = 0.0  # of numbered paragraphs whose number follows an indent, 0 if none

    @classmethod
    def of(cls, blocks: tuple[Block, ...]) -> Geometry:
        """The text column: where lines start other than those of paragraph numbers (a number set
        in the margin stands left of it; headings `II.` and unnumbered text start at it) and where
        lines end; and how far a numbered paragraph's first line is indented, where the document
        sets its numbers so."""
        lines = [line for block in blocks for line in block.lines]
        starts = sorted(line.bbox.x0 for line in lines if not _paragraph_numbered(line.text)) or sorted(
            line.bbox.x0 for line in lines
        )
        ends = sorted(line.bbox.x1 for line in lines)
        if not starts:
            return cls(0.0, 0.0)
        left = starts[len(starts) // 50]
        right = ends[int(len(ends) * 0.95)]
        indents = [
            block.lines[0].bbox.x0 - block.lines[1].bbox.x0
            for block in blocks
            if len(block.lines) > 1 and _paragraph_numbered(block.text) and abs(block.lines[1].bbox.x0 - left) < MARGIN
        ]
        first_line = statistics.median(indents) if indents else 0.0
        return cls(left, (left + right) / 2, first_line if first_line >= MARGIN else 0.0)

    def indent(self, block: Block) -> float:
        """How far the block stands right of the column: its leftmost line on its first page, so that
        a first-line indent does not make a paragraph a quote; a numbered paragraph of one line at
        the document's first-line indent stands at the margin; a block whose label hangs a little in
        from the margin stands where its text does."""
        if not block.lines:
            return 0.0
        indent = block.bbox.x0 - self.left
        one_line = sum(line.page == block.page for line in block.lines) == 1
        if self.first_line_indent and one_line and _paragraph_numbered(block.text):
            return 0.0 if abs(indent - self.first_line_indent) < MARGIN else indent
        lines = block.lines
        if MARGIN <= indent < INDENTED and len(lines) > 1 and lines[1].bbox.x0 - lines[0].bbox.x0 > MARGIN:
            return lines[1].bbox.x0 - self.left  # a label hanging a little in from the margin: a quote's
        return indent

    def centred(self, block: Block) -> bool:
        """Every line on the column's axis, and not all of them full width (those are centred too)."""
        lines = block.lines
        on_axis = all(abs((line.bbox.x0 + line.bbox.x1) / 2 - self.centre) <= CENTRED for line in lines)
        return bool(lines) and on_axis and any(line.bbox.x0 - self.left > FULL_WIDTH_SLACK for line in lines)


@dataclass
class HeadingLevel:
    level: int
    component: str  # in the locator: II, A, 1, a, u2, t1
    shown: str  # in the heading path: II, A, 1, (a), 联合能力发展活动


@dataclass
class PartState:
    prefix: str  # body, summary, app1
    name: str  # body, summary, appendix 1
    root: str = ""  # shown first in heading paths: 附录 1 / Appendix 1
    headings: list[HeadingLevel] = field(default_factory=list)
    expected: int = 1  # the next paragraph number
    parent: str = ""  # locator of the paragraph that quotes, items and bullets belong to
    counters: dict[str, int] = field(default_factory=dict)
    item: str = ""  # locator of the current lettered item
    item_letter: str = ""
    item_indent: float = 0.0
    resolution: bool = False  # reading clauses: name line, preambular, operative
    started: bool = False  # anything but a title emitted
    title_number: str = ""  # a decision's number printed alone, its title on the next line
    title_block: Block | None = None  # the block of that number
    annex: bool = False  # the annex of a resolution: headings counted, numbered paragraphs wherever they stand
    named: bool = False  # its name line read

    def __post_init__(self) -> None:
        self.parent = self.prefix

    def count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    @property
    def path(self) -> str:
        return " > ".join([self.root] * bool(self.root) + [h.shown for h in self.headings])


class Segmenter:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.geometry = Geometry.of(document.blocks)
        self.labels = [read_label(block.text) for block in document.blocks]
        self.max_heading = MAX_HEADING_CHARS.get(document.language, MAX_HEADING_CHARS_DEFAULT)
        self.notes_by_block: dict[int, list[str]] = {}
        for note in document.footnotes:
            if note.block_index is not None:
                self.notes_by_block.setdefault(note.block_index, []).append(note.label)
        self.records: list[Paragraph] = []
        self.table_places: dict[int, tuple[str, str]] = {}  # table index: its part and heading path
        has_sections = any(
            label.kind == "roman" and self._heading_like(block) for block, label in zip(document.blocks, self.labels)
        )
        first = document.blocks[0].text if document.blocks else ""
        self.part = PartState("summary", "summary") if has_sections and SUMMARY_HEADING.match(first) else PartState("body", "body")
        self.previous_text = ""
        self.part_names: set[str] = set()  # of the decisions read so far
        # after a masthead's `Agenda item 3`: the style of its title's blocks ((bold, None) until one is read)
        self.agenda_title_style: tuple[bool, float | None] | None = None

    # -- reading ---------------------------------------------------------------------------------
    def run(self) -> list[Paragraph]:
        self._cover()
        tables = sorted(self.document.tables, key=lambda t: (t.page, t.bbox.top))
        for index, block in enumerate(self.document.blocks):
            while tables and (tables[0].page, tables[0].bbox.top) < (block.page, block.bbox.top):
                self._table(tables.pop(0))
            self._block(index, block)
            self.previous_text = block.text
        for table in tables:
            self._table(table)
        self._untitled_decision()
        self._footnotes()
        return _unique(self.records)

    def _untitled_decision(self) -> None:
        """A decision's number whose title never came (the next block is a clause, or none): its own
        title record, without a title."""
        if self.part.title_number and self.part.title_block is not None:
            self._emit(self.part.title_block, f"{self.part.prefix}/title", ParagraphKind.HEADING, self.part.title_number, "")
            self.part.title_number = ""

    def _block(self, index: int, block: Block) -> None:
        label = self.labels[index]
        text = block.text
        if self._in_masthead(block):
            self._emit(block, f"cover/m{self.part.count('m')}", ParagraphKind.OTHER, "", text, started=False)
            return
        if self._is_untitled_covers_title(block):
            self._emit(block, "cover/title", ParagraphKind.OTHER, "", text, started=False)
            return
        if (block.bold or self._heading_like(block)) and (decision := read_decision_title(text)):
            self._decision(block, decision)
            return
        if self.part.title_number and self._heading_like(block) and not NAME_LINE.match(text):
            self._emit(block, f"{self.part.prefix}/title", ParagraphKind.HEADING, self.part.title_number, text)
            self.part.title_number = ""
            return
        self._untitled_decision()
        if self._continues_title(block):
            self._continue_previous(block)
            return
        if is_resolution_part(self.part.prefix) and (is_adoption_line(text) or self._dates_adoption(index)):
            self._adopted(block)
            return
        if self.records and self.records[-1].locator.endswith("/adopted") and continues_adoption(text):
            self._continue_previous(block)
            return
        annex = RESOLUTION_ANNEX.match(text) if self._in_resolution_part() else None
        if (appendix := APPENDIX.match(text) or annex) and self._heading_like(block):
            self._appendix(block, appendix.group(0), appendix.group(2) or "")
            return
        if not self.part.resolution and NAME_LINE.match(text) and self._opens_resolution(index):
            self._open_resolution()
        if label.kind == "roman" and self.part.prefix == "summary" and self._heading_like(block):
            self.part = PartState("body", "body")
        if self.part.prefix.startswith(("dec/", "res/")) and "/annex" not in self.part.prefix and self._heads_next_decision(index):
            self._compilation_heading(block)
            return
        if self._is_heading(index, block, label) and not (self.part.resolution and self._opens_clause(block, text)):
            if DRAFT_RESOLUTION.search(text):
                self.part.resolution = True
            self._heading(block, label)
        elif self.part.resolution:
            self._clause(block, label)
        elif self.part.annex and label.kind == "number" and self._is_paragraph_number(label, block, anywhere=True):
            self._paragraph(block, label)
        elif label.kind == "bullet":
            self._emit(block, f"{self.part.parent}/b{self.part.count('b' + self.part.parent)}", ParagraphKind.BULLET, label.printed, label.text)
        elif label.kind == "item":
            self._item(block, label)
        elif self.geometry.indent(block) >= INDENTED and label.kind in ("number", "") and (not self.part.annex or self.part.item):
            self._quote(block, label)
        elif label.kind == "number" and self._quoted_without_indent(label):
            self._quote(block, label)
        elif label.kind == "number" and self._is_paragraph_number(label, block):
            self._paragraph(block, label)
        else:
            locator = f"{self.part.prefix}/u{self.part.count('u')}"
            if self.part.annex:  # an annex's items belong to the paragraph above them, numbered or not
                self.part.parent, self.part.item = locator, ""
            self._emit(block, locator, ParagraphKind.PARAGRAPH, "", text)

    # -- deciding --------------------------------------------------------------------------------
    def _heading_like(self, block: Block) -> bool:
        text = block.text
        if HEADING_END.search(text) or len(text) > self.max_heading or PARENTHESISED.match(text):
            return False
        return self.geometry.centred(block) or self.geometry.indent(block) < MARGIN or block.bold

    def _is_heading(self, index: int, block: Block, label: Label) -> bool:
        if label.kind == "bullet" or not self._heading_like(block):
            return False
        if label.kind == "item" or label.kind == "":
            bold_in_annex = self.part.annex and block.bold and not label.kind
            return self.geometry.indent(block) < MARGIN or self.geometry.centred(block) or bold_in_annex
        if label.kind == "number":
            number = int(label.value)
            return number != self.part.expected or self._next_paragraph_number(index) == number
        return True

    def _next_paragraph_number(self, index: int) -> int | None:
        for block, label in zip(self.document.blocks[index + 1 :], self.labels[index + 1 :]):
            if label.kind == "number" and self.geometry.indent(block) < MARGIN:
                return int(label.value)
        return None

    def _quoted_without_indent(self, label: Label) -> bool:
        """A number out of sequence right after `…决议：` or among quoted paragraphs: quoted text."""
        in_quote = bool(self.records) and self.records[-1].kind == ParagraphKind.QUOTE
        return int(label.value) != self.part.expected and (bool(INTRODUCES_LIST.search(self.previous_text)) or in_quote)

    def _is_paragraph_number(self, label: Label, block: Block, anywhere: bool = False) -> bool:
        """`anywhere`: in a resolution's annex, whose numbered paragraphs may be indented as a whole."""
        if self.geometry.indent(block) >= MARGIN and not anywhere:
            return False
        return bool(label.printed[len(label.value) :]) or int(label.value) == self.part.expected

    # -- emitting --------------------------------------------------------------------------------
    def _title(self, block: Block) -> None:
        if self.part.annex:
            self._emit(block, f"{self.part.prefix}/h{self.part.count('annex_h')}", ParagraphKind.HEADING, "", block.text, started=False)
            return
        component = f"t{self.part.count('t')}"
        self._emit(block, f"{self.part.prefix}/h/{component}", ParagraphKind.HEADING, "", block.text, started=False)

    def _heading(self, block: Block, label: Label) -> None:
        part = self.part
        if not label.kind and self.geometry.centred(block) and not part.started:
            self._title(block)
            return
        if label.kind == "item":
            roman = ROMAN_ITEM_VALUE.match(label.value) and any(h.level == LEVELS["item"] for h in part.headings)
            level, component, shown = LEVELS["item"] + bool(roman), label.value, label.printed
        elif label.kind:
            level, component, shown = LEVELS[label.kind], label.value, label.value
        else:
            numbered = [h.level for h in part.headings if not h.component.startswith("u")]
            level = (max(numbered) if numbered else 0) + 1
            parent = "/".join(h.component for h in part.headings if h.level < level)
            component, shown = f"u{part.count('h' + parent)}", block.text
        part.headings = [h for h in part.headings if h.level < level] + [HeadingLevel(level, component, shown)]
        part.parent, part.item = part.prefix, ""
        locator = f"{part.prefix}/h/" + "/".join(h.component for h in part.headings)
        if part.annex:  # a resolution's annex counts its headings: `dec/78-1/annex/h3`
            locator = f"{part.prefix}/h{part.count('annex_h')}"
        self._emit(block, locator, ParagraphKind.HEADING, label.printed, label.text)

    def _paragraph(self, block: Block, label: Label) -> None:
        part = self.part
        part.expected = int(label.value) + 1
        part.parent = f"{part.prefix}/{label.value}"
        part.item = ""
        self._emit(block, part.parent, ParagraphKind.PARAGRAPH, label.printed, _without_repeated_label(label))

    def _quote(self, block: Block, label: Label) -> None:
        parent = self.part.parent
        if label.kind == "number":
            locator, number, text = f"{parent}/q{label.value}", label.printed, label.text
        else:
            locator, number, text = f"{parent}/u{self.part.count('u' + parent)}", "", block.text
        lead = OPERATIVE_LEAD.match(text)
        self._emit(block, locator, ParagraphKind.QUOTE, number, text, lead_verb=lead.group(0) if lead else "")

    def _item(self, block: Block, label: Label) -> None:
        part = self.part
        indent = self.geometry.indent(block)
        same_indent = indent <= part.item_indent + MARGIN
        letters = len(label.value) == len(part.item_letter) == 1
        next_letter = letters and ord(label.value) == ord(part.item_letter) + 1
        # (i) after (h) is a letter; (iii) after a roman (ii) at the same indent is its sibling
        sibling = same_indent and (next_letter or (len(part.item_letter) > 1 and ROMAN_ITEM_VALUE.match(part.item_letter)))
        roman = ROMAN_ITEM_VALUE.match(label.value) and part.item and not sibling
        if roman:
            locator = f"{part.item}/{label.value}"
        else:
            locator = f"{part.parent}/{label.value}"
            part.item, part.item_letter, part.item_indent = locator, label.value, indent
        self._emit(block, locator, ParagraphKind.ITEM, label.printed, label.text)

    def _clause(self, block: Block, label: Label) -> None:
        """A block of a resolution: its name line, a preambular clause (unnumbered, before the first
        operative one, or ending in a comma), an operative clause (numbered, or opening with an
        operative lead), an item, the adoption line, or text continuing a clause after its items."""
        part = self.part
        text = block.text
        operatives = part.counters.get("op", 0)
        if NAME_LINE.match(text) and not operatives and not part.named:  # after a numbered preamble too (Ramsar)
            part.named = True
            self._emit(block, f"{part.prefix}/name", ParagraphKind.OTHER, "", text)
        elif not (operatives or part.counters.get("pre") or label.kind or lead_phrase(block, text, False) or CLAUSE_END.search(text)):
            self._emit(block, f"{part.prefix}/m{part.count('m')}", ParagraphKind.OTHER, "", text)  # `Resolution submitted by …`
        elif label.kind == "number" and not operatives and (_numbered_preambular(label.text) or (not part.named and self._name_line_follows(block.index))):
            part.parent, part.item = f"{part.prefix}/pre/{part.count('pre')}", ""  # Ramsar numbers its preamble
            self._emit(block, part.parent, ParagraphKind.PREAMBULAR, label.printed, label.text, lead_verb=lead_phrase(block, label.text, False))
        elif label.kind == "number":
            part.count("op")
            part.parent, part.item, part.expected = f"{part.prefix}/op/{label.value}", "", int(label.value) + 1
            self._emit(block, part.parent, ParagraphKind.OPERATIVE, label.printed, label.text, lead_verb=lead_phrase(block, label.text, True))
        elif label.kind == "item":
            self._item(block, label)
        elif self._continues_clause(block, label):
            self._continue_previous(block)
        elif (operatives and _led(block, text)) or (not operatives and _sole_operative(text)):
            part.count("op")
            part.parent, part.item = f"{part.prefix}/op/u{part.count('op_u')}", ""
            self._emit(block, part.parent, ParagraphKind.OPERATIVE, "", text, lead_verb=lead_phrase(block, text, True))
        elif not operatives or not TERMINAL_PUNCTUATION.search(text):
            part.parent, part.item = f"{part.prefix}/pre/{part.count('pre')}", ""
            self._emit(block, part.parent, ParagraphKind.PREAMBULAR, "", text, lead_verb=lead_phrase(block, text, False))
        else:
            self._emit(block, f"{part.parent}/u{part.count('u' + part.parent)}", ParagraphKind.PARAGRAPH, "", text)

    def _opens_clause(self, block: Block, text: str) -> bool:
        """In a resolution, a short block that opens with a name or a lead is a clause, not a heading
        (`DIRECTS the Secretariat …; and`)."""
        first = block.lines[0] if block.lines else None
        italic_lead = bool(first and first.italic_lead and len(first.italic_lead) < len(first.text.rstrip(",，")))  # an italic heading is italic throughout
        return bool(NAME_LINE.match(text) or PREAMBULAR_LEAD.match(text) or OPERATIVE_LEAD.match(text) or italic_lead)

    def _heads_next_decision(self, index: int) -> bool:
        """A heading between two decisions (`Cultural properties`) is the compilation's, not the
        decision's above it: only headings stand between it and the next decision's title."""
        for block in self.document.blocks[index:]:
            if read_decision_title(block.text) and (block.bold or self._heading_like(block)):
                return block.index != index
            if not self._heading_like(block):
                return False
        return False

    def _compilation_heading(self, block: Block) -> None:
        """Counted on from the compilation's headings before its first decision (`body/h/u1`)."""
        kind = "t" if self.geometry.centred(block) else "u"
        earlier = sum(1 for r in self.records if re.fullmatch(rf"body/h/{kind}\d+", r.locator))
        record = self._record(block, f"body/h/{kind}{earlier + 1}", ParagraphKind.HEADING, "", block.text)
        self.records.append(dataclasses.replace(record, part="body", heading_path=""))

    def _name_line_follows(self, index: int) -> bool:
        """Ramsar and CITES set the name line after a numbered preamble: what comes before it is preamble."""
        for block in self.document.blocks[index + 1 : index + 1 + NAME_LINE_REACH]:
            if NAME_LINE.match(block.text):
                return True
            if read_decision_title(block.text):
                return False
        return False

    def _continues_title(self, block: Block) -> bool:
        """A decision's title set as two blocks: bold, before its name line."""
        previous = self.records[-1] if self.records else None
        return bool(previous and previous.locator == f"{self.part.prefix}/title" and block.bold and self._heading_like(block)) and not NAME_LINE.match(block.text)

    def _dates_adoption(self, index: int) -> bool:
        """`2025 年 12 月 19 日` printed above `第 67 次全体会议`: the date opens the adoption line."""
        following = self.document.blocks[index + 1 : index + 2]
        return bool(DOCUMENT_DATE.match(self.document.blocks[index].text)) and bool(following) and is_adoption_line(following[0].text)

    def _adopted(self, block: Block) -> None:
        """The adoption line ends the resolution, wherever it stands (after its annex, in some reports)."""
        owner = self.part.prefix.split("/annex")[0]
        if owner != self.part.prefix:
            self.part = PartState(owner, owner)
        self._emit(block, f"{owner}/adopted", ParagraphKind.OTHER, "", block.text)
        self.part.resolution, self.part.parent, self.part.item = False, owner, ""

    def _continues_clause(self, block: Block, label: Label) -> bool:
        """An unlabelled block that opens with neither a lead nor a capital (`4/CP.22, 5/CP.23 and
        10/CP.24,` under `Also recalling decisions 3/CP.18, …`) is the clause above continued where
        the layout broke it."""
        previous = self.records[-1] if self.records else None
        if label.kind or not previous or previous.kind not in (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE, ParagraphKind.ITEM):
            return False
        first = block.text[:1]
        if self.document.language == "zh":
            return not CLAUSE_END.search(previous.text) and not (PREAMBULAR_LEAD.match(block.text) or OPERATIVE_LEAD.match(block.text))
        return (first.islower() or first.isdigit()) and not (block.lines and block.lines[0].italic_lead)

    def _continue_previous(self, block: Block) -> None:
        previous = self.records[-1]
        joiner = "" if self.document.language == "zh" else " "
        notes = tuple(dict.fromkeys(previous.footnotes + tuple(self.notes_by_block.get(block.index, []))))
        self.records[-1] = dataclasses.replace(
            previous, text=previous.text + joiner + block.text, page_last=block.page_last, footnotes=notes
        )

    def _opens_resolution(self, index: int) -> bool:
        """A name line opens a resolution where a clause comes next (not a sentence naming a body), and
        not inside a report's own numbered text, where it heads a quoted decision (`…as follows:`)."""
        numbered = any(r.part == self.part.name and r.kind == ParagraphKind.PARAGRAPH and r.number for r in self.records)
        if self.part.prefix in ("body", "summary") and (numbered or INTRODUCES_LIST.search(self.previous_text)):
            return False
        following = self.document.blocks[index + 1 : index + 2]
        if not following:
            return False
        label, block = self.labels[index + 1], following[0]
        led = PREAMBULAR_LEAD.match(label.text) or OPERATIVE_LEAD.match(label.text)
        return bool(led or (block.lines and block.lines[0].italic_lead))

    def _open_resolution(self) -> None:
        """A name line outside any resolution: in an appendix the appendix is the resolution (IT/GB's
        draft resolution), elsewhere the paper's own resolution starts, taking the heading just before
        it as its title (a draft's `The right to development`)."""
        if self.part.prefix.startswith("app") or is_resolution_part(self.part.prefix):
            self.part.resolution = True
            return
        previous = self.records[-1] if self.records else None
        self.part = PartState("res", "res", resolution=True)
        if previous and previous.part in ("body", "summary") and _title_like(previous):
            self.records[-1] = dataclasses.replace(
                previous, locator="res/title", part="res", heading_path="", kind=ParagraphKind.HEADING, number=""
            )

    def _decision(self, block: Block, decision: DecisionTitle) -> None:
        """A decision's number and title start a part of their own: `dec/15-4`, resolution clauses next.
        A report may hold a decision and a resolution of the same number (UNFCCC's decision 1/CP.6 and
        resolution 1/CP.6): the resolution is `res/1-CP-6`."""
        prefix = f"dec/{decision.identity}"
        if prefix in self.part_names and RESOLUTION_WORD.match(block.text):
            prefix = f"res/{decision.identity}"
        self.part_names.add(prefix)
        self.part = PartState(
            prefix, prefix, resolution=True, title_number="" if decision.title else decision.number, title_block=None if decision.title else block
        )
        if decision.title:
            self._emit(block, f"{prefix}/title", ParagraphKind.HEADING, decision.number, decision.title)

    def _in_masthead(self, block: Block) -> bool:
        """On page 1 before any text: a block of masthead lines (a column of them may be one block:
        `9 April 2025` / `Original: English`), or the agenda item's title under its number, which may
        wrap over blocks of one style."""
        if block.page != 1 or self.part.prefix != "body" or any(r.kind not in MASTHEAD_KINDS for r in self.records):
            return False
        if is_masthead_line(block.text) or all(is_masthead_line(line.text) for line in block.lines):
            self.agenda_title_style = (block.bold, None) if AGENDA_ITEM.search(block.lines[-1].text) else None
            return True
        if self.agenda_title_style and not SENTENCE_END.search(block.text) and not NAME_LINE.match(block.text):
            if self.agenda_title_style[1] is not None and self.agenda_title_style != (block.bold, block.size):
                return False
            self.agenda_title_style = (block.bold, block.size)
            return True
        return False

    def _is_untitled_covers_title(self, block: Block) -> bool:
        """Where the cover's largest text was the organ's name, the paper's title is the first
        heading-like block under the masthead (a report of decisions: `Report of the Conference of
        the Parties … : decisions adopted`), unless it is a decision's own title."""
        if self.document.cover.title or block.page != 1 or self.part.prefix != "body" or not self.records:
            return False
        if any(r.kind not in MASTHEAD_KINDS or r.kind == ParagraphKind.HEADING or r.locator == "cover/title" for r in self.records):
            return False
        return self.records[-1].locator.startswith("cover/m") and _title_like_text(block.text) and not (
            NAME_LINE.match(block.text) or read_decision_title(block.text) or self._next_is_name_line(block)
        )

    def _next_is_name_line(self, block: Block) -> bool:
        following = self.document.blocks[block.index + 1 : block.index + 2]
        return bool(following) and bool(NAME_LINE.match(following[0].text))

    def _in_resolution_part(self) -> bool:
        return is_resolution_part(self.part.prefix)

    def _appendix(self, block: Block, printed: str, number: str) -> None:
        """An appendix of the paper is a part; the annex of a decision belongs to the decision."""
        owner = self.part.prefix.split("/annex")[0]
        if is_resolution_part(owner):
            prefix = f"{owner}/annex{_arabic(number) if number else ''}"
            self.part = PartState(prefix, owner, root=printed, annex=True)
        else:
            self.part = PartState(f"app{_arabic(number)}", f"appendix {_arabic(number)}", root=printed)
        self._title(block)

    def _table(self, table: Table) -> None:
        part = self.part
        number = part.count("table")
        self.table_places[table.index] = (part.name, part.path)
        notes: dict[int, list[str]] = {}
        for row, _, marker in table.markers:
            notes.setdefault(row, []).append(marker.label)
        for row, cells in enumerate(table.rows):
            self.records.append(
                Paragraph(
                    doc_id=self.document.doc_id,
                    locator=f"{part.prefix}/t{number}/r{row}",
                    part=part.name,
                    heading_path=part.path,
                    number="",
                    kind=ParagraphKind.TABLE_ROW,
                    lead_verb="",
                    text=" | ".join(cells),
                    page_first=table.page,
                    page_last=table.page_last,
                    footnotes=tuple(dict.fromkeys(notes.get(row, []))),
                )
            )

    def _footnotes(self) -> None:
        """One record per footnote, in the part of the paragraph that cites it."""
        parts = {r.block_index: (r.part, r.heading_path) for r in self.records if r.block_index is not None}
        for note in self.document.footnotes:
            cited_in_table = self.table_places.get(note.table_index) if note.table_index is not None else None
            part, path = cited_in_table or parts.get(note.block_index, (self.part.name, ""))
            label = note.label if note.label.isdigit() else f"x{len(note.label)}"
            self.records.append(
                Paragraph(
                    self.document.doc_id, f"fn/{label}", part, path, note.label, ParagraphKind.FOOTNOTE, "",
                    note.text, note.page, note.page,
                )
            )

    def _cover(self) -> None:
        cover = self.document.cover
        for name in COVER_FIELDS:
            value = getattr(cover, name)
            if value:
                self.records.append(
                    Paragraph(self.document.doc_id, f"cover/{name}", "cover", "", "", ParagraphKind.OTHER, "", value, 1, 1)
                )

    def _emit(
        self, block: Block, locator: str, kind: ParagraphKind, number: str, text: str, lead_verb: str = "", started: bool = True
    ) -> None:
        self.part.started = self.part.started or started
        self.records.append(self._record(block, locator, kind, number, text, lead_verb))

    def _record(self, block: Block, locator: str, kind: ParagraphKind, number: str, text: str, lead_verb: str = "") -> Paragraph:
        return Paragraph(
            doc_id=self.document.doc_id,
            locator=locator,
            part=self.part.name,
            heading_path=self.part.path,
            number=number,
            kind=kind,
            lead_verb=lead_verb,
            text=text,
            page_first=block.page,
            page_last=block.page_last,
            footnotes=tuple(self.notes_by_block.get(block.index, [])),
            block_index=block.index,
        )


def _led(block: Block, text: str) -> bool:
    """Opens with an operative lead, listed or set in italics."""
    return bool(OPERATIVE_LEAD.match(text) or (block.lines and block.lines[0].italic_lead))


def _numbered_preambular(text: str) -> bool:
    """`1. RECALLING Resolution XI.8 …,`: a numbered clause that reads as preambular, before any operative."""
    return bool(PREAMBULAR_LEAD.match(text) and not OPERATIVE_LEAD.match(text) and text.rstrip().endswith((",", "，", ";", "；")))


def _sole_operative(text: str) -> bool:
    """An unnumbered operative clause before any other: it opens with an operative verb and ends the
    sentence, where preambular clauses end with a comma (some Chinese papers: a semicolon), or its
    lead is one no preambular clause opens with (`Decides`, `决定`, `请`; not `Welcoming`, `确认`)."""
    if not OPERATIVE_LEAD.match(text):
        return False
    return bool(SENTENCE_END.search(text)) or not PREAMBULAR_LEAD.match(text)


def _title_like(record: Paragraph) -> bool:
    """A heading, or a short unnumbered line without closing punctuation (a draft's indented title)."""
    return record.kind == ParagraphKind.HEADING or (not record.number and _title_like_text(record.text))


def _title_like_text(text: str) -> bool:
    return len(text) <= MAX_HEADING_CHARS_DEFAULT and not HEADING_END.search(text)


def _paragraph_numbered(text: str) -> bool:
    return bool(NUMBERED.match(text) or NUMBERED_IN_PARENTHESES.match(text))


def segment(document: Document) -> list[Paragraph]:
    return Segmenter(document).run()


def _without_repeated_label(label: Label) -> str:
    """`14. 14.包括…` was printed with its number twice: the text starts after the second."""
    repeated = re.match(rf"^{re.escape(label.printed)}\s*", label.text)
    return label.text[repeated.end() :] if repeated and label.printed.endswith((".", ")")) else label.text


def _arabic(number: str) -> int:
    if number.isdigit():
        return int(number)
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for char, following in zip(number, number[1:] + " "):
        value = values[char]
        total += -value if following != " " and values.get(following, 0) > value else value
    return total


def _unique(records: list[Paragraph]) -> list[Paragraph]:
    """A locator printed twice in one document (a misprinted number) gets ~2, ~3."""
    seen: dict[str, int] = {}
    result = []
    for record in records:
        count = seen.get(record.locator, 0) + 1
        seen[record.locator] = count
        result.append(dataclasses.replace(record, locator=f"{record.locator}~{count}") if count > 1 else record)
    return result
