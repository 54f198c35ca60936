"""Which writing system a character belongs to, as the joiners and detectors need it."""

from __future__ import annotations

import unicodedata


def is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


def is_cjk(char: str) -> bool:
    """Han characters and the punctuation and full-width forms that go with them."""
    code = ord(char)
    return (
        is_han(char)
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2E80 <= code <= 0x2FDF  # radicals
        or char in "“”‘’—…·"
    )


def is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def is_private_use(char: str) -> bool:
    return unicodedata.category(char) == "Co"
