"""Numbers as UN papers write them: Chinese numerals, roman numerals, English number words and ordinals.

Readers return None for what is not one well-formed number (`一一` in `一一列出` is "one by one", not
11; `one twenty` is two numbers), so that a caller can scan any text with the finders and never
crash. Writers give the standard form, and every reader reads back what its writer writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lexicon.patterns import (
    CHINESE_NUMERAL_RUN,
    DIGIT_ORDINAL,
    ENGLISH_JOINER,
    ENGLISH_NUMBER_WORDS,
    ENGLISH_ORDINAL,
    ROMAN_NUMERAL,
    SCALE_ORDINALS,
    SCALE_WORDS,
    TENS_ORDINALS,
    TENS_WORDS,
    UNIT_ORDINALS,
    UNIT_WORDS,
)

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_LARGE_UNITS = (("亿", 10**8), ("万", 10**4))  # largest first
WRITTEN_DIGITS = "零一二三四五六七八九"
ROMAN_VALUES = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
LARGEST_CHINESE = 10**12
LARGEST_ENGLISH = 10**12


@dataclass(frozen=True)
class FoundNumber:
    """A number written out in a text: its value and where it stands."""

    value: int
    surface: str
    start: int
    end: int


# --- Chinese -------------------------------------------------------------------------------------
def chinese_number(text: str) -> int | None:
    """七 → 7, 十四 → 14, 一百零五 → 105, 两千 → 2000, 三万五千 → 35000, 二〇一七 → 2017; None otherwise."""
    if not text or any(char not in CHINESE_DIGITS and char not in CHINESE_SMALL_UNITS and char not in "万亿" for char in text):
        return None
    value = _chinese_digit_string(text) if all(char in CHINESE_DIGITS for char in text) else _chinese_with_units(text)
    return value if value is not None and value < LARGEST_CHINESE else None


def _chinese_digit_string(text: str) -> int | None:
    """One digit, or digits read in place as years are written (二〇一七, 一九九八). Two digits without
    a unit (一一, 三四) are a phrase or an estimate, never a number; 两 never stands in place."""
    if len(text) == 1:
        return CHINESE_DIGITS[text]
    if len(text) < 3 or "两" in text:
        return None
    return int("".join(str(CHINESE_DIGITS[char]) for char in text))


def _chinese_with_units(text: str) -> int | None:
    for unit, value in CHINESE_LARGE_UNITS:
        if unit in text:
            high, _, low = text.partition(unit)
            multiplier = _chinese_with_units(high) if high else None
            if multiplier is None or multiplier >= value or multiplier == 0:
                return None
            rest = _chinese_remainder(low, value)
            return None if rest is None else multiplier * value + rest
    return _chinese_section(text)


def _chinese_remainder(text: str, unit: int) -> int | None:
    """What follows 万 or 亿: nothing, a smaller number, or 零 and a smaller number (一万零五)."""
    if not text:
        return 0
    value = _chinese_with_units(text[1:] if text[0] in "零〇" else text)
    return value if value is not None and value < unit else None


def _chinese_section(text: str) -> int | None:
    """A number below 10 000: digits each followed by a smaller unit than the last, 零 for a gap."""
    total, digit, last_unit, after_zero = 0, None, 10_000, False
    for position, char in enumerate(text):
        if char in CHINESE_SMALL_UNITS:
            unit = CHINESE_SMALL_UNITS[char]
            if unit >= last_unit:
                return None
            if digit is None:
                if unit != 10 or position != 0:  # only 十 may stand for 一十, and only first
                    return None
                digit = 1
            total, digit, last_unit, after_zero = total + digit * unit, None, unit, False
        elif CHINESE_DIGITS[char] == 0:
            if digit is not None or after_zero or position == 0:
                return None
            after_zero = True
        else:
            if digit is not None or (char == "两" and position == len(text) - 1 and len(text) > 1):
                return None
            digit = CHINESE_DIGITS[char]
    if digit is None:
        return None if after_zero else total
    # 二百五 is 250: a last digit right after 百 or 千 counts in the next unit down
    return total + (digit if after_zero or last_unit in (10, 10_000) else digit * last_unit // 10)


def chinese_numeral(number: int) -> str:
    """The standard Chinese numeral: 7 → 七, 14 → 十四, 105 → 一百零五, 35000 → 三万五千."""
    if not 0 <= number < LARGEST_CHINESE:
        raise ValueError(f"{number} is outside what Chinese numerals are written for here")
    if number == 0:
        return "零"
    written = _chinese_large(number)
    return written[1:] if written.startswith("一十") else written


def _chinese_large(number: int) -> str:
    for unit, value in CHINESE_LARGE_UNITS:
        if number >= value:
            high, low = divmod(number, value)
            rest = _chinese_large(low) if low else ""
            gap = "零" if low and low < value // 10 else ""
            return _chinese_large(high) + unit + gap + rest
    return _chinese_below_ten_thousand(number)


def _chinese_below_ten_thousand(number: int) -> str:
    out, zero_pending = [], False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, unit_value)
        if digit:
            if zero_pending and out:
                out.append("零")
            out.append(WRITTEN_DIGITS[digit] + unit)
            zero_pending = False
        else:
            zero_pending = True
    return "".join(out)


def find_chinese_numbers(text: str) -> Iterator[FoundNumber]:
    """Every run of Chinese numeral characters that reads as one number."""
    for match in CHINESE_NUMERAL_RUN.finditer(text):
        value = chinese_number(match.group())
        if value is not None:
            yield FoundNumber(value, match.group(), match.start(), match.end())


# --- roman ---------------------------------------------------------------------------------------
def roman_value(text: str) -> int | None:
    """XIII → 13, iv → 4 (one case throughout); None unless written in the standard way."""
    if not text or not (text.isupper() or text.islower()):
        return None
    upper = text.upper()
    if not ROMAN_NUMERAL.match(upper):
        return None
    total = 0
    for char, following in zip(upper, upper[1:] + " "):
        value = ROMAN_DIGITS[char]
        total += -value if ROMAN_DIGITS.get(following, 0) > value else value
    return total


def roman_numeral(number: int) -> str:
    if not 1 <= number <= 3999:
        raise ValueError(f"{number} has no roman numeral")
    out = []
    for value, numeral in ROMAN_VALUES:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


# --- English -------------------------------------------------------------------------------------
UNIT_VALUES = {word: value for value, word in enumerate(UNIT_WORDS)}
TENS_VALUES = {word: 10 * (index + 2) for index, word in enumerate(TENS_WORDS)}
ORDINAL_TO_CARDINAL = {
    **dict(zip(UNIT_ORDINALS, UNIT_WORDS)),
    **dict(zip(TENS_ORDINALS, TENS_WORDS)),
    **{ordinal: ordinal.removesuffix("th") for ordinal in SCALE_ORDINALS},
}


def english_number(text: str) -> int | None:
    """three → 3, forty-one → 41, one hundred and five → 105, two million → 2000000; None otherwise."""
    words = [word for word in ENGLISH_JOINER.split(text.strip().lower()) if word]
    return _english_words(words) if words else None


def _english_words(words: list[str]) -> int | None:
    """Groups below a thousand, each followed by a scale word smaller than the last."""
    total, group, last_scale = 0, [], LARGEST_ENGLISH
    for word in words:
        if word in SCALE_WORDS and word != "hundred":
            value = _below_thousand(group)
            scale = SCALE_WORDS[word]
            if not value or scale >= last_scale:
                return None
            total, group, last_scale = total + value * scale, [], scale
        else:
            group.append(word)
    if not group:
        return total if total else None
    rest = _below_thousand(group)
    if rest is None or (total and rest == 0):
        return None
    return total + rest


def _below_thousand(words: list[str]) -> int | None:
    """[unit hundred] [tens [unit] | teen | unit]."""
    value = 0
    if len(words) >= 2 and words[1] == "hundred":
        hundreds = UNIT_VALUES.get(words[0])
        if not hundreds or hundreds > 9:
            return None
        value, words = hundreds * 100, words[2:]
    if not words:
        return value if value else None
    if words[0] in TENS_VALUES:
        tens = TENS_VALUES[words[0]]
        if len(words) == 1:
            return value + tens
        unit = UNIT_VALUES.get(words[1])
        return value + tens + unit if len(words) == 2 and unit and unit < 10 else None
    if len(words) == 1 and words[0] in UNIT_VALUES:
        unit = UNIT_VALUES[words[0]]
        return None if value and unit == 0 else value + unit
    return None


def english_ordinal(text: str) -> int | None:
    """first → 1, fourteenth → 14, forty-first → 41, one hundredth → 100, 41st → 41; None otherwise."""
    text = text.strip()
    if match := DIGIT_ORDINAL.match(text):
        number = int(match.group(1))
        return number if text[len(match.group(1)) :].lower() == _digit_suffix(number) else None
    words = [word for word in ENGLISH_JOINER.split(text.lower()) if word]
    if not words or words[-1] not in ORDINAL_TO_CARDINAL:
        return None
    value = _english_words(words[:-1] + [ORDINAL_TO_CARDINAL[words[-1]]])
    return value if value else None


def _digit_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def english_cardinal_words(number: int) -> str:
    """3 → three, 41 → forty-one, 105 → one hundred and five."""
    if not 0 <= number < LARGEST_ENGLISH:
        raise ValueError(f"{number} is outside what is written out here")
    if number == 0:
        return "zero"
    parts = []
    for word, scale in sorted(((w, s) for w, s in SCALE_WORDS.items() if w != "hundred"), key=lambda item: -item[1]):
        if number >= scale:
            high, number = divmod(number, scale)
            parts.append(f"{_words_below_thousand(high)} {word}")
    if number:
        parts.append(_words_below_thousand(number))
    return " ".join(parts)


def _words_below_thousand(number: int) -> str:
    hundreds, rest = divmod(number, 100)
    out = f"{UNIT_WORDS[hundreds]} hundred" if hundreds else ""
    if rest:
        tens, unit = divmod(rest, 10)
        below = UNIT_WORDS[rest] if rest < 20 else TENS_WORDS[tens - 2] + (f"-{UNIT_WORDS[unit]}" if unit else "")
        out = f"{out} and {below}" if out else below
    return out


def english_ordinal_words(number: int) -> str:
    """1 → first, 14 → fourteenth, 41 → forty-first, 100 → one hundredth."""
    if number < 1:
        raise ValueError(f"{number} has no ordinal")
    cardinal = english_cardinal_words(number)
    head, last = re.match(r"^(.*?)([a-z]+)$", cardinal).groups()
    ordinal = {cardinal_word: ordinal_word for ordinal_word, cardinal_word in ORDINAL_TO_CARDINAL.items()}[last]
    return head + ordinal


def find_english_numbers(text: str) -> Iterator[FoundNumber]:
    """Every run of English number words that reads as one number (`three`, `twenty-one`)."""
    for match in ENGLISH_NUMBER_WORDS.finditer(text):
        value = english_number(match.group())
        if value is not None:
            yield FoundNumber(value, match.group(), match.start(), match.end())


def find_english_ordinals(text: str) -> Iterator[FoundNumber]:
    """Every English ordinal, in words or digits (`forty-first`, `41st`)."""
    for match in ENGLISH_ORDINAL.finditer(text):
        value = english_ordinal(match.group())
        if value is not None:
            yield FoundNumber(value, match.group(), match.start(), match.end())
