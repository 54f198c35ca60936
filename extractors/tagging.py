"""Tag a document's structure records with references and requests (see extractors/nlp.py).

The requester of a request is the body whose text holds it: a draft resolution's name line
(`管理机构，` / `THE GOVERNING BODY,`) for its clauses; for a quoted decision paragraph, the body of
the first decision or resolution its paragraph cites (`管理机构通过第 7/2015 号决议：`); otherwise the
body of the first reference in the paragraph itself, if any.
"""

from __future__ import annotations

from extractors.references import find_references
from extractors.resolutions import is_resolution_part
from lexicon.bodies import ISSUERS
from models import Document
from models.paragraph import Paragraph, ParagraphKind
from models.tags import Reference, Request

RESOLUTION_KINDS = (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE, ParagraphKind.ITEM)


def tag(document: Document, paragraphs: list[Paragraph]) -> tuple[list[Reference], list[Request]]:
    from extractors.nlp import pipeline  # spaCy loads only when a paper is tagged: a cached run never pays for it

    nlp = pipeline(document.language)
    by_locator = {p.locator: p for p in paragraphs}
    taggable = [p for p in paragraphs if p.part != "cover" and p.text]
    docs = []
    for paragraph in taggable:
        doc = nlp.make_doc(paragraph.text)
        doc._.requester = requester(paragraph, by_locator, document.cover.organ)
        docs.append(doc)
    references: list[Reference] = []
    requests: list[Request] = []
    for paragraph, doc in zip(taggable, nlp.pipe(docs)):
        common = {"doc_id": paragraph.doc_id, "para_id": paragraph.para_id, "locator": paragraph.locator}
        references += [
            Reference(**common, surface=r.surface, kind=r.kind, body=r.body, normalized=r.normalized,
                      pinpoint=r.pinpoint, start=r.start, end=r.end)
            for r in doc._.references
        ]
        requests += [
            Request(**common, requester=doc._.requester, addressee=q.addressee, verb=q.verb, verb_printed=q.verb_printed,
                    action=q.action, condition=q.condition, report_back=q.report_back, report_to=q.report_to,
                    text=q.clause, start=q.start, end=q.end)
            for q in doc._.requests
        ]
    return references, requests


def requester(paragraph: Paragraph, by_locator: dict[str, Paragraph], organ: str = "") -> str:
    """The resolution's name line names its body; a resolution without one is the masthead organ's."""
    resolution = is_resolution_part(paragraph.part)
    prefix = paragraph.part.split("/annex")[0] if resolution else paragraph.locator.split("/", 1)[0]
    name_line = by_locator.get(f"{prefix}/name")
    if paragraph.kind in RESOLUTION_KINDS and (name_line or (resolution and organ)):
        return _body_named(name_line.text if name_line else organ)
    if paragraph.kind in (ParagraphKind.QUOTE, ParagraphKind.ITEM):
        parent = by_locator.get(paragraph.locator.rsplit("/", 1)[0])
        if parent:
            return _first_issuer(parent.text)
    return _first_issuer(paragraph.text)


def _first_issuer(text: str) -> str:
    return next((r.body for r in find_references(text) if r.body), "")


def _body_named(text: str) -> str:
    return next((name for name, pattern in ISSUERS if pattern.search(text)), "")
