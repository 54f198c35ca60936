"""Aligning the twins and checking them: gold alignment, planted differences, the seed's real slips."""

from __future__ import annotations

import csv
import dataclasses
import functools
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from corpus_data import CORPUS, PRODUCERS, ROOT
from extractors.align import Twins, align_twins
from extractors.crosscheck import crosscheck
from extractors.process import process_pdf
from models.processed import ProcessedPaper

PLANTED = ROOT / "tests" / "fixtures" / "planted"


@functools.cache
def processed(path: Path) -> ProcessedPaper:
    return process_pdf(path, ocr=False)


def twins(producer: str, zh: Path | None = None) -> Twins:
    zh_paper = processed(zh or CORPUS / producer / "it-gb-7-17-19.zh.pdf")
    return Twins("IT/GB-7/17/19", "IT/GB-7/17/19", zh_paper, processed(CORPUS / producer / "it-gb-7-17-19.en.pdf"))


def gold_pairs() -> set[tuple[str, str]]:
    """Row i of the Chinese skeleton is the translation of row i of the English one."""
    def rows(stem):
        with open(ROOT / "tests" / "gold" / f"{stem}.csv", encoding="utf-8") as stream:
            return [row["locator"] for row in csv.DictReader(stream) if not row["locator"].startswith("cover/")]
    return set(zip(rows("it-gb-7-17-19.zh"), rows("it-gb-7-17-19.en")))


@pytest.mark.parametrize("producer", PRODUCERS)
def test_twins_are_aligned_as_the_gold_says(producer):
    alignments = align_twins(twins(producer))
    found = {
        (zh.split("#")[1], en.split("#")[1])
        for a in alignments if len(a.zh_para_ids) == len(a.en_para_ids) == 1
        for zh, en in zip(a.zh_para_ids, a.en_para_ids)
    }
    gold = gold_pairs()
    assert len(found & gold) / len(gold) >= 0.99, sorted(gold - found)[:5]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_unmodified_twins_show_only_the_real_slips(producer):
    pair = twins(producer)
    alignments = align_twins(pair)
    flags = {(c.locator, c.check, c.zh_value, c.en_value) for c in crosscheck(pair, alignments)}
    real = {
        ("body/1", "articles", "Article 19.3(1)", "Article 19.3(l)"),  # seed 000 prints 19.3(1) for 19.3(l)
        ("body/15", "years", "2010", "2011"),  # and 2010-2020 for the 2011-2020 plan, twice
        ("body/17", "years", "2010", "2011"),
        ("body/6", "symbols", "UNEP/CBD/COP/13/12/ADD4", "UNEP/CBD/COP/13/12/ADD.4"),
        ("fn/12", "references", "Decision 66/288", "Resolution 66/288"),  # 决定 for a GA resolution
        ("fn/14", "references", "Decision 70/1", "Resolution 70/1"),
    }
    assert real <= flags
    assert len(flags - real) <= len(alignments) / 50, flags - real


def test_every_planted_difference_is_flagged():
    spec = importlib.util.spec_from_file_location("plant", PLANTED / "plant.py")
    plant = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plant)
    pair = twins("fpdf2", zh=PLANTED / "it-gb-7-17-19.zh.planted.pdf")
    alignments = align_twins(pair)
    flags = {(c.locator, c.check, c.zh_value, c.en_value) for c in crosscheck(pair, alignments)}
    expected = {
        ("body/4", "years", "2019", "2018"),
        ("body/7", "references", "Decision XIII/12", "Decision XIII/21"),
        ("body/8", "articles", "Article 18.4(b)", "Article 18.4(a)"),
        ("body/10", "symbols", "IT/GB-7/17/26", "IT/GB-7/17/25"),
        ("body/32", "missing_paragraph", "", "body/32"),
        ("fn/3", "missing_footnote", "", "fn/3"),
    }
    assert {locator for locator, *_ in plant.PLANTS} == {flag[0] for flag in expected}
    assert expected <= flags
    assert ("body/18", "footnotes", "", "3") in flags  # the marker of the dropped footnote


def test_records_without_matching_numbers_are_aligned_by_content():
    """A paragraph printed with the wrong number in Chinese still pairs with its English twin."""
    pair = twins("fpdf2")
    zh = pair.zh
    renumbered = tuple(dataclasses.replace(p, locator="body/90") if p.locator == "body/20" else p for p in zh.paragraphs)
    moved = Twins(pair.pair_id, pair.symbol, ProcessedPaper(zh.document, renumbered, (), ()), pair.en)
    alignments = align_twins(moved)
    by_zh_locator = {a.zh_para_ids[0].split("#")[1]: a for a in alignments if a.zh_para_ids}
    assert by_zh_locator["body/90"].method == "content"
    assert by_zh_locator["body/90"].en_para_ids == ("IT/GB-7/17/19@en#body/20",)
    assert Counter(a.method for a in alignments)["unmatched"] == 0
