"""The cover block of a paper and its metadata: symbol, agenda item, session, dates, place, title.

The cover is the top of page 1 down to the title, which is the largest text in the upper half of the
page. Its lines are matched in either language; the symbol may come from the running header instead.
"""

from __future__ import annotations

from collections import Counter

from extractors.patterns import (
    AGENDA_ITEM,
    DATES_AND_PLACE_EN,
    DATES_AND_PLACE_ZH,
    DOCUMENT_DATE,
    SESSION,
    SYMBOL,
)
from extractors.text_joining import JoinContext
from extractors.blocks import join_with_markers
from models import CoverMetadata, TextLine

TITLE_LARGER_BY = 1.5  # points above the body size
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
    cover: list[TextLine], masthead: list[TextLine], heads: list[str], language: str, context: JoinContext
) -> CoverMetadata:
    """Cover fields from the cover lines, then from page 1's short top lines (`masthead`) for what
    the cover lacks (papers without a cover block), then the symbol from the running heads.
    The title is the cover's largest text."""
    fields: dict[str, str] = {"language": language}
    for line in cover + [line for line in masthead if len(line.text) <= MASTHEAD_LINE_LENGTH]:
        _read_line(line.text, fields)
    if "symbol" not in fields:
        symbols = Counter(match.group() for head in heads for match in SYMBOL.finditer(head))
        if symbols:
            fields["symbol"] = symbols.most_common(1)[0][0]
    if cover:
        biggest = max(line.size for line in cover)
        fields["title"] = join_with_markers([line for line in cover if line.size >= biggest - 0.2], context)[0]
    return CoverMetadata(**fields, lines=tuple(line.text for line in cover))


def _read_line(text: str, fields: dict[str, str]) -> None:
    """Fill the fields a cover line holds and that are still missing."""
    if "symbol" not in fields and (symbol := SYMBOL.search(text)):
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
