"""Fixtures over the corpus (see corpus_data)."""

from __future__ import annotations

import pytest

from corpus_data import RENDERED, extracted, paper
from models import Document
from paper_source import PaperSource


@pytest.fixture(params=RENDERED, ids=[f"{p}:{s}" for p, s in RENDERED])
def rendered(request: pytest.FixtureRequest) -> tuple[PaperSource, Document]:
    """A rendered corpus PDF, extracted, with the source it was rendered from."""
    producer, stem = request.param
    return paper(stem), extracted(producer, stem)
