"""Requests: addressees, verbs, conditions and reporting, and the traps of real papers."""

from __future__ import annotations

import pytest

from extractors.requests import find_requests


def asked(text: str, language: str, requester: str = "") -> list[tuple[str, str]]:
    return [(r.addressee, str(r.verb)) for r in find_requests(text, language, requester)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请主席团在秘书处支持下，向全球环境基金提出建议要点", [("Bureau", "request")]),
        ("欢迎缔约方大会第十二届会议决定组织一次研讨会；要求秘书和主席团促进这次研讨会参会代表的遴选，并向管理机构第七届会议报告成果。",
         [("Secretary", "request"), ("Bureau", "request")]),
        ("欢迎国际条约秘书处参与有关协调的能力发展活动，并要求秘书视可获财政资源情况，继续参与此类活动。", [("Secretary", "request")]),
        ("本文件系根据《国际条约》规定和管理机构对秘书的要求，即向每届会议报告合作情况而编写。", []),
        ("管理机构不妨要求其秘书在后续行动范围内与公约执行秘书密切合作", []),
        ("基于工作组的职权范围以及对更多信息的需求和请求，秘书处首次委托进行范围界定研究", []),
        ("可鼓励各缔约方选择切合本国国情的备选办法", []),
        ("应邀请这些组织为准备生物多样性相关公约联络小组的讨论提供帮助", []),
        ("邀请为生物多样性相关公约联络小组的讨论及其准备工作提供投入", []),
        ("提请缔约方注意就《名古屋议定书》第 10 条正在开展的工作，并促请秘书处考虑参与其中。", [("Secretariat", "urge")]),
        ("邀请生物多样性相关公约的秘书处、各公约理事机构和为这些公约提供秘书处的国际组织，以及土著人民和地方社区、全球非政府组织和其他相关国际组织的代表酌情视其可获资源情况开展附件二所设想的行动",
         [("secretariats", "invite"), ("governing bodies", "invite"), ("organizations", "invite"), ("other", "invite")]),
        ("国际条约秘书处邀请生物多样性公约秘书处作为关键合作伙伴共同研究", [("other", "invite")]),
        ("呼吁生物多样性相关公约联络小组与联合国环境规划署密切合作，并请执行秘书向执行问题附属机构第二届会议提交信息",
         [("Liaison Group", "call_upon"), ("Executive Secretary", "request")]),
        ("鼓励各缔约方：", [("Parties", "encourage")]),
    ],
)
def test_chinese(text, expected):
    assert asked(text, "zh") == expected


def test_parties_of_the_governing_body_are_its_contracting_parties():
    assert asked("邀请缔约方考虑支持实施这些备选办法", "zh", requester="Governing Body") == [("Contracting Parties", "invite")]
    assert asked("鼓励各缔约方：", "zh", requester="COP") == [("Parties", "encourage")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requests the Bureau, with the support of the Secretariat, to develop elements of advice", [("Bureau", "request")]),
        ("Further requests the Secretary, subject to the availability of financial resources, to take the relevant actions", [("Secretary", "request")]),
        ("Also requests the Secretary and the Bureau to facilitate the selection", [("Secretary", "request"), ("Bureau", "request")]),
        ("Welcomes the participation of the Secretariat and requests the Secretary to continue", [("Secretary", "request")]),
        ("The Governing Body is therefore invited to indicate how it wishes to respond", [("Governing Body", "invite")]),
        ("Parties are encouraged to:", [("Parties", "encourage")]),
        ("Calls on Contracting Parties to ensure that their commitments are reflected", [("Contracting Parties", "call_upon")]),
        ("The Governing Body may wish to request Contracting Parties to ensure", []),
        ("the need and requests for further information, the Secretariat commissioned a study", []),
        ("Parties may be encouraged to select options and these organizations should be invited to assist", []),
        ("Requests the Secretary, in cooperation with the Executive Secretary, to provide information", [("Secretary", "request")]),
    ],
)
def test_english(text, expected):
    assert asked(text, "en") == expected


def test_condition_reporting_and_action():
    [request] = find_requests(
        "要求秘书视可获财政资源情况，继续就文书间的相互支持促进此类互动，并向管理机构第八届会议报告此类活动成果；", "zh"
    )
    assert (request.condition, request.report_to) == ("视可获财政资源情况", "Governing Body (session 8)")
    assert request.action.startswith("视可获财政资源情况，继续就文书间")
    [english] = find_requests(
        "Requests the Secretary, subject to the availability of financial resources, to continue and to report to the "
        "Governing Body at its eighth session.",
        "en",
    )
    assert (english.condition, english.report_to) == ("subject to the availability of financial resources", "Governing Body (session 8)")
