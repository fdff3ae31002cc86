"""Claims for coordinators and admins: the list with its filters and the payment
timeliness figure, one claim with its approve, reject and record-payment forms, and the
CSV export for the finance team. Receipts download here too, for the person and staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    INVALID,
    add_domain_error,
    form_status,
    membership_required,
    refused_status,
)
from powerwith.offers.queries import get_offer_for
from powerwith.payments import export, queries, receipts, services
from powerwith.payments.fees import agreed_expenses, agreed_fee, outside_agreement
from powerwith.payments.forms import ApproveForm, PaymentForm, RejectForm, StaffChoiceForm
from powerwith.payments.models import Claim, ClaimStatus

PAGE_SIZE = 50


def _manager(request: Request) -> Membership:
    membership = membership_of(request)
    queries.require_manager(membership)
    return membership


def _claim(request: Request, claim_id: int) -> tuple[Membership, Claim]:
    membership = _manager(request)
    return membership, queries.get_claim_for(membership, claim_id)


@membership_required
def claim_list(request: Request) -> HttpResponse:
    membership = _manager(request)
    show = request.GET.get("show", "")
    if show not in queries.FILTERS:
        show = ""
    claims = queries.filtered(queries.claims_of(membership), show, membership.organisation)
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    context = {
        "page": page,
        "rows": [(claim, queries.is_overdue(claim, now)) for claim in page.object_list],
        "show": show,
        "show_label": queries.FILTERS.get(show, "All claims"),
        "filters": queries.FILTERS,
        "timeliness": queries.timeliness(membership.organisation, now),
    }
    return render(request, "payments/claim_list.html", context)


def _approve_form(claim: Claim, data: QueryDict | None = None) -> ApproveForm:
    return ApproveForm(data, prefix="approve", outside_agreement=outside_agreement(claim))


def _detail(
    request: Request, claim: Claim, status: int = 200, **forms_given: forms.Form
) -> HttpResponse:
    today = timezone.localdate()
    expenses = agreed_expenses(claim.offer)
    context: dict[str, Any] = {
        "claim": claim,
        "fee": agreed_fee(claim.offer),
        "agreed_expenses": expenses,
        "outside_agreement": outside_agreement(claim, expenses),
        "events": queries.events_of(claim),
        "acted_for": queries.acted_for_claim(claim),
        "overdue": queries.is_overdue(claim, timezone.now()),
        "days_to_pay": queries.days_to_pay(claim),
        "target_days": claim.organisation.payment_target_days,
        "approve_form": forms_given.get("approve_form") or _approve_form(claim),
        "reject_form": forms_given.get("reject_form") or RejectForm(prefix="reject"),
        "payment_form": forms_given.get("payment_form")
        or PaymentForm(prefix="pay", initial={"paid_on": today.isoformat()}),
        "can_decide": claim.status == ClaimStatus.SUBMITTED,
        "can_pay": claim.status == ClaimStatus.APPROVED,
    }
    return render(request, "payments/claim_detail.html", context, status=status)


@membership_required
def claim_detail(request: Request, claim_id: int) -> HttpResponse:
    _, claim = _claim(request, claim_id)
    return _detail(request, claim)


def _step(
    request: Request,
    claim_id: int,
    make_form: Callable[[Claim], forms.Form],
    form_name: str,
    take: Callable[[Membership, Claim, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """One step in a claim's life from its page: the form, the service, the answer."""
    membership, claim = _claim(request, claim_id)
    form = make_form(claim)
    if form.is_valid():
        try:
            take(membership, claim, form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
            return _detail(request, claim, refused_status(error), **{form_name: form})
        messages.success(request, done)
        return redirect("payments:claim", claim_id=claim.pk)
    return _detail(request, claim, INVALID, **{form_name: form})


@membership_required
@require_POST
def claim_approve(request: Request, claim_id: int) -> HttpResponse:
    return _step(
        request,
        claim_id,
        lambda claim: _approve_form(claim, request.POST),
        "approve_form",
        lambda by, claim, data: services.approve_claim(
            claim,
            by=by,
            note=data["note"],
            confirm_outside_agreement=data.get("confirm_outside_agreement", False),
        ),
        "The claim is approved. Record the payment once it is made.",
    )


@membership_required
@require_POST
def claim_reject(request: Request, claim_id: int) -> HttpResponse:
    return _step(
        request,
        claim_id,
        lambda claim: RejectForm(request.POST, prefix="reject"),
        "reject_form",
        lambda by, claim, data: services.reject_claim(claim, by=by, note=data["note"]),
        "The claim is not approved. The person can see your note.",
    )


@membership_required
@require_POST
def claim_pay(request: Request, claim_id: int) -> HttpResponse:
    return _step(
        request,
        claim_id,
        lambda claim: PaymentForm(request.POST, prefix="pay"),
        "payment_form",
        lambda by, claim, data: services.record_payment(
            claim, by=by, paid_on=data["paid_on"], note=data["note"]
        ),
        "The payment is recorded.",
    )


@membership_required
def staff_payment_choice(request: Request, fee_offer_id: int) -> HttpResponse:
    """A coordinator or admin records the person's choice about payment for them, saying
    the person told them it is their own."""
    membership = _manager(request)
    offer = get_offer_for(membership, fee_offer_id)
    fee = agreed_fee(offer)
    current = queries.latest_choice(offer.person, offer.opportunity_id)
    form = StaffChoiceForm(
        request.POST if request.method == "POST" else None, unit=fee.unit or "a session"
    )
    usable = fee.has_rate and offer.accepted_version_id is not None
    if request.method == "POST" and usable and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_reward_choice(
                person=offer.person,
                opportunity=offer.opportunity,
                choice=data["choice"],
                amount=data["amount"],
                reason=data["reason"],
                by=membership,
                person_said=data["person_said"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"{offer.person.preferred_name}'s choice is recorded.")
            return redirect("payments:staff_payment_choice", fee_offer_id=offer.pk)
    context = {
        "offer": offer,
        "fee": fee,
        "usable": usable,
        "current": current,
        "form": form,
        "history": queries.choices_of(offer.person, offer.opportunity_id),
    }
    return render(request, "payments/staff_payment_choice.html", context, status=form_status(form))


@membership_required
def claims_csv(request: Request) -> HttpResponse:
    membership = _manager(request)
    claims = queries.claims_of(membership).prefetch_related("events").order_by("created_at", "id")
    today = timezone.localdate()
    response = HttpResponse(export.claims_csv(claims), content_type="text/csv; charset=utf-8")
    name = f"claims-{membership.organisation.slug}-{today.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def receipt(request: Request, claim_id: int) -> FileResponse:
    """Only to the person who made the claim and the staff who manage its organisation's
    claims; everyone else is told there is no such receipt."""
    claim = queries.get_receipt_claim(request.user, request.membership, claim_id)
    handle = claim.receipt.open("rb")
    head = handle.read(16)
    handle.seek(0)
    name = claim.receipt.name or ""
    extension = name.rsplit(".", 1)[-1] if "." in name else "bin"
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"receipt-claim-{claim.pk}.{extension}",
        content_type=receipts.content_type(head),
    )
