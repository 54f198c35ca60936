"""Properties that must hold for any text: the taggers and the segmenter never crash, offsets stay
inside the text, locators stay unique."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.references import find_references
from extractors.requests import find_requests
from extractors.structure import segment
from extractors.text_joining import JoinContext, join_pair
from models import BBox, Block, BlockRole, CoverMetadata, Document, DocumentStatus, TextLine

# pieces real papers are made of, so that the random texts hit the patterns' corners
PIECES = [
    "第", " 号决议", "号决定", "号建议", "条", "、", "和", "，", "。", "；", "：", "(", ")", "（", "）", "/", ".", "-", " ",
    "XIII/24", "7/2015", "NP-2/5", "19.3(1)", "18.4(a)", "IT/GB-7/17/Inf.13", "UNEP/CBD/COP/13/12/ADD4", "Rev.",
    "要求秘书", "请主席团", "并", "还请", "邀请", "鼓励各缔约方", "不妨", "的要求", "视可获财政资源情况", "向管理机构", "报告",
    "Requests the Secretary", "Also requests", " to ", "is invited to", "decisions IX/8, X/2 and XI/6", "Article",
    "Resolution", "decision", "recommendation", "1.", "13 ", "(a)", "(iv)", "•", "II.", "A.", "附录 1", "Appendix 2",
    "2011-", "2020", "生物多样性", "Parties", "Contracting Parties", "the Bureau", "https://www.cbd.int/", "管理机构，",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_references_stay_inside_the_text(text):
    for reference in find_references(text):
        assert 0 <= reference.start < reference.end <= len(text)
        assert text[reference.start : reference.end] == reference.surface
        assert reference.normalized


@FAST
@given(texts, st.sampled_from(["zh", "en"]), st.sampled_from(["", "Governing Body", "COP"]))
def test_requests_stay_inside_the_text(text, language, requester):
    for request in find_requests(text, language, requester):
        assert 0 <= request.start < request.end <= len(text)
        assert text[request.start : request.end] == request.verb_printed
        assert request.addressee


@FAST
@given(texts, texts, st.sampled_from(["zh", "en"]))
def test_joining_lines_loses_at_most_a_hyphen(left, right, language):
    left, right = left.strip(), right.strip()
    if left and right:
        joined = join_pair(left, right, JoinContext(language))
        assert len(joined) >= len(left) + len(right) - 1
        assert joined.endswith(right)


blocks = st.lists(
    st.tuples(texts.filter(lambda t: t.strip()), st.sampled_from([0.0, 18.0, 36.0, 72.0, 150.0]), st.booleans()),
    min_size=1,
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks)
def test_the_segmenter_never_crashes_and_locators_are_unique(specs):
    made = []
    for index, (text, indent, bold) in enumerate(specs):
        text = text.strip()
        bbox = BBox(72 + indent, 100 + index * 20, 520, 111 + index * 20)
        line = TextLine(page=1 + index // 30, bbox=bbox, text=text, size=11, bold=bold)
        made.append(Block(index, BlockRole.BODY, line.page, line.page, bbox, 11, bold, text, (line,)))
    document = Document("P@zh", "p.pdf", "0", "zh", DocumentStatus.OK, (), CoverMetadata(), tuple(made))
    records = segment(document)
    locators = [record.locator for record in records]
    assert len(locators) == len(set(locators))
    assert {record.block_index for record in records} == set(range(len(made)))
