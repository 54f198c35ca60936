"""Records of a paper's structure: one per heading, paragraph, item and clause."""

from __future__ import annotations

import re
from enum import StrEnum

from models.record import record

LOCATOR = re.compile(r"^[a-z]+\d*(?:/[A-Za-z0-9_~-]+)+$")


class ParagraphKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"  # text of a decision or resolution quoted inside a paragraph
    ITEM = "item"  # lettered (a) or roman (i) item
    BULLET = "bullet"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    TABLE_ROW = "table_row"
    FOOTNOTE = "footnote"
    OTHER = "other"  # cover fields, a resolution's body name line


@record
class Paragraph:
    """One record of the structure.

    `locator` is built from numbers and parts only, so the same paragraph gets the same locator in
    every language version: `body/17`, `body/5/q4`, `app1/10/a/ii`, `app3/pre/2`, `app3/op/8`.
    """

    doc_id: str
    locator: str
    part: str  # cover, summary, body, appendix 1, ...
    heading_path: str  # e.g. "II > A", "附录 1 > B > 1 > (a)"
    number: str  # as printed: "17.", "13", "(a)", "1)", "•"; "" when unnumbered
    kind: ParagraphKind
    lead_verb: str  # as printed: 注意到, Requests, Recalling; "" when none
    text: str  # without the number
    page_first: int
    page_last: int
    footnotes: tuple[str, ...] = ()  # labels of the footnotes its markers cite
    block_index: int | None = None  # the block it comes from (None for cover fields and table rows)

    def __post_init__(self) -> None:
        if not LOCATOR.match(self.locator):
            raise ValueError(f"malformed locator {self.locator!r}")
        if self.page_last < self.page_first:
            raise ValueError(f"{self.locator}: ends before it starts")

    @property
    def para_id(self) -> str:
        return f"{self.doc_id}#{self.locator}"
