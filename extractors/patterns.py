"""Regular expressions of the extraction layer, kept apart from the logic that uses them."""

from __future__ import annotations

import re

# --- page furniture --------------------------------------------------------------------------
# 3 / - 3 - / Page 3 / Page 3 of 29 / 3/29 / 第 3 页 / 第 3 页，共 29 页
PAGE_NUMBER = re.compile(
    r"^(?:[-–]\s*)?(?:page\s+|第\s*)?\d{1,4}(?:\s*页)?(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?"
    r"(?:\s*(?:[-–]|/\s*\d{1,4}|of\s+\d{1,4}))?$",
    re.IGNORECASE,
)
# the printer's furniture of UN papers: job numbers (18-18418 (E) 071118, GE.16-01195(E)), barcodes
# (*1818418*), the recycling note
JOB_NUMBER = re.compile(r"^(?:\*\d{6,}\*|(?:GE\.)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d{6,}\*)?|Please recycle)$")
# a page number printed before or after a header's text: `15 IT/GB-7/17/19`, `IT/GB-7/17/19 16`
PAGE_NUMBER_AROUND = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")
TYPED_RULE = re.compile(r"^_{5,}$")  # a footnote separator typed as underscores
FOOTNOTE_DIGITS = re.compile(r"^(\d+)\s*(\S.*)$")  # LibreOffice prints "11“增强…": no space
# a star marker printed at text size right after a word or punctuation: `agenda*`, `Palestine:**`
PLAIN_STARS = re.compile(r"(?<=[^\s*])(\*{1,3})(?=[\s,.;:)）]|$)")
FOOTNOTE_STARS = re.compile(r"^(\*{1,3})\s*(\S.*)$")
# a printed paragraph number, item label or bullet at the start of a line: 17. / 13 / 1) / (a) / a) / (iv) / IV. / •
LEADING_LABEL = re.compile(r"^(?:\d{1,3}[.)]?|\(\d{1,3}\)|\(?[a-z]{1,2}\)|[a-z]\.|\([ivxlc]+\)|[A-Z]\.|[IVXL]+\.|•)(?:\s|$)")
# the same with its punctuation (17. / 1) / (1) / (a) / a) / •): a line starting so after a full stop starts anew
PRINTED_LABEL = re.compile(r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]{1,4}\)|[a-z]\.(?=\s)|[A-Z]\.|[IVXL]+\.|[•·▪])(?:\s|(?=[\u4e00-\u9fff《（“「]))")
# a label set straight before Chinese text, with no space glyph between (an inline number): `4.请`
LABEL_BEFORE_HAN = re.compile(r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|\([a-z]{1,4}\)|[a-z]\)|•)(?=[\u4e00-\u9fff《（“])")
# what a line breaker cannot split: a Han character with the punctuation glued to it, or a word
FIRST_WORD = re.compile(r"^[（《「『“‘〈【(\[]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][，。、；：？！）》」』”’〉】%)\],.;:]*|^\S+")
CLAUSE_END = re.compile(r"[。；：！？，.;:!?,][”’\"')）》]*$")  # a sentence or clause ends the line
INTRODUCES_LIST = re.compile(r"[：:][”’\"]?$")  # `…as follows:` before its items
ITEM_END = re.compile(r"[;；](?:\s*(?:and|or|并|和|或))?$")  # an item's end: `…;`, `…; and`, `…；并`
OPENING_CJK = re.compile(r"^[《（「『“‘〈【〔]")
SENTENCE_END = re.compile(r"[。！？.!?][”’\"')）》]*$")
TERMINAL_PUNCTUATION = re.compile(r"[。；：！？.;:!?][”’\"')）》]*$")

# --- document symbols --------------------------------------------------------------------------
# IT/GB-7/17/19, A/L.632, UNEP/CBD/COP/13/12/Add.4, A/RES/2758 (XXVI), CBD/COP/DEC/XIII/24, C 2025/REP
SYMBOL = re.compile(
    r"(?<![\w/.])(?:[A-Z][A-Za-z]{0,9}(?:[-.][A-Za-z0-9]+)*/)+[A-Za-z0-9*]+(?:[-.][A-Za-z0-9]+)*"
    r"(?:/[A-Za-z0-9*]+(?:[-.][A-Za-z0-9]+)*)*(?:\s\([IVXLC]+\))?"
    r"|\b(?:C|CL|PC|FC|COAG|COFI|COFO|CCP|CFS)\s\d{3,4}/[A-Z]{2,5}(?:/[A-Za-z0-9.]+)*"  # FAO: C 2025/REP, CL 172/INF/3
)

# --- cover lines ---------------------------------------------------------------------------------
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DOCUMENT_DATE = re.compile(
    rf"^(?:\d{{4}}\s*年(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*日)?|(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+\d{{4}})$"
)
AGENDA_ITEM = re.compile(
    r"(?:暂定议程(?:议题|项目)|议程项目|议程议题)\s*(?P<zh>[\d.]+(?:\s*\([a-z]\))?)"
    r"|Item\s+(?P<en>[\d.]+(?:\s*\([a-z]\))?)\s+of\s+the\s+(?:Provisional\s+)?Agenda"
    r"|Agenda\s+items?\s+(?P<ga>[\d.]+(?:\s*\([a-z]\))?(?:(?:,\s*|\s+and\s+)[\d.]+(?:\s*\([a-z]\))?)*)",
    re.IGNORECASE,
)
SESSION = re.compile(
    r"第[一二三四五六七八九十百零〇\d]+(?:届|次)(?:会议|常会|特别会议)"
    r"|\b(?:[A-Za-z]+-)?[A-Za-z]+\s+(?:regular\s+|special\s+)?session\b"
    r"|\b(?:[A-Za-z]+-)?[A-Za-z]+(?:th|st|nd|rd)\s+meeting\b"  # CBD bodies: Fourth meeting
    r"|^\d{1,2}(?:st|nd|rd|th)\s+(?:Meeting|meeting|Session|session)\b"  # Ramsar: 14th Meeting of the Conference …
    r"|^\d{4}\s+session$|^\d{4}\s*年(?:届)?会议$",  # ECOSOC: 2025 session
    re.IGNORECASE,
)
DATES_AND_PLACE_ZH = re.compile(r"^(?P<dates>\d{4}\s*年.*?日)\s*[，,]\s*(?P<place>\S.*)$")
DATES_AND_PLACE_EN = re.compile(
    rf"^(?P<place>[^\d].*?),\s*(?P<dates>\d{{1,2}}(?:\s+(?:{MONTHS}))?(?:\s*[–-]\s*\d{{1,2}})?\s+(?:{MONTHS})\s+\d{{4}})$"
)

# --- structure: labels at the start of a block --------------------------------------------------
SECTION_ROMAN = re.compile(r"^([IVXL]+)\.\s+(\S.*)$")  # I. 引言 / II. COOPERATION ...
SECTION_LETTER = re.compile(r"^([A-Z])\.\s+(\S.*)$")  # A. 《公约》的财务机制 / B. Synergies
# 17. / 1) / 13 followed by text (the bare form only counts where it is the expected number);
# never the start of 2017-2020, 2.5 or 17条
NUMBERED = re.compile(r"^(\d{1,3})(?:([.)])(?![\d.])\s*|\s+)(\S.*)$")
NUMBERED_IN_PARENTHESES = re.compile(r"^\((\d{1,3})\)\s*(\S.*)$")  # (17) as a paragraph number
ITEM = re.compile(r"^(\(([a-z]{1,4})\)|([a-z]{1,2})[).](?=\s))\s*(\S.*)$")  # (a) / a) / (iv) / a. (Ramsar)
ROMAN_ITEM_VALUE = re.compile(r"^[ivxl]+$")
BULLET = re.compile(r"^([•·▪‣◦\uf06e\uf0a7\uf0b7])\s*(\S.*)$")
APPENDIX = re.compile(r"^(附录|附件|Appendix|APPENDIX|Annex|ANNEX)\s*(\d+|[IVX]+)\b")
RESOLUTION_ANNEX = re.compile(r"^(附件|Annex|ANNEX)(?:\s*(\d+|[IVX]+))?$")  # a resolution's annex, numbered or not
SUMMARY_HEADING = re.compile(r"^(内容提要|执行摘要|摘要|Executive Summary|EXECUTIVE SUMMARY|Summary|SUMMARY)$")
DRAFT_RESOLUTION = re.compile(r"(决议草案|决定草案|Draft [Rr]esolution|DRAFT RESOLUTION|Draft [Dd]ecision|DRAFT DECISION)")
BODY_NAME_LINE = re.compile(
    r"^(管理机构|缔约方大会|缔约方会议|大会|理事会|委员会|世界遗产委员会|"
    r"THE GOVERNING BODY|The Governing Body|The Conference of the Parties|THE CONFERENCE OF THE PARTIES|"
    r"The General Assembly|The Meeting of the Parties|The World Heritage Committee|The Standing Committee)\s*[,，]?$"
)

# --- structure: lead verbs of resolution clauses (longest first) ---------------------------------
_OPERATIVE_ZH = (
    "赞赏地注意到 满意地注意到 表示注意到 提请注意 注意到 注意 提请 要求 请 邀请 欢迎 感谢 称赞 赞赏 决定 敦促 促请 鼓励 呼吁 "
    "强调 重申 核准 通过 同意 授权 建议 确认 赞同 批准"
).split()
_OPERATIVE_EN = (
    "Notes with appreciation|Takes note|Notes|Requests|Invites|Welcomes|Thanks|Commends|Decides|Urges|Encourages|"
    "Calls upon|Calls on|Emphasizes|Emphasises|Stresses|Reaffirms|Reiterates|Approves|Adopts|Endorses|Recognizes|"
    "Recognises|Recommends|Authorizes|Appeals|Expresses|Agrees|Acknowledges|Draws attention|Underlines"
)
_PREAMBULAR_ZH = "又忆及 还忆及 忆及 回顾 确认 注意到 认识到 铭记 考虑到 欢迎 强调 重申 意识到 承认 深信 关切 申明".split()
_PREAMBULAR_EN = (
    "Recalling|Recognizing|Recognising|Noting|Acknowledging|Bearing in mind|Considering|Welcoming|Emphasizing|"
    "Emphasising|Reaffirming|Aware|Mindful|Conscious|Taking note|Having considered|Convinced|Concerned|Affirming|"
    "Expressing|Stressing|Underlining|Desiring"
)
_ADVERB_EN = r"(?:Also|Further|Again|Once again|Moreover)"


def _english(verbs: str) -> str:
    """`Requests` and `Also requests`: after an adverb the verb is in lower case."""
    return rf"(?:{_ADVERB_EN}\s+(?i:{verbs})|(?:{verbs}))"


OPERATIVE_VERB = re.compile(
    rf"^(?:(?:还|又|并|另|再次)?(?P<zh>{'|'.join(sorted(_OPERATIVE_ZH, key=len, reverse=True))})"
    rf"|(?P<en>{_english(_OPERATIVE_EN)})\b)"
)
PREAMBULAR_VERB = re.compile(
    rf"^(?:(?P<zh>{'|'.join(sorted(_PREAMBULAR_ZH, key=len, reverse=True))})|(?P<en>{_english(_PREAMBULAR_EN)})\b)"
)

# --- resolutions and decisions ----------------------------------------------------------------------
# a decision's or resolution's own number and title: `80/1. Participation…`, `15/4. Kunming-Montreal…`,
# `Decision 1/CP.21`, `Decision: 46 COM 7B.1`, `Resolution XIV.7: …`, `Resolution Conf. 11.17 (Rev. CoP19)`,
# `Resolution 2024/5.`, `第 15/4 号决定`, `第 1/CP.21 号决定：…`; a number wider than its hang runs into the
# title it heads (`80/215.Cooperation…`, `15/12.生物多样性…`)
DECISION_TITLE = re.compile(
    r"^(?:(?:Decision|Resolution|DECISION|RESOLUTION)\s*:?\s*)?"
    r"(?P<number>\d{1,4}/(?:CP|CMP|CMA)\.\d{1,2}|\d{1,3}\s+(?:COM|EXT\.COM)\s+[\dA-Z]+(?:\.[\dA-Za-z]+)*"
    r"|Conf\.\s*\d{1,2}\.\d{1,2}(?:\s*\(Rev\.\s*CoP\d{1,2}\))?|[XVI]{1,5}\.\d{1,2}|\d{1,4}/\d{1,4})"
    r"(?P<stop>\.)?(?:\s*[:：.]?(?:\s+|(?=[\u3400-\u9fff《“（])|(?<=[.\d])(?=[A-Z][a-z]))(?P<title>\S.*))?$"
    r"|^第\s*(?P<zh_number>[\dA-Za-z./][\dA-Za-z./\s]*?)\s*号(?:决定|决议)\s*[:：]?\s*(?P<zh_title>.*)$"
)
# `9th plenary meeting`, `93rd plenary meeting, 15 March 2000`, `53rd meeting` (HRC), `2000 年 3 月 15 日 第 93 次全体会议`,
# `(Adopted on 2 July 2025)` (FAO)
ADOPTION_LINE = re.compile(
    r"^\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b|(?:^|\s|日)第\s*\d{1,3}\s*次(?:全体)?会议"
    r"|^[(（]?(?:Adopted on \d{1,2} \w+ \d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日通过)[)）]?$"
)
# what an adoption line may carry on lines of its own: its date, `[Adopted without a vote.]`
ADOPTION_NOTE = re.compile(r"^\[.*(?:vote|表决|adopted|通过).*\]$", re.IGNORECASE)
TABLE_OF_CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|(?:\.\s){4,})\s*\d*$")  # dot leaders before a page number
# masthead lines that are cover furniture, not text: `Distr.: General`, `Original: English`, `Chinese`
MASTHEAD_FURNITURE = re.compile(r"^(?:Distr\.?\s*:?\s*\w+|Original\s*:\s*\w+|Chinese|English|中文|原文\s*[:：]\s*\S+)$")
# a session's dates alone: `24 February–4 April 2025`, `7–19 December 2022`, `2022 年 12 月 7 日至 19 日`
SESSION_DATES = re.compile(
    rf"^\d{{1,2}}(?:\s+(?:{MONTHS})(?:\s+\d{{4}})?)?\s*[–-]\s*\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}$"
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:至|－|-|–)\s*(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日$"
)
# `Distr.: General` / `Distr.: Limited` / `Distr. GENERAL`
DISTRIBUTION = re.compile(r"^Distr\.?\s*:?\s*(?P<value>General|Limited|Restricted|GENERAL|LIMITED|RESTRICTED)\b")
ORIGINAL_LANGUAGE = re.compile(r"^(?:Original|ORIGINAL)\s*:\s*(?P<value>\w+)|^原文\s*[:：]\s*(?P<zh>\S+)")
# `South Africa:* draft resolution`, `Peru and Spain: revised draft resolution`, `秘鲁：决议草案`
SPONSORS = re.compile(
    r"^(?P<value>[^:：]{2,300}?)\s*[:：]\s*\**\s*(?:revised\s+)?draft\s+(?:resolution|decision)\b"
    r"|^(?P<zh>[^:：]{1,200}?)\s*[:：]\s*(?:订正)?(?:决议|决定)草案$"
)
# `[without reference to a Main Committee (A/80/L.2/Rev.1)]`, `[on the report of the Third Committee (A/80/473)]`,
# `[未经发交主要委员会(A/80/L.2/Rev.1)]`, `[根据第三委员会的报告(A/80/473)通过]`
DRAFT_REFERENCE = re.compile(
    r"^\[(?:without reference to a Main Committee|on the (?:report|recommendation) of the .+?)\s*"
    r"\((?P<value>[A-Z]+/[^(),\s]+(?:\s\([IVXLC]+\))?)(?:\s+and\s+[A-Z]+/[^(),\s]+)*(?:,\s*paras?\.\s*[\d\s,and–-]+)?\)\]$"
    r"|^\[(?:未经发交主要委员会|根据.+?的(?:报告|建议))\s*[(（](?P<zh>[A-Z]+/[^()（），,\s]+)(?:\s*和\s*[A-Z]+/[^()（），,\s]+)*(?:\s*[,，]\s*第\s*[\d\s]+段)?[)）]\s*(?:通过)?\]$"
)
# `Resolution adopted by the General Assembly on 19 September 2025`, `大会 2025 年 9 月 19 日通过的决议`
ADOPTED_BY = re.compile(
    r"^(?:Resolution|Decision) adopted by the (?P<organ>.+?) on (?P<date>.+)$"
    r"|^(?P<zh_organ>\S+?)\s*(?P<zh_date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)通过的(?:决议|决定)$"
)
