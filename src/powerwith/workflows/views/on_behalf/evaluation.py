"""Staff recording the feedback a person gave them another way: on the phone, on a
feedback form sent by post, in person or through a supporter."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
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
from powerwith.evaluation.forms import RecordFeedbackForm
from powerwith.offers.queries import get_offer_for
from powerwith.workflows import on_behalf


@membership_required
def record_feedback(request: Request, feedback_record_offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = get_offer_for(membership, feedback_record_offer_id)
    person = offer.person
    form = RecordFeedbackForm(posted(request))
    status = form_status(form)
    if form.is_valid():
        try:
            on_behalf.give_feedback(
                offer,
                by=membership,
                word=form.word(),
                answers=form.answers(),
                comments=form.cleaned_data["comments"],
                anonymous=form.cleaned_data["anonymous"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(request, f"{person.preferred_name}'s feedback is recorded.")
            return redirect("offers:offer", offer_id=offer.pk)
    context = {
        "person": person,
        "form": form,
        "caption": offer.opportunity.title,
        "what": f"How the work went for them: {offer.opportunity.title}. Use their words; "
        "they do not have to answer every question.",
        "back": reverse("offers:offer", args=[offer.pk]),
        "refused": on_behalf.refusal_for(membership, person),
    }
    return render(request, "includes/record_word.html", context, status=status)
