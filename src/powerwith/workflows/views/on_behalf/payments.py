"""Staff recording a claim for time that the person made another way: on the phone, on
a claim form sent by post, in person or through a supporter."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.times import day_and_clock
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refused_status,
)
from powerwith.offers.queries import get_offer_for
from powerwith.payments import queries
from powerwith.payments.forms import RecordTimeClaimForm
from powerwith.workflows import on_behalf


@membership_required
def record_time_claim(request: Request, claim_offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = get_offer_for(membership, claim_offer_id)
    person = offer.person
    bookings = queries.sessions_to_claim_on_their_word(offer, timezone.now())
    sessions = [(b.session_id, day_and_clock(b.session.starts_at)) for b in bookings]
    form = RecordTimeClaimForm(posted(request), sessions=sessions)
    status = form_status(form)
    if form.is_valid():
        try:
            claim = on_behalf.make_claim(
                offer,
                by=membership,
                word=form.word(),
                kind="time",
                session_id=form.cleaned_data["session_id"],
                minutes=form.cleaned_data["minutes"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(request, f"{person.preferred_name}'s claim is sent for approval.")
            return redirect("payments:claim", claim_id=claim.pk)
    refused = on_behalf.refusal_for(membership, person)
    if refused is None and offer.accepted_version_id is None:
        refused = (
            f"{person.preferred_name} has not accepted this offer, so there is no pay to claim."
        )
    elif refused is None and not sessions:
        refused = f"{person.preferred_name} has no session of this work to claim for yet."
    context = {
        "person": person,
        "form": form,
        "caption": offer.opportunity.title,
        "what": f"A claim for the time they worked on: {offer.opportunity.title}. They are "
        "paid the time booked at least, even if they stopped or took time out.",
        "back": reverse("offers:offer", args=[offer.pk]),
        "refused": refused,
    }
    return render(request, "includes/record_word.html", context, status=status)
