"""The spaCy components as a user runs them on their own text: spans in doc.spans, a config that
rebuilds the pipeline, components any blank pipeline can add by name."""

from __future__ import annotations

import spacy

from extractors.nlp import COMPONENTS, pipeline


def spans(doc, group: str) -> list[tuple[str, str]]:
    return [(span.text, span.label_) for span in doc.spans[group]]


def test_an_operative_clause_gives_its_lead_its_references_and_its_request_as_spans():
    doc = pipeline("en")("Also requests the Secretary-General to report on decision 15/4 and IT/GB-7/17/19;")
    assert spans(doc, "leads") == [("Also requests", "operative")]
    assert spans(doc, "references") == [("decision 15/4", "decision"), ("IT/GB-7/17/19", "document_symbol")]
    assert [(s.text, s.label_, s._.addressee) for s in doc.spans["requests"]] == [("Also requests", "request", "Secretary-General")]


def test_chinese_leads_are_matched_on_jieba_tokens_longest_first():
    nlp = pipeline("zh")
    assert spans(nlp("又回顾其第 64/292 号决议，"), "leads") == [("又回顾", "preambular")]
    assert spans(nlp("深为关切地注意到农村地区仍缺乏安全饮用水，"), "leads") == [("深为关切地注意到", "preambular")]
    assert spans(nlp("请秘书长向大会第八十一届会议报告。"), "leads") == [("请", "operative")]


def test_a_lead_that_serves_both_kinds_is_given_both_labels_and_text_without_lead_none():
    assert sorted(spans(pipeline("zh")("注意到主席团的工作；"), "leads")) == [("注意到", "operative"), ("注意到", "preambular")]
    nlp = pipeline("en")
    assert spans(nlp("Notes with appreciation the work of the Bureau;"), "leads") == [("Notes with appreciation", "operative")]
    assert spans(nlp("Recalling also its resolution 41/128,"), "leads") == [("Recalling also", "preambular")]
    assert spans(nlp("The Secretariat prepared this note."), "leads") == []


def test_the_config_rebuilds_the_pipeline_and_a_blank_pipeline_adds_a_component_by_name():
    rebuilt = spacy.util.load_model_from_config(pipeline("zh").config, auto_fill=True)
    assert tuple(rebuilt.pipe_names) == COMPONENTS
    assert rebuilt.get_pipe("gbdocs_clause_leads").matcher is not None
    nlp = spacy.blank("en")
    nlp.add_pipe("gbdocs_references")
    assert spans(nlp("Recalling resolution 7/2015 of the Governing Body,"), "references") == [("resolution 7/2015", "resolution")]
