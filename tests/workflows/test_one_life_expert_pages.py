"""The rest of the person's own pages hold one life across organisations, as
``test_one_life`` holds for offers, sessions and claims: their contributions, safe-to-work
checks, reviews, tax-year statement and how they are paid show every organisation
together, each labelled, and they act on either organisation's without switching.
Another person's things are still a 404."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from powerwith.consent.usability import usability
from powerwith.payments.models import PayRouteChoice
from tests.conftest import date_fields, make_expert
from tests.consent.factories import output_of
from tests.engagements.factories import accepted_offer
from tests.payments.factories import expense_claim, paid
from tests.safe_to_work.factories import dbs
from tests.workflows.test_one_life import filter_links, text_of, working_in

pytestmark = pytest.mark.django_db

RIVERSIDE = "Riverside Care Partnership"
HILLVIEW = "Hillview Health NHS Foundation Trust"


# Your contributions


def test_contributions_to_both_organisations_are_listed_labelled_and_filtered(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    ours = output_of(riverside_coordinator, expert_at_both, title="River story")
    output_of(hillview_coordinator, expert_at_both, title="Hill story")
    working_in(client, expert_at_both, hillview)
    html = client.get("/my-consents/outputs/").text
    rows = text_of(html)
    assert f"River story Personal story (narrative) from Recruitment panel ({RIVERSIDE})" in rows
    assert f"Hill story Personal story (narrative) from Recruitment panel ({HILLVIEW})" in rows
    assert f'href="/my-consents/outputs/{ours.pk}/"' in html
    assert filter_links(html) == ["All organisations", HILLVIEW, RIVERSIDE]
    only = client.get(f"/my-consents/outputs/?organisation={riverside.pk}").text
    assert "River story" in only
    assert "Hill story" not in only


def test_the_person_reviews_the_other_organisations_output_without_switching(
    client, riverside, hillview, riverside_coordinator, expert_at_both
):
    output = output_of(riverside_coordinator, expert_at_both)
    working_in(client, expert_at_both, hillview)
    assert client.get(f"/my-consents/outputs/{output.pk}/").status_code == 200
    answer = client.post(
        f"/my-consents/outputs/{output.pk}/",
        {
            "use_form": "publish",
            "publish-answer": "yes",
            "publish-named": "anonymised",
            **date_fields("publish-expires_on", timezone.localdate() + timedelta(days=30)),
        },
    )
    assert answer.status_code == 302
    assert usability(output).usable["publish"]


def test_another_persons_contribution_stays_a_404_from_either_organisation(
    client, riverside, hillview, riverside_coordinator, expert_at_both
):
    jo = make_expert("jo@people.example", "Jo", riverside)
    output = output_of(riverside_coordinator, jo, title="Jo's story")
    working_in(client, expert_at_both, riverside)
    assert client.get(f"/my-consents/outputs/{output.pk}/").status_code == 404
    assert "Jo&#x27;s story" not in client.get("/my-consents/outputs/").text


# Safe-to-work checks


def test_each_organisations_checks_are_shown_in_a_part_of_their_own_and_filtered(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    today = timezone.localdate()
    dbs(riverside_coordinator, expert_at_both, done_on=today, certificate_number="001122334455")
    dbs(hillview_coordinator, expert_at_both, done_on=today, certificate_number="009988776655")
    working_in(client, expert_at_both, hillview)
    html = client.get("/my-profile/checks/").text
    page = text_of(html)
    assert f"{RIVERSIDE} Your checks with {RIVERSIDE}" in page
    assert f"{HILLVIEW} Your checks with {HILLVIEW}" in page
    assert "001122334455" in page
    assert "009988776655" in page
    assert "coordinator@riverside.example" in page
    assert filter_links(html) == ["All organisations", HILLVIEW, RIVERSIDE]
    only = client.get(f"/my-profile/checks/?organisation={riverside.pk}").text
    assert "001122334455" in only
    assert "009988776655" not in only


def test_someone_elses_checks_are_not_on_the_persons_page(
    client, riverside, riverside_coordinator, expert_at_both
):
    jo = make_expert("jo@people.example", "Jo", riverside)
    today = timezone.localdate()
    dbs(riverside_coordinator, jo, done_on=today, certificate_number="001122334455")
    working_in(client, expert_at_both, riverside)
    assert "001122334455" not in client.get("/my-profile/checks/").text


# Tax-year statement


def test_the_statement_has_a_part_for_each_organisation_that_paid_and_the_pdf_too(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    jo = make_expert("jo@people.example", "Jo", riverside)
    on = date(2026, 6, 2)
    ours = accepted_offer(riverside_coordinator, expert_at_both)
    paid(expense_claim(ours, "12.34"), riverside_coordinator, on)
    theirs = accepted_offer(hillview_coordinator, expert_at_both)
    paid(expense_claim(theirs, "56.78"), hillview_coordinator, on)
    paid(
        expense_claim(accepted_offer(riverside_coordinator, jo), "99.99"), riverside_coordinator, on
    )
    working_in(client, expert_at_both, hillview)
    html = client.get("/my-claims/statement/2026/").text
    page = text_of(html)
    assert (
        f"Paid by {RIVERSIDE} Fees paid to you £0.00 Expenses paid back (not income) £12.34" in page
    )
    assert (
        f"Paid by {HILLVIEW} Fees paid to you £0.00 Expenses paid back (not income) £56.78" in page
    )
    assert "99.99" not in page
    assert filter_links(html) == ["All organisations", HILLVIEW, RIVERSIDE]
    only = client.get(f"/my-claims/statement/2026/?organisation={riverside.pk}").text
    assert "£12.34" in only
    assert "£56.78" not in only
    assert f'href="/my-claims/statement/2026.pdf?organisation={riverside.pk}"' in only
    pdf = client.get("/my-claims/statement/2026.pdf")
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert f"From: {RIVERSIDE}" in words
    assert f"From: {HILLVIEW}" in words
    assert "£12.34" in words
    assert "£56.78" in words
    assert "99.99" not in words


# How you are paid


def test_each_organisations_route_is_shown_and_changed_without_switching(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    accepted_offer(riverside_coordinator, expert_at_both)
    accepted_offer(hillview_coordinator, expert_at_both)
    working_in(client, expert_at_both, hillview)
    html = client.get("/my-claims/how-i-am-paid/").text
    assert f'<h2 class="govuk-heading-l" id="organisation-{riverside.pk}">{RIVERSIDE}</h2>' in html
    assert f"Change how {RIVERSIDE} pays you" in html
    assert f"Change how {HILLVIEW} pays you" in html
    sent = client.post(
        "/my-claims/how-i-am-paid/", {"organisation": riverside.pk, "route": "vouchers"}
    )
    assert sent.status_code == 302
    choice = PayRouteChoice.objects.get()
    assert (choice.organisation_id, choice.route) == (riverside.pk, "vouchers")
    page = text_of(client.get("/my-claims/how-i-am-paid/").text)
    assert f"{RIVERSIDE} Now: Vouchers" in page
    assert f"{HILLVIEW} Now: Vouchers" not in page


def test_a_route_for_an_organisation_the_person_does_not_work_with_is_refused(
    client, riverside, hillview, riverside_coordinator, expert_at_riverside
):
    accepted_offer(riverside_coordinator, expert_at_riverside)
    working_in(client, expert_at_riverside, riverside)
    sent = client.post(
        "/my-claims/how-i-am-paid/", {"organisation": hillview.pk, "route": "vouchers"}
    )
    assert sent.status_code == 404
    unanswered = client.post("/my-claims/how-i-am-paid/", {"organisation": riverside.pk})
    assert unanswered.status_code == 400
    assert "Choose how you would like to be paid." in unanswered.text
    assert not PayRouteChoice.objects.exists()
