"""Fixed-seed fixture renderings, shared by the fixture scripts in tests/fixtures/*/make_*.py: where a
rendering lives, the text it must give back, and rendering them all."""

from __future__ import annotations

from pathlib import Path

from layout_style import LayoutStyle, restyle
from paper_source import PaperSource, read_paper
from producers import renderer

Rendering = tuple[str, int, str]  # producer, seed, stem (`cbd-sbi-4-note.zh`)


def fixture_path(folder: Path, producer: str, seed: int, stem: str) -> Path:
    return folder / f"{producer}-{seed}-{stem}.pdf"


def known_text(sources: Path, seed: int, stem: str) -> PaperSource:
    """The source as the seed's style prints it: what extraction of the fixture must give back."""
    return restyle(read_paper(sources / f"{stem}.paper"), LayoutStyle.draw(seed))


def render_fixtures(renderings: list[Rendering], folder: Path, sources: Path) -> None:
    for producer, seed, stem in renderings:
        path = fixture_path(folder, producer, seed, stem)
        renderer(producer)(known_text(sources, seed, stem), path, LayoutStyle.draw(seed))
        print(path.name)
