"""Staff pages for messages that need hands (letters to post, calls to make), the demo's
outbox of everything sent, and the address GOV.UK Notify posts delivery receipts to."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.messaging import queries, services
from powerwith.messaging.forms import CallForm
from powerwith.messaging.letters import letter_pdf


@membership_required
def outbox(request: Request) -> HttpResponse:
    """Only while nothing leaves the machine (the demo): elsewhere the messages went out."""
    if settings.MESSAGES_BACKEND != "local":
        raise Http404("The outbox is shown only in the demo.")
    sent = list(queries.outbox(membership_of(request))[:200])
    return render(request, "messaging/outbox.html", {"sent": sent})


@membership_required
def letters_to_post(request: Request) -> HttpResponse:
    membership = membership_of(request)
    context = {
        "letters": list(queries.letters_to_post(membership)),
        "posted": list(queries.letters_posted(membership)[:20]),
        "outbox_shown": settings.MESSAGES_BACKEND == "local",
    }
    return render(request, "messaging/letters_to_post.html", context)


@membership_required
def letter_download(request: Request, letter_id: int) -> HttpResponse:
    letter = queries.letter_for(membership_of(request), letter_id)
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="letter-{letter.pk}.pdf"'
    return response


@membership_required
@require_POST
def letter_posted(request: Request, letter_id: int) -> HttpResponse:
    membership = membership_of(request)
    letter = queries.letter_for(membership, letter_id)
    try:
        services.mark_posted(letter, by=membership)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"Marked as posted: the letter to {letter.person.preferred_name}."
        )
    return redirect("messaging:letters_to_post")


@membership_required
def call(request: Request, call_id: int) -> HttpResponse:
    membership = membership_of(request)
    message = queries.call_for(membership, call_id)
    form = CallForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_called(message, by=membership, note=form.cleaned_data["note"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Marked as called: {message.person.preferred_name}.")
            return redirect("inbox:action_needed")
    context = {"message": message, "form": form}
    return render(request, "messaging/call.html", context, status=form_status(form))


@csrf_exempt
@require_POST
def notify_receipt(request: HttpRequest) -> HttpResponse:
    """A delivery receipt from GOV.UK Notify, signed with the bearer token we gave it
    (``NOTIFY_CALLBACK_TOKEN``): no one else may say a message was delivered."""
    expected = settings.NOTIFY_CALLBACK_TOKEN
    if not expected:
        raise Http404("Delivery receipts are not read here.")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not constant_time_compare(given, expected):
        return JsonResponse({"detail": "Not signed with the callback token."}, status=401)
    try:
        receipt = json.loads(request.body)
        reference, provider_id, outcome = (
            str(receipt["reference"] or ""),
            str(receipt["id"]),
            str(receipt["status"]),
        )
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": "Not a delivery receipt."}, status=400)
    message = queries.message_for_receipt(reference, provider_id)
    if message is None:
        return JsonResponse({"detail": "No message has that reference."}, status=404)
    services.record_delivery(message, outcome=outcome)
    return HttpResponse(status=204)
