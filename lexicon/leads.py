"""Lead phrases of resolution clauses: what a preambular clause opens with (Recalling, 回顾) and the
verb of an operative clause (Requests, 请), in both languages.

English leads are printed in italics, so the PDF's own fonts find them where this list has a gap
(structure reads the italic run first); Chinese prints them plain, so for Chinese the list is the
only source, and it is matched longest first: `又回顾` before `回顾`, `深为关切地注意到` before `注意到`.
"""

from __future__ import annotations

import re

PREAMBULAR_EN = (
    "Recalling", "Recognizing", "Recognising", "Noting", "Acknowledging", "Bearing in mind", "Considering",
    "Welcoming", "Emphasizing", "Emphasising", "Reaffirming", "Aware", "Mindful", "Conscious", "Taking note",
    "Having considered", "Having examined", "Having reviewed", "Having heard", "Convinced", "Concerned",
    "Deeply concerned", "Gravely concerned", "Seriously concerned", "Alarmed", "Deeply alarmed", "Affirming",
    "Expressing", "Stressing", "Underlining", "Desiring", "Guided by", "Taking into account", "Taking into consideration",
    "Determined", "Regretting", "Deploring", "Appreciating", "Encouraged", "Believing", "Keeping in mind",
    "Reiterating", "Highlighting", "Underscoring", "Noting with appreciation", "Noting with concern",
    "Expressing concern", "Expressing its appreciation", "Referring to", "Cognizant", "Realizing", "Observing",
    "Pursuant to", "In accordance with", "Having regard to", "Further recalling", "Commending", "Declaring",
)
OPERATIVE_EN = (
    "Notes with appreciation", "Takes note", "Notes", "Requests", "Invites", "Welcomes", "Thanks", "Commends",
    "Decides", "Urges", "Encourages", "Calls upon", "Calls on", "Emphasizes", "Emphasises", "Stresses",
    "Reaffirms", "Reiterates", "Approves", "Adopts", "Endorses", "Recognizes", "Recognises", "Recommends",
    "Authorizes", "Appeals", "Expresses", "Agrees", "Acknowledges", "Draws attention", "Underlines",
    "Condemns", "Strongly condemns", "Deplores", "Demands", "Declares", "Proclaims", "Designates", "Confirms",
    "Elects", "Appoints", "Affirms", "Underscores", "Highlights", "Regrets", "Supports", "Resolves",
    "Reminds", "Directs", "Instructs", "Establishes", "Extends", "Notes with concern", "Acknowledges with appreciation",
    "Expresses its appreciation", "Expresses its gratitude", "Also requests", "Considers", "Accepts", "Inscribes",
    "Takes note with appreciation", "Shall", "Emphasizes also",
)
# the adverbs a lead may open with: `Also requests`, `Further decides`, `Recalling further` comes after
ADVERBS_EN = ("Also", "Further", "Again", "Once again", "Moreover", "Strongly", "Firmly", "Deeply")

PREAMBULAR_ZH = (
    "又回顾", "还回顾", "再次回顾", "回顾", "又忆及", "还忆及", "忆及", "确认", "又确认", "注意到", "又注意到", "还注意到",
    "赞赏地注意到", "关切地注意到", "深为关切地注意到", "认识到", "又认识到", "铭记", "又铭记", "考虑到", "欢迎", "又欢迎",
    "强调", "又强调", "重申", "又重申", "意识到", "承认", "深信", "坚信", "关切", "深为关切", "严重关切", "表示关切",
    "申明", "审议了", "审查了", "听取了", "以", "遗憾", "深感遗憾", "决心", "赞赏", "欣见", "希望", "鉴于", "根据",
    "又申明", "震惊", "深感震惊", "感到鼓舞", "认为", "相信", "遵循", "秉承", "重申其", "忆及其", "感谢", "衷心感谢",
)
OPERATIVE_ZH = (
    "赞赏地注意到", "满意地注意到", "关切地注意到", "表示注意到", "提请注意", "注意到", "注意", "提请", "要求", "请",
    "邀请", "欢迎", "感谢", "称赞", "赞赏", "决定", "敦促", "促请", "鼓励", "呼吁", "吁请", "强调", "重申", "核准",
    "通过", "同意", "授权", "建议", "确认", "赞同", "批准", "谴责", "强烈谴责", "痛惜", "宣布", "宣告", "指定", "选举",
    "任命", "申明", "支持", "表示", "提醒", "指示", "设立", "延长", "认为", "接受", "列入", "核可", "欣见", "强调指出",
    "衷心感谢", "赞扬", "表扬", "指示",
)
# the adverbs a Chinese lead may open with: 又请, 还决定, 并请, 再次吁请
ADVERBS_ZH = ("还", "又", "并", "另", "再次", "进一步", "也")


def _longest_first(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _english(leads: tuple[str, ...]) -> str:
    """`Requests`, `Also requests`, `Recalling also`, and in capitals as Ramsar and CITES print them
    (`RECALLING`, `RECOMMENDS`)."""
    adverbs, phrases = _longest_first(ADVERBS_EN), _longest_first(leads)
    return rf"(?i:(?:{adverbs})\s+(?:{phrases})|(?:{phrases})(?:\s+(?:also|further|again))?)\b"


def _chinese(leads: tuple[str, ...]) -> str:
    return rf"(?:{_longest_first(ADVERBS_ZH)})?(?:{_longest_first(leads)})"


OPERATIVE_LEAD = re.compile(rf"^(?:(?P<zh>{_chinese(OPERATIVE_ZH)})|(?P<en>{_english(OPERATIVE_EN)}))")
PREAMBULAR_LEAD = re.compile(rf"^(?:(?P<zh>{_chinese(PREAMBULAR_ZH)})|(?P<en>{_english(PREAMBULAR_EN)}))")
