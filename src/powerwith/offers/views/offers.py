"""The coordinator's offer pages: make an offer, read it as it will be sent, change the
terms, send it, answer questions and withdraw it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError, InvalidInput
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import (
    INVALID,
    add_domain_error,
    membership_required,
    refusal,
    refused_status,
)
from powerwith.messaging.routing import why_unreachable
from powerwith.offers import checks as offer_checks
from powerwith.offers import content, queries, recordings, services
from powerwith.offers import display as offer_display
from powerwith.offers.agreement import agreement_of
from powerwith.offers.forms import (
    AnswerForm,
    RecordingForm,
    SendForm,
    TermsForm,
    with_live_clarity,
)
from powerwith.offers.models import TRANSITIONS, Offer, OfferEvent, OfferStatus
from powerwith.offers.renderings import standard
from powerwith.people.queries import profile_for
from powerwith.safe_to_work.queries import blocked_for

PAGE_SIZE = 25
CONFLICT = 409


def offer_for(request: Request, offer_id: int) -> Offer:
    return queries.get_offer_for(membership_of(request), offer_id)


@membership_required
def offer_list(request: Request) -> HttpResponse:
    membership = membership_of(request)
    if not can(membership, Capability.WORK_AS_STAFF):
        return redirect("offers:my_offers")
    offers = queries.with_what_waits(queries.offers_of(membership)).order_by("-updated_at", "-id")
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "offers/offer_list.html", {"page": page})


def page(request: Request, offer: Offer, status: int = 200, **forms: Any) -> HttpResponse:
    membership = membership_of(request)
    manager = can(membership, Capability.MANAGE_OFFERS) and offer.organisation_id == (
        membership.organisation_id
    )
    now = content.build(offer)
    latest = queries.latest_version(offer)
    # A draft shows what would be sent; a sent offer shows exactly what was sent.
    shown = now if latest is None or offer.status == OfferStatus.DRAFT else latest.content
    findings = offer_display.on_the_page(offer_checks.clarity_findings(now, offer_id=offer.pk))
    gaps = offer_display.gaps(offer, content.missing(now))
    blocking = offer_checks.blocking_in(findings)
    terms_form = with_live_clarity(
        forms.get("terms_form") or TermsForm(initial=offer.terms), reverse("offers:clarity_check")
    )
    agreement = agreement_of(offer)
    left = queries.left_event(offer)
    may_act = queries.refusal_for(membership, offer.person) is None
    context = {
        "offer": offer,
        "agreement": agreement,
        "left": left,
        "can_record_leaving": agreement is not None
        and agreement.is_taking_part
        and left is None
        and can(membership, Capability.RECORD_CONSENT_FOR_PERSON),
        "person_profile": profile_for(membership, offer.person),
        "latest": latest,
        "offer_content": shown,
        **standard.context(shown),
        "gaps": gaps,
        "findings": findings,
        "blocking": blocking,
        "cannot_send": offer_display.cannot_send(gaps, blocking),
        "audience": offer_checks.audience_for(list(offer.person.formats)),
        "warnings": offer_checks.style_warnings_in(findings),
        "stale": latest is not None
        and offer.status != OfferStatus.DRAFT
        and content.content_hash(now) != latest.content_hash,
        "events": _events(offer),
        "can_record_for_person": may_act,
        "own_recording": recordings.uploaded_of(offer),
        "recording_form": forms.get("recording_form") or RecordingForm(),
        "can_record_answer": offer.status == OfferStatus.SENT and may_act,
        "questions": queries.questions_of(offer),
        "can_manage": manager,
        "can_answer": can(membership, Capability.ANSWER_QUESTIONS),
        "terms_form": terms_form,
        "send_form": forms.get("send_form") or SendForm(),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "refused": forms.get("refused", False),
        "can_withdraw": manager and OfferStatus.WITHDRAWN in _next(offer),
        "can_send": manager and OfferStatus.SENT in _next(offer),
        # Told before pressing send: a check the work requires is missing or expired.
        "unsafe": blocked_for(offer.opportunity, [offer.person_id])[offer.person_id]
        if manager
        else [],
        "can_change": manager and offer.status not in (OfferStatus.DECLINED, OfferStatus.WITHDRAWN),
    }
    return render(request, "offers/offer.html", context, status=status)


def _events(offer: Offer) -> list[OfferEvent]:
    """The offer's history, each event with what staff recorded on the person's word."""
    events = list(queries.events_of(offer))
    recorded = queries.acted_for_events([event.pk for event in events])
    for event in events:
        event.acted_for = recorded.get(event.pk)  # type: ignore[attr-defined]
    return events


def _next(offer: Offer) -> frozenset[str]:
    return TRANSITIONS[offer.status]


@membership_required
def offer_detail(request: Request, offer_id: int) -> HttpResponse:
    if not can(membership_of(request), Capability.WORK_AS_STAFF):
        return redirect("offers:my_offer", offer_id=offer_id)
    return page(request, offer_for(request, offer_id))


@membership_required
@require_POST
def offer_terms(request: Request, offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = offer_for(request, offer_id)
    form = TermsForm(request.POST)
    if form.is_valid():
        was = offer.status
        try:
            services.change_terms(offer, by=membership, terms=form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
            return page(request, offer, status=refused_status(error), terms_form=form)
        if was != offer.status:
            messages.success(
                request, "The terms are saved. The offer is a draft again: send it again."
            )
        else:
            messages.success(request, "The terms are saved.")
        return redirect("offers:offer", offer_id=offer.pk)
    return page(request, offer, status=INVALID, terms_form=form)


@membership_required
@require_POST
def offer_send(request: Request, offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = offer_for(request, offer_id)
    form = SendForm(request.POST)
    form.is_valid()  # one optional checkbox: always valid
    try:
        version = services.send_offer(
            offer,
            by=membership,
            acknowledge_warnings=form.cleaned_data.get("acknowledge_warnings", False),
        )
    except services.SendRefused as refused:
        if refused.unsafe:
            form.add_error(None, refused.message)
            return page(request, offer, status=CONFLICT, send_form=form)
        if refused.missing or refused.blocking:
            return page(request, offer, status=CONFLICT, refused=True)
        form.add_error("acknowledge_warnings", refused.message)
        return page(request, offer, status=CONFLICT, send_form=form)
    except DomainError as error:
        add_domain_error(form, error)
        return page(request, offer, status=refused_status(error), send_form=form)
    messages.success(
        request, f"Version {version.number} of the offer is sent to {offer.person.preferred_name}."
    )
    problem = why_unreachable(offer.person)
    if problem is not None:
        # Told now, not only when the worker gives up: nothing will reach them as it is.
        messages.warning(
            request,
            f"{offer.person.preferred_name} cannot get it yet: {problem}. It is on your "
            "action-needed list until someone records how to reach them.",
        )
    return redirect("offers:offer", offer_id=offer.pk)


@membership_required
@require_POST
def offer_recording(request: Request, offer_id: int) -> HttpResponse:
    """Staff's own recording of the version sent, played instead of the synthesiser's."""
    membership = membership_of(request)
    offer = offer_for(request, offer_id)
    form = RecordingForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["audio"]
        try:
            if upload.size > recordings.MAX_UPLOAD_BYTES:
                raise InvalidInput("The recording must be smaller than 20 MB.", field="audio")
            recordings.upload_recording(offer, by=membership, data=upload.read())
        except DomainError as error:
            add_domain_error(form, error)
            return page(request, offer, status=refused_status(error), recording_form=form)
        messages.success(
            request, "Your recording is saved: it is played instead of the computer voice."
        )
        return redirect("offers:offer", offer_id=offer.pk)
    return page(request, offer, status=INVALID, recording_form=form)


@membership_required
def offer_withdraw(request: Request, offer_id: int) -> HttpResponse:
    """Asks first: a withdrawn offer cannot be sent again."""
    membership = membership_of(request)
    offer = offer_for(request, offer_id)
    if not can(membership, Capability.MANAGE_OFFERS):
        raise PermissionDenied("Only coordinators and admins can withdraw offers of work.")
    error = ""
    if request.method == "POST":
        try:
            services.withdraw_offer(offer, by=membership)
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(request, "The offer is withdrawn.")
            return redirect("offers:offer", offer_id=offer.pk)
    status = CONFLICT if error else 200
    context = {"offer": offer, "form": refusal(error) if error else None}
    return render(request, "offers/offer_withdraw.html", context, status=status)
