"""Regular expressions of the extraction layer, kept apart from the logic that uses them."""

from __future__ import annotations

import re

# --- page furniture --------------------------------------------------------------------------
PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:page\s+|第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:[-–]|/\s*\d{1,4}))?$", re.IGNORECASE)
FOOTNOTE_DIGITS = re.compile(r"^(\d+)\s*(\S.*)$")  # LibreOffice prints "11“增强…": no space
FOOTNOTE_STARS = re.compile(r"^(\*{1,3})\s*(\S.*)$")
# a printed paragraph number, item label or bullet at the start of a line: 17. / 13 / 1) / (a) / a) / (iv) / IV. / •
LEADING_LABEL = re.compile(r"^(?:\d{1,3}[.)]?|\(?[a-z]{1,2}\)|\([ivxlc]+\)|[A-Z]\.|[IVXL]+\.|•)(?:\s|$)")
TERMINAL_PUNCTUATION = re.compile(r"[。；：！？.;:!?][”’\"')）》]*$")

# --- document symbols --------------------------------------------------------------------------
# IT/GB-7/17/19, A/L.632, UNEP/CBD/COP/13/12/Add.4, A/RES/2758 (XXVI), CBD/COP/DEC/XIII/24
SYMBOL = re.compile(
    r"(?<![\w/.])(?:[A-Z][A-Za-z]{0,9}(?:[-.][A-Za-z0-9]+)*/)+[A-Za-z0-9*]+(?:[-.][A-Za-z0-9]+)*"
    r"(?:/[A-Za-z0-9*]+(?:[-.][A-Za-z0-9]+)*)*(?:\s\([IVXLC]+\))?"
)

# --- cover lines ---------------------------------------------------------------------------------
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DOCUMENT_DATE = re.compile(
    rf"^(?:\d{{4}}\s*年(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*日)?|(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+\d{{4}})$"
)
AGENDA_ITEM = re.compile(
    r"(?:暂定议程(?:议题|项目)|议程项目|议程议题)\s*(?P<zh>[\d.]+(?:\s*\([a-z]\))?)"
    r"|Item\s+(?P<en>[\d.]+(?:\s*\([a-z]\))?)\s+of\s+the\s+(?:Provisional\s+)?Agenda"
    r"|Agenda\s+item\s+(?P<ga>[\d.]+(?:\s*\([a-z]\))?)",
    re.IGNORECASE,
)
SESSION = re.compile(
    r"第[一二三四五六七八九十百零〇\d]+(?:届|次)(?:会议|常会|特别会议)"
    r"|\b(?:[A-Za-z]+-)?[A-Za-z]+\s+(?:regular\s+|special\s+)?session\b",
    re.IGNORECASE,
)
DATES_AND_PLACE_ZH = re.compile(r"^(?P<dates>\d{4}\s*年.*?日)\s*[，,]\s*(?P<place>\S.*)$")
DATES_AND_PLACE_EN = re.compile(
    rf"^(?P<place>[^\d].*?),\s*(?P<dates>\d{{1,2}}(?:\s+(?:{MONTHS}))?(?:\s*[–-]\s*\d{{1,2}})?\s+(?:{MONTHS})\s+\d{{4}})$"
)
