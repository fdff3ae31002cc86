"""Reviews due: overdue and due in the next 30 days, each linking to where it is reviewed.
A Wellness Action Plan's review shows only to the person and the readers they chose."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.utils.html import escape

from powerwith.consent import services as consent
from powerwith.evaluation.queries.reviews import DUE_WITHIN_DAYS
from tests.conftest import api_client_for, logged_in, make_member
from tests.engagements.factories import expert_membership
from tests.evaluation.factories import (
    NOW,
    consent_given,
    days,
    opportunity_for_review,
    plan_with_review,
)


@pytest.fixture
def frozen(db) -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _sections(page: str) -> tuple[str, str]:
    """(the overdue table, the due soon table), empty when the page has none."""
    overdue, _, soon = page.partition("Due soon</caption>")
    if "Overdue</caption>" not in overdue:
        return "", soon
    return overdue.split("Overdue</caption>", 1)[1], soon


def test_the_window_is_thirty_days():
    assert DUE_WITHIN_DAYS == 30


def test_opportunities_and_enduring_roles_overdue_or_due_within_30_days_are_listed(
    client, frozen, riverside_coordinator
):
    c = riverside_coordinator
    overdue = opportunity_for_review(c, "Panel overdue", days(-1), status="in_progress")
    role = opportunity_for_review(c, "Ward visits role", days(30), commitment="enduring_role")
    opportunity_for_review(c, "Review after the window", days(31))
    opportunity_for_review(c, "Already reviewed", days(-5), status="reviewed")
    opportunity_for_review(c, "Cancelled work", days(-5), status="cancelled")
    opportunity_for_review(c, "Still a draft", days(3), status="draft")
    page = logged_in(client, c.user).get("/reviews/").content.decode()
    late, soon = _sections(page)
    assert "Panel overdue" in late
    assert "Panel overdue" not in soon
    assert "Ward visits role" in soon
    assert "Enduring role" in soon
    assert f"/opportunities/{overdue.pk}/edit/" in late
    assert f"/opportunities/{role.pk}/edit/" in soon
    for absent in (
        "Review after the window",
        "Already reviewed",
        "Cancelled work",
        "Still a draft",
    ):
        assert absent not in page


def test_a_review_enters_the_window_thirty_days_ahead_and_is_overdue_the_day_after(
    client, frozen, riverside_coordinator
):
    opportunity_for_review(riverside_coordinator, "Quarterly panel", days(31))

    def reviews_page() -> tuple[str, str]:
        # Logged in afresh each day: a session does not last that long.
        return _sections(
            logged_in(client, riverside_coordinator.user).get("/reviews/").content.decode()
        )

    assert reviews_page() == ("", "")
    frozen.shift(timedelta(days=1))
    late, soon = reviews_page()
    assert "Quarterly panel" in soon
    assert "Quarterly panel" not in late
    frozen.shift(timedelta(days=30))
    late, soon = reviews_page()
    assert "Quarterly panel" in soon, "due today is not yet overdue"
    frozen.shift(timedelta(days=1))
    late, soon = reviews_page()
    assert "Quarterly panel" in late
    assert "Quarterly panel" not in soon


def test_consents_are_listed_to_reconfirm_before_they_lapse(
    client, frozen, riverside, riverside_coordinator, expert_at_riverside
):
    # The organisation's consents hold for 12 months.
    person = expert_at_riverside
    consent_given(person, riverside, "keep_contact", NOW - timedelta(days=365 - 20))
    consent_given(person, riverside, "share_profile", NOW - timedelta(days=368))
    consent_given(person, riverside, "publish", NOW - timedelta(days=300))
    actor = consent_given(person, riverside, "distribute", NOW - timedelta(days=360))
    consent.withdraw_consent(person=person, scope="distribute", actor=actor)
    page = logged_in(client, riverside_coordinator.user).get("/reviews/").content.decode()
    late, soon = _sections(page)
    assert "Alex: Keep my contact details for future opportunities" in soon
    assert "Alex: Share my profile with an organisation" in late
    assert "Publish outside the organisation" not in page
    assert "Share with other organisations" not in page
    assert "/consent-receipts/" in soon


def test_a_coordinator_never_sees_a_wellness_action_plan_review_unless_chosen_to_read_it(
    client, frozen, riverside_coordinator, riverside_admin, riverside_contact, expert_at_riverside
):
    plan_with_review(expert_at_riverside, days(10), riverside_contact)
    link = f"/people/{expert_at_riverside.pk}/wellness-action-plan/"
    for member in (riverside_coordinator, riverside_admin):
        page = logged_in(client, member.user).get("/reviews/").content.decode()
        assert escape("Alex's Wellness Action Plan") not in page
        assert link not in page
    page = logged_in(client, riverside_contact.user).get("/reviews/").content.decode()
    assert escape("Alex's Wellness Action Plan") in page
    assert link in page


def test_a_chosen_reader_sees_the_plan_review_only_through_an_organisation_the_person_works_with(
    client, frozen, riverside_coordinator, hillview_coordinator, expert_at_both
):
    plan_with_review(expert_at_both, days(-3), hillview_coordinator)
    hillview = logged_in(client, hillview_coordinator.user).get("/reviews/").content.decode()
    late, _ = _sections(hillview)
    assert escape("Sam's Wellness Action Plan") in late
    riverside = logged_in(client, riverside_coordinator.user).get("/reviews/").content.decode()
    assert escape("Sam's Wellness Action Plan") not in riverside


def test_another_organisations_reviews_are_not_shown(
    client, frozen, riverside, riverside_coordinator, hillview_coordinator, expert_at_both
):
    opportunity_for_review(riverside_coordinator, "Riverside panel", days(2))
    consent_given(expert_at_both, riverside, "keep_contact", NOW - timedelta(days=360))
    page = logged_in(client, hillview_coordinator.user).get("/reviews/").content.decode()
    assert "Riverside panel" not in page
    assert "Keep my contact details" not in page
    assert "Nothing is overdue" in page


def test_auditors_are_refused_and_experts_are_sent_to_their_own_reviews(
    client, frozen, riverside_auditor, expert_at_riverside
):
    assert logged_in(client, riverside_auditor.user).get("/reviews/").status_code == 403
    response = logged_in(client, expert_at_riverside.user).get("/reviews/")
    assert response.status_code == 302
    assert response["Location"] == "/my-reviews/"


def test_the_person_sees_their_plan_review_and_consents_to_reconfirm(
    client, frozen, riverside, riverside_coordinator, expert_at_riverside
):
    person = expert_at_riverside
    plan_with_review(person, days(12))
    consent_given(person, riverside, "keep_contact", NOW - timedelta(days=370))
    opportunity_for_review(riverside_coordinator, "Staff-only review", days(1))
    page = logged_in(client, person.user).get("/my-reviews/").content.decode()
    late, soon = _sections(page)
    assert "Your Wellness Action Plan" in soon
    assert 'href="/my-wellness-action-plan/"' in soon
    assert "Keep my contact details for future opportunities" in late
    assert f'href="/my-consents/#organisation-{riverside.pk}"' in late
    assert "Staff-only review" not in page


def test_a_plan_review_further_off_is_mentioned_but_not_listed(client, frozen, expert_at_riverside):
    plan_with_review(expert_at_riverside, days(90))
    page = logged_in(client, expert_at_riverside.user).get("/my-reviews/").content.decode()
    assert "Nothing is due in the next 30 days" in page
    assert "8 June 2027" in page


def test_a_consent_with_another_organisation_links_straight_to_it_without_switching(
    client, frozen, riverside, expert_at_both
):
    consent_given(expert_at_both, riverside, "keep_contact", NOW - timedelta(days=360))
    logged_in(client, expert_at_both.user)
    client.post(
        "/organisation/switch/",
        {
            "organisation": expert_at_both.links.exclude(organisation=riverside)
            .get()
            .organisation_id
        },
    )
    page = client.get("/my-reviews/").content.decode()
    assert "to review it" not in page
    assert f'href="/my-consents/#organisation-{riverside.pk}"' in page
    consents = client.get("/my-consents/").content.decode()
    assert f'id="organisation-{riverside.pk}"' in consents


def test_staff_without_a_profile_have_no_reviews_of_their_own(client, riverside_coordinator):
    assert logged_in(client, riverside_coordinator.user).get("/my-reviews/").status_code == 404


def test_the_api_gives_staff_their_organisations_reviews(
    frozen, riverside, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    role = opportunity_for_review(
        riverside_coordinator, "Ward visits role", days(-2), commitment="enduring_role"
    )
    consent_given(expert_at_riverside, riverside, "keep_contact", NOW - timedelta(days=350))
    plan_with_review(expert_at_riverside, days(5))
    body = api_client_for(riverside_coordinator).get("/api/v1/reviews").json()
    assert body["due_within_days"] == 30
    kinds = {(item["kind"], item["overdue"]) for item in body["items"]}
    assert kinds == {("enduring_role", True), ("consent", False)}
    first = body["items"][0]
    assert first["opportunity_id"] == role.pk
    assert first["due_on"] == days(-2).isoformat()
    assert api_client_for(hillview_coordinator).get("/api/v1/reviews").json()["items"] == []


def test_the_api_gives_an_expert_their_own_reviews(
    frozen, riverside, riverside_coordinator, expert_at_riverside
):
    opportunity_for_review(riverside_coordinator, "Staff-only review", days(1))
    plan_with_review(expert_at_riverside, days(5))
    consent_given(expert_at_riverside, riverside, "keep_contact", NOW - timedelta(days=350))
    membership = expert_membership(expert_at_riverside, riverside.pk)
    items = api_client_for(membership).get("/api/v1/reviews").json()["items"]
    assert [(i["kind"], i["link"]) for i in items] == [
        ("wellness_action_plan", "/my-wellness-action-plan/"),
        ("consent", "/my-consents/"),
    ]


def test_the_api_refuses_an_auditor(frozen, riverside_auditor):
    response = api_client_for(riverside_auditor).get("/api/v1/reviews")
    assert response.status_code == 403
    assert "detail" in response.json()


def test_a_contact_person_sees_only_the_plans_they_were_chosen_to_read(
    client, frozen, riverside, riverside_coordinator, riverside_contact, expert_at_riverside
):
    opportunity_for_review(riverside_coordinator, "Panel overdue", days(-1))
    consent_given(expert_at_riverside, riverside, "keep_contact", NOW - timedelta(days=360))
    page = logged_in(client, riverside_contact.user).get("/reviews/").content.decode()
    assert "Panel overdue" not in page
    assert "Keep my contact details" not in page
    plan_with_review(expert_at_riverside, days(3), riverside_contact)
    page = client.get("/reviews/").content.decode()
    assert escape("Alex's Wellness Action Plan") in page


def test_a_reader_does_not_see_the_plan_review_while_working_for_another_organisation(
    client, frozen, hillview, riverside_contact, expert_at_riverside
):
    # The contact person also works at Hillview, where Alex does not.
    make_member(hillview, riverside_contact.user.email, "coordinator")
    plan_with_review(expert_at_riverside, days(3), riverside_contact)
    logged_in(client, riverside_contact.user)
    client.post("/organisation/switch/", {"organisation": hillview.pk})
    page = client.get("/reviews/").content.decode()
    assert "Hillview Health NHS Foundation Trust" in page
    assert escape("Alex's Wellness Action Plan") not in page
