"""Golden tests: every rendered corpus PDF, from both producers, against its known source text."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from rapidfuzz.distance import Levenshtein

from corpus_data import extracted, paper
from paper_source import SourceBlock, SourceTable, strip_markers

BODY_SIMILARITY = 0.995


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_body_text_matches_the_source(rendered):
    source, document = rendered
    similarity = Levenshtein.normalized_similarity(normalised(source.body_text()), normalised(document.body_text))
    assert similarity >= BODY_SIMILARITY, f"body similarity {similarity:.4f}"


def test_nearly_every_block_is_recovered_exactly(rendered):
    """Block by block: the same paragraphs, headings and items, none merged or split."""
    source, document = rendered
    expected = [block.plain_text for block in source.blocks]
    got = [block.text for block in document.blocks]
    assert len(got) == len(expected)
    exact = sum(e == g for e, g in zip(expected, got))
    assert exact / len(expected) >= 0.99, [(e, g) for e, g in zip(expected, got) if e != g][:5]


def test_no_running_head_or_page_number_is_left_in_the_body(rendered):
    source, document = rendered
    header = re.escape(source.running_header)
    furniture = re.compile(rf"^(?:\d{{1,3}}|\d{{1,3}} {header}|{header} \d{{1,3}}|{header})$")
    for block in document.blocks:
        assert not furniture.match(block.text), block
        assert not re.search(rf"{header} \d{{1,3}}$|^\d{{1,3}} {header}", block.text), block
    # every page after the cover carried a running head or page number, and all were removed
    pages_with_heads = {line for line in document.running_heads}
    assert len(document.running_heads) >= len(document.pages) - 1, pages_with_heads


def test_every_footnote_is_recovered_with_its_text(rendered):
    source, document = rendered
    labels = Counter(note.label for note in document.footnotes)
    assert labels == Counter(source.footnotes.keys())
    for note in document.footnotes:
        expected = normalised(source.footnotes[note.label])
        similarity = Levenshtein.normalized_similarity(expected, normalised(note.text))
        assert similarity >= 0.99, (note.label, note.text, expected)


def test_every_footnote_is_linked_to_the_paragraph_whose_marker_cites_it(rendered):
    source, document = rendered
    for note in document.footnotes:
        citing = source.citing_block(note.label)
        if isinstance(citing, SourceTable):
            assert note.table_index == 0, note
            continue
        assert note.block_index is not None, note
        block = document.blocks[note.block_index]
        assert block.text == citing.plain_text
        assert note.offset == expected_marker_offset(citing, note.label)


def expected_marker_offset(block: SourceBlock, label: str) -> int:
    """Where the marker stands in the block as printed (label and space first)."""
    marker = block.text.index(f"[^{label}]")
    prefix = len(block.printed_label) + 1 if block.printed_label else 0
    return prefix + len(strip_markers(block.text[:marker]))


def test_markers_are_removed_from_the_body_and_kept_as_positions(rendered):
    source, document = rendered
    cited = [label for block in source.blocks for label in block.marker_labels]
    found = [marker.label for block in document.blocks for marker in block.markers]
    assert found == cited


def test_the_cover_is_read(rendered):
    source, document = rendered
    front, cover = source.front, document.cover
    assert cover.language == front["language"] == document.language
    assert cover.title == front["title"]
    assert cover.symbol == front.get("symbol", "")
    assert cover.date == front.get("date", "")
    assert cover.session == front.get("session", "")
    if "agenda_item" in front:
        assert cover.agenda_item in front["agenda_item"] and cover.agenda_item == "17.1"
    if "dates_place" in front:
        assert front["dates_place"] in (f"{cover.dates}，{cover.place}", f"{cover.place}, {cover.dates}")
    expected_id = f"{front['symbol']}@{front['language']}" if "symbol" in front else None
    assert expected_id is None or document.doc_id == expected_id


def test_tables_are_kept_as_cells_out_of_the_prose(rendered):
    source, document = rendered
    assert len(document.tables) == len(source.tables)
    for expected, table in zip(source.tables, document.tables):
        assert table.header_rows == len(expected.head_rows)
        assert table.rows[: table.header_rows] == tuple(
            tuple(strip_markers(cell) for cell in row) for row in expected.head_rows
        )
        rows = expected.head_rows + expected.rows
        # cell for cell, rows broken across a page (LibreOffice) joined again
        assert table.rows == tuple(tuple(strip_markers(cell) for cell in row) for row in rows)
        assert Counter(marker.label for _, _, marker in table.markers) == Counter(expected.marker_labels)
        long_cells = {cell for row in table.rows for cell in row if len(cell) > 30}
        assert long_cells and not any(cell in document.body_text for cell in long_cells)


def test_a_clean_paper_extracts_with_status_ok_and_no_warnings(rendered):
    _, document = rendered
    assert document.status == "ok"
    assert document.warnings == ()
    assert all(page.text_source == "text_layer" and page.unmapped_glyphs == 0 for page in document.pages)


@pytest.mark.parametrize("producer", ["fpdf2", "libreoffice"])
def test_twins_yield_the_same_number_of_blocks_and_footnotes(producer):
    zh, en = extracted(producer, "it-gb-7-17-19.zh"), extracted(producer, "it-gb-7-17-19.en")
    assert len(zh.blocks) == len(en.blocks) == len(paper("it-gb-7-17-19.zh").blocks)
    assert [note.label for note in zh.footnotes] == [note.label for note in en.footnotes]
    assert [note.block_index for note in zh.footnotes] == [note.block_index for note in en.footnotes]


def test_seed_misprints_survive_extraction():
    """The real slips of the Chinese paper are kept as printed, for the translators' check to find."""
    for producer in ("fpdf2", "libreoffice"):
        text = extracted(producer, "it-gb-7-17-19.zh").body_text
        assert text.count("《2010-2020 年生物多样性战略计划》") == 2
        assert "第 19.3(1)条" in text and "UNEP/CBD/COP/13/12/ADD4" in text and "2016 年年 3 月" in text
        english = extracted(producer, "it-gb-7-17-19.en").body_text
        assert "Article 19.3(l)" in english and "2010-2020" not in english
