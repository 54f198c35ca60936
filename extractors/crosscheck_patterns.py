"""Regular expressions of the twins' cross-check, kept apart from the checks that use them."""

from __future__ import annotations

import re

from lexicon.patterns import CHINESE_NUMERAL_CHARS, ENGLISH_ORDINAL

# Chinese puts no space after a URL; a URL broken over two lines may come back with a space after a
# full stop, slash or underscore (`http://www.cites. org/eng/notif/2011/E026A.pdf`)
URL = re.compile(r"(?:https?://|www\.)(?:[^\s\u3000-\u9fff\uff00-\uffef]|(?<=[._/])\s(?=[a-z0-9]))+")
# a full stop continues a number only before a digit: "2.5", but "December 2016."
YEAR = re.compile(r"(?<!\d)(?<!\d\.)(?:19|20)\d{2}(?!\d|\.\d)")
DIGIT_SPACE_DIGIT = re.compile(r"(?<=\d)[ \t](?=\d)")
NUMBER = re.compile(r"(?<!\d)(?<!\d\.)\d+(?:\.\d+)*(?!\d|\.\d)")
_NUMERAL_ZH = rf"(?:\d{{1,3}}|[{CHINESE_NUMERAL_CHARS}]{{1,6}})"

# sessions and meetings: 第四十一届会议 / 第 2 次会议 / 第七届常会; forty-first session / Seventh Session / 2nd meeting
ORDINAL_ZH = re.compile(rf"第\s*(?P<number>{_NUMERAL_ZH})\s*(?:届|次)\s*(?:会议|常会|特别会议|届会|会)")
ORDINAL_EN = re.compile(
    rf"(?P<ordinal>{ENGLISH_ORDINAL.pattern})\s+(?:(?:regular|special|ordinary|extraordinary)\s+)?(?:session|meeting)s?\b",
    re.IGNORECASE,
)

# annexes and appendices cited: 附件一 / 附件 II / 附录 2; annex I / Appendix 2
_ANNEX_NUMBER_ZH = rf"(?:[IVX]+\b|\d{{1,2}}(?!\d)|[{CHINESE_NUMERAL_CHARS}]{{1,3}})"
_ANNEX_NUMBER_EN = r"(?:[IVX]+\b|\d{1,2}(?!\d))"
# 附件一和附件二 / 附件一和二 / annexes I and II / appendices 1, 2 and 3: one value per number
ANNEX_ZH = re.compile(rf"(?P<kind>附件|附录)\s*(?P<numbers>{_ANNEX_NUMBER_ZH}(?:\s*(?:、|和|及|至)\s*{_ANNEX_NUMBER_ZH})*)")
ANNEX_EN = re.compile(
    rf"\b(?P<kind>[Aa]nnex|[Aa]ppendix|ANNEX|APPENDIX|[Aa]nnexes|[Aa]ppendices)\s+"
    rf"(?P<numbers>{_ANNEX_NUMBER_EN}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+to\s+){_ANNEX_NUMBER_EN})*)"
)
ANNEX_NUMBER = re.compile(rf"[IVX]+\b|\d{{1,2}}(?!\d)|[{CHINESE_NUMERAL_CHARS}]{{1,3}}")

# 25%, 25 per cent, 百分之二十五
PERCENT = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?:%|％|\s?per\s?cent\b|\s?percent\b)")
PERCENT_ZH = re.compile(rf"百分之\s*(?P<number>\d+(?:\.\d+)?|[{CHINESE_NUMERAL_CHARS}]+)")

# amounts: USD 1.2 million / US$ 1,200,000 / 1.5 million hectares / 120 万美元 / 1.2 亿 / 1,200,000 美元
_AMOUNT_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CURRENCY_EN = {
    "usd": "USD", "us$": "USD", "$": "USD", "us dollars": "USD", "united states dollars": "USD", "dollars": "USD",
    "eur": "EUR", "€": "EUR", "euros": "EUR", "euro": "EUR", "chf": "CHF", "swiss francs": "CHF",
}
CURRENCY_ZH = {"美元": "USD", "欧元": "EUR", "瑞士法郎": "CHF", "瑞郎": "CHF"}
SCALE_EN = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
SCALE_ZH = {"万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8}
_CURRENCY_BEFORE = r"(?:USD|US\$|EUR|CHF|\$|€)"
_CURRENCY_AFTER = r"(?:United States dollars|US dollars|dollars|euros?|Swiss francs|USD|EUR|CHF)"
AMOUNT_EN = re.compile(
    rf"(?:(?P<before>{_CURRENCY_BEFORE})\s?)?(?<![\d.,])(?P<number>{_AMOUNT_NUMBER})(?:\s+(?P<scale>thousand|million|billion)\b)?"
    rf"(?:\s+(?P<after>{_CURRENCY_AFTER})\b)?"
)
AMOUNT_ZH = re.compile(
    rf"(?:(?P<before>{_CURRENCY_BEFORE})\s?)?(?<![\d.,])(?P<number>{_AMOUNT_NUMBER})\s*(?P<scale>百万|千万|亿|万)?\s*"
    rf"(?P<after>美元|欧元|瑞士法郎|瑞郎)?"
)
CLAUSE_END = re.compile(r"[。；：！？.;:!?，,][”’\"')）》\]]*$")  # a paragraph or clause ends here
# a capitalised Latin abbreviation, kept in both languages: GEF, CBD, COP-13, DSI
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*(?![A-Za-z])")
