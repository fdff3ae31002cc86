"""The person's answer to an offer and the questions between them and staff, over the API:
accepting is the workflow that records the agreement and what follows it
(``workflows.offers``), staff may record the person's answer given another way
(``workflows.on_behalf``), and a question or an answer is sent on by the workflows. Served
here under offers' tag, paths and operation ids (docs/adr/011-layers-and-layout.md)."""

from __future__ import annotations

from typing import Any

from ninja import P, Router, Status
from ninja.params import QueryEx

from powerwith.core.http import Request
from powerwith.core.request_body import optional_body, optional_body_openapi
from powerwith.offers import services
from powerwith.offers.api.offers import offer_for, offer_out, question_out
from powerwith.offers.api.schemas import AnswerIn, OfferOut, QuestionOut, TextIn
from powerwith.workflows import offers as offer_workflows
from powerwith.workflows import on_behalf

router = Router(tags=["offers"])


def _word(payload: AnswerIn) -> on_behalf.OnBehalf | None:
    return payload.on_behalf.word() if payload.on_behalf else None


@router.post(
    "/offers/{offer_id}/accept",
    response=OfferOut,
    openapi_extra=optional_body_openapi(AnswerIn),
    operation_id="powerwith_offers_api_offers_accept_offer",
)
def accept_offer(
    request: Request, offer_id: int, version: QueryEx[int | None, P(ge=1)] = None
) -> dict[str, Any]:
    """``?version=N``, when given, is the version the person read: a newer one refuses.
    Staff send ``{"on_behalf": {"method", "note"}}`` to record the person's own answer,
    given another way (403 for a person with a login who has not allowed it)."""
    word = _word(optional_body(request, AnswerIn))
    membership, offer = offer_for(request, offer_id)
    if word is None:
        offer_workflows.accept_offer(offer, user=membership.user, version=version)
    else:
        on_behalf.accept_offer(offer, by=membership, word=word, version=version)
    return offer_out(membership, offer)


@router.post(
    "/offers/{offer_id}/decline",
    response=OfferOut,
    openapi_extra=optional_body_openapi(AnswerIn),
    operation_id="powerwith_offers_api_offers_decline_offer",
)
def decline_offer(request: Request, offer_id: int) -> dict[str, Any]:
    """No reason is asked for. Staff may send ``on_behalf`` as for accepting."""
    word = _word(optional_body(request, AnswerIn))
    membership, offer = offer_for(request, offer_id)
    if word is None:
        services.decline_offer(offer, user=membership.user)
    else:
        on_behalf.decline_offer(offer, by=membership, word=word)
    return offer_out(membership, offer)


@router.post(
    "/offers/{offer_id}/questions",
    response={201: QuestionOut},
    operation_id="powerwith_offers_api_offers_ask_question",
)
def ask_question(request: Request, offer_id: int, payload: TextIn) -> Status[dict[str, Any]]:
    membership, offer = offer_for(request, offer_id)
    event = offer_workflows.ask_question(offer, user=membership.user, text=payload.text)
    return Status(201, question_out(event))


@router.post(
    "/offers/{offer_id}/answers",
    response={201: QuestionOut},
    operation_id="powerwith_offers_api_offers_answer_question",
)
def answer_question(request: Request, offer_id: int, payload: TextIn) -> Status[dict[str, Any]]:
    membership, offer = offer_for(request, offer_id)
    event = offer_workflows.answer_question(offer, by=membership, text=payload.text)
    return Status(201, question_out(event))
