"""Tags on paragraphs: references and requests."""

from __future__ import annotations

from enum import StrEnum

from models.record import record


class ReferenceKind(StrEnum):
    RESOLUTION = "resolution"
    DECISION = "decision"
    RECOMMENDATION = "recommendation"
    DOCUMENT_SYMBOL = "document_symbol"
    ARTICLE = "article"

    @property
    def title_word(self) -> str:
        """The word the normalized value starts with: Resolution 7/2015, Decision XIII/24."""
        return self.value.capitalize()


class RequestVerb(StrEnum):
    REQUEST = "request"
    INVITE = "invite"
    URGE = "urge"
    ENCOURAGE = "encourage"
    CALL_UPON = "call_upon"


@record
class Reference:
    doc_id: str
    para_id: str
    locator: str
    surface: str  # as printed
    kind: ReferenceKind
    body: str  # who issued it, where the text says: COP, Governing Body, COP-MOP, General Assembly, SBI, ...
    normalized: str  # the same in every language: Decision XIII/24, Article 18.4(a), UNEP/CBD/COP/13/12/ADD.4
    pinpoint: str  # para. 11, section B, paras. 17-21, annex I
    start: int  # character offsets of the surface in the paragraph's text
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"{self.para_id}: bad offsets {self.start}-{self.end}")


@record
class Request:
    doc_id: str
    para_id: str
    locator: str
    requester: str  # the body whose decision or resolution holds the clause, where known
    addressee: str  # Secretary, Secretariat, Executive Secretary, Bureau, Contracting Parties, Parties, ...
    verb: RequestVerb
    verb_printed: str  # 要求, 还请, Requests, Also requests, is invited
    action: str  # what is asked, as printed
    condition: str  # 视可获财政资源情况 / subject to the availability of financial resources
    report_back: str  # the reporting clause as printed
    report_to: str  # to whom the report goes: Governing Body, Governing Body (eighth session)
    text: str  # the clause
    start: int
    end: int
