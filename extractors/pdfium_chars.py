"""What pdfium tells of every character of a text page: the text object it comes from, its origin,
the right of its loose box, whether pdfium generated it and whether its font failed to map it to
Unicode. The pdfium engine (`pdfium_pages`) builds its characters from these.

The same questions are asked either way. Asked in C (`pdfium_chars.c`, built by `make` next to this
file) they cost one call per page; asked through ctypes, where no C compiler built it, one call per
character and question, ~1 µs each, which was most of the engine's reading time.
"""

from __future__ import annotations

import ctypes
import warnings
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2.raw as pdfium_c

NATIVE_LIBRARY = Path(__file__).with_name("libpdfium_chars.so")  # not "pdfium_chars.so": Python would import it for this module
GENERATED = 1  # flag bits, as pdfium_chars.c sets them
UNICODE_MAP_ERROR = 2
DOUBLE_SIZE = ctypes.sizeof(ctypes.c_double)
POINTER_TYPECODE = next(code for code in "QLI" if array(code).itemsize == ctypes.sizeof(ctypes.c_void_p))


@dataclass(frozen=True, slots=True)
class CharFacts:
    """pdfium's answers for the characters of one text page, by index."""

    text_objects: list[int]  # addresses; 0 where a character has none
    origin_x: list[float]
    origin_y: list[float]
    loose_right: list[float]
    flags: bytes  # GENERATED | UNICODE_MAP_ERROR


def plain(function: Any, restype: Any, *argtypes: Any) -> Any:
    """`function` of pypdfium2 declared to take and give plain addresses: pypdfium2's typed
    declarations cost half of each call in argument checks."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


def address_of(pointer: Any) -> int | None:
    """The address a ctypes pointer or function holds."""
    return ctypes.cast(pointer, ctypes.c_void_p).value


_address, _index = ctypes.c_void_p, ctypes.c_int
_text_object = plain(pdfium_c.FPDFText_GetTextObject, _address, _address, _index)
_char_origin = plain(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int, _address, _index, _address, _address)
_loose_char_box = plain(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, _address, _index, _address)
_is_generated = plain(pdfium_c.FPDFText_IsGenerated, ctypes.c_int, _address, _index)
_has_unicode_map_error = plain(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int, _address, _index)
_PDFIUM_FUNCTIONS = [  # for pdfium_chars.c, in the order it takes them
    address_of(function) for function in (_text_object, _char_origin, _loose_char_box, _is_generated, _has_unicode_map_error)
]


def _load_native(library: Path) -> Any | None:
    if not library.exists():
        return None
    try:
        function = ctypes.CDLL(str(library)).gbdocs_pdfium_chars
    except (OSError, AttributeError) as error:
        warnings.warn(f"{library} cannot be loaded ({error}); the pdfium engine asks through ctypes, slower")
        return None
    function.restype = None
    function.argtypes = [_address, _index, *[_address] * 10]
    return function


_native = _load_native(NATIVE_LIBRARY)


def native_available() -> bool:
    return _native is not None


def read_char_facts(textpage: int | None, count: int, native: bool = True) -> CharFacts:
    """The facts of the first `count` characters of the text page at address `textpage`; in C
    where it is built and `native` is true, else through ctypes."""
    text_objects = array(POINTER_TYPECODE, bytes(count * ctypes.sizeof(ctypes.c_void_p)))
    origin_x, origin_y, loose_right = (array("d", bytes(count * DOUBLE_SIZE)) for _ in range(3))
    flags = array("B", bytes(count))
    if native and _native is not None:
        columns = (text_objects, origin_x, origin_y, loose_right, flags)
        _native(textpage, count, *_PDFIUM_FUNCTIONS, *(column.buffer_info()[0] for column in columns))
    else:
        _ask_through_ctypes(textpage, count, text_objects, origin_x, origin_y, loose_right, flags)
    return CharFacts(text_objects.tolist(), origin_x.tolist(), origin_y.tolist(), loose_right.tolist(), flags.tobytes())


def _ask_through_ctypes(
    textpage: int | None,
    count: int,
    text_objects: array,
    origin_x: array,
    origin_y: array,
    loose_right: array,
    flags: array,
) -> None:
    box = pdfium_c.FS_RECTF()
    box_address = ctypes.addressof(box)
    origin_x_address, origin_y_address = origin_x.buffer_info()[0], origin_y.buffer_info()[0]
    for index in range(count):
        text_objects[index] = _text_object(textpage, index) or 0
        offset = index * DOUBLE_SIZE  # pdfium writes the origin into the columns
        _char_origin(textpage, index, origin_x_address + offset, origin_y_address + offset)
        _loose_char_box(textpage, index, box_address)
        loose_right[index] = box.right
        flags[index] = (GENERATED if _is_generated(textpage, index) else 0) | (
            UNICODE_MAP_ERROR if _has_unicode_map_error(textpage, index) else 0
        )
