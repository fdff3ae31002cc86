"""Staff recording a consent decision the person told them another way, for one piece
of work: from the consent form in their paper pack, on the phone, in person or through
a supporter."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from powerwith.consent.forms import RecordConsentForm
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refused_status,
)
from powerwith.offers.queries import get_offer_for, latest_version
from powerwith.offers.renderings.easy_phrases import CONSENTS
from powerwith.workflows import on_behalf


@membership_required
def record_consent(request: Request, consent_offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = get_offer_for(membership, consent_offer_id)
    person = offer.person
    sent = latest_version(offer)
    needed = list(sent.content["consent_needed"]) if sent else []
    scopes = [(scope, CONSENTS.get(scope, scope).capitalize()) for scope in needed]
    form = RecordConsentForm(posted(request), scopes=scopes)
    status = form_status(form)
    if form.is_valid():
        try:
            on_behalf.record_consent(
                offer,
                by=membership,
                word=form.word(),
                scope=form.cleaned_data["scope"],
                action=form.cleaned_data["action"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(request, f"{person.preferred_name}'s consent is recorded.")
            return redirect("offers:offer", offer_id=offer.pk)
    refused = on_behalf.refusal_for(membership, person)
    if refused is None and sent is None:
        refused = "This offer has not been sent yet, so there is no consent to ask for."
    context = {
        "person": person,
        "form": form,
        "caption": offer.opportunity.title,
        "what": f"A consent they gave or withdrew for the work: {offer.opportunity.title}. "
        "They can change their mind at any time.",
        "back": reverse("offers:offer", args=[offer.pk]),
        "refused": refused,
    }
    return render(request, "includes/record_word.html", context, status=status)
