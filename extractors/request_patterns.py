"""Regular expressions for requests: the asking verbs, the addressees, conditions and reporting."""

from __future__ import annotations

import re

from models.tags import RequestVerb

# -- Chinese ---------------------------------------------------------------------------------------
# not after 不妨 (a suggestion), 可/应 (a modal), 的 (a noun: 对秘书的要求), 提/申 (提请注意, 申请),
# nor the 请 of 邀请/促请 when those were refused;
# not before 求 (请求), 了 (a past narrative: 邀请了四名与会者)
VERB_ZH = re.compile(r"(?<![妨可应的提申邀促])(?P<printed>(?:还|并|又|也)?(?P<verb>邀请|敦促|促请|鼓励|呼吁|要求|请))(?![求了])")
VERBS_ZH = {"要求": RequestVerb.REQUEST, "请": RequestVerb.REQUEST, "邀请": RequestVerb.INVITE, "敦促": RequestVerb.URGE,
            "促请": RequestVerb.URGE, "鼓励": RequestVerb.ENCOURAGE, "呼吁": RequestVerb.CALL_UPON}
# where the addressee phrase ends and the action begins (anywhere in the phrase)
ACTION_ZH = re.compile(r"[；。：:]|，(?!以及|和|及)|在|向|与|视|酌情|根据|依照|按照|将|继续|就|进一步|确保|尽可能")
# prepositions that begin an action when they come first: 邀请为…提供投入 has no addressee
ACTION_FIRST_ZH = re.compile(r"^(?:为|对|以|把)")
ADDRESSEES_ZH = [  # longest and most specific first; (pattern, addressee)
    (r"执行秘书", "Executive Secretary"),
    (r"(?:各项|各)?(?:生物多样性)?相关公约的?秘书处|各公约(?:的)?秘书处|这些公约的秘书处", "secretariats"),
    (r"(?<=公约)秘书处", "other"),  # 生物多样性公约秘书处: another convention's secretariat
    (r"提供秘书处的国际组织|(?:相关|有关)?国际组织(?!的代表)", "organizations"),
    (r"秘书处(?!的国际组织)", "Secretariat"),
    (r"秘书长", "Secretary-General"),
    (r"秘书", "Secretary"),
    (r"执行主任", "Executive Director"),
    (r"高级专员", "High Commissioner"),
    (r"所有会员国|各会员国|会员国|所有国家|各国", "Member States"),
    (r"主席团", "Bureau"),
    (r"管理机构", "Governing Body"),
    (r"理事机构", "governing bodies"),
    (r"联络小组", "Liaison Group"),
    (r"缔约国|缔约方(?!大会|会议)", "Parties"),
    (r"利益相关者|利益攸关方", "stakeholders"),
    (r"工作组|国家联络点|土著人民|非政府组织|国际组织的代表", "other"),
]
CONDITION_ZH = re.compile(r"视(?:其)?可获(?:财政)?资源情况")
REPORT_ZH = re.compile(r"向(?P<to>(?:管理机构|缔约方大会|执行问题附属机构)[^，。；]{0,20}?)(?:报告|汇报)|(?:在|向)(?P<at>管理机构每届会议)上?汇报")

# -- English ---------------------------------------------------------------------------------------
VERB_EN = re.compile(
    r"(?<!\bto )(?<!\bmay be )(?<!\bshould be )\b(?P<printed>(?:(?:[Aa]lso|[Ff]urther|[Aa]gain)\s+)?"
    r"(?P<verb>[Rr]equests|[Rr]equested|[Ii]nvites|[Ii]nvited|[Uu]rges|[Uu]rged|[Ee]ncourages|[Ee]ncouraged|[Cc]alls (?:upon|on)|[Cc]alled (?:upon|on)))\b"
    r"(?!\s+(?:for|of|from|made)\b)"  # "requests for further information": a noun
)
PASSIVE_EN = re.compile(
    r"(?P<who>(?:[Tt]he )?(?:Governing Body|Contracting Parties|Parties|Secretary|Secretariat))\s+(?:is|are)\s+(?:\w+ly\s+|also\s+|therefore\s+|hereby\s+)?"
    r"(?P<printed>(?P<verb>invited|requested|encouraged|urged|called upon))\s+to\b"
)
VERBS_EN = {"request": RequestVerb.REQUEST, "invite": RequestVerb.INVITE, "urge": RequestVerb.URGE,
            "encourage": RequestVerb.ENCOURAGE, "call": RequestVerb.CALL_UPON}
# the addressee phrase ends where the infinitive of the action starts, at a comma before a preposition
# ("the Bureau, with the support of the Secretariat,"), or at the clause's end
ACTION_EN = re.compile(
    r"\bto (?!the\b|these\b|those\b|this\b|their\b|its\b|a\b|an\b|all\b|each\b)"
    r"|,\s*(?!as well as)(?:in|with|through|within|where|when|as|subject|on|by|for|from)\b|[;:.](?:\s|$)"
)
ADDRESSEES_EN = [
    (r"Executive Secretary", "Executive Secretary"),
    (r"[Ss]ecretariats", "secretariats"),
    (r"Secretariat of the Convention on Biological Diversity|Secretariat of the Convention\b", "other"),
    (r"[Ss]ecretariat", "Secretariat"),
    (r"Secretary-General", "Secretary-General"),
    (r"Secretary", "Secretary"),
    (r"Executive Director", "Executive Director"),
    (r"High Commissioner", "High Commissioner"),
    (r"Member States|\ball States\b|\bStates\b", "Member States"),
    (r"Bureau", "Bureau"),
    (r"Contracting Parties", "Contracting Parties"),
    (r"(?<!Conference of the )(?<!meeting of the )Parties\b", "Parties"),
    (r"Governing Body", "Governing Body"),
    (r"governing bodies", "governing bodies"),
    (r"Liaison Group", "Liaison Group"),
    (r"non-governmental organizations|representatives|indigenous peoples|Working Group|national focal points", "other"),
    (r"organizations", "organizations"),
    (r"stakeholders", "stakeholders"),
]
CONDITION_EN = re.compile(r"subject to the availability of (?:financial )?resources")
REPORT_EN = re.compile(
    r"report(?:ing)?(?: back)?(?: on [^,;.]{0,80}?)? to the (?P<to>Governing Body|Conference of the Parties|Subsidiary Body on Implementation)"
    r"(?: at its (?P<session>\w+) (?:session|meeting))?"
)
SENTENCE_END = re.compile(r"[。；;]|\.(?:\s|$)")
