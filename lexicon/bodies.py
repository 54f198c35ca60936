"""Organizations, organs and the bodies that adopt decisions, in both languages.

One list serves the masthead (`organ`), the name line that opens a resolution (`The General
Assembly,` / `大会，`), and the tagging of who requests what.
"""

from __future__ import annotations

import re

# organ as printed in English, as printed in Chinese
ORGANS = (
    ("General Assembly", "大会"),
    ("Security Council", "安全理事会"),
    ("Economic and Social Council", "经济及社会理事会"),
    ("Human Rights Council", "人权理事会"),
    ("Trusteeship Council", "托管理事会"),
    ("United Nations Environment Assembly", "联合国环境大会"),
    ("Conference of the Parties serving as the meeting of the Parties to the Paris Agreement",
     "作为《巴黎协定》缔约方会议的《公约》缔约方大会"),
    ("Conference of the Parties serving as the meeting of the Parties to the Kyoto Protocol",
     "作为《京都议定书》缔约方会议的《公约》缔约方大会"),
    ("Conference of the Parties", "缔约方大会"),
    ("Conference of the Contracting Parties", "缔约方大会"),
    ("Meeting of the Parties", "缔约方会议"),
    ("World Heritage Committee", "世界遗产委员会"),
    ("Governing Body", "管理机构"),
    ("Standing Committee", "常设委员会"),
    ("Executive Board", "执行局"),
    ("Governing Council", "理事会"),
    ("Conference", "大会"),
    ("Council", "理事会"),
    ("Commission", "委员会"),
    ("Committee", "委员会"),
)
ORGANIZATIONS = (
    ("United Nations", "联合国"),
    ("Food and Agriculture Organization of the United Nations", "联合国粮食及农业组织"),
    ("United Nations Educational, Scientific and Cultural Organization", "联合国教育、科学及文化组织"),
    ("United Nations Environment Programme", "联合国环境规划署"),
    ("Convention on Biological Diversity", "生物多样性公约"),
    ("Framework Convention on Climate Change", "气候变化框架公约"),
    ("Convention on Wetlands", "湿地公约"),
    ("Convention on International Trade in Endangered Species of Wild Fauna and Flora", "濒危野生动植物种国际贸易公约"),
    ("World Heritage Convention", "世界遗产公约"),
)
# Main Committees of the General Assembly, printed under the session on a draft's masthead
COMMITTEES = (
    ("First Committee", "第一委员会"), ("Second Committee", "第二委员会"), ("Third Committee", "第三委员会"),
    ("Fourth Committee", "第四委员会"), ("Fifth Committee", "第五委员会"), ("Sixth Committee", "第六委员会"),
)


def _alternatives(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


ORGAN_EN = _alternatives(tuple(en for en, _ in ORGANS))
ORGAN_ZH = _alternatives(tuple(zh for _, zh in ORGANS))
# a masthead line that is the organ alone
# `Conference of the Parties to the Convention on Biological Diversity`, `生物多样性公约缔约方大会`
ORGAN_LINE = re.compile(
    rf"^(?:(?:{ORGAN_EN})(?:\s+(?:to|of)\s+the\s+(?:Convention|Protocol|Agreement|United Nations)\b[\w\s,-]{{0,120}})?"
    rf"|(?:《?[^\s，。；：]{{0,30}}(?:公约|议定书|协定|规划署)》?)?(?:{ORGAN_ZH}))$",
    re.IGNORECASE,
)
# an organ named with its treaty, possibly cut at a line's end: `Conference of the Parties to the Convention on`
ORGAN_CONTINUED = re.compile(rf"^(?:{ORGAN_EN})\s+(?:to|of)\s+the\b")
ORGANIZATION_LINE = re.compile(rf"^(?:{_alternatives(tuple(n for pair in ORGANIZATIONS for n in pair))})$", re.IGNORECASE)
COMMITTEE_LINE = re.compile(rf"^(?:{_alternatives(tuple(n for pair in COMMITTEES for n in pair))})$")
# the line that opens a resolution: `The General Assembly,`, `The Conference of the Parties to the
# Convention on Biological Diversity,`, `大会，`, `作为《巴黎协定》缔约方会议的《公约》缔约方大会，`; an
# unlisted body in English still reads `The <Capitalized Name>,`
NAME_LINE = re.compile(
    rf"^(?:(?:The|THE)\s+(?:{ORGAN_EN}|{ORGAN_EN.upper()})\b[^.;:]{{0,300}}"
    rf"|(?:The|THE)\s+[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|the|to|and|on|for|in|serving|as)){{0,24}}"
    rf"|(?:[^，。；：\s]{{0,40}}(?:的|公约|议定书|》))?(?:{ORGAN_ZH}))\s*[,，]?$"
)

# the bodies that issue decisions and resolutions, by the name gbdocs gives them in `references.body` and
# `requests.requester`, each with what papers print for it; looked up in this order (a protocol's
# meeting of the Parties before the Conference of the Parties it serves)
ISSUERS = [
    ("COP-MOP", re.compile(r"名古屋议定书》?缔约方会议|meeting of the Parties to the Nagoya Protocol|COP-MOP")),
    ("CMA", re.compile(r"作为《巴黎协定》缔约方会议的《公约》缔约方大会|serving as the meeting of the Parties to the Paris Agreement|\bCMA\b")),
    ("CMP", re.compile(r"作为《京都议定书》缔约方会议的《公约》缔约方大会|serving as the meeting of the Parties to the Kyoto Protocol|\bCMP\b")),
    ("SBI", re.compile(r"执行问题附属机构|Subsidiary Body on Implementation")),
    ("World Heritage Committee", re.compile(r"世界遗产委员会|World Heritage Committee")),
    ("CMS", re.compile(r"养护野生动物移栖物种公约|Convention on the Conservation of Migratory Species|\bCMS\b")),
    ("Ramsar", re.compile(r"国际重要湿地的?公约|拉姆萨尔公约|Ramsar|Wetlands of International Importance")),
    ("Human Rights Council", re.compile(r"人权理事会|Human Rights Council")),
    ("Economic and Social Council", re.compile(r"经济及社会理事会|Economic and Social Council")),
    ("Security Council", re.compile(r"安全理事会|Security Council")),
    ("UNEA", re.compile(r"联合国环境大会|United Nations Environment Assembly")),
    ("General Assembly", re.compile(r"(?<!缔约方)(?<!环境)大会(?!第[一二三四五六七八九十]+届)|General Assembly")),
    ("COP", re.compile(r"缔约方大会|Conference of the (?:Contracting )?Parties")),
    ("Governing Body", re.compile(r"管理机构|Governing Body|粮食和农业植物遗传资源国际条约|International Treaty on Plant Genetic")),
]
