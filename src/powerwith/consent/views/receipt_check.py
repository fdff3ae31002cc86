"""Checking a receipt: the person, or an auditor, uploads a receipt they kept, and the
service says whether it was issued here and whether the ledger still holds the event it
records, unchanged (consent.ledger.check_receipt)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from powerwith.consent import ledger
from powerwith.consent.forms import ReceiptCheckForm
from powerwith.core.http import Request
from powerwith.core.web import form_status


@login_required
def check_receipt(request: Request) -> HttpResponse:
    form = ReceiptCheckForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    check = None
    if request.method == "POST" and form.is_valid():
        check = ledger.check_receipt(form.cleaned_data["receipt"])
    return render(
        request,
        "consent/receipt_check.html",
        {"form": form, "check": check},
        status=form_status(form),
    )
