"""The shapes of the offers API, as DESIGN.md writes them (fields may be added; the named
ones keep their meaning)."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from pydantic import ConfigDict

from powerwith.offers import checks as offer_checks
from powerwith.people.schemas import OnBehalfIn


class OfferIn(Schema):
    model_config = ConfigDict(extra="forbid")

    person_id: int


class TermsIn(Schema):
    """PATCH changes only the terms it sends; an unknown one is refused, not dropped."""

    model_config = ConfigDict(extra="forbid")

    message: str | None = Field(default=None, max_length=offer_checks.TEXT_TERMS["message"])
    adjustments: str | None = Field(default=None, max_length=offer_checks.TEXT_TERMS["adjustments"])
    support: str | None = Field(default=None, max_length=offer_checks.TEXT_TERMS["support"])
    payment_method: str | None = Field(default=None, max_length=20)
    benefits_signpost: str | None = Field(
        default=None, max_length=offer_checks.TEXT_TERMS["benefits_signpost"]
    )


class AnswerIn(Schema):
    """The body of accept and decline, which may be left out: the person answers for
    themself; staff send ``on_behalf`` to record the person's own answer."""

    model_config = ConfigDict(extra="forbid")

    on_behalf: OnBehalfIn | None = None


class SendIn(Schema):
    model_config = ConfigDict(extra="forbid")

    acknowledge_warnings: bool = False


class TextIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=offer_checks.QUESTION_LENGTH)


class FindingOut(Schema):
    """A clarity finding in an offer: ``blocks`` when no acknowledgement lets it be sent;
    ``where`` in words (text on the opportunity is shared by every offer of it) and
    ``href``, the page and text box to change it in."""

    rule: str
    severity: str
    message: str
    excerpt: str
    field: str
    blocks: bool
    on_opportunity: bool
    where: str
    href: str


class QuestionOut(Schema):
    id: int
    kind: str
    text: str
    version: int | None
    created_at: str


class RecordedOut(Schema):
    action: str
    method: str
    note: str
    recorded_by: str
    recorded_at: str
    # The person's supporter's name when they answered through their own login.
    supporter: str | None = None


class PayRouteOut(Schema):
    """How the person would be paid for paid work, and what it means for them."""

    route: str
    label: str
    words: str
    # The same in easy read, a sentence an item.
    easy_read: list[str]


class OfferOut(Schema):
    id: int
    status: str
    version: int
    missing: list[str]
    clarity: list[FindingOut]
    person_id: int
    opportunity_id: int
    terms: dict[str, str] | None
    content: dict[str, Any]
    content_hash: str | None
    accepted_version: int | None
    questions: list[QuestionOut]
    recorded_for_person: list[RecordedOut]
    # Null for voluntary work.
    pay_route: PayRouteOut | None = None


class OfferPage(Schema):
    items: list[OfferOut]
    count: int


class RefusedOut(Schema):
    """The send gate's refusal; an offer that can no longer be sent (already accepted,
    declined or withdrawn) is refused with ``detail`` alone."""

    detail: str
    missing: list[str] = []
    blocking: list[FindingOut] = []
    warnings: list[FindingOut] = []
    # Why the person may not do the work yet: a required check missing or expired.
    blocked: list[str] = []


class DetailOut(Schema):
    detail: str
