"""spaCy pipelines for tagging, with no downloaded model.

English is `spacy.blank("en")`, Chinese `spacy.blank("zh")` with the jieba segmenter. Three components,
registered by name, run on a paragraph's text:

- `gbdocs_symbols` merges every document symbol into one token (`IT/GB-7/17/19`, which both
  tokenizers would split at its slashes);
- `gbdocs_references` puts the references in `doc.spans["references"]` and `doc._.references`;
- `gbdocs_requests` puts the requests in `doc._.requests`; set `doc._.requester` first when the body
  whose text it is is known.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.reference_patterns import SYMBOL
from extractors.references import find_references
from extractors.requests import find_requests
from extractors.search_text import jieba_module

Doc.set_extension("references", default=None, force=True)
Doc.set_extension("requests", default=None, force=True)
Doc.set_extension("requester", default="", force=True)

COMPONENTS = ("gbdocs_symbols", "gbdocs_references", "gbdocs_requests")


@Language.component("gbdocs_symbols")
def merge_symbols(doc: Doc) -> Doc:
    spans = [doc.char_span(m.start("symbol"), m.end("symbol"), alignment_mode="expand") for m in SYMBOL.finditer(doc.text)]
    with doc.retokenize() as retokenizer:
        for span in spacy.util.filter_spans([span for span in spans if span is not None and len(span) > 1]):
            retokenizer.merge(span)
    return doc


@Language.component("gbdocs_references")
def tag_references(doc: Doc) -> Doc:
    references = find_references(doc.text)
    doc._.references = references
    spans = [doc.char_span(r.start, r.end, label=str(r.kind), alignment_mode="expand") for r in references]
    doc.spans["references"] = [span for span in spans if span is not None]
    return doc


@Language.factory("gbdocs_requests", default_config={"language": "en"})
def make_request_tagger(nlp: Language, name: str, language: str) -> RequestTagger:
    return RequestTagger(language)


class RequestTagger:
    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        doc._.requests = find_requests(doc.text, self.language, doc._.requester)
        return doc


@functools.cache
def pipeline(language: str) -> Language:
    """The tagging pipeline for `zh` (jieba) or any other language (spaCy's English rules)."""
    if language == "zh":
        jieba_module()  # its cache out of /tmp before spaCy's segmenter loads it
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank("en")
    nlp.add_pipe("gbdocs_symbols")
    nlp.add_pipe("gbdocs_references")
    nlp.add_pipe("gbdocs_requests", config={"language": "zh" if language == "zh" else "en"})
    return nlp

