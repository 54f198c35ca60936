"""Resolution papers laid out by the five producers (tests/fixtures/resolutions/): an adopted HRC
resolution, a GA Third Committee draft with nested items and a CBD compilation of four decisions, in
both languages, each against the gold of its source as the seed's style prints it."""

from __future__ import annotations

import functools

import pytest

import make_resolutions
from extractors.process import process_pdf
from make_gold import cover_gold, resolution_gold
from models.processed import ProcessedPaper
from resolution_gold import cover_mismatches, structure_score

# known limits, each a strict xfail so that it shows when mended
KNOWN = {
    ("fpdf2", "cbd-cop-15-decisions.en"): "the compilation's heading runs the full width: a heading, not a centred title",
    ("reportlab", "cbd-cop-15-decisions.en"): "the compilation's heading runs the full width: a heading, not a centred title",
    ("typst", "cbd-cop-15-decisions.en"): "the compilation's heading runs the full width: a heading, not a centred title",
}
KNOWN_MASTHEADS = {
    ("reportlab", "cbd-cop-15-decisions.en"): "an organ over three lines in a masthead table cell is cut after its second",
    ("typst", "cbd-cop-15-decisions.en"): "an organ over three lines in a masthead grid cell is cut after its second",
}


def renderings(known: dict[tuple[str, str], str]) -> list:
    marks = {key: pytest.mark.xfail(strict=True, reason=reason) for key, reason in known.items()}
    return [pytest.param(producer, seed, stem, id=f"{producer}-{stem}", marks=marks.get((producer, stem), ()))
            for producer, seed, stem in make_resolutions.RENDERINGS]


@functools.cache
def read(producer: str, seed: int, stem: str) -> ProcessedPaper:
    return process_pdf(make_resolutions.fixture_path(producer, seed, stem), ocr=False)


@pytest.mark.parametrize(("producer", "seed", "stem"), renderings({}))
def test_every_decision_title_name_line_and_operative_clause_is_found_with_number_and_lead(producer, seed, stem):
    gold = [row for row in resolution_gold(make_resolutions.known_text(seed, stem))
            if row["kind"] == "operative" or row["locator"].endswith(("/title", "/name"))]
    assert structure_score(list(read(producer, seed, stem).paragraphs), gold).wrong == ()


@pytest.mark.parametrize(("producer", "seed", "stem"), renderings(KNOWN))
def test_every_record_of_the_resolution_structure_is_right(producer, seed, stem):
    gold = resolution_gold(make_resolutions.known_text(seed, stem))
    assert structure_score(list(read(producer, seed, stem).paragraphs), gold).wrong == ()


@pytest.mark.parametrize(("producer", "seed", "stem"), renderings(KNOWN_MASTHEADS))
def test_the_masthead_is_read_exactly(producer, seed, stem):
    paper = read(producer, seed, stem)
    assert cover_mismatches(paper.document, cover_gold(make_resolutions.known_text(seed, stem))) == {}


@pytest.mark.parametrize("producer", list(make_resolutions.SEEDS))
def test_the_twins_give_the_same_resolution_locators(producer):
    seed = make_resolutions.SEEDS[producer]
    for source in make_resolutions.SOURCES:
        zh, en = (read(producer, seed, f"{source}.{language}") for language in ("zh", "en"))
        resolution = lambda paper: {p.locator for p in paper.paragraphs if p.part.startswith(("dec/", "res"))}  # noqa: E731
        assert resolution(zh) == resolution(en), source
