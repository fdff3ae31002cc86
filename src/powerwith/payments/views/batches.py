"""Payment batches for coordinators and admins: prepare a batch from the approved
claims, download its payroll and supplier-payment files and each person's remittance
advice, and mark it paid, once, or set it aside so its claims can go into a new batch."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refusal,
    refused_status,
)
from powerwith.payments import batches, queries, services
from powerwith.payments.forms import BatchPaymentForm
from powerwith.payments.models import BatchClaim, PaymentBatch
from powerwith.people.choices import Format
from powerwith.people.views.documents import pdf_download


def _manager(request: Request) -> Membership:
    membership = membership_of(request)
    queries.require_manager(membership)
    return membership


@membership_required
def batch_list(request: Request) -> HttpResponse:
    membership = _manager(request)
    context = {
        "batches": queries.batches_of(membership),
        "waiting": queries.claims_to_batch(membership).count(),
    }
    return render(request, "payments/batch_list.html", context)


@membership_required
@require_POST
def batch_prepare(request: Request) -> HttpResponse:
    membership = _manager(request)
    try:
        batch = services.prepare_batch(by=membership)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("payments:batches")
    messages.success(request, f"Batch {batch.pk} is prepared.")
    return redirect("payments:batch", batch_id=batch.pk)


def _people(batch: PaymentBatch) -> list[tuple[int, str, Decimal]]:
    totals: dict[int, Decimal] = defaultdict(Decimal)
    names: dict[int, str] = {}
    for line in queries.lines_of(batch):
        totals[line.claim.person_id] += line.amount
        names[line.claim.person_id] = line.claim.person.preferred_name
    return [(pk, names[pk], totals[pk]) for pk in sorted(totals)]


def _set_aside_first(batch: PaymentBatch, message: str) -> list[dict[str, object]]:
    """The refusal of a batch that changed, as an error summary linking to setting it
    aside, the way on to a new batch."""
    href = reverse("payments:batch_set_aside", kwargs={"batch_id": batch.pk})
    return [{"intro": message, "links": [{"text": "Set this batch aside", "href": href}]}]


@membership_required
def batch_detail(request: Request, batch_id: int) -> HttpResponse:
    membership = _manager(request)
    batch = queries.get_batch_for(membership, batch_id)
    form = BatchPaymentForm(posted(request))
    changed: list[dict[str, object]] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_batch_paid(batch, by=membership, paid_on=form.cleaned_data["paid_on"])
        except DomainError as error:
            add_domain_error(form, error)
            if isinstance(error, services.BatchChanged):
                changed = _set_aside_first(batch, error.message)
        else:
            messages.success(request, f"Batch {batch.pk} is marked paid.")
            return redirect("payments:batch", batch_id=batch.pk)
    lines = list(queries.lines_of(batch))
    context = {
        "batch": batch,
        "lines": lines,
        "total": sum((line.amount for line in lines), start=Decimal("0.00")),
        "people": _people(batch),
        "pay_period": batches.pay_period(batch),
        "form": form,
        "changed": changed,
    }
    return render(request, "payments/batch_detail.html", context, status=form_status(form))


@membership_required
def batch_set_aside(request: Request, batch_id: int) -> HttpResponse:
    """Asks before setting aside a batch that has not been paid; once set aside, its claims
    can go into a new batch. A paid batch is refused with the reason."""
    membership = _manager(request)
    batch = queries.get_batch_for(membership, batch_id)
    if request.method == "POST":
        try:
            services.set_batch_aside(batch, by=membership)
        except DomainError as error:
            context = {"batch": batch, "form": refusal(error.message)}
            return render(
                request, "payments/batch_set_aside.html", context, status=refused_status(error)
            )
        messages.success(
            request, f"Batch {batch.pk} is set aside. Its claims can go into a new batch."
        )
        return redirect("payments:batches")
    lines = list(queries.lines_of(batch))
    context = {
        "batch": batch,
        "lines": lines,
        "total": sum((line.amount for line in lines), start=Decimal("0.00")),
    }
    return render(request, "payments/batch_set_aside.html", context)


def _csv(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@membership_required
def batch_payroll_csv(request: Request, batch_id: int) -> HttpResponse:
    batch = queries.get_batch_for(_manager(request), batch_id)
    return _csv(batches.payroll_csv(batch, queries.lines_of(batch)), f"payroll-{batch.pk}.csv")


@membership_required
def batch_supplier_csv(request: Request, batch_id: int) -> HttpResponse:
    batch = queries.get_batch_for(_manager(request), batch_id)
    text = batches.supplier_csv(batch, queries.lines_of(batch))
    return _csv(text, f"supplier-payments-{batch.pk}.csv")


@membership_required
def remittance_pdf(request: Request, batch_id: int, person_id: int) -> HttpResponse:
    """The person's remittance advice, in their format: what was paid to them, on which
    day, for what. Only once the batch is paid."""
    batch = queries.get_batch_for(_manager(request), batch_id)
    lines = [line for line in queries.lines_of(batch) if line.claim.person_id == person_id]
    if not lines or batch.paid_on is None:
        raise Http404("No remittance advice for that person in this batch.")
    return _remittance(batch, lines)


@membership_required
def my_remittance_pdf(request: Request, batch_id: int) -> HttpResponse:
    """The same advice, downloaded by the person it was paid to, from any organisation
    they work with."""
    lines = queries.my_remittance_lines(request.user, batch_id)
    return _remittance(lines[0].batch, lines)


def _remittance(batch: PaymentBatch, lines: list[BatchClaim]) -> HttpResponse:
    person = lines[0].claim.person
    context = {
        "batch": batch,
        "person": person,
        "organisation": batch.organisation,
        "lines": lines,
        "total": sum((line.amount for line in lines), start=Decimal("0.00")),
        "large_print": Format.LARGE_PRINT in person.formats,
        "easy_read": Format.EASY_READ in person.formats,
    }
    return pdf_download(
        "payments/remittance_document.html", context, f"remittance-{batch.pk}-{person.pk}.pdf"
    )
