"""Pages read by pdfium (pypdfium2) with the objects `LeanPage` gives: the fast engine.

pdfminer interprets every content stream in Python; pdfium does it in C. This module asks pdfium for
what gbdocs reads and hands it on as pdfplumber-shaped dicts, so that everything after reading
(lines, tables, footnotes, structure, tags) is the same code whichever engine read the page.

- Characters: text, fontname, size, upright, x0, x1, top, bottom, in pdfplumber's coordinates
  (x as in the PDF; top measured down from the page's height, MediaBox offsets as pdfplumber has
  them). x0 is the glyph's origin; x1 the right of pdfium's loose box: the advance, or a little
  further where the glyph overhangs it (some italics, slashes, descenders: < 0.5 pt); for a
  standard font set without /Widths, the advance from pdfminer's own metrics, as pdfminer does.
  bottom is the origin less the font's descent, top is bottom less the size, as in pdfminer.
- Descents and MediaBoxes come from the PDF's dictionaries (`read_dictionaries`: page and font
  dictionaries, no content stream): pdfminer takes a descriptor's /Descent as written, 0 included,
  where pdfium makes one up from the font's box or file; and pdfium gives only a page's own
  MediaBox, not an inherited one.
- The spaces and line ends pdfium infers are left out (pdfminer has none; gbdocs infers its own).
  Where pdfium drops a real space glyph for a space of its own (a text object holding only a
  space, in another font than its neighbours), the glyph is put back, with no width.
- Lines, rects and curves come from path objects sorted by pdfminer's rules (one segment is a line,
  a closed axis-aligned four-sided path a rect, anything else a curve; each subpath apart), so that
  pdfplumber's table finder, run over their edges, finds the same cells. Images are counted at any
  depth of form XObjects.
- A font with a glyph pdfium could not map to Unicode (`FPDFText_HasUnicodeMapError`) has all its
  glyphs counted as unmapped, as a composite font without /ToUnicode is under pdfminer.
- A document with a page turned by /Rotate is read by pdfplumber (`open_lean`) instead: pdfminer
  turns such a page's coordinates and pdfium does not. So is one whose pages pdfminer and pdfium
  count differently.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.container import Container
from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils.exceptions import PdfminerException

from extractors.pdf_pages import open_lean
from extractors.pdfium_chars import GENERATED, UNICODE_MAP_ERROR, address_of, plain, read_char_facts
from extractors.pdfium_lock import PDFIUM_LOCK

Obj = dict[str, Any]
Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]

# pdfium's inferred characters: a space it puts between words, a line end, a hyphenation mark
GENERATED_CANDIDATES = frozenset(" \r\n\x02\ufffe")
HYPHEN_MARKS = frozenset("\x02\ufffe")  # pdfium's for a hyphen glyph ending a line (per char, in a range)
FONT_NAME_BUFFER = 256
SUBPATH = re.compile(r"m[^m]+")
MAX_FORM_DEPTH = 15  # form XObjects nested deeper are not read (pdfminer recurses without end)


class PdfiumPage(Container):
    """One page read by pdfium; `chars`, `lines`, `rects`, `curves`, `images` and `edges` are shaped
    as pdfplumber's, so `find_tables` runs pdfplumber's own table finder. Characters carry the eight
    fields gbdocs reads (text, fontname, size, upright, x0, x1, top, bottom)."""

    def __init__(
        self,
        page: pdfium.PdfPage,
        page_number: int,
        initial_doctop: float,
        mediabox: Box,
        dictionaries: Dictionaries,
    ) -> None:
        self.page_number = page_number
        self.initial_doctop = initial_doctop
        left, bottom, right, top = mediabox
        self.width = right - left
        self.height = top - bottom
        self.bbox = (left, -bottom, right, self.height - bottom)  # pdfplumber's, for the table finder
        self._bottom = bottom
        graphics = _Graphics(self)
        graphics.add_all(address_of(page.raw))
        runs = _Runs(dictionaries, graphics.form_matrices())
        textpage = page.get_textpage()
        chars, self._unmapped_fonts = _chars(textpage, self, runs)
        textpage.close()
        chars += [self.char(runs.of(address), " ", x, x, y) for address, x, y in graphics.dropped_spaces(runs)]
        self._objects: dict[str, list[Obj]] = {
            "char": chars,
            "line": graphics.lines,
            "rect": graphics.rects,
            "curve": graphics.curves,
            "image": graphics.images,
        }

    @property
    def pages(self) -> list[PdfiumPage]:
        return [self]

    @property
    def objects(self) -> dict[str, list[Obj]]:
        return self._objects

    def find_tables(self, table_settings: dict[str, Any]) -> list[Any]:
        return TableFinder(self, TableSettings.resolve(table_settings)).tables

    def fonts_without_unicode_map(self) -> set[str]:
        """Fonts in which pdfium found a glyph it could not map to Unicode."""
        return self._unmapped_fonts

    def close(self) -> None:
        self._objects = {}

    def to_top(self, y: float) -> float:
        """pdfplumber's `top` of the PDF's height `y`."""
        return self.height - y

    def to_y(self, y: float) -> float:
        """pdfminer's `y`, which counts from the MediaBox's bottom."""
        return y - self._bottom

    def char(self, run: _Run, text: str, x0: float, x1: float, baseline: float) -> Obj:
        bottom = self.to_top(baseline + run.font.descent * run.size)
        return {
            "text": text,
            "fontname": run.font.name,
            "size": run.size,
            "upright": run.upright,
            "x0": x0,
            "x1": x1,
            "top": bottom - run.size,
            "bottom": bottom,
            "baseline": self.to_top(baseline),
        }


class PdfiumPages(Sequence[PdfiumPage]):
    """A document's pages, each read when it is asked for."""

    def __init__(self, document: pdfium.PdfDocument, dictionaries: Dictionaries) -> None:
        self.document = document
        self.dictionaries = dictionaries
        heights = [box[3] - box[1] for box in dictionaries.mediaboxes]
        self.doctops = [0.0, *itertools.accumulate(heights)][: len(heights)]

    def __len__(self) -> int:
        return len(self.document)

    def __iter__(self) -> Iterator[PdfiumPage]:
        return (self[index] for index in range(len(self)))

    @overload
    def __getitem__(self, index: int) -> PdfiumPage: ...
    @overload
    def __getitem__(self, index: slice) -> list[PdfiumPage]: ...

    def __getitem__(self, index: int | slice) -> PdfiumPage | list[PdfiumPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        page = self.document[index]
        try:
            number = index % len(self)
            mediabox = self.dictionaries.mediaboxes[number]
            return PdfiumPage(page, number + 1, self.doctops[number], mediabox, self.dictionaries)
        finally:
            page.close()


@contextmanager
def open_pdfium(path: Path) -> Iterator[Sequence[Any]]:
    """The pages of the PDF at `path`, read by pdfium, for the length of the block."""
    dictionaries = read_dictionaries(path)
    with PDFIUM_LOCK:  # for the whole document: its pages are read as the block asks for them
        document = pdfium.PdfDocument(str(path))
        try:
            # a turned page, or a page tree the two parsers count differently (a damaged file pdfium
            # mends): pdfplumber reads the document, so that both engines give the same tables
            if dictionaries.rotated or len(dictionaries.mediaboxes) != len(document):
                with open_lean(path) as pages:
                    yield pages
            else:
                yield PdfiumPages(document, dictionaries)
        finally:
            document.close()


@dataclass(frozen=True)
class Dictionaries:
    """What pdfium does not tell of a document's pages: their MediaBoxes as inherited, whether one
    is rotated, the descent (per unit of font size) that each font's descriptor gives, by the
    font's name without its subset tag (a name whose fonts disagree is left out), and the widths of
    the standard fonts set without /Widths: pdfminer takes those from its metrics, pdfium from the
    font it substitutes."""

    mediaboxes: list[Box]
    rotated: bool
    descents: dict[str, float]
    afm_widths: dict[str, dict[str, int]]  # standard fonts with no /Widths: pdfminer's metrics


def read_dictionaries(path: Path) -> Dictionaries:
    """Raises pdfplumber's `PdfminerException` where pdfminer cannot read the file, as the
    pdfplumber engine does, so both engines report a damaged or locked PDF alike."""
    try:
        return _read_dictionaries(path)
    except Exception as error:  # pdfminer raises bare PSEOF, PDFSyntaxError, PDFPasswordIncorrect, ...
        raise PdfminerException(error) from error


def _read_dictionaries(path: Path) -> Dictionaries:
    found: dict[str, set[float]] = {}
    afm_widths: dict[str, dict[str, int]] = {}
    seen: set[int] = set()
    mediaboxes: list[Box] = []
    rotated = False
    with path.open("rb") as file:
        document = PDFDocument(PDFParser(file))
        for page in PDFPage.create_pages(document):
            x0, y0, x1, y1 = (float(value) for value in page.mediabox)
            mediaboxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
            rotated = rotated or page.rotate % 360 != 0
            for reference in _font_references(page.resources, seen, MAX_FORM_DEPTH):
                font = resolve1(reference) or {}
                name, descent = _descriptor_descent(font)
                if name in FONT_METRICS and "Widths" not in font and "FontDescriptor" not in font:
                    metrics, afm_widths[name] = FONT_METRICS[name]
                    descent = -abs(float(metrics.get("Descent", 0))) / 1000
                if name and descent is not None:
                    found.setdefault(_without_subset_tag(name), set()).add(descent)
    descents = {name: values.pop() for name, values in found.items() if len(values) == 1}
    return Dictionaries(mediaboxes, rotated, descents, afm_widths)


def _font_references(resources: Any, seen: set[int], depth: int) -> Iterator[Any]:
    """The fonts of a resource dictionary and of the form XObjects it holds, each object once."""
    resources = resolve1(resources) or {}
    if not isinstance(resources, dict):
        return
    yield from _unseen(resolve1(resources.get("Font")) or {}, seen)
    if depth <= 0:
        return
    for reference in _unseen(resolve1(resources.get("XObject")) or {}, seen):
        xobject = resolve1(reference)
        if isinstance(xobject, PDFStream) and _literal_name(xobject.get("Subtype")) == "Form":
            yield from _font_references(xobject.get("Resources"), seen, depth - 1)


def _unseen(named: dict[str, Any], seen: set[int]) -> Iterator[Any]:
    """The values of a resource dictionary, but indirect objects already seen."""
    for reference in named.values():
        if isinstance(reference, PDFObjRef):
            if reference.objid in seen:
                continue
            seen.add(reference.objid)
        yield reference


def _descriptor_descent(font: dict[str, Any]) -> tuple[str, float | None]:
    """A font's base name and its descriptor's descent as pdfminer reads it (made negative)."""
    base = resolve1(font.get("BaseFont"))
    name = base.name if isinstance(base, PSLiteral) else ""
    if _literal_name(font.get("Subtype")) == "Type0":
        descendants = resolve1(font.get("DescendantFonts")) or []
        font = resolve1(descendants[0]) if descendants else {}
    if _literal_name(font.get("Subtype")) == "Type3":
        return name, None  # its descent comes from the font's own matrix
    descriptor = resolve1(font.get("FontDescriptor"))
    if not isinstance(descriptor, dict):
        return name, None
    descent = resolve1(descriptor.get("Descent", 0))
    descent = float(descent) if isinstance(descent, (int, float)) else 0.0
    return name, -abs(descent) / 1000


def _literal_name(value: Any) -> str:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else ""


def _without_subset_tag(name: str) -> str:
    return name[7:] if len(name) > 7 and name[6] == "+" else name


def _chars(textpage: pdfium.PdfTextPage, page: PdfiumPage, runs: _Runs) -> tuple[list[Obj], set[str]]:
    """The page's characters and the fonts of those pdfium found no Unicode for."""
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    texts = textpage.get_text_range(0, count)
    if len(texts) != count:  # a character outside the BMP took two UTF-16 units
        texts = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index)) for index in range(count))
    facts = read_char_facts(address_of(textpage.raw), count)
    chars: list[Obj] = []
    unmapped: set[str] = set()
    char = page.char
    run_object, run = None, None
    for text, text_object, x0, baseline, loose_right, flags in zip(
        texts, facts.text_objects, facts.origin_x, facts.origin_y, facts.loose_right, facts.flags
    ):
        if flags & GENERATED and text in GENERATED_CANDIDATES:
            continue
        if text_object != run_object:  # a text object's characters come together
            run_object, run = text_object, runs.of(text_object)
        if text in HYPHEN_MARKS:
            text = "-"
        widths = run.font.afm_widths
        x1 = loose_right if widths is None else x0 + widths.get(text, 0) * run.advance_scale
        chars.append(char(run, text, x0, x1, baseline))
        if flags & UNICODE_MAP_ERROR:
            unmapped.add(run.font.name)
    return chars, unmapped


@dataclass(frozen=True, slots=True)
class _Run:
    """What the characters of one text object share."""

    font: _Font
    size: float  # in page space, as pdfminer's char size
    upright: bool
    advance_scale: float  # page-space points per 1/1000 em of width


@dataclass(frozen=True, slots=True)
class _Font:
    address: int | None  # pdfium's
    name: str
    descent: float  # per unit of size
    afm_widths: dict[str, int] | None  # a standard font's widths where the PDF gives none


class _Runs:
    """The `_Run` of each text object of a page, by the object's address, each asked of pdfium once."""

    def __init__(self, dictionaries: Dictionaries, form_matrices: dict[int | None, Matrix]) -> None:
        self.dictionaries = dictionaries
        self.form_matrices = form_matrices  # of the text objects inside form XObjects
        self.runs: dict[int | None, _Run] = {}
        self.fonts: dict[int | None, _Font] = {}
        self.font_size = ctypes.c_float()

    def __contains__(self, address: int | None) -> bool:
        return address in self.runs

    def of(self, address: int | None) -> _Run:
        run = self.runs.get(address)
        if run is None:
            run = self.runs[address] = self._read(address)
        return run

    def _read(self, address: int | None) -> _Run:
        font_address = _calls.text_font(address)
        font = self.fonts.get(font_address)
        if font is None:
            font = self.fonts[font_address] = self._font(font_address)
        font_size = self.font_size
        _calls.text_font_size(address, ctypes.addressof(font_size))
        a, b, c, d, _, _ = _matrix(address)
        if address in self.form_matrices:
            a, b, c, d, _, _ = _compose((a, b, c, d, 0.0, 0.0), self.form_matrices[address])
        unscaled = float(font_size.value)
        size = unscaled * (abs(d) or math.hypot(b, d))  # pdfminer's height, skew aside
        upright = 0 < a * d and b * c <= 0
        return _Run(font, size, upright, unscaled * a / 1000)

    def _font(self, address: int | None) -> _Font:
        handle = ctypes.cast(address, pdfium_c.FPDF_FONT)
        buffer = ctypes.create_string_buffer(FONT_NAME_BUFFER)
        length = pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, FONT_NAME_BUFFER)
        name = buffer.raw[: max(length - 1, 0)].decode("utf-8", "replace")
        key = _without_subset_tag(name)
        descent = self.dictionaries.descents.get(key)
        if descent is None:
            pdfium_descent = ctypes.c_float()
            pdfium_c.FPDFFont_GetDescent(handle, ctypes.c_float(1.0), pdfium_descent)
            descent = float(pdfium_descent.value)
        return _Font(address, name, descent, self.dictionaries.afm_widths.get(key))


class _Calls:
    """The pdfium functions called once per page object, declared by `plain` for speed."""

    def __init__(self) -> None:
        address, index = ctypes.c_void_p, ctypes.c_int
        self.count_objects = plain(pdfium_c.FPDFPage_CountObjects, ctypes.c_int, address)
        self.get_object = plain(pdfium_c.FPDFPage_GetObject, address, address, index)
        self.count_form_objects = plain(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int, address)
        self.get_form_object = plain(pdfium_c.FPDFFormObj_GetObject, address, address, ctypes.c_ulong)
        self.object_type = plain(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, address)
        self.object_matrix = plain(pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int, address, address)
        self.text_font = plain(pdfium_c.FPDFTextObj_GetFont, address, address)
        self.text_font_size = plain(pdfium_c.FPDFTextObj_GetFontSize, ctypes.c_int, address, address)
        floats = [ctypes.POINTER(ctypes.c_float)] * 4
        self.object_bounds = plain(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, address, *floats)


_calls = _Calls()
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Graphics:
    """Paths and images of a page, sorted into pdfplumber's lines, rects, curves and images, and
    its text objects."""

    def __init__(self, page: PdfiumPage) -> None:
        self.page = page
        self.lines: list[Obj] = []
        self.rects: list[Obj] = []
        self.curves: list[Obj] = []
        self.images: list[Obj] = []
        self.text_objects: list[tuple[int | None, Matrix]] = []  # with the matrix of the form they are in

    def add_all(self, page: int | None) -> None:
        for index in range(_calls.count_objects(page)):
            self._add(_calls.get_object(page, index), IDENTITY, 0)

    def _add(self, address: int | None, outer: Matrix, depth: int) -> None:
        kind = _calls.object_type(address)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            self.text_objects.append((address, outer))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            self._add_path(address, _compose(_matrix(address), outer))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            x0, y0, x1, y1 = _bounds_of(address)
            corners = [_apply(outer, point) for point in ((x0, y0), (x1, y1), (x0, y1), (x1, y0))]
            self.images.append(self._box("image", *_bounds(corners)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = _compose(_matrix(address), outer)
            for index in range(_calls.count_form_objects(address)):
                self._add(_calls.get_form_object(address, index), inner, depth + 1)

    def form_matrices(self) -> dict[int | None, Matrix]:
        return {address: outer for address, outer in self.text_objects if outer != IDENTITY}

    def dropped_spaces(self, runs: _Runs) -> list[tuple[int | None, float, float]]:
        """Text objects none of the page's characters come from and that cover no area: spaces
        pdfium left out. Each with the page position of its origin."""
        spaces = []
        for address, outer in self.text_objects:
            if address not in runs:
                x0, _, x1, _ = _bounds_of(address)
                if x0 == x1:
                    *_, e, f = _matrix(address)
                    x, y = _apply(outer, (e, f))
                    spaces.append((address, x, y))
        return spaces

    def _add_path(self, address: int | None, matrix: Matrix) -> None:
        path = ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(path, fill, stroke)
        if not fill.value and not stroke.value:
            return  # a clipping path: pdfminer paints nothing for it either
        shape, points, bezier = "", [], 0
        x, y = ctypes.c_float(), ctypes.c_float()
        for index in range(pdfium_c.FPDFPath_CountSegments(path)):
            segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = _apply(matrix, (x.value, y.value))
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                bezier += 1  # pdfium gives a curve as its two control points and its end
                if bezier < 3:
                    continue
                shape, bezier = shape + "c", 0
            else:
                shape += "m" if kind == pdfium_c.FPDF_SEGMENT_MOVETO else "l"
            points.append(point)  # pdfminer keeps a curve's end point only
            if pdfium_c.FPDFPathSegment_GetClose(segment):
                shape += "h"
                points.append(points[shape.rfind("m")])
        for match in SUBPATH.finditer(shape):
            self._add_subpath(shape[match.start() : match.end()], points[match.start() : match.end()])

    def _add_subpath(self, shape: str, points: list[Point]) -> None:
        """pdfminer's `paint_path` for one subpath."""
        if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
            shape = shape[:-2] + "h"
            points = points[:-2] + points[-1:]
        if shape in {"mlh", "ml"}:
            self.lines.append(self._box("line", *points[0], *points[1]))
            return
        if shape in {"mlllh", "mllll"}:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if points[0] == points[4] and square:
                self.rects.append(self._box("rect", x0, y0, x2, y2))
                return
        curve = self._box("curve", *_bounds(points))
        curve["pts"] = [(x, self.page.to_top(y)) for x, y in points]
        self.curves.append(curve)

    def _box(self, kind: str, xa: float, ya: float, xb: float, yb: float) -> Obj:
        x0, x1 = sorted((xa, xb))
        y0, y1 = sorted((ya, yb))
        top, bottom = self.page.to_top(y1), self.page.to_top(y0)
        return {
            "object_type": kind,
            "page_number": self.page.page_number,
            "x0": x0,
            "x1": x1,
            "y0": self.page.to_y(y0),
            "y1": self.page.to_y(y1),
            "top": top,
            "bottom": bottom,
            "doctop": self.page.initial_doctop + top,
            "width": x1 - x0,
            "height": bottom - top,
        }



def _matrix(address: int | None) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    _calls.object_matrix(address, ctypes.addressof(matrix))
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _bounds_of(address: int | None) -> Box:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    _calls.object_bounds(address, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` then `outer`, as PDF matrices compose."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(matrix: Matrix, point: Point) -> Point:
    a, b, c, d, e, f = matrix
    x, y = point
    return (a * x + c * y + e, b * x + d * y + f)


def _bounds(points: list[Point]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)
