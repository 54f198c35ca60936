"""The figures `make layout-fuzz` gives one rendering: pure functions of its known source and what was read.

The known text is the source paper after `layout_style.restyle` (paragraph numbers in the style's
format), since that is what the renderer printed. "Extracted" means gbdocs' Document (pdfplumber
engine); "baseline" means pdfplumber's own `page.extract_text()`, one string per page, read from the
same file. Every share is a float in [0, 1]; the footnote shares of a paper without footnotes are
None and left out of means.

What counts as text, on both sides (`source_units`, `extracted_units`): the body blocks, every table
cell and every footnote text, each one unit; the cover (front matter) is not, since gbdocs reads it
into cover fields rather than blocks, and running heads are not, since they are not the paper's text.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from layout_style import LayoutStyle
from make_gold import gold, resolution_gold
from paper_source import PaperSource, SourceBlock, SourceTable, strip_markers
from models import Block, Document, Footnote
from models.paragraph import Paragraph

# --- patterns -------------------------------------------------------------------------------------

WHITESPACE = re.compile(r"\s+")
# CJK ideographs and CJK punctuation and full-width forms: Chinese joins lines without a space, so a
# head line glued to Chinese text still ends at the script boundary
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

# --- thresholds -----------------------------------------------------------------------------------

NGRAM = 5
# source folders whose papers are scored on their text only: the UDHR (a declaration, preamble and
# articles) was written for the aligner, and neither skeleton of make_gold describes it
TEXT_ONLY = ("udhr",)
FOOTNOTE_SIMILARITY = 0.99  # as the golden tests require of a footnote's text
IGNORED_ROW_FIELDS = ("source_file", "sha256")  # the two engines read one file under one name anyway
LEAK_PENALTY = 0.01  # per leaking block, in the combined score
SNIPPET = 50  # characters either side of a first difference shown in the report


# --- text -----------------------------------------------------------------------------------------


def collapsed(text: str) -> str:
    """Runs of whitespace made one space, none at the ends."""
    return WHITESPACE.sub(" ", text).strip()


def normalised(text: str, language: str) -> str:
    """Chinese with all whitespace removed (its line breaks and spacing are layout, not text); any
    other language `collapsed`."""
    return WHITESPACE.sub("", text) if language == "zh" else collapsed(text)


def tokens(text: str, language: str) -> list[str]:
    """Chinese: every non-space character; any other language: whitespace-separated words, with their
    punctuation (so `Treaty.1`, a marker read as text, is not `Treaty.`)."""
    if language == "zh":
        return list(WHITESPACE.sub("", text))
    return text.split()


def source_units(paper: PaperSource) -> list[str]:
    """The paper's text as units: every block as printed (`plain_text`), every table cell without its
    markers (head rows first), every footnote text."""
    cells = [strip_markers(cell) for table in paper.tables for row in table.head_rows + table.rows for cell in row]
    return [block.plain_text for block in paper.blocks] + cells + list(paper.footnotes.values())


def extracted_units(document: Document) -> list[str]:
    """The same units as gbdocs read them: body blocks, table cells, footnote texts."""
    cells = [cell for table in document.tables for row in table.rows for cell in row]
    return [block.text for block in document.blocks] + cells + [note.text for note in document.footnotes]


# --- blocks ---------------------------------------------------------------------------------------


def blocks_verbatim(expected: Sequence[str], got: Sequence[str]) -> float:
    """Share of source blocks (`plain_text`) equal, character for character, to an extracted block's
    text; a multiset match, so a paragraph printed twice must be read twice."""
    if not expected:
        return 1.0
    found = Counter(got)
    return sum(min(count, found[text]) for text, count in Counter(expected).items()) / len(expected)


def baseline_blocks_verbatim(expected: Sequence[str], baseline: str, language: str) -> float:
    """Share of source blocks that, normalised (`normalised`), are a substring of the baseline text
    normalised the same way: a block broken by a head, a footnote or an end-of-line hyphen is not."""
    if not expected:
        return 1.0
    text = normalised(baseline, language)
    return sum(normalised(block, language) in text for block in expected) / len(expected)


def non_verbatim(expected: Sequence[str], got: Sequence[str]) -> list[str]:
    """The source blocks `blocks_verbatim` did not find, in source order."""
    left = Counter(got)
    missing = []
    for text in expected:
        if left[text]:
            left[text] -= 1
        else:
            missing.append(text)
    return missing


def nearest(text: str, candidates: Sequence[str]) -> str:
    """The candidate most similar to `text` (normalised Levenshtein), "" when there is none."""
    if not candidates:
        return ""
    return process.extractOne(text, candidates, scorer=Levenshtein.normalized_similarity)[0]


def first_difference(expected: str, got: str) -> str:
    """Both texts around where they first differ, for a person to see what went wrong."""
    at = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
    start = max(0, at - SNIPPET)

    def window(text: str) -> str:
        return ("…" if start else "") + text[start : at + SNIPPET] + ("…" if at + SNIPPET < len(text) else "")

    return f"expected «{window(expected)}» got «{window(got)}»"


# --- n-grams --------------------------------------------------------------------------------------


def ngram_coverage(expected_units: Iterable[str], got_units: Iterable[str], language: str, n: int = NGRAM) -> float:
    """Share of the source's token n-grams found in the extracted text, as multisets.

    Source n-grams are taken within each unit (a gram across two paragraphs is an accident of their
    order); a unit shorter than n tokens counts as one gram of its own length, so headings and table
    cells count too. The extracted units are one token stream in their order (blocks, cells,
    footnotes), so a merged or split unit loses only the grams across the seam, and a running head or
    a marker read as text inside a block breaks the grams around it. The baseline passes its pages'
    text as its units.
    """
    wanted: Counter[tuple[str, ...]] = Counter()
    for unit in expected_units:
        words = tokens(unit, language)
        if 0 < len(words) < n:
            wanted[tuple(words)] += 1
        wanted.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    if not wanted:
        return 1.0
    stream = [word for unit in got_units for word in tokens(unit, language)]
    lengths = {len(gram) for gram in wanted}
    have = Counter(tuple(stream[i : i + k]) for k in lengths for i in range(len(stream) - k + 1))
    return sum(min(count, have[gram]) for gram, count in wanted.items()) / sum(wanted.values())


# --- footnotes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FootnoteScore:
    found: float | None  # share of source footnotes read with their label and text; None without any
    linked: float | None  # share of source footnotes linked to the block (or table) citing them
    missing: tuple[str, ...]  # source labels not found
    unlinked: tuple[str, ...]  # source labels not linked right
    spurious: tuple[str, ...]  # extracted labels the source does not have


def expected_marker_offset(block: SourceBlock, label: str) -> int:
    """Where the marker stands in the block as printed (label and space first, a lead phrase without
    its asterisks), as the golden tests expect it."""
    printed = block.printed_text
    marker = printed.index(f"[^{label}]")
    prefix = len(block.printed_label) + 1 if block.printed_label else 0
    return prefix + len(strip_markers(printed[:marker]))


def footnote_score(paper: PaperSource, document: Document) -> FootnoteScore:
    """Per source footnote: found when an extracted footnote has its label and a text of normalised
    Levenshtein similarity >= 0.99 to it (both whitespace-normalised); linked when that footnote (or,
    not found, the first with its label) points at the block whose text equals the citing source
    block's `plain_text`, at the offset where the marker stands, or, cited in a table, at that table.
    """
    if not paper.footnotes:
        return FootnoteScore(None, None, (), (), ())
    by_label: dict[str, list[Footnote]] = {}
    for note in document.footnotes:
        by_label.setdefault(note.label, []).append(note)
    missing, unlinked = [], []
    for label, text in paper.footnotes.items():
        candidates = by_label.get(label, [])
        expected = collapsed(text)
        match = next(
            (n for n in candidates if Levenshtein.normalized_similarity(expected, collapsed(n.text)) >= FOOTNOTE_SIMILARITY),
            None,
        )
        if match is None:
            missing.append(label)
        note = match or (candidates[0] if candidates else None)
        if note is None or not linked_right(paper, document, label, note):
            unlinked.append(label)
    total = len(paper.footnotes)
    spurious = tuple(sorted(by_label.keys() - paper.footnotes.keys()))
    return FootnoteScore(1 - len(missing) / total, 1 - len(unlinked) / total, tuple(missing), tuple(unlinked), spurious)


def linked_right(paper: PaperSource, document: Document, label: str, note: Footnote) -> bool:
    citing = paper.citing_block(label)
    if isinstance(citing, SourceTable):
        return note.table_index == next(i for i, table in enumerate(paper.tables) if table is citing)
    if note.block_index is None or not 0 <= note.block_index < len(document.blocks):
        return False
    return (
        document.blocks[note.block_index].text == citing.plain_text
        and note.offset == expected_marker_offset(citing, label)
    )


# --- running heads --------------------------------------------------------------------------------


def printed_furniture(style: LayoutStyle, paper: PaperSource, pages: int) -> dict[int, list[str]]:
    """The header and page-number lines the style printed on each page after the cover, by page
    number (from 1), from `LayoutStyle.header_text` and `page_number`; the cover carries neither (and
    its symbol line is cover text, not a head)."""
    return {
        number: [line for line in (style.header_text(paper.running_header, number, pages), style.page_number(number, pages)) if line]
        for number in range(2, pages + 1)
    }


def leaked_blocks(
    blocks: Sequence[Block], furniture: Mapping[int, Sequence[str]], source: Sequence[str], language: str
) -> list[tuple[str, tuple[str, ...]]]:
    """The extracted blocks that are or hold a head line printed on a page they stand on, each with
    the lines it holds.

    Only the pages a block spans count (page to page_last), so `北美洲 3` on page 7, a marker read as
    text, is not taken for the page number 3. Only blocks that are not verbatim source blocks count
    (a paragraph that truly ends in `3` is not a leak). A line counts where the block equals it,
    starts with it or ends with it, at a word or script boundary; a line the source never prints
    (`- 3 -`, `第 3 页`) counts wherever it stands in the block, bounded the same way, since a head
    lands mid-paragraph when a block continues over a page break. Lines are compared `normalised`.
    """
    source_text = normalised("\n".join(source), language)
    verbatim = set(source)
    leaks = []
    for block in blocks:
        if block.text in verbatim:
            continue
        text = normalised(block.text, language)
        lines = {normalised(line, language) for page in range(block.page, block.page_last + 1) for line in furniture.get(page, ())}
        held = tuple(sorted(line for line in lines - {""} if holds(text, line, anywhere=line not in source_text)))
        if held:
            leaks.append((block.text, held))
    return leaks


def holds(text: str, line: str, *, anywhere: bool) -> bool:
    """Whether `line` stands in `text` at its start or end (or, `anywhere`, at any place) between
    boundaries: the text's edge, whitespace, or a Chinese character on either side of the seam."""
    start = text.find(line)
    while start >= 0:
        end = start + len(line)
        at_edge = start == 0 or end == len(text)
        if (anywhere or at_edge) and boundary(text, start) and boundary(text, end):
            return True
        start = text.find(line, start + 1)
    return False


def boundary(text: str, at: int) -> bool:
    """Whether a seam at `at` separates two words: the text's edge, whitespace, or CJK on either side."""
    if at in (0, len(text)):
        return True
    before, after = text[at - 1], text[at]
    return before.isspace() or after.isspace() or bool(CJK.match(before) or CJK.match(after))


def baseline_leaks(pages: Sequence[str], furniture: Mapping[int, Sequence[str]], language: str) -> list[str]:
    """The printed head lines that stand as whole lines in their own page's `extract_text()`,
    compared `normalised`."""
    leaks = []
    for number, printed in furniture.items():
        lines = {normalised(line, language) for line in pages[number - 1].splitlines()}
        leaks.extend(line for line in printed if normalised(line, language) in lines)
    return leaks


# --- structure ------------------------------------------------------------------------------------


def numbered_right(expected: Sequence[Mapping[str, str]], records: Sequence[Paragraph]) -> tuple[float, list[str]]:
    """Share of gold records (`paper_gold` of the restyled paper, cover fields left out: they are
    not numbering) whose locator is among the segmented records with the same part, kind and printed
    number; and the wrong ones, each as `locator: expected (part, kind, number), got ...`."""
    by_locator = {record.locator: record for record in records}
    wanted = [row for row in expected if not row["locator"].startswith("cover/")]
    wrong = []
    for row in wanted:
        record = by_locator.get(row["locator"])
        want = (row["part"], row["kind"], row["number"])
        got = (record.part, str(record.kind), record.number) if record else None
        if got != want:
            wrong.append(f"{row['locator']}: expected {want}, got {got or 'nothing'}")
    return (1 - len(wrong) / len(wanted) if wanted else 1.0), wrong


def paper_gold(paper: PaperSource) -> list[dict[str, str]] | None:
    """The gold skeleton the tests hold the paper to: a resolution's (tests/gold/RESOLUTIONS.md) for a
    paper that is one or holds them, a report's otherwise; None for a paper written for the aligner
    alone (the UDHR, TEXT_ONLY), whose structure no gold describes."""
    if paper.path.parent.name in TEXT_ONLY:
        return None
    return resolution_gold(paper) if paper.is_resolution else gold(paper)


def locator_agreement(zh: set[str], en: set[str]) -> float:
    """|zh ∩ en| / |zh ∪ en| over the segmented locators of a pair of twins rendered alike."""
    union = zh | en
    return len(zh & en) / len(union) if union else 1.0


def differing_tables(first: Mapping[str, list], second: Mapping[str, list]) -> list[str]:
    """The output tables (`rows.paper_rows`) whose rows differ between two readings of one file,
    `source_file` and `sha256` set aside."""

    def comparable(rows: list) -> list:
        return [
            dataclasses.replace(row, **{name: "" for name in IGNORED_ROW_FIELDS if hasattr(row, name)}) for row in rows
        ]

    names = sorted(first.keys() | second.keys())
    return [name for name in names if comparable(first.get(name, [])) != comparable(second.get(name, []))]


# --- one rendering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    blocks_verbatim: float
    ngram5: float
    footnotes: FootnoteScore
    leaks: int  # extracted body blocks holding a printed head line
    numbered_right: float | None  # None: no gold skeleton (TEXT_ONLY)
    engines_differ: tuple[str, ...]  # output tables that differ between pdfplumber and pdfium
    baseline_blocks_verbatim: float
    baseline_ngram5: float
    baseline_leaks: int  # printed head lines standing as whole lines in extract_text
    locators: frozenset[str]  # of the segmented records, for the twins' agreement
    # what failed, for the report
    not_verbatim: tuple[str, ...]  # the first 3 source blocks not read verbatim, each against its nearest extracted block
    not_verbatim_count: int
    blocks_expected: int  # source blocks
    leaked: tuple[tuple[str, tuple[str, ...]], ...]  # the first 3 leaking blocks and their head lines
    wrong_records: tuple[str, ...]  # the first 5 gold records not matched
    wrong_count: int
    records_expected: int  # gold records, cover fields left out

    @property
    def combined(self) -> float:
        """The ranking of the worst renderings: the mean of the shares (blocks verbatim, 5-gram
        coverage, footnotes found and linked, numbered right; the footnote ones only where the paper
        has footnotes) less `LEAK_PENALTY` per leaking block. Engine agreement is not in it (it is a
        property of the engines, not of the layout)."""
        shares = [self.blocks_verbatim, self.ngram5, self.footnotes.found, self.footnotes.linked, self.numbered_right]
        known = [share for share in shares if share is not None]
        return sum(known) / len(known) - LEAK_PENALTY * self.leaks


def score_rendering(
    paper: PaperSource,
    style: LayoutStyle,
    document: Document,
    records: Sequence[Paragraph],
    rows: Mapping[str, list],
    pdfium_rows: Mapping[str, list],
    baseline_pages: Sequence[str],
) -> Scores:
    """Every figure of one rendering: `document` and `records` as gbdocs read and segmented it on
    pdfplumber, `rows` and `pdfium_rows` its table rows on each engine, `baseline_pages` pdfplumber's
    `extract_text()` of each page."""
    language = paper.language
    expected = [block.plain_text for block in paper.blocks]
    got = [block.text for block in document.blocks]
    furniture = printed_furniture(style, paper, len(document.pages))
    leaked = leaked_blocks(document.blocks, furniture, source_units(paper), language)
    expected_records = paper_gold(paper)
    right, wrong = numbered_right(expected_records, records) if expected_records is not None else (None, [])
    missing = non_verbatim(expected, got)
    return Scores(
        blocks_verbatim=blocks_verbatim(expected, got),
        ngram5=ngram_coverage(source_units(paper), extracted_units(document), language),
        footnotes=footnote_score(paper, document),
        leaks=len(leaked),
        numbered_right=right,
        engines_differ=tuple(differing_tables(rows, pdfium_rows)),
        baseline_blocks_verbatim=baseline_blocks_verbatim(expected, "\n".join(baseline_pages), language),
        baseline_ngram5=ngram_coverage(source_units(paper), baseline_pages, language),
        baseline_leaks=len(baseline_leaks(baseline_pages, furniture, language)),
        locators=frozenset(record.locator for record in records),
        not_verbatim=tuple(first_difference(text, nearest(text, got)) for text in missing[:3]),
        not_verbatim_count=len(missing),
        blocks_expected=len(expected),
        leaked=tuple(leaked[:3]),
        wrong_records=tuple(wrong[:5]),
        wrong_count=len(wrong),
        records_expected=sum(not row["locator"].startswith("cover/") for row in expected_records or ()),
    )
