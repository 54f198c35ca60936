"""Regular expressions for references: decisions, resolutions, recommendations, articles, symbols."""

from __future__ import annotations

import re

# an identifier of a decision, resolution or recommendation as printed:
# 7/2015, XIII/24, NP-2/5, XI.6, 8.18, 1/8, 66/288, 37 COM 5A
IDENTIFIER = r"(?:\d{1,2}\s+COM\s+\d*[A-Z]{1,3}(?:\.\d+)?|(?:[A-Z]{1,3}-)?(?:[IVXLC]+|\d{1,4})(?:\s*[/.]\s*\d{1,4})?)"
_ID = IDENTIFIER
_SEPARATOR_ZH = r"\s*(?:、|和|及|以及|与)\s*"
_SEPARATOR_EN = r"\s*(?:,\s*and|,|and)\s+"

# 第 7/2015 号决议 / 第 IX/8、第 X/2 号、第 X/5 号和第 XI/6 号决定 / 执行问题附属机构第 1/8 号建议
NUMBERED_ZH = re.compile(
    rf"第\s*(?P<list>{_ID}(?:\s*号)?(?:{_SEPARATOR_ZH}(?:第\s*)?{_ID}(?:\s*号)?)*)\s*(?P<kind>决议|决定|建议)(?!草案)"
)
# 建议 1/10 (the word first, then the identifier)
WORD_FIRST_ZH = re.compile(rf"(?P<kind>决议|决定|建议)\s+(?P<list>{_ID})(?![\d/])")
# Resolution 7/2015, decisions IX/8, X/2, X/5 and XI/6, General Assembly resolution 70/1, recommendation 1/8
WORD_FIRST_EN = re.compile(
    rf"\b(?P<kind>[Rr]esolutions?|[Dd]ecisions?|[Rr]ecommendations?)\s+(?P<list>{_ID}(?:{_SEPARATOR_EN}{_ID})*)(?![\w/])"
)
# Rec.9/1 和 9/3 / Rec.9/1 and 9/3
REC_ABBREVIATION = re.compile(rf"\bRec\.\s*(?P<list>{_ID}(?:(?:{_SEPARATOR_ZH}|{_SEPARATOR_EN}){_ID})*)")
LIST_ITEM = re.compile(_ID)

# 第 1.2 条 / 第 19.3(g)和(l)条 / 第 8(j)条 ; Article 18.4(a) / Articles 19.3(g) and (l)
_ARTICLE = r"(?:\d{1,3}(?:\.\d{1,3})*(?:\s*\([a-z0-9]{1,4}\))*|\([a-z0-9]{1,4}\))"
ARTICLE_ZH = re.compile(rf"第\s*(?P<list>{_ARTICLE}(?:{_SEPARATOR_ZH}(?:第\s*)?{_ARTICLE})*)\s*条")
ARTICLE_EN = re.compile(rf"\bArticles?\s+(?P<list>(?:[IVXL]+\b|{_ARTICLE})(?:{_SEPARATOR_EN}{_ARTICLE})*)")
ARTICLE_ITEM = re.compile(rf"[IVXL]+\b|{_ARTICLE}")
ARTICLE_BASE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*")

# document symbols: letters first, a slash, a digit somewhere; never a URL
SYMBOL = re.compile(
    r"(?<![\w/.:-])(?P<symbol>[A-Z][A-Za-z]{0,9}(?:-[A-Z]+)?(?:/[A-Za-z0-9*]+(?:[-.][A-Za-z0-9]+)*)+)(?![\w/])"
)
ROMAN_ONLY = re.compile(r"^[IVXLC]+$")

# what follows a reference and narrows it: ，B，第 17-21 段 / 第 3(a)段 / 附件二 / , paragraph 11 / , annex I
PINPOINT_AFTER_ZH = re.compile(
    r"^(?:\s*[，,]?\s*(?P<section>[A-Z])\s*[，,])?\s*(?:第\s*(?P<paras>[\d()a-z\-–、和至\s]+?)\s*段|附件\s*(?P<annex>[一二三四五IVX]+)?)"
)
PINPOINT_AFTER_EN = re.compile(
    r"^\s*,?\s*(?:(?:section\s+(?P<section>[A-Z])\s*,\s*)?paragraphs?\s+(?P<paras>[\d()a-z\-–,\s]+?(?:\s+and\s+[\d()a-z]+)?)(?=[\s,.;)]|$)"
    r"|annex\s+(?P<annex>[IVX]+))"
)
PINPOINT_BEFORE_EN = re.compile(
    r"(?:paragraphs?\s+(?P<paras>[\d()a-z\-–,\s]+?(?:\s+and\s+[\d()a-z]+)?)|annex\s+(?P<annex>[IVX]+)|annexes\s+(?P<annexes>I\s+and\s+II))\s+(?:of|to)\s+$"
)
CHINESE_ANNEX = {"一": "I", "二": "II", "三": "III", "四": "IV", "五": "V"}

CLAUSE_START = re.compile(r"[。；;:：!?！？]|\.\s")
# 第十一条 (an article numbered in Chinese numerals)
CHINESE_NUMBERED_ARTICLE = re.compile(r"第(?P<number>[一二三四五六七八九十]{1,3})条")
