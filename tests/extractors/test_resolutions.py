"""Papers that ARE resolutions or decisions, and reports holding many: masthead, decision boundaries,
name line, preambular and operative clauses with their leads, items, the adoption line."""

from __future__ import annotations

import functools
from pathlib import Path

from corpus_data import CORPUS
from extractors.process import process_pdf
from extractors.resolutions import read_decision_title
from models import DocumentKind
from models.processed import ProcessedPaper

REAL = CORPUS / "real"


@functools.cache
def processed(relative: str) -> ProcessedPaper:
    return process_pdf(REAL / relative, ocr=False)


def skeleton(paper: ProcessedPaper, prefix: str) -> list[tuple[str, str, str, str]]:
    return [(p.locator, str(p.kind), p.number, p.lead_verb) for p in paper.paragraphs if p.part == prefix and p.kind != "footnote"]


def test_an_adopted_general_assembly_resolution_is_read_clause_by_clause():
    paper = processed("un_ga/A_RES_80_1.pdf")
    assert skeleton(paper, "dec/80-1") == [
        ("dec/80-1/title", "heading", "80/1.", ""),
        ("dec/80-1/name", "other", "", ""),
        ("dec/80-1/pre/1", "preambular", "", "Expressing concern"),
        ("dec/80-1/pre/2", "preambular", "", "Regretting"),
        ("dec/80-1/pre/3", "preambular", "", "Taking note"),
        ("dec/80-1/pre/4", "preambular", "", "Recalling"),
        ("dec/80-1/pre/5", "preambular", "", "Recalling also"),
        ("dec/80-1/op/1", "operative", "1.", "Decides"),
        ("dec/80-1/op/1/a", "item", "(a)", ""),
        ("dec/80-1/op/1/b", "item", "(b)", ""),
        ("dec/80-1/op/1/c", "item", "(c)", ""),
        ("dec/80-1/op/2", "operative", "2.", "Also decides"),
        ("dec/80-1/op/3", "operative", "3.", "Further decides"),
        ("dec/80-1/adopted", "other", "", ""),
    ]


def test_the_masthead_gives_organ_distribution_and_the_draft_adopted_never_the_organ_as_title():
    adopted = processed("un_ga/A_RES_78_70.pdf").document
    assert (adopted.cover.symbol, adopted.cover.draft_symbol) == ("A/RES/78/70", "A/78/417")
    assert (adopted.cover.organ, adopted.cover.distribution, adopted.kind) == ("General Assembly", "General", DocumentKind.RESOLUTION)
    assert adopted.cover.title == "Assistance in mine action"
    draft = processed("un_ga/A_C.3_80_L.10.pdf").document
    assert (draft.cover.symbol, draft.cover.sponsors, draft.cover.distribution) == ("A/C.3/80/L.10", "Peru", "Limited")
    assert (draft.cover.original_language, draft.kind) == ("English", DocumentKind.DRAFT_RESOLUTION)
    assert draft.cover.title == "Promoting social integration through social inclusion"


def test_a_draft_without_a_number_of_its_own_is_the_part_res_with_its_title():
    records = {p.locator: p for p in processed("un_ga/A_C.3_80_L.10.pdf").paragraphs}
    assert records["res/title"].text == "Promoting social integration through social inclusion"
    assert records["res/name"].text == "The General Assembly,"
    assert (records["res/pre/11"].lead_verb, records["res/pre/12"].lead_verb) == ("Deeply concerned", "Deeply concerned also")
    assert not [p for p in records.values() if p.kind == "quote"]


def test_every_decision_of_a_report_of_decisions_is_a_part_with_its_number_and_title():
    paper = processed("unfccc/1_3_CP_6.pdf")
    titles = [(p.locator, p.number, p.text) for p in paper.paragraphs if p.locator.endswith("/title") and p.part.startswith("dec/")]
    assert titles[:2] == [
        ("dec/1-CP-6/title", "1/CP.6", "Implementation of the Buenos Aires Plan of Action"),
        ("dec/2-CP-6/title", "2/CP.6", "Date and venue of the seventh session of the Conference of the Parties"),
    ]
    assert paper.document.kind == DocumentKind.COMPILATION
    first = skeleton(paper, "dec/1-CP-6")
    assert [row[3] for row in first if row[1] in ("preambular", "operative")] == [
        "Recalling", "Further recalling", "Having made progress in considering", "Takes note", "Invites", "Decides", "Requests", "Urges"
    ]
    assert ("dec/1-CP-6/adopted", "other", "", "") in first


def test_a_table_of_contents_line_or_a_number_in_running_text_is_no_decision_title():
    assert read_decision_title("1/CP.6 Implementation of the Buenos Aires Plan of Action ........ 3") is None
    assert read_decision_title("2020/12 was the year") is None
    assert read_decision_title("第 15/4 号决定：昆明-蒙特利尔全球生物多样性框架").identity == "15-4"
    assert read_decision_title("Decision: 46 COM 7B.1").identity == "46-COM-7B-1"
    assert read_decision_title("Resolution XIV.7: Wetlands and health").number == "XIV.7"


def test_a_request_in_a_decision_is_the_decision_bodys_and_names_the_secretary_general():
    requests = [(q.locator, q.requester, q.addressee, str(q.verb)) for q in processed("un_ga/A_RES_78_70.pdf").requests]
    assert ("dec/78-70/op/21", "General Assembly", "Secretary-General", "request") in requests
    assert ("dec/78-70/op/2", "General Assembly", "Member States", "call_upon") in requests
    first_decision = [q for q in processed("unfccc/1_3_CP_6.pdf").requests if q.locator.startswith("dec/1-CP-6/")]
    assert {(q.locator, q.requester, q.addressee) for q in first_decision} >= {("dec/1-CP-6/op/2", "COP", "Parties")}
