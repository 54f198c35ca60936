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


CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_numeral_value(numeral: str) -> int:
    """一 to 九十九: 七 → 7, 十四 → 14, 二十一 → 21."""
    if numeral.startswith("十"):
        numeral = "一" + numeral
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return CHINESE_DIGITS[tens] * 10 + (CHINESE_DIGITS[units] if units else 0)
    return CHINESE_DIGITS[numeral]
