"""The person's own pages beyond "My consents": the outputs that contain their
contribution, with a review of each use (yes or no, named or anonymised, an optional end
date), and a receipt for every consent event."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from powerwith.accounts.models import Membership
from powerwith.accounts.queries import own_membership
from powerwith.consent import queries, receipts
from powerwith.consent.forms import UseReviewForm
from powerwith.consent.models import Output, Use
from powerwith.consent.queries import outputs as output_queries
from powerwith.consent.receipts.audio import receipt_mp3
from powerwith.consent.services.outputs import review_use
from powerwith.consent.usability import USE_SCOPE, usability, usability_of
from powerwith.consent.wording import wording_for
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    organisation_filter,
)
from powerwith.offers.renderings.audio import SpeechUnavailable
from powerwith.people.models import Person
from powerwith.people.queries import organisation_choices, person_of


def _me(request: Request) -> tuple[Membership, Person]:
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    return membership_of(request), person


@membership_required
def my_outputs(request: Request) -> HttpResponse:
    _, person = _me(request)
    shown = organisation_filter(request, organisation_choices(person), "contributions")
    outputs = [o for o in output_queries.own_outputs(person) if shown.keeps(o.organisation_id)]
    found = usability_of(outputs)
    rows = [
        {
            "output": o,
            "finished": found[o.pk].finished,
            "to_review": [
                d for d in found[o.pk].decisions if d.person_id == person.pk and not d.usable
            ],
        }
        for o in outputs
    ]
    context = {"rows": rows, "organisation_filter": shown}
    return render(request, "consent/my_outputs.html", context)


def _review_page(
    request: Request,
    person: Person,
    output: Output,
    posted: UseReviewForm | None = None,
) -> HttpResponse:
    found = usability(output)
    uses = []
    for use in output.uses:
        mine = next((d for d in found.decisions_for(use) if d.person_id == person.pk), None)
        form = posted if posted is not None and posted.prefix == use else None
        if form is None:
            initial = {}
            if mine is not None:
                initial = {
                    "named": "named" if mine.named else "anonymised",
                    "expires_on": mine.expires_on,
                }
            form = UseReviewForm(use=use, initial=initial)
        uses.append(
            {
                "code": use,
                "label": Use(use).label,
                "wording": wording_for(USE_SCOPE[use]),
                "mine": mine,
                "form": form,
            }
        )
    context = {"output": output, "finished": found.finished, "uses": uses, "form": posted}
    return render(request, "consent/my_output.html", context, status=form_status(posted))


@membership_required
def my_output(request: Request, output_id: int) -> HttpResponse:
    current, person = _me(request)
    output = output_queries.get_own_output(person, output_id)
    if request.method != "POST":
        return _review_page(request, person, output)
    # The person answers as themself at the organisation that made the output, whichever
    # organisation is current: they never switch to act on their own things.
    membership = own_membership(request.user, str(output.organisation_id), current)
    use = request.POST.get("use_form", "")
    if use not in output.uses:
        raise Http404("No such use of this output.")
    form = UseReviewForm(request.POST, use=use)
    if form.is_valid():
        data = form.cleaned_data
        try:
            recorded = review_use(
                person=person,
                output=output,
                use=use,
                answer=data["answer"],
                actor=membership,
                named=data["named"] == "named",
                expires_on=data["expires_on"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            label = Use(use).label
            done = "You said no to" if recorded == "withdraw" else "You agreed to"
            messages.success(request, f"{done}: {label}.")
            return redirect("consent:my_output", output_id=output.pk)
    return _review_page(request, person, output, posted=form)


@require_GET
@membership_required
def receipt(request: Request, event_id: int) -> HttpResponse:
    event = queries.get_event_for(membership_of(request), event_id)
    found = receipts.receipt(event)
    context = {
        "receipt": found,
        "how_to_change": receipts.how_to_change(found),
        "own": event.person.user_id == request.user.pk,
        "easy_read_first": request.user.easy_read_first,
    }
    return render(request, "consent/receipt.html", context)


@require_GET
@membership_required
def receipt_pdf(request: Request, event_id: int) -> HttpResponse:
    event = queries.get_event_for(membership_of(request), event_id)
    response = HttpResponse(receipts.receipt_pdf(event), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="consent-receipt-{event.pk}.pdf"'
    return response


@require_GET
@membership_required
def receipt_audio(request: Request, event_id: int) -> HttpResponse:
    event = queries.get_event_for(membership_of(request), event_id)
    try:
        spoken = receipt_mp3(event)
    except SpeechUnavailable as error:
        return HttpResponse(error.message, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(spoken, content_type="audio/mpeg")
    response["Content-Disposition"] = f'inline; filename="consent-receipt-{event.pk}.mp3"'
    return response


@require_GET
@membership_required
def receipt_json(request: Request, event_id: int) -> HttpResponse:
    event = queries.get_event_for(membership_of(request), event_id)
    response = JsonResponse(receipts.receipt_json(event), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="consent-receipt-{event.pk}.json"'
    return response
