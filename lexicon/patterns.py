"""Regular expressions of the lexicon, kept apart from the code that reads what they match."""

from __future__ import annotations

import re

# --- numerals ---------------------------------------------------------------------------------
CHINESE_DIGIT_CHARS = "〇零一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGIT_CHARS + "十百千万亿"
CHINESE_NUMERAL_RUN = re.compile(f"[{CHINESE_NUMERAL_CHARS}]+")
ROMAN_NUMERAL = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
DIGIT_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
ENGLISH_JOINER = re.compile(r"\s*-\s*|\s+(?:and\s+)?")  # forty-one, one hundred and five

UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALE_WORDS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
UNIT_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
TENS_ORDINALS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
SCALE_ORDINALS = {"hundredth": 100, "thousandth": 10**3, "millionth": 10**6, "billionth": 10**9}

_CARDINAL = "|".join(sorted(UNIT_WORDS + TENS_WORDS + list(SCALE_WORDS), key=len, reverse=True))
_ORDINAL = "|".join(sorted(UNIT_ORDINALS + TENS_ORDINALS + list(SCALE_ORDINALS), key=len, reverse=True))
_LINK = r"(?:\s*-\s*|\s+and\s+|\s+)"
# twenty-one / one hundred and five / three (a run of number words; the reader decides if it is one number)
ENGLISH_NUMBER_WORDS = re.compile(rf"\b(?:{_CARDINAL})(?:{_LINK}(?:{_CARDINAL}))*\b", re.IGNORECASE)
# forty-first / fourteenth / one hundredth / 41st
ENGLISH_ORDINAL = re.compile(rf"\b(?:(?:(?:{_CARDINAL}){_LINK})*(?:{_ORDINAL})|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)

# --- dates -------------------------------------------------------------------------------------
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12}
_MONTH = rf"(?:{'|'.join(MONTH_NAMES)}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[6-9]|20)\d{2}"
_TO_EN = r"\s*(?:[-–—]|\bto\b|\buntil\b|\band\b)\s*"
_DAY_FIRST = rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?)?{_TO_EN}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
_DAY_FIRST_ONE = rf"(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"
_MONTH_FIRST = (
    rf"(?P<mm1>{_MONTH})\s+(?P<dd1>{_DAY})(?:{_TO_EN}(?:(?P<mm2>{_MONTH})\s+)?(?P<dd2>{_DAY}))?(?!\d)(?:,?\s+(?P<yy>{_YEAR}))?"
)
_MONTHS_ONLY = rf"(?P<mo1>{_MONTH})(?:\s+(?P<yo1>{_YEAR}))?(?:{_TO_EN}(?P<mo2>{_MONTH}))?(?:\s+(?P<yo2>{_YEAR}))?"
# 2–12 July 2017, 2 to 12 July 2017, 30 November–12 December 2023, 2 July 2017, July 2, 2017, July 2017, July
ENGLISH_DATE = re.compile(
    rf"(?<![\w./])(?:{_DAY_FIRST}|{_DAY_FIRST_ONE}|{_MONTH_FIRST}|{_MONTHS_ONLY})(?![\w])"
)
# `May` alone is a verb far more often than a month
AMBIGUOUS_MONTH_ALONE = {"May"}

_NUMBER_ZH = rf"(?:\d{{1,2}}|[{CHINESE_NUMERAL_CHARS}]{{1,3}})"
_YEAR_ZH = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_SEP_ZH = r"\s*(?:至|到|－|-|–|—|~|～|和|及|、)\s*"
# 2017 年 7 月 2 日至 12 日 / 7 月 2 日至 17 日 / 2017 年 10 月 30 日－11 月 3 日 / 11 月 14-25 日 / 2023 年 7 月 / 7 月
CHINESE_DATE = re.compile(
    rf"(?<![\d{CHINESE_NUMERAL_CHARS}])(?:(?P<y1>{_YEAR_ZH})\s*年+\s*)?(?P<m1>{_NUMBER_ZH})\s*月(?:\s*(?P<d1>{_NUMBER_ZH})\s*(?P<r1>日|号)?)?"
    rf"(?:{_SEP_ZH}(?:(?P<y2>{_YEAR_ZH})\s*年+\s*)?(?:(?P<m2>{_NUMBER_ZH})\s*月\s*)?(?P<d2>{_NUMBER_ZH})\s*(?:日|号)"
    rf"|{_SEP_ZH}(?:(?P<y3>{_YEAR_ZH})\s*年+\s*)?(?P<m3>{_NUMBER_ZH})\s*月(?!\s*\d*\s*日))?"
)
