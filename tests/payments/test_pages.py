"""The person's claim pages and the staff's claims pages: what each sees, the forms, the
uploads, the CSV export, and that another organisation's claim is a 404."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimKind, ClaimStatus, RewardChoice
from powerwith.payments.receipts import MAX_BYTES
from tests.conftest import date_fields, logged_in
from tests.engagements.factories import accepted_offer, booked
from tests.payments.factories import backdate, expense_claim, me, offer_of, time_claim, worked

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_person_sees_their_claims_with_the_status_in_words(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    expense_claim(offer)
    page = logged_in(client, expert_at_riverside.user).get(reverse("payments:my_claims"))
    assert page.status_code == 200
    assert "Waiting for approval" in page.text
    assert "£12.40" in page.text
    assert reverse("payments:payment_choice", kwargs={"accepted_offer_id": offer.pk}) in page.text


def test_the_person_claims_for_their_time_from_the_page(
    client, riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    client = logged_in(client, expert_at_riverside.user)
    form = client.get(reverse("payments:my_time_claim"))
    assert "£75.00" in form.text
    sent = client.post(reverse("payments:my_time_claim"), {"session_id": booking.session_id})
    claim = Claim.objects.get()
    assert sent.status_code == 302
    assert sent["Location"] == reverse("payments:my_claim", kwargs={"claim_id": claim.pk})
    assert claim.amount == Decimal("75.00")


def test_the_person_claims_for_a_session_that_ran_over_from_the_page_saying_why(
    client, riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    client = logged_in(client, expert_at_riverside.user)
    path = reverse("payments:my_time_claim")
    without = client.post(path, {"session_id": booking.session_id, "minutes": "240"})
    assert "Say why you worked longer than the time booked" in without.text
    assert not Claim.objects.exists()
    sent = client.post(
        path,
        {"session_id": booking.session_id, "minutes": "240", "reason": "It ran an hour over."},
    )
    assert sent.status_code == 302
    claim = Claim.objects.get()
    assert (claim.minutes, claim.amount) == (240, Decimal("100.00"))
    staff = logged_in(Client(), riverside_coordinator.user)
    detail = staff.get(reverse("payments:claim", kwargs={"claim_id": claim.pk}))
    assert "It ran an hour over." in detail.text


def expense_form(offer, **extra):
    return {
        "offer_id": offer.pk,
        "category": "travel",
        "amount": "12.40",
        "description": "Bus fares",
        **extra,
    }


def test_an_expense_claim_with_a_good_receipt_is_saved_and_downloads_to_the_right_people(
    client, riverside_coordinator, riverside_contact, hillview_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    receipt = SimpleUploadedFile("bus.pdf", PDF, content_type="application/pdf")
    sent = logged_in(client, expert_at_riverside.user).post(
        reverse("payments:my_expense_claim"), expense_form(offer, receipt=receipt)
    )
    assert sent.status_code == 302
    claim = Claim.objects.get()
    assert claim.kind == ClaimKind.EXPENSES
    name = claim.receipt.name or ""
    assert name.endswith(".pdf")
    assert "bus" not in name
    url = reverse("payments:receipt", kwargs={"claim_id": claim.pk})
    own = client.get(url)
    assert own.status_code == 200
    assert b"".join(own.streaming_content) == PDF
    assert own["Content-Type"] == "application/pdf"
    assert "attachment" in own["Content-Disposition"]
    assert logged_in(Client(), riverside_coordinator.user).get(url).status_code == 200
    assert logged_in(Client(), riverside_contact.user).get(url).status_code == 404
    assert logged_in(Client(), hillview_coordinator.user).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to log in


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("receipt.pdf", b"MZ\x90\x00 not a pdf at all", "must be a PDF, JPEG or PNG"),
        ("receipt.exe", PDF, "must be a PDF, JPEG or PNG"),
        ("receipt.jpg", PNG, "must be a PDF, JPEG or PNG"),
        ("big.pdf", PDF + b"0" * MAX_BYTES, "must be 5 MB or smaller"),
    ],
)
def test_a_receipt_too_large_or_of_the_wrong_type_is_refused_and_nothing_saved(
    client, riverside_coordinator, expert_at_riverside, tmp_path, name, content, message
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    upload = SimpleUploadedFile(name, content)
    page = logged_in(client, expert_at_riverside.user).post(
        reverse("payments:my_expense_claim"), expense_form(offer, receipt=upload)
    )
    assert page.status_code == 400
    assert "There is a problem" in page.text
    assert message in page.text
    assert not Claim.objects.exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_a_negative_amount_on_the_page_is_explained(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, expert_at_riverside.user).post(
        reverse("payments:my_expense_claim"), expense_form(offer, amount="-3.00")
    )
    assert "cannot be negative" in page.text
    assert not Claim.objects.exists()


def test_the_person_withdraws_their_claim(client, riverside_coordinator, expert_at_riverside):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    logged_in(client, expert_at_riverside.user).post(
        reverse("payments:my_claim_withdraw", kwargs={"claim_id": claim.pk})
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.WITHDRAWN


def test_withdrawing_a_claim_already_approved_is_explained_in_the_error_summary(
    client, riverside_coordinator, expert_at_riverside
):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    services.approve_claim(claim, by=riverside_coordinator)
    url = reverse("payments:my_claim_withdraw", kwargs={"claim_id": claim.pk})
    response = logged_in(client, expert_at_riverside.user).post(url)
    assert response.status_code == 409
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "<title>Error:" in html
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED


def test_the_person_asks_for_travel_in_advance(client, riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    sent = logged_in(client, expert_at_riverside.user).post(
        reverse("payments:my_travel_advance"),
        {"session_id": booking.session_id, "amount": "18.60", "description": "Train"},
    )
    assert sent.status_code == 302
    assert Claim.objects.get().kind == ClaimKind.TRAVEL_ADVANCE


def test_the_person_chooses_not_to_be_paid_with_a_reason(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    url = reverse("payments:payment_choice", kwargs={"accepted_offer_id": offer.pk})
    client = logged_in(client, expert_at_riverside.user)
    assert "£25.00 an hour" in client.get(url).text
    refused = client.post(url, {"choice": "decline", "reason": ""})
    assert "why you do not want to be paid" in refused.text
    assert not RewardChoice.objects.exists()
    client.post(url, {"choice": "decline", "reason": "I want to give my time."})
    assert RewardChoice.objects.get().choice == "decline"


def test_another_persons_claims_and_choices_are_not_found(
    client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    claim = expense_claim(offer)
    client = logged_in(client, expert_at_both.user)
    answers = [
        client.get(url).status_code
        for url in (
            reverse("payments:my_claim", kwargs={"claim_id": claim.pk}),
            reverse("payments:payment_choice", kwargs={"accepted_offer_id": offer.pk}),
            reverse("payments:claim", kwargs={"claim_id": claim.pk}),
        )
    ]
    # Not found where it would be their own; the staff page is not for them at all.
    assert answers == [404, 404, 403]
    assert (
        client.post(
            reverse("payments:my_claim_withdraw", kwargs={"claim_id": claim.pk})
        ).status_code
        == 404
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_staff_filter_the_claims_and_see_overdue_ones_flagged(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    backdate(expense_claim(offer, description="Old taxi"), 20)
    expense_claim(offer, description="New bus")
    client = logged_in(client, riverside_coordinator.user)
    everything = client.get(reverse("payments:claims"))
    assert "Overdue" in everything.text
    assert "0 of" not in everything.text
    overdue = client.get(reverse("payments:claims"), {"show": "overdue"})
    assert overdue.text.count("govuk-tag--red") == 1
    paid = client.get(reverse("payments:claims"), {"show": "paid"})
    assert "No claims to show" in paid.text


def test_staff_approve_then_record_payment_with_the_date(
    client, riverside_coordinator, expert_at_riverside
):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    client = logged_in(client, riverside_coordinator.user)
    client.post(reverse("payments:claim_approve", kwargs={"claim_id": claim.pk}), {})
    today = timezone.localdate()
    bad = client.post(
        reverse("payments:claim_pay", kwargs={"claim_id": claim.pk}),
        date_fields("pay-paid_on", today + timedelta(days=3)),
    )
    assert "cannot be in the future" in bad.text
    client.post(
        reverse("payments:claim_pay", kwargs={"claim_id": claim.pk}),
        {**date_fields("pay-paid_on", today), "pay-note": "BACS 1234"},
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert claim.paid_on == today


def test_staff_reject_with_a_note(client, riverside_coordinator, expert_at_riverside):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    client = logged_in(client, riverside_coordinator.user)
    url = reverse("payments:claim_reject", kwargs={"claim_id": claim.pk})
    empty = client.post(url, {"reject-note": ""})
    assert "Say why the claim is not approved" in empty.text
    client.post(url, {"reject-note": "Claimed twice"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED


def test_another_organisations_claim_is_not_found_on_staff_pages(
    client, hillview_coordinator, riverside_coordinator, expert_at_riverside
):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    client = logged_in(client, hillview_coordinator.user)
    assert client.get(reverse("payments:claim", kwargs={"claim_id": claim.pk})).status_code == 404
    approve = client.post(reverse("payments:claim_approve", kwargs={"claim_id": claim.pk}), {})
    assert approve.status_code == 404
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert "Bus fares" not in client.get(reverse("payments:claims_csv")).content.decode()


@pytest.mark.parametrize("role", ["riverside_contact", "riverside_auditor"])
def test_only_coordinators_and_admins_see_the_claims(client, request, role):
    membership = request.getfixturevalue(role)
    client = logged_in(client, membership.user)
    assert client.get(reverse("payments:claims")).status_code == 403
    assert client.get(reverse("payments:claims_csv")).status_code == 403


def test_the_finance_csv_has_a_row_for_each_claim_with_its_dates(
    client, riverside_admin, riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    claim = backdate(time_claim(booking), 6)
    services.approve_claim(claim, by=riverside_coordinator)
    services.record_payment(claim, by=riverside_coordinator, paid_on=timezone.localdate())
    expense_claim(offer_of(booking), description="=HYPERLINK(evil)")
    response = logged_in(client, riverside_admin.user).get(reverse("payments:claims_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    paid = rows[0]
    assert paid["person"] == "Alex"
    assert paid["opportunity"] == "Co-design restraint reduction training"
    assert paid["kind"] == "time"
    assert paid["amount"] == "75.00"
    assert paid["status"] == "paid"
    assert paid["claimed on"] == (timezone.localdate() - timedelta(days=6)).isoformat()
    assert paid["approved on"] == timezone.localdate().isoformat()
    assert paid["paid on"] == timezone.localdate().isoformat()
    assert paid["days to pay"] == "6"
    assert rows[1]["paid on"] == ""
    assert rows[1]["description"].startswith("'=")
    assert me(expert_at_riverside, booking).role == "expert"


def test_a_time_claim_without_a_session_chosen_is_explained(
    client, riverside_coordinator, expert_at_riverside
):
    worked(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, expert_at_riverside.user).post(reverse("payments:my_time_claim"))
    assert page.status_code == 400
    assert "Choose the session you are claiming for." in page.text
    assert not Claim.objects.exists()


def test_staff_record_a_choice_for_the_person_only_saying_they_told_them(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    url = reverse("payments:staff_payment_choice", kwargs={"fee_offer_id": offer.pk})
    staff = logged_in(client, riverside_coordinator.user)
    assert "£25.00 an hour" in staff.get(url).text
    refused = staff.post(url, {"choice": "decline", "reason": "Told me by phone"})
    assert "only when they have told you" in refused.text
    assert not RewardChoice.objects.exists()
    staff.post(url, {"choice": "decline", "reason": "Told me by phone", "person_said": "on"})
    assert RewardChoice.objects.get().recorded_by == riverside_coordinator.user
    assert logged_in(Client(), hillview_coordinator.user).get(url).status_code == 404
    assert logged_in(Client(), expert_at_riverside.user).get(url).status_code == 403
