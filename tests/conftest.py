"""Fixtures over the corpus (see corpus_data), and a Prefect home of the test session's own."""

from __future__ import annotations

import os
import tempfile

import pytest

# before anything imports prefect: results and the temporary server's database stay out of the
# developer's ~/.prefect, and no cached result of an earlier session can answer for this one
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="gbdocs-test-prefect-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.pop("PREFECT_API_URL", None)

from corpus_data import RENDERED, extracted, paper
from models import Document
from paper_source import PaperSource


@pytest.fixture(params=RENDERED, ids=[f"{p}:{s}" for p, s in RENDERED])
def rendered(request: pytest.FixtureRequest) -> tuple[PaperSource, Document]:
    """A rendered corpus PDF, extracted, with the source it was rendered from."""
    producer, stem = request.param
    return paper(stem), extracted(producer, stem)
