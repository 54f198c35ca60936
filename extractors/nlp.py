"""spaCy pipelines for tagging, with no downloaded model.

English is `spacy.blank("en")`, Chinese `spacy.blank("zh")` with the jieba segmenter. Four components,
registered with `Language.factory`, so that `nlp.add_pipe("gbdocs_references")` works on any blank
pipeline once this module is imported and `nlp.config` rebuilds the pipeline:

- `gbdocs_symbols` merges every document symbol into one token (`IT/GB-7/17/19`, which both
  tokenizers would split at its slashes);
- `gbdocs_clause_leads` matches, on tokens, the lead phrase a resolution clause opens with
  (lexicon.leads: `Recalling also`, `Also requests`, `又回顾`, `请`) into `doc.spans["leads"]`,
  labelled `preambular` or `operative` (both where a lead serves both: `Welcoming`, `注意到`);
- `gbdocs_references` puts the references in `doc.spans["references"]` (labelled by kind) and
  `doc._.references`;
- `gbdocs_requests` puts the requests in `doc.spans["requests"]` (the asking words, labelled by verb,
  `span._.addressee`) and `doc._.requests`; set `doc._.requester` first when the body whose text it
  is is known.
"""

from __future__ import annotations

import functools
import itertools

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractors.reference_patterns import SYMBOL
from extractors.references import find_references
from extractors.requests import find_requests
from extractors.search_text import jieba_module
from lexicon.leads import ADVERBS_EN, ADVERBS_ZH, OPERATIVE_EN, OPERATIVE_ZH, PREAMBULAR_EN, PREAMBULAR_ZH

Doc.set_extension("references", default=None, force=True)
Doc.set_extension("requests", default=None, force=True)
Doc.set_extension("requester", default="", force=True)
Span.set_extension("addressee", default="", force=True)

COMPONENTS = ("gbdocs_symbols", "gbdocs_clause_leads", "gbdocs_references", "gbdocs_requests")
LEAD_SUFFIXES_EN = ("also", "further", "again")  # `Recalling also`, `Noting further`


@Language.factory("gbdocs_symbols", assigns=["token.text"])
def make_symbol_merger(nlp: Language, name: str) -> SymbolMerger:
    return SymbolMerger()


class SymbolMerger:
    def __call__(self, doc: Doc) -> Doc:
        spans = [doc.char_span(m.start("symbol"), m.end("symbol"), alignment_mode="expand") for m in SYMBOL.finditer(doc.text)]
        with doc.retokenize() as retokenizer:
            for span in spacy.util.filter_spans([span for span in spans if span is not None and len(span) > 1]):
                retokenizer.merge(span)
        return doc


@Language.factory("gbdocs_clause_leads", default_config={"language": "en"}, assigns=["doc.spans"])
def make_clause_lead_matcher(nlp: Language, name: str, language: str) -> ClauseLeadMatcher:
    return ClauseLeadMatcher(nlp, language)


class ClauseLeadMatcher:
    """Leads as token sequences at the clause's start: English matched on lower case (`Also
    requests` and `also requests` alike), Chinese on jieba's tokens of the same phrases."""

    def __init__(self, nlp: Language, language: str) -> None:
        attr = "ORTH" if language == "zh" else "LOWER"
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for label, phrases in _lead_phrases(language).items():
            self.matcher.add(label, [nlp.make_doc(phrase) for phrase in phrases])

    def __call__(self, doc: Doc) -> Doc:
        matches = [(doc.vocab.strings[key], start, end) for key, start, end in self.matcher(doc) if start == 0]
        longest = max((end for _, _, end in matches), default=0)
        doc.spans["leads"] = [Span(doc, start, end, label=label) for label, start, end in matches if end == longest]
        return doc


def _lead_phrases(language: str) -> dict[str, list[str]]:
    if language == "zh":
        return {label: [adverb + lead for adverb, lead in itertools.product(("", *ADVERBS_ZH), leads)]
                for label, leads in (("preambular", PREAMBULAR_ZH), ("operative", OPERATIVE_ZH))}
    phrases = {}
    for label, leads in (("preambular", PREAMBULAR_EN), ("operative", OPERATIVE_EN)):
        adverbed = [f"{adverb} {lead.lower()}" for adverb, lead in itertools.product(ADVERBS_EN, leads)]
        suffixed = [f"{lead} {suffix}" for lead, suffix in itertools.product(leads, LEAD_SUFFIXES_EN)]
        phrases[label] = [*leads, *adverbed, *suffixed]
    return phrases


@Language.factory("gbdocs_references", assigns=["doc.spans", "doc._.references"])
def make_reference_tagger(nlp: Language, name: str) -> ReferenceTagger:
    return ReferenceTagger()


class ReferenceTagger:
    def __call__(self, doc: Doc) -> Doc:
        references = find_references(doc.text)
        doc._.references = references
        spans = [doc.char_span(r.start, r.end, label=str(r.kind), alignment_mode="expand") for r in references]
        doc.spans["references"] = [span for span in spans if span is not None]
        return doc


@Language.factory("gbdocs_requests", default_config={"language": "en"}, assigns=["doc.spans", "doc._.requests"])
def make_request_tagger(nlp: Language, name: str, language: str) -> RequestTagger:
    return RequestTagger(language)


class RequestTagger:
    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        requests = find_requests(doc.text, self.language, doc._.requester)
        doc._.requests = requests
        spans = []
        for request in requests:
            span = doc.char_span(request.start, request.end, label=str(request.verb), alignment_mode="expand")
            if span is not None:
                span._.addressee = request.addressee
                spans.append(span)
        doc.spans["requests"] = spans
        return doc


@functools.cache
def pipeline(language: str) -> Language:
    """The tagging pipeline for `zh` (jieba) or any other language (spaCy's English rules)."""
    if language == "zh":
        jieba_module()  # its cache out of /tmp before spaCy's segmenter loads it
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank("en")
    rules = "zh" if language == "zh" else "en"
    nlp.add_pipe("gbdocs_symbols")
    nlp.add_pipe("gbdocs_clause_leads", config={"language": rules})
    nlp.add_pipe("gbdocs_references")
    nlp.add_pipe("gbdocs_requests", config={"language": rules})
    return nlp
