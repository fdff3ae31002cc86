"""Staff recording a person's answer to their offer, given another way: in person, on the
phone, by letter (a paper pack's reply slip) or through a supporter."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refused_status,
)
from powerwith.offers import queries
from powerwith.offers.forms import RecordAnswerForm
from powerwith.offers.models import OfferStatus
from powerwith.workflows import on_behalf

RECORDED = {
    "accept": "{name} has accepted the offer. They will get a note of what you recorded.",
    "decline": "{name} does not want the offer. They will get a note of what you recorded.",
}


@membership_required
def record_answer(request: Request, offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = queries.get_offer_for(membership, offer_id)
    if offer.status != OfferStatus.SENT:
        raise Http404("This offer is not waiting for an answer.")
    person = offer.person
    form = RecordAnswerForm(posted(request))
    status = form_status(form)
    if form.is_valid():
        try:
            if form.cleaned_data["answer"] == "accept":
                on_behalf.accept_offer(offer, by=membership, word=form.word())
            else:
                on_behalf.decline_offer(offer, by=membership, word=form.word())
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            answer = form.cleaned_data["answer"]
            messages.success(request, RECORDED[answer].format(name=person.preferred_name))
            return redirect("offers:offer", offer_id=offer.pk)
    context = {
        "person": person,
        "form": form,
        "caption": offer.opportunity.title,
        "what": f"Their answer to the offer of work: {offer.opportunity.title} "
        f"(version {offer.version}, the one sent to them).",
        "back": reverse("offers:offer", args=[offer.pk]),
        "refused": on_behalf.refusal_for(membership, person),
    }
    return render(request, "includes/record_word.html", context, status=status)
