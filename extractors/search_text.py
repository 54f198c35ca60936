"""Text for full-text search: Chinese cut into words by jieba, the rest left as it is.

SQLite's FTS5 reads a run of Chinese characters as one token, so a paragraph is indexed with its
Chinese segmented (`cut_for_search`: words and the shorter words inside them), and a query is
segmented the same way into words that must all occur (`名古屋议定书` → `"名古屋" "议定书"`).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
QUERY_WORD = re.compile(r"[\u3400-\u9fff]+|[^\s\u3000-\u303f\uff00-\uffef\"“”《》（），。；：、]+")


@functools.cache
def jieba_module():
    """jieba, with its dictionary cache in ~/.cache/gbdocs/jieba rather than /tmp, and quiet."""
    import jieba

    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "gbdocs" / "jieba"
    cache.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(cache)
    jieba.setLogLevel(60)
    return jieba


def indexed_text(text: str) -> str:
    if not HAN_RUN.search(text):
        return text
    jieba = jieba_module()
    return HAN_RUN.sub(lambda run: " " + " ".join(jieba.cut_for_search(run.group())) + " ", text)


def fts_query(query: str) -> str:
    """An FTS5 query: every word of `query` must occur; Chinese is cut into words first."""
    jieba = jieba_module()
    words = []
    for piece in QUERY_WORD.findall(query):
        words += jieba.lcut(piece) if HAN_RUN.fullmatch(piece) else [piece]
    return " ".join('"' + word.replace('"', '""') + '"' for word in words if word.strip())
