"""A supporter's own pages: the invitation a person sent them, the people they support and
what waits for each person's answer, and answering for the person when the person lets
them and has agreed the answer (docs/adr/023-supporters-answer-through-their-own-login.md).

Nothing here needs a membership of an organisation: what a supporter reaches is read from
the person's own choices on every request (powerwith.workflows.supporting).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from powerwith.accounts.forms import AcceptInvitationForm
from powerwith.accounts.queries import user_exists
from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import (
    INVALID,
    add_domain_error,
    form_status,
    posted,
    refusal,
    refused_status,
)
from powerwith.engagements.forms.wellbeing import SupporterCheckForm
from powerwith.engagements.models import WellbeingCheck
from powerwith.engagements.services.wellbeing import kind_words
from powerwith.offers import queries as offer_queries
from powerwith.offers.forms import SupporterAnswerForm
from powerwith.offers.models import Offer, OfferStatus
from powerwith.offers.renderings import easy_read, standard
from powerwith.people.choices import Format
from powerwith.people.models import Supporter
from powerwith.people.queries.supporters import supporter_invitation_by_secret
from powerwith.people.services.supporter_logins import accept_supporter_invitation
from powerwith.workflows import supporting
from powerwith.workflows.on_behalf import supporters as answers


def supporter_invitation(request: Request, supporter_secret: str) -> HttpResponse:
    login = supporter_invitation_by_secret(supporter_secret)
    if login is None or not login.is_open:
        return render(request, "people/supporting/invitation_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    needs_account = not signed_in and not user_exists(login.email)
    form = AcceptInvitationForm(posted(request)) if needs_account else None
    error = ""
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            accept_supporter_invitation(
                login,
                user=request.user if signed_in else None,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password"] if form else "",
            )
        except DomainError as refused:
            if form is None:
                error = refused.message
            else:
                add_domain_error(form, refused)
        else:
            name = login.supporter.person.preferred_name
            if signed_in:
                messages.success(request, f"You are now {name}'s supporter on powerwith.")
                return redirect("people:supporting")
            messages.success(request, f"Your login is made. Log in to see what {name} has waiting.")
            return redirect("accounts:login")
    context = {
        "login": login,
        "supporter": login.supporter,
        "person": login.supporter.person,
        "form": form if form is not None else (refusal(error) if error else None),
        "signed_in": signed_in,
        "needs_login": not signed_in and not needs_account,
    }
    status = 403 if error else form_status(form)
    return render(request, "people/supporting/invitation.html", context, status=status)


@login_required
@require_GET
def people_supported(request: Request) -> HttpResponse:
    rows = supporting.people_supported(request.user, timezone.now())
    return render(request, "people/supporting/people.html", {"rows": rows})


def _offer_page(
    request: Request,
    offer: Offer,
    supporter: Supporter,
    *,
    form: SupporterAnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    latest = offer_queries.latest_version(offer)
    assert latest is not None  # only sent offers reach a supporter
    content = latest.content
    reads_easy_read = Format.EASY_READ in offer.person.formats
    context: dict[str, Any] = {
        "offer": offer,
        "person": offer.person,
        "supporter": supporter,
        "latest": latest,
        **standard.context(content),
        "offer_content": content,
        "easy_read_parts": easy_read.parts(content) if reads_easy_read else [],
        "may_answer": supporting.may_answer(supporter),
        "can_answer": offer.status == OfferStatus.SENT,
        "form": form or SupporterAnswerForm(initial={"version": latest.number}),
    }
    return render(request, "people/supporting/offer.html", context, status=status)


@login_required
@require_GET
def supported_offer(request: Request, supported_offer_id: int) -> HttpResponse:
    offer, supporter = supporting.offer_for_supporter(request.user, supported_offer_id)
    return _offer_page(request, offer, supporter)


@login_required
@require_POST
def supported_offer_answer(request: Request, supported_offer_id: int) -> HttpResponse:
    offer, supporter = supporting.offer_for_supporter(request.user, supported_offer_id)
    refusal = answers.refusal_for_supporter(supporter, offer.person)
    if refusal is not None:
        return render(
            request,
            "people/supporting/refused.html",
            {"person": offer.person, "reason": refusal},
            status=403,
        )
    form = SupporterAnswerForm(request.POST)
    answer = request.POST.get("answer", "")
    if form.is_valid() and answer in ("accept", "decline"):
        name = offer.person.preferred_name
        try:
            if answer == "accept":
                answers.accept_offer(
                    offer,
                    supporter=supporter,
                    user=request.user,
                    agreed=form.cleaned_data["agreed"],
                    version=form.cleaned_data["version"],
                )
                done = f"You told us that {name} accepts this offer. We will tell {name} too."
            else:
                answers.decline_offer(
                    offer,
                    supporter=supporter,
                    user=request.user,
                    agreed=form.cleaned_data["agreed"],
                )
                done = f"You told us that {name} does not want this offer. We will tell {name} too."
        except DomainError as error:
            add_domain_error(form, error)
            return _offer_page(request, offer, supporter, form=form, status=refused_status(error))
        messages.success(request, done)
        return redirect("people:supporting")
    if form.is_valid():
        form.add_error(None, "Choose whether they accept the offer or do not want it.")
    return _offer_page(request, offer, supporter, form=form, status=INVALID)


def _check_page(
    request: Request,
    check: WellbeingCheck,
    supporter: Supporter,
    form: SupporterCheckForm,
    status: int = 200,
) -> HttpResponse:
    context = {
        "check": check,
        "person": check.attendance.person,
        "when": kind_words(check.kind),
        "supporter": supporter,
        "may_answer": supporting.may_answer(supporter),
        "form": form,
    }
    return render(request, "people/supporting/check.html", context, status=status)


@login_required
def supported_check(request: Request, supported_check_id: int) -> HttpResponse:
    check, supporter = supporting.check_for_supporter(request.user, supported_check_id)
    person = check.attendance.person
    if request.method == "POST":
        refusal = answers.refusal_for_supporter(supporter, person)
        if refusal is not None:
            context = {"person": person, "reason": refusal}
            return render(request, "people/supporting/refused.html", context, status=403)
    form = SupporterCheckForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            answers.answer_wellbeing_check(
                check,
                supporter=supporter,
                user=request.user,
                agreed=form.cleaned_data["agreed"],
                feeling=form.cleaned_data["feeling"],
                note=form.cleaned_data["note"],
                wants_support=form.cleaned_data["wants_support"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            return _check_page(request, check, supporter, form, status=refused_status(error))
        name = person.preferred_name
        messages.success(
            request, f"You answered {name}'s wellbeing check. We will tell {name} too."
        )
        return redirect("people:supporting")
    return _check_page(request, check, supporter, form, status=form_status(form))


urlpatterns: list[URLPattern] = [
    path("supporting/", people_supported, name="supporting"),
    path(
        "supporting/invitations/<str:supporter_secret>/",
        supporter_invitation,
        name="supporter_invitation",
    ),
    path("supporting/offers/<int:supported_offer_id>/", supported_offer, name="supported_offer"),
    path(
        "supporting/offers/<int:supported_offer_id>/answer/",
        supported_offer_answer,
        name="supported_offer_answer",
    ),
    path("supporting/checks/<int:supported_check_id>/", supported_check, name="supported_check"),
]
