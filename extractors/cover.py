"""The cover block of a paper and its metadata: symbol, agenda item, session, dates, place, title.

The cover is the top of page 1 down to the title, which is the largest text in the upper half of the
page. Its lines are matched in either language; the symbol may come from the running header instead.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from extractors.blocks import join_with_markers
from extractors.masthead import is_masthead_line, masthead_fields
from extractors.patterns import (
    AGENDA_ITEM,
    DATES_AND_PLACE_EN,
    DATES_AND_PLACE_ZH,
    DOCUMENT_DATE,
    DRAFT_REFERENCE,
    SESSION,
    SYMBOL,
)
from extractors.text_joining import JoinContext
from lexicon.bodies import ORGAN_CONTINUED, ORGAN_LINE, ORGANIZATION_LINE, ORGANIZATIONS, ORGANS
from models import CoverMetadata, TextLine

TITLE_LARGER_BY = 1.5  # points above the body size
OPEN_ENDED = re.compile(r"\s(?:to|of|the|and|on|for|in)$")
CONTINUING_WORD = re.compile(r"^(?:on|of|for|and|to)\s")  # a column line that goes on the one above: `on Biological Diversity`
MIN_CUT_NAME = 12  # characters: a shorter line is no name cut short
KNOWN_NAMES = tuple(name for pair in ORGANIZATIONS + ORGANS for name in pair)
COLUMN_TOLERANCE = 2.0  # points between the starts of two lines of one masthead column
SYMBOL_LETTER_LENGTH = 2  # the large `A` of a UN masthead, printed apart from `/RES/80/1`
MASTHEAD_LINE_LENGTH = 60  # longer lines on page 1 are prose, not masthead
UPPER_PART = 0.5  # of the page height


def split_cover(lines: list[TextLine], page_height: float, body_size: float) -> tuple[list[TextLine], list[TextLine]]:
    """Split page 1's lines (top to bottom) into cover lines and the rest."""
    upper = [i for i, line in enumerate(lines) if line.bbox.top < page_height * UPPER_PART]
    if not upper:
        return [], lines
    biggest = max(lines[i].size for i in upper)
    if biggest < body_size + TITLE_LARGER_BY:
        return [], lines
    last_title = max(i for i in upper if lines[i].size >= biggest - 0.2)
    return lines[: last_title + 1], lines[last_title + 1 :]


def read_cover(
    cover: list[TextLine],
    masthead: list[TextLine],
    heads: list[str],
    language: str,
    context: JoinContext,
    first_blocks: list[str] | None = None,
) -> CoverMetadata:
    """Cover fields from the cover lines, then from page 1's short top lines (`masthead`) for what
    the cover lacks (papers without a cover block), then the symbol from the running heads; the
    masthead fields from page 1's first blocks and lines (`first_blocks`).
    The title is the cover's largest text other than the organization's and organ's names."""
    fields: dict[str, str] = {"language": language}
    cover = _columns_joined(cover)
    texts = _bracketed_joined([line.text for line in _columns_joined(cover + masthead)])
    for text in texts:
        if len(text) <= MASTHEAD_LINE_LENGTH or DRAFT_REFERENCE.match(text) or SESSION.match(text):
            _read_line(text, fields)
    fields.update(masthead_fields((first_blocks or []) + texts))  # blocks first: a sponsors line wraps
    if "symbol" not in fields:
        symbols = Counter(match.group() for head in heads for match in SYMBOL.finditer(head))
        if symbols:
            fields["symbol"] = symbols.most_common(1)[0][0]
    titles = [line for line in cover if not _names_the_publisher(line.text)]
    while titles:
        biggest = max(line.size for line in titles)
        largest = [line for line in titles if line.size >= biggest - 0.2]
        title = join_with_markers(largest, context)[0]
        if not _names_the_publisher(title):  # `UNITED` / `NATIONS` on two lines
            fields["title"] = title
            break
        titles = [line for line in titles if line not in largest]
    return CoverMetadata(**fields, lines=tuple(line.text for line in cover))


def _columns_joined(lines: list[TextLine]) -> list[TextLine]:
    """A cover line that ends on a word no name ends on (`Conference of the Parties to the`) with the
    next line of its column (`Convention on Biological Diversity`), which a masthead's other column
    may print between them."""
    joined: list[TextLine] = []
    taken: set[int] = set()
    for index, line in enumerate(lines):
        if index in taken:
            continue
        while True:
            below = next((i for i in range(index + 1, len(lines)) if i not in taken
                          and abs(lines[i].bbox.x0 - line.bbox.x0) <= COLUMN_TOLERANCE), None)
            if below is None or not (_open_ended(line.text) or CONTINUING_WORD.match(lines[below].text)):
                break
            taken.add(below)
            line = dataclasses.replace(line, text=f"{line.text} {lines[below].text}")
        joined.append(line)
    return joined


def _open_ended(text: str) -> bool:
    """Ends on a word no name ends on, or is an organ's or organization's name cut short
    (`… to the Convention on Biological`, `Food and Agriculture Organization of the United`)."""
    cut_name = len(text) >= MIN_CUT_NAME and text not in KNOWN_NAMES and any(name.startswith(text) for name in KNOWN_NAMES)
    return bool(OPEN_ENDED.search(text) or cut_name or (ORGAN_CONTINUED.match(text) and not ORGAN_LINE.match(text)))


def _bracketed_joined(texts: list[str]) -> list[str]:
    """Lines from one that opens `[` to the one that closes it, as one: a draft reference
    (`[on the report of the … Committee` / `(A/78/417, para. 8)]`) printed over two lines."""
    joined: list[str] = []
    open_bracket = False
    for text in texts:
        if open_bracket:
            joined[-1] += " " + text
        else:
            joined.append(text)
        open_bracket = joined[-1].startswith(("[", "［")) and not joined[-1].endswith(("]", "］"))
    return joined


def _names_the_publisher(text: str) -> bool:
    """`United Nations`, `General Assembly`, the masthead's big `A` and the rest of the symbol printed
    apart from it (`/C.3/80/L.10`), a logo's letters: large on the cover, never the title."""
    symbol = SYMBOL.fullmatch(text) or (text.startswith("/") and SYMBOL.fullmatch("A" + text))
    acronym = text.isupper() and " " not in text  # a logo's letters: `FCCC`, `UNEP`
    return bool(ORGANIZATION_LINE.match(text) or symbol or is_masthead_line(text) or acronym) or len(text) <= SYMBOL_LETTER_LENGTH


def _read_line(text: str, fields: dict[str, str]) -> None:
    """Fill the fields a cover line holds and that are still missing; the draft an adopted
    resolution names (`[… (A/80/L.2/Rev.1)]`) is not its symbol."""
    if "symbol" not in fields and not DRAFT_REFERENCE.match(text) and (symbol := SYMBOL.search(text)):
        fields["symbol"] = symbol.group()
    if "date" not in fields and DOCUMENT_DATE.match(text):
        fields["date"] = text
    item = AGENDA_ITEM.search(text)
    if "agenda_item" not in fields and item:
        fields["agenda_item"] = next(value for value in item.groupdict().values() if value)
    if "session" not in fields and SESSION.search(text):
        fields["session"] = (text[: item.start()] + text[item.end() :]).strip() if item else text
    if "dates" not in fields and (when := DATES_AND_PLACE_ZH.match(text) or DATES_AND_PLACE_EN.match(text)):
        fields["dates"], fields["place"] = when.group("dates"), when.group("place")
