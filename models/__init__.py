"""Typed records passed between gbdocs stages."""

from models.document import (
    BBox,
    Block,
    BlockRole,
    CoverMetadata,
    Document,
    DocumentKind,
    DocumentStatus,
    Footnote,
    FootnoteMarker,
    PageInfo,
    Table,
    TextLine,
    TextSource,
)

__all__ = [
    "BBox",
    "Block",
    "BlockRole",
    "CoverMetadata",
    "Document",
    "DocumentKind",
    "DocumentStatus",
    "Footnote",
    "FootnoteMarker",
    "PageInfo",
    "Table",
    "TextLine",
    "TextSource",
]
