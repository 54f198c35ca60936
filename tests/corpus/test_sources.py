"""The corpus sources themselves: what the golden tests and later issues rely on."""

from __future__ import annotations

from corpus_data import CORPUS, RENDERED, SOURCES, paper


def test_every_source_is_rendered_by_both_producers_and_listed():
    listed = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for producer, stem in RENDERED:
        assert (CORPUS / producer / f"{stem}.pdf").exists()
        assert f"sources/{stem}.paper" in listed
    for scan in (CORPUS / "scanned").glob("*.pdf"):
        assert f"scanned/{scan.name}" in listed


def test_the_english_twin_has_identical_numbering_and_footnotes():
    zh, en = paper("it-gb-7-17-19.zh"), paper("it-gb-7-17-19.en")
    zh_skeleton = [(block.tag, block.label.rstrip(".")) for block in zh.blocks]
    en_skeleton = [(block.tag, block.label.rstrip(".")) for block in en.blocks]
    assert zh_skeleton == en_skeleton  # the Chinese prints "13" without its full stop
    assert [block.marker_labels for block in zh.blocks] == [block.marker_labels for block in en.blocks]
    assert zh.footnotes.keys() == en.footnotes.keys()
    assert [len(table.rows) for table in zh.tables] == [len(table.rows) for table in en.tables]


def test_the_seed_paper_has_its_41_paragraphs_and_16_operative_clauses():
    zh = paper("it-gb-7-17-19.zh")
    numbered = [block.label for block in zh.blocks if block.tag == "P" and block.label]
    assert numbered[:41] == [f"{n}." for n in range(1, 42)]
    assert numbered[-16:] == [f"{n})" for n in range(1, 17)]
    assert len(SOURCES) == 3
