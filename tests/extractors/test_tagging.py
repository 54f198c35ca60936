"""Tagging whole corpus papers through the spaCy pipelines, against the gold annotations."""

from __future__ import annotations

import csv
import functools
from collections import Counter

import pytest

from corpus_data import PRODUCERS, RENDERED, ROOT, extracted
from extractors.nlp import COMPONENTS, pipeline
from extractors.structure import segment
from extractors.tagging import tag


@functools.cache
def tagged(producer: str, stem: str):
    document = extracted(producer, stem)
    return tag(document, segment(document))


def gold(table: str, stem: str, column: str) -> Counter:
    with open(ROOT / "tests" / "gold" / table / f"{stem}.csv", encoding="utf-8") as stream:
        return Counter((row["locator"], row[column]) for row in csv.DictReader(stream))


def precision_recall(got: Counter, expected: Counter) -> tuple[float, float]:
    hits = sum((got & expected).values())
    return hits / max(1, sum(got.values())), hits / max(1, sum(expected.values()))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_pipelines_are_blank_with_our_components(language):
    nlp = pipeline(language)
    assert nlp.lang == language and tuple(nlp.pipe_names) == COMPONENTS


@pytest.mark.parametrize(
    ("language", "text", "symbol"),
    [
        ("en", "as document IT/GB-7/17/19, and UNEP/CBD/COP/13/12/Add.4.", "IT/GB-7/17/19"),
        ("zh", "后作为第 UNEP/CBD/COP/13/12/ADD4 号文件提交缔约方大会", "UNEP/CBD/COP/13/12/ADD4"),
        ("zh", "见 CBD/COP/DEC/XIII/24，附件 II", "CBD/COP/DEC/XIII/24"),
    ],
)
def test_a_symbol_is_one_token(language, text, symbol):
    doc = pipeline(language)(text)
    assert symbol in [token.text for token in doc]
    assert [span.text for span in doc.spans["references"]][0] == symbol


@pytest.mark.parametrize(("producer", "stem"), RENDERED)
def test_references_against_the_gold(producer, stem):
    references, _ = tagged(producer, stem)
    got = Counter((r.locator, r.normalized) for r in references)
    expected = gold("references", stem, "normalized")
    if not expected:
        assert not got  # the sourcebook: GEF-6 and 建议书 are not references
        return
    precision, recall = precision_recall(got, expected)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall, got - expected, expected - got)
    texts = {p.locator: p.text for p in segment(extracted(producer, stem))}
    assert all(texts[r.locator][r.start : r.end] == r.surface for r in references)


@pytest.mark.parametrize(("producer", "stem"), RENDERED)
def test_requests_against_the_gold(producer, stem):
    _, requests = tagged(producer, stem)
    got = Counter((q.locator, q.addressee) for q in requests)
    precision, recall = precision_recall(got, gold("requests", stem, "addressee"))
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_twins_cite_the_same_references_but_for_the_real_differences(producer):
    zh = Counter((r.locator, r.normalized) for r in tagged(producer, "it-gb-7-17-19.zh")[0])
    en = Counter((r.locator, r.normalized) for r in tagged(producer, "it-gb-7-17-19.en")[0])
    assert sorted((zh - en).elements()) == [
        ("body/1", "Article 19.3(1)"),  # the Chinese misprint of (l)
        ("body/6", "UNEP/CBD/COP/13/12/ADD4"),  # printed without its full stop in Chinese
        ("fn/12", "Decision 66/288"),  # 决定 in Chinese, resolution in English
        ("fn/14", "Decision 70/1"),
    ]
    assert len(en - zh) == 4


def test_requests_carry_requester_condition_and_report():
    _, requests = tagged("libreoffice", "it-gb-7-17-19.zh")
    by_locator = {(q.locator, q.addressee): q for q in requests}
    clause = by_locator[("app3/op/13", "Secretary")]
    assert (clause.requester, clause.verb, clause.verb_printed) == ("Governing Body", "request", "并要求")
    assert clause.condition == "视可获财政资源情况" and clause.report_to == "Governing Body"
    assert by_locator[("body/14/q3", "Contracting Parties")].requester == "Governing Body"
    assert by_locator[("body/11/q18", "Liaison Group")].requester == "COP"
    assert by_locator[("body/9/q5", "Bureau")].report_to == "Governing Body (session 7)"
