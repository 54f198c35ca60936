"""Records of an extracted PDF: pages, lines, blocks, footnotes, tables, cover metadata, document."""

from __future__ import annotations

from dataclasses import field
from enum import StrEnum

from models.record import record


class BlockRole(StrEnum):
    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    TABLE = "table"
    COVER = "cover"


class DocumentStatus(StrEnum):
    OK = "ok"
    OCR = "ocr"  # text came from OCR of page images
    NEEDS_OCR = "needs_ocr"  # pages without a text layer and no OCR engine installed
    UNMAPPED_GLYPHS = "unmapped_glyphs"  # fonts without a Unicode map: text is not trustworthy
    FAILED = "failed"


class TextSource(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    NONE = "none"


@record
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    def __post_init__(self) -> None:
        if self.x1 < self.x0 or self.bottom < self.top:
            raise ValueError(f"inverted box {self}")


@record
class FootnoteMarker:
    """A superscript footnote marker removed from a text; `offset` is where it stood."""

    label: str
    offset: int

    def __post_init__(self) -> None:
        if self.offset < 0 or not self.label:
            raise ValueError(f"bad marker {self}")


@record
class TextLine:
    page: int
    bbox: BBox
    text: str
    size: float
    bold: bool
    markers: tuple[FootnoteMarker, ...] = ()
    italic_lead: str = ""  # the italic run the line starts with, after its label: `Recalling also`


@record
class Block:
    """A visual block of text (a paragraph, heading or item as laid out), possibly across pages."""

    index: int
    role: BlockRole
    page: int
    page_last: int
    bbox: BBox  # on its first page
    size: float
    bold: bool
    text: str  # lines joined, markers removed
    lines: tuple[TextLine, ...]
    markers: tuple[FootnoteMarker, ...] = ()

    def __post_init__(self) -> None:
        if self.page_last < self.page:
            raise ValueError(f"block {self.index} ends before it starts")
        for marker in self.markers:
            if marker.offset > len(self.text):
                raise ValueError(f"block {self.index}: marker {marker.label} beyond the text")


@record
class Footnote:
    label: str
    page: int
    text: str
    block_index: int | None = None  # the body block whose marker points here
    table_index: int | None = None  # or the table whose cell does
    offset: int | None = None  # the marker's offset in that block's text


@record
class Table:
    """A ruled table; one continued over pages is one table, its repeated header rows dropped."""

    index: int
    page: int
    page_last: int
    bbox: BBox  # on its first page
    rows: tuple[tuple[str, ...], ...]
    markers: tuple[tuple[int, int, FootnoteMarker], ...] = ()  # (row, column, marker)
    header_rows: int = 0  # leading rows repeated on every page it continues on


@record
class CoverMetadata:
    symbol: str = ""
    language: str = ""
    agenda_item: str = ""
    session: str = ""
    dates: str = ""
    place: str = ""
    title: str = ""
    date: str = ""
    lines: tuple[str, ...] = ()  # the cover block as printed
    organization: str = ""  # United Nations, 联合国
    organ: str = ""  # General Assembly, 人权理事会, Conference of the Parties
    distribution: str = ""  # General, Limited
    original_language: str = ""  # English
    sponsors: str = ""  # of a draft: `South Africa`
    draft_symbol: str = ""  # the draft an adopted resolution names: A/80/L.1


class DocumentKind(StrEnum):
    REPORT = "report"  # a report or note, possibly quoting decisions or holding a draft in an appendix
    RESOLUTION = "resolution"  # the paper is one adopted resolution
    DECISION = "decision"  # the paper is one adopted decision
    DRAFT_RESOLUTION = "draft_resolution"
    DRAFT_DECISION = "draft_decision"
    COMPILATION = "compilation"  # the paper holds several decisions or resolutions
    INFORMATION = "information"  # an information document (INF)


@record
class PageInfo:
    number: int
    width: float
    height: float
    chars: int
    images: int
    text_source: TextSource
    unmapped_glyphs: int = 0


@record
class Document:
    doc_id: str
    source_file: str
    sha256: str
    language: str
    status: DocumentStatus
    pages: tuple[PageInfo, ...]
    cover: CoverMetadata
    blocks: tuple[Block, ...]  # body blocks in reading order
    footnotes: tuple[Footnote, ...] = ()
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = ()
    running_heads: tuple[str, ...] = field(default=())  # header and footer lines removed, as printed
    kind: DocumentKind = DocumentKind.REPORT  # set once the paper is segmented

    @property
    def body_text(self) -> str:
        return "\n".join(block.text for block in self.blocks)
