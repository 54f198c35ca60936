"""Dates and date ranges as UN papers print them, in Chinese and English.

`find_dates` reads `2 July 2017`, `2–12 July 2017`, `2 to 12 July 2017`, `30 November–12 December
2023`, `July 2, 2017`, `July 2017`, `July` and `2017 年 7 月 2 日`, `2017 年 7 月 2 日至 12 日`,
`7 月 2 日至 17 日`, `2017 年 10 月 30 日－11 月 3 日`, `11 月 14-25 日`, `2023 年 7 月`, `7 月` (digits or
Chinese numerals) into a `DateSpan` that is the same in both languages. What a range leaves out is
taken from its other end: in `2–12 July 2017` the 2 is of July 2017 too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from lexicon.numerals import chinese_number
from lexicon.patterns import AMBIGUOUS_MONTH_ALONE, CHINESE_DATE, ENGLISH_DATE, MONTH_ABBREVIATIONS, MONTH_NAMES

MONTHS = tuple(MONTH_NAMES)


def month_number(name: str) -> int | None:
    """July → 7, Sept. → 9; None for anything else."""
    word = name.strip().rstrip(".").lower()
    for number, month in enumerate(MONTHS, start=1):
        if word == month.lower():
            return number
    return MONTH_ABBREVIATIONS.get(word) if name.strip().endswith(".") else None


def month_name(number: int) -> str:
    return MONTHS[number - 1]


@dataclass(frozen=True)
class Day:
    """A calendar day as far as the text says it: a field the text leaves out is None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def agrees(self, other: Day) -> bool:
        """Every field that both give is the same."""
        return all(a is None or b is None or a == b for a, b in zip(self.fields, other.fields))

    @property
    def fields(self) -> tuple[int | None, int | None, int | None]:
        return self.year, self.month, self.day

    def filled_from(self, other: Day) -> Day:
        return Day(self.year or other.year, self.month or other.month, self.day)

    def valid(self) -> bool:
        return (self.month is None or 1 <= self.month <= 12) and (self.day is None or 1 <= self.day <= 31)


@dataclass(frozen=True)
class DateSpan:
    """One date (start == end) or a range, shown the English way: `2–12 July 2017`."""

    start: Day
    end: Day

    def agrees(self, other: DateSpan) -> bool:
        return self.start.agrees(other.start) and self.end.agrees(other.end)

    def __str__(self) -> str:
        start, end = self.start, self.end
        if start == end:
            return _show(start)
        if start.year == end.year and start.month == end.month and start.day and end.day:
            return f"{start.day}–{_show(end)}"
        if start.year == end.year:
            return f"{_show(replace(start, year=None))}–{_show(end)}"
        return f"{_show(start)}–{_show(end)}"


def _show(day: Day) -> str:
    parts = [str(day.day) if day.day else "", month_name(day.month) if day.month else "", str(day.year) if day.year else ""]
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class FoundDate:
    span: DateSpan
    surface: str
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every date and date range in a text of either language, in order."""
    found = [*_english_dates(text), *_chinese_dates(text)]
    return sorted(found, key=lambda date: date.start)


def _english_dates(text: str) -> Iterator[FoundDate]:
    for match in ENGLISH_DATE.finditer(text):
        groups = match.groupdict()
        if groups["d2"]:  # 2–12 July 2017, 30 November–12 December 2023
            end = Day(_int(groups["y2"]), month_number(groups["m2"]), int(groups["d2"]))
            start = Day(_int(groups["y1"]), month_number(groups["m1"]) if groups["m1"] else None, int(groups["d1"]))
        elif groups["d"]:  # 2 July 2017
            start = end = Day(_int(groups["y"]), month_number(groups["m"]), int(groups["d"]))
        elif groups["mm1"]:  # July 2, 2017 / July 2–12, 2017
            start = Day(_int(groups["yy"]), month_number(groups["mm1"]), int(groups["dd1"]))
            second = groups["mm2"] or groups["mm1"]
            end = Day(start.year, month_number(second), int(groups["dd2"])) if groups["dd2"] else start
        else:  # July 2017, July to September 2017, July
            if match.group() in AMBIGUOUS_MONTH_ALONE:
                continue
            start = Day(_int(groups["yo1"]), month_number(groups["mo1"]))
            end = Day(_int(groups["yo2"]), month_number(groups["mo2"])) if groups["mo2"] else start
        yield from _span(start, end, match.group(), match.start())


def _chinese_dates(text: str) -> Iterator[FoundDate]:
    for match in CHINESE_DATE.finditer(text):
        groups = match.groupdict()
        day = _number(groups["d1"]) if groups["r1"] or groups["d2"] else None
        start = Day(_number(groups["y1"]), _number(groups["m1"]), day)
        if groups["d2"]:  # …2 日至 12 日 / …30 日－11 月 3 日
            end = Day(_number(groups["y2"]), _number(groups["m2"]), _number(groups["d2"]))
        elif groups["m3"]:  # 7 月至 9 月
            end = Day(_number(groups["y3"]), _number(groups["m3"]))
        else:
            end = start
        stop = match.end() if day or groups["d2"] or not groups["d1"] else match.start("d1")
        yield from _span(start, end, text[match.start() : stop].rstrip(), match.start())


def _span(start: Day, end: Day, surface: str, begin: int) -> Iterator[FoundDate]:
    """English names the year and month last (`2–12 July 2017`), Chinese first (`2017 年 7 月 2 日至 12 日`):
    the end that leaves them out takes them from the other."""
    start, end = start.filled_from(end), end.filled_from(start)
    if start.valid() and end.valid() and start.month and end.month:
        yield FoundDate(DateSpan(start, end), surface, begin, begin + len(surface))


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _number(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else chinese_number(text)
