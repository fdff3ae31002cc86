"""A supporter claiming the person's pay for a session, through their own login: the
person's own claim (the time booked at the agreed rate, sent for approval), recorded as
made by the supporter for the person, confirmed to the person by their own channel, and
only for what the person lets the supporter do."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance
from powerwith.payments.models import Claim
from powerwith.people.models import ActedFor, Person
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.payments.factories import time_claim, worked
from tests.people.factories import (
    assert_not_found,
    only_messages,
    removed_by_the_person,
    supporter_with_login,
)

pytestmark = pytest.mark.django_db

CLAIMED = {"minutes": "", "reason": "", "agreed": "on"}


def claim_page(booking: Attendance) -> str:
    return f"/supporting/claims/{booking.pk}/"


@pytest.fixture
def booking(riverside_coordinator: Membership, riverside_contact: Membership, expert_at_riverside):
    """Three hours at £25 an hour, two days ago."""
    return worked(
        riverside_coordinator,
        expert_at_riverside,
        title="Listening event",
        contact=riverside_contact.user,
    )


def test_the_supporters_page_links_to_claiming_pay_for_a_session_that_has_happened(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    page = logged_in(client, user).get("/supporting/").content.decode()
    assert "Pay Alex can claim" in page
    assert claim_page(booking) in page
    assert "Claim pay for them" in page


def test_a_session_still_to_come_has_no_link_to_claim(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    coming = booked(riverside_coordinator, expert_at_riverside, title="Listening event")
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert claim_page(coming) not in browser.get("/supporting/").content.decode()
    page = browser.get(claim_page(coming)).content.decode()
    assert "no pay to claim for this session now" in page
    refused = browser.post(claim_page(coming), CLAIMED)
    assert refused.status_code == 409
    assert "once the session has started" in refused.content.decode()
    assert not Claim.objects.exists()
    assert not ActedFor.objects.exists()


def test_a_session_claimed_already_has_no_link_to_claim(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    time_claim(booking)
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert claim_page(booking) not in browser.get("/supporting/").content.decode()
    assert browser.post(claim_page(booking), CLAIMED).status_code == 409
    assert Claim.objects.count() == 1
    assert not ActedFor.objects.exists()


def test_a_supporter_who_may_answer_claims_the_persons_pay(
    client: Client,
    booking: Attendance,
    expert_at_riverside: Person,
    django_capture_on_commit_callbacks,
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    page = browser.get(claim_page(booking)).content.decode()
    assert "Alex is paid £75.00" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(claim_page(booking), CLAIMED)
    assert response.status_code == 302
    assert response["Location"] == "/supporting/"
    claim = Claim.objects.get()
    assert (claim.person, claim.kind, claim.session_id, claim.status) == (
        expert_at_riverside,
        "time",
        booking.session_id,
        "submitted",
    )
    assert (claim.amount, claim.minutes, claim.created_by) == (Decimal("75.00"), 180, user)
    acted = ActedFor.objects.get()
    assert (acted.subject, acted.subject_id, acted.method) == ("claim", claim.pk, "supporter")
    assert (acted.recorded_by, acted.supporter) == (user, supporter)
    assert acted.organisation == claim.organisation
    [told] = [m for m in mail.outbox if m.to == [expert_at_riverside.email]]
    assert (
        "Sam Green, your supporter, told us that you claim your pay for the time you worked "
        "for the work: Listening event" in told.body
    )
    shown = browser.get("/supporting/").content.decode()
    assert "You claimed Alex&#x27;s pay for the session." in shown
    assert claim_page(booking) not in shown


def test_a_session_that_ran_over_is_claimed_with_the_reason(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    without_reason = browser.post(claim_page(booking), {**CLAIMED, "minutes": "240"})
    assert without_reason.status_code == 400
    assert "Say why you worked longer" in without_reason.content.decode()
    assert not Claim.objects.exists()
    response = browser.post(
        claim_page(booking), {**CLAIMED, "minutes": "240", "reason": "The panel ran late."}
    )
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.minutes, claim.amount) == (240, Decimal("100.00"))


def test_the_person_and_staff_see_who_made_the_claim(
    client: Client,
    booking: Attendance,
    expert_at_riverside: Person,
    riverside_coordinator: Membership,
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user).post(claim_page(booking), CLAIMED)
    claim = Claim.objects.get()
    assert expert_at_riverside.user is not None
    theirs = logged_in(Client(), expert_at_riverside.user)
    assert f"/my-claims/{claim.pk}/" in theirs.get("/my-claims/").content.decode()
    page = theirs.get(f"/my-claims/{claim.pk}/").content.decode()
    assert "Done for you" in page
    assert "Sam Green, your supporter, told us that you claim your pay" in page
    staff = logged_in(Client(), riverside_coordinator.user)
    detail = staff.get(f"/claims/{claim.pk}/").content.decode()
    assert "Sam Green, Alex's supporter, claimed for them through their own login" in detail


def test_without_the_agreement_ticked_nothing_is_claimed(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    response = logged_in(client, user).post(claim_page(booking), {"minutes": "", "reason": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Tick to say that they agreed this with you" in html
    assert not Claim.objects.exists()
    assert not ActedFor.objects.exists()


def test_a_supporter_who_may_only_help_sees_the_page_but_cannot_claim(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "help_answer")
    browser = logged_in(client, user)
    assert claim_page(booking) in browser.get("/supporting/").content.decode()
    page = browser.get(claim_page(booking))
    assert page.status_code == 200
    assert "Send the claim for approval" not in page.content.decode()
    assert "asked you to help them, not to claim for them" in page.content.decode()
    refused = browser.post(claim_page(booking), CLAIMED)
    assert refused.status_code == 403
    assert "asked you to help them answer, not to answer for them" in refused.content.decode()
    assert not Claim.objects.exists()
    assert not ActedFor.objects.exists()


def test_a_supporter_who_may_only_get_messages_is_not_shown_the_page(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    only_messages(supporter)
    browser = logged_in(client, user)
    assert claim_page(booking) not in browser.get("/supporting/").content.decode()
    assert_not_found(browser, claim_page(booking), CLAIMED)
    assert not Claim.objects.exists()


def test_removing_the_supporter_stops_them_on_the_very_next_request(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert browser.get(claim_page(booking)).status_code == 200
    removed_by_the_person(supporter)
    assert_not_found(browser, claim_page(booking), CLAIMED)
    assert not Claim.objects.exists()


def test_another_persons_booking_is_not_found(
    client: Client,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    expert_at_both: Person,
) -> None:
    someone_else = worked(riverside_coordinator, expert_at_both)
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert_not_found(browser, claim_page(someone_else), CLAIMED)
    assert browser.get("/supporting/claims/99999999999999999999/").status_code == 404
    assert not Claim.objects.exists()


@pytest.mark.parametrize("who", ["riverside_coordinator", "hillview_coordinator"])
def test_staff_are_not_the_persons_supporter(
    client: Client, booking: Attendance, expert_at_riverside: Person, who: str, request
) -> None:
    supporter_with_login(expert_at_riverside, "answer_for")
    staff: Membership = request.getfixturevalue(who)
    browser = logged_in(client, staff.user)
    assert_not_found(browser, claim_page(booking), CLAIMED)
    assert not Claim.objects.exists()
