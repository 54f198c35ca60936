"""Joining printed lines, with line breaks as they fall in real papers."""

from __future__ import annotations

import pytest

from extractors.text_joining import JoinContext, join_context, join_pair

CHINESE = JoinContext(language="zh", spaces_between_scripts=True)
ENGLISH_LINES = [
    "The Governing Body may wish to request further co-operation with the Convention,",
    "noting the fact that decision-makers in the biodiversity-related conventions are",
    "invited to further enhance coordination and synergies at the global level for",
]
ENGLISH = join_context("en", ENGLISH_LINES)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("管理机构不妨特别考虑该决定的以下各项要点：缔约方大会第", "XIII/24 号决定", "管理机构不妨特别考虑该决定的以下各项要点：缔约方大会第 XIII/24 号决定"),
        ("关于全球环境基金信托基金第七次充资的谈判正在进行中，并将于 2018 年", "春季结束。", "关于全球环境基金信托基金第七次充资的谈判正在进行中，并将于 2018 年春季结束。"),
        ("酌情努力使其本身的战略与《2011-", "2020 年生物多样性战略计划》", "酌情努力使其本身的战略与《2011-2020 年生物多样性战略计划》"),
        ("至 17 日在墨西哥坎昆举行。", "2017 年 3 月", "至 17 日在墨西哥坎昆举行。2017 年 3 月"),
        ("全球环境基金第六增资期（GEF-", "6）生物多样性策略", "全球环境基金第六增资期（GEF-6）生物多样性策略"),
        ("见 https://www.cbd.int/doc/decisions/", "cop-13/cop-13-dec-24-en.pdf", "见 https://www.cbd.int/doc/decisions/cop-13/cop-13-dec-24-en.pdf"),
    ],
)
def test_chinese_lines_join_without_spaces_but_keep_the_space_between_scripts(left, right, joined):
    assert join_pair(left, right, CHINESE) == joined


def test_a_paper_that_does_not_space_its_scripts_gets_no_space():
    unspaced = join_context("zh", ["于2016年12月4日在坎昆举行", "第XIII/24号决定", "《2030年可持续发展议程》"])
    assert not unspaced.spaces_between_scripts
    assert join_pair("缔约方大会第", "XIII/24 号决定", unspaced) == "缔约方大会第XIII/24 号决定"


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the Secretary to further enhance cooper-", "ation with", "the Secretary to further enhance cooperation with"),
        ("the Strategic Plan for Biodiversity 2011-", "2020 and", "the Strategic Plan for Biodiversity 2011-2020 and"),
        ("and co-", "operation with", "and co-operation with"),
        ("where decision-", "makers meet", "where decision-makers meet"),
        ("REPORT ON COOPERATION WITH THE CONVENTION ON BIO-", "LOGICAL DIVERSITY", "REPORT ON COOPERATION WITH THE CONVENTION ON BIOLOGICAL DIVERSITY"),
        ("the science-", "Policy Platform", "the science-Policy Platform"),
        ("The theme of that event was", "“The technical, institutional", "The theme of that event was “The technical, institutional"),
        ("available at https://www.cbd.int/post2020/", "doc/Approaches.pdf", "available at https://www.cbd.int/post2020/doc/Approaches.pdf"),
    ],
)
def test_english_lines_join_with_a_space_and_soft_hyphens_are_rejoined(left, right, joined):
    assert join_pair(left, right, ENGLISH) == joined


def test_the_vocabulary_leaves_out_the_fragments_at_line_ends():
    context = join_context("en", ["to identify common-", "alities of data among some", "or all of the conventions"])
    assert "alities" not in context.words and "common" not in context.words
    assert {"of", "data", "among", "all", "the"} <= context.words
