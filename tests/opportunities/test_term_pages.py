"""The pages for an opportunity's terms: create and change every term, see them all, and
see what an offer made from it would still need."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from powerwith.engagements.models import Session
from powerwith.offers.content import REQUIRED_ELEMENTS
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import SessionInput, set_rate
from powerwith.workflows.changing_work import set_sessions
from tests.opportunities.factories import complete_opportunity, opportunity, person, worked

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1


def rows(prefix: str, count: int, **filled) -> dict[str, str]:
    data = {
        f"{prefix}-TOTAL_FORMS": str(count),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "100",
    }
    if prefix == "requirement":
        data.update({f"requirement-{n}-essential": "desirable" for n in range(count)})
    data.update(filled)
    return data


def session_row(number: int, day: int, month: int, year: int, time: str, minutes: str):
    return {
        f"session-{number}-date_0": str(day),
        f"session-{number}-date_1": str(month),
        f"session-{number}-date_2": str(year),
        f"session-{number}-start_time": time,
        f"session-{number}-minutes": minutes,
    }


def every_term(contact_id: int, **overrides) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Co-design restraint reduction training",
        "purpose": "Design a one-day course for ward staff.",
        "goal_type": "emancipatory",
        "commitment": "specified_project",
        "level": "co_production",
        "focus": ["designing_training"],
        "outcomes_tangible": ["training_resource"],
        "outcomes_less_tangible": ["trainer"],
        "success_measures": "The course is approved and delivered twice by March.",
        "input_expected": "Share what helped you and design the course activities with us.",
        "location_mode": "in_person",
        "location_address": "Riverside House, 1 Mill Lane, Leeds",
        "location_details": "",
        "hours_per_week": "",
        "reward_basis": "hourly",
        "reward_amount": "£25",
        "paid_within_days": "14",
        "expenses": ["travel", "travel_in_advance", "care"],
        "contact_user_id": str(contact_id),
        "backup_contact_user_id": "",
        "output_use": ["share_internally"],
        "wellbeing_checks": "on",
        "ground_rules": "You can stop, take time out or ask for support at any time.",
        "status": "draft",
        **rows("requirement", 5),
        **rows("session", 3, **session_row(0, 12, 1, NEXT_YEAR, "10:00", "180")),
    }
    data.update(overrides)
    return data


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.text)


def test_the_create_page_groups_every_term_with_the_power_to_stop_filled_in(
    client, riverside_coordinator, riverside_admin, riverside_contact
):
    set_rate(by=riverside_admin, basis="hourly", amount="25", valid_from=timezone.localdate())
    client.force_login(riverside_coordinator.user)
    page = client.get("/opportunities/new/")
    assert page.status_code == 200
    text = text_of(page)
    for heading in [
        "The work",
        "Where",
        "When",
        "Reward and expenses",
        "Contact and support",
        "What happens to outputs",
        "Required experience",
        "Review and status",
    ]:
        assert f'<h2 class="govuk-fieldset__heading">{heading}</h2>' in text, heading
    assert "make independent choices and take decisions that directly influence" in text
    assert "You can stop, take time out or ask for support at any time.</textarea>" in text
    assert "Leave it empty to use your rate card: £25.00 an hour." in text
    assert "Travel paid in advance" in text
    assert "A critical review of a report" in text
    assert f'<option value="{riverside_contact.user_id}">' in text
    assert 'name="session-2-date_0"' in text
    assert 'name="session-3-date_0"' not in text
    assert 'value="in_progress"' not in text


def test_a_coordinator_creates_an_opportunity_with_every_term(
    client, riverside_coordinator, riverside_contact
):
    client.force_login(riverside_coordinator.user)
    response = client.post("/opportunities/new/", every_term(riverside_contact.user_id))
    made = Opportunity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/{made.pk}/"
    assert made.outcomes == ["training_resource", "trainer"]
    assert made.reward_amount == Decimal("25.00")
    assert made.expenses["travel_in_advance"] is True
    assert made.expenses["subsistence"] is False
    assert made.output_use == {
        "share_internally": True,
        "publish": False,
        "distribute": False,
        "monetise": False,
    }
    assert made.contact_user_id == riverside_contact.user_id
    [session] = Session.objects.filter(opportunity=made)
    assert session.starts_at.isoformat() == f"{NEXT_YEAR}-01-12T10:00:00+00:00"
    assert session.minutes == 180


def test_nothing_ticked_leaves_expenses_undecided_and_none_says_none(
    client, riverside_coordinator, riverside_contact
):
    client.force_login(riverside_coordinator.user)
    client.post("/opportunities/new/", every_term(riverside_contact.user_id, expenses=[]))
    client.post("/opportunities/new/", every_term(riverside_contact.user_id, expenses=["none"]))
    undecided, none = Opportunity.objects.order_by("id")
    assert undecided.expenses == {}
    assert none.expenses
    assert not any(none.expenses.values())


def test_errors_are_summarised_each_linked_to_its_field_and_nothing_is_saved(
    client, riverside_coordinator, riverside_contact
):
    client.force_login(riverside_coordinator.user)
    response = client.post(
        "/opportunities/new/",
        every_term(
            riverside_contact.user_id,
            title="",
            expenses=["travel", "none"],
            **session_row(1, 31, 2, NEXT_YEAR, "", ""),
        ),
    )
    assert response.status_code == 400
    text = text_of(response)
    assert "<title>Error: Create an opportunity" in text
    assert 'href="#id_title">Enter a title for the opportunity.' in text
    assert 'href="#id_expenses_0">Select expenses covered, or the last option, not both.' in text
    assert 'href="#id_session-1-date_0">Session 2: Date must be a real date' in text
    assert not Opportunity.objects.exists()


def test_a_half_filled_session_row_says_what_is_missing(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    response = client.post(
        "/opportunities/new/",
        every_term(riverside_coordinator.user_id, **{"session-1-minutes": "60"}),
    )
    text = text_of(response)
    assert "<title>Error: Create an opportunity" in text
    assert 'href="#id_session-1-date_0">Session 2: Enter the date of the session' in text
    assert 'href="#id_session-1-start_time">Session 2: Enter the start time' in text


@pytest.mark.parametrize(
    ("overrides", "anchor", "message"),
    [
        ({"reward_amount": "-5"}, "id_reward_amount", "The amount cannot be negative."),
        ({"reward_amount": "20000"}, "id_reward_amount", "£20,000.00 an hour is more than"),
        (
            {"outcomes_tangible": ["a_promise"]},
            "id_outcomes_tangible_0",
            "Select a valid choice.",
        ),
        (
            {"commitment": "enduring_role", "status": "open"},
            "id_review_date_0",
            "Set a review date",
        ),
        (
            {"expenses": ["travel_in_advance"]},
            "id_expenses_0",
            "Travel can only be paid in advance when travel is covered",
        ),
        ({"hours_per_week": "70"}, "id_hours_per_week", "Hours per week must be more than 0"),
    ],
)
def test_a_services_refusal_is_shown_against_its_field(
    client, riverside_coordinator, riverside_contact, overrides, anchor, message
):
    client.force_login(riverside_coordinator.user)
    response = client.post(
        "/opportunities/new/", every_term(riverside_contact.user_id, **overrides)
    )
    assert response.status_code == 400
    assert f'href="#{anchor}">{message}' in text_of(response)
    assert not Opportunity.objects.exists()


def test_a_session_in_the_past_is_shown_on_its_row(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    response = client.post(
        "/opportunities/new/",
        every_term(
            riverside_coordinator.user_id,
            **session_row(0, 12, 1, NEXT_YEAR, "10:00", "180"),
            **session_row(2, 3, 3, 2020, "9:30", "60"),
        ),
    )
    text = text_of(response)
    assert (
        'href="#id_session-2-date_0">Session 3: 3 March 2020 at 9:30am is in the past. '
        "A new session needs a date and time from now on." in text
    )
    assert not Opportunity.objects.exists()


class TestChanging:
    def test_the_edit_page_shows_the_terms_as_they_are(
        self, client, riverside_coordinator, riverside_contact
    ):
        made = complete_opportunity(
            riverside_coordinator, riverside_contact, outcomes=["report", "panel_member"]
        )
        client.force_login(riverside_coordinator.user)
        page = client.get(f"/opportunities/{made.pk}/edit/")
        assert page.status_code == 200
        text = text_of(page)
        assert "Change the opportunity" in text
        assert 'name="reward_amount" value="25.00"' in text
        assert re.search(r'<input [^>]*value="report"[^>]* checked', text)
        assert not re.search(r'<input [^>]*value="blog"[^>]* checked', text)
        assert 'name="session-0-minutes" value="180"' in text
        assert 'name="session-0-start_time" value="10:00"' in text
        assert 'name="session-3-date_0"' in text  # three empty rows after the one held
        # Only the statuses it may move to are offered.
        assert 'value="open"' in text
        assert 'value="completed"' not in text

    def test_a_coordinator_changes_the_terms_and_the_sessions(
        self, client, riverside_coordinator, riverside_contact
    ):
        made = opportunity(riverside_coordinator)
        client.force_login(riverside_coordinator.user)
        response = client.post(
            f"/opportunities/{made.pk}/edit/",
            every_term(
                riverside_contact.user_id,
                title="Ward panel",
                reward_basis="voluntary",
                reward_amount="",
                status="open",
                **session_row(1, 1, 7, NEXT_YEAR, "2pm", "90"),
            ),
        )
        assert response.status_code == 302
        made.refresh_from_db()
        assert (made.title, made.reward_basis, made.status) == ("Ward panel", "voluntary", "open")
        assert [s.minutes for s in Session.objects.filter(opportunity=made)] == [180, 90]
        summer = Session.objects.filter(opportunity=made).last()
        assert summer is not None
        assert summer.starts_at.isoformat() == f"{NEXT_YEAR}-07-01T13:00:00+00:00"

    def test_a_refusal_changes_nothing(self, client, riverside_coordinator, riverside_contact):
        made = complete_opportunity(riverside_coordinator, riverside_contact)
        client.force_login(riverside_coordinator.user)
        response = client.post(
            f"/opportunities/{made.pk}/edit/",
            every_term(riverside_contact.user_id, title="Ward panel", reward_amount="-1"),
        )
        assert response.status_code == 400
        assert "There is a problem" in response.text
        made.refresh_from_db()
        assert made.title == "Co-design restraint reduction training"

    def test_a_held_session_with_people_booked_cannot_be_cleared(
        self, client, riverside_coordinator, riverside_contact
    ):
        made = opportunity(riverside_coordinator)
        held = worked(person(riverside_coordinator, "Niña"), made, 120, days_ago=7)
        client.force_login(riverside_coordinator.user)
        response = client.post(
            f"/opportunities/{made.pk}/edit/",
            every_term(riverside_contact.user_id, **rows("session", 3)),
        )
        assert "has people booked on it or recorded as taking part" in response.text
        assert Session.objects.get() == held

    # A held session on the minute, as sessions made through the pages are: the row the
    # page shows for it is then unchanged, and must still count.
    @time_machine.travel(datetime(2026, 11, 10, 12, 0, tzinfo=UTC), tick=False)
    def test_a_session_already_held_is_kept_when_the_page_is_saved_as_shown(
        self, client, riverside_coordinator, riverside_contact
    ):
        made = opportunity(riverside_coordinator)
        held = worked(person(riverside_coordinator, "Niña"), made, 120, days_ago=7)
        shown = timezone.localtime(held.starts_at)
        client.force_login(riverside_coordinator.user)
        response = client.post(
            f"/opportunities/{made.pk}/edit/",
            every_term(
                riverside_contact.user_id,
                **(
                    rows(
                        "session",
                        3,
                        **session_row(
                            0, shown.day, shown.month, shown.year, f"{shown:%H:%M}", "120"
                        ),
                    )
                    # As the page sends it: the first row was shown filled in.
                    | {"session-INITIAL_FORMS": "1"}
                ),
            ),
        )
        assert response.status_code == 302
        assert Session.objects.get() == held

    def test_an_auditor_cannot_change_it_and_another_organisation_cannot_find_it(
        self, client, riverside_coordinator, riverside_auditor, hillview_coordinator
    ):
        made = opportunity(riverside_coordinator)
        client.force_login(riverside_auditor.user)
        assert client.get(f"/opportunities/{made.pk}/edit/").status_code == 403
        assert "Change the terms" not in client.get(f"/opportunities/{made.pk}/").text
        client.force_login(hillview_coordinator.user)
        assert client.get(f"/opportunities/{made.pk}/edit/").status_code == 404


class TestTheDetailPage:
    def test_it_shows_every_term(self, client, riverside_coordinator, riverside_contact):
        made = complete_opportunity(
            riverside_coordinator,
            riverside_contact,
            backup_contact_user_id=riverside_coordinator.user_id,
            review_date=timezone.localdate() + timedelta(days=90),
        )
        client.force_login(riverside_coordinator.user)
        text = text_of(client.get(f"/opportunities/{made.pk}/"))
        for words in [
            "Emancipatory",
            "Involvement in a specified project",
            "make independent choices",
            "Designing training sessions or courses",
            "Training resources",
            "The course is approved and delivered twice by March.",
            "Share what helped you",
            "Riverside House, 1 Mill Lane, Leeds",
            "10am to 1pm (180 minutes)",
            "£25.00 an hour",
            "Paid within 14 days",
            "Travel paid in advance",
            "contact@riverside.example",
            "coordinator@riverside.example",
            "Before, at the end of and after the work",
            "You can stop, take time out or ask for support at any time.",
            "Shared inside the organisation",
            f"/opportunities/{made.pk}/edit/",
        ]:
            assert words in text, words
        assert "The opportunity states everything an offer of work needs from it." in text

    def test_it_lists_what_an_offer_would_still_need_in_the_send_gates_words(
        self, client, riverside_coordinator
    ):
        made = opportunity(riverside_coordinator, reward_basis="voluntary")
        client.force_login(riverside_coordinator.user)
        text = text_of(client.get(f"/opportunities/{made.pk}/"))
        assert "An offer of work made from this opportunity cannot be sent yet." in text
        for code in ["input_expected", "location", "time_commitment", "contact_person"]:
            assert REQUIRED_ELEMENTS[code] in text
        assert REQUIRED_ELEMENTS["adjustments"] not in text
        assert "Voluntary, by the person&#x27;s own choice: there is no fee" in text

    def test_sessions_already_held_are_listed_too(self, client, riverside_coordinator):
        made = opportunity(riverside_coordinator)
        set_sessions(
            made,
            by=riverside_coordinator,
            sessions=[SessionInput(timezone.now() + timedelta(days=3), 45)],
        )
        client.force_login(riverside_coordinator.user)
        assert "(45 minutes)" in client.get(f"/opportunities/{made.pk}/").text


def test_adding_a_session_row_keeps_what_was_typed_and_saves_nothing(
    client, riverside_coordinator, riverside_contact
):
    client.force_login(riverside_coordinator.user)
    sent = every_term(riverside_contact.user_id, title="", add_row="session")
    page = client.post("/opportunities/new/", sent)
    text = page.content.decode()
    assert page.status_code == 200
    assert not Opportunity.objects.exists()
    assert "There is a problem" not in text
    assert 'name="session-3-date_0"' in text
    assert 'name="session-4-date_0"' not in text
    assert "Share what helped you and design the course activities with us.</textarea>" in text
    assert 'formaction="#session-5"' in text


def test_adding_a_required_experience_row_keeps_the_rows_typed(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    sent = {
        **rows("session", 0),
        **rows("requirement", 1, **{"requirement-0-code": "indirect.carer_training"}),
        "add_row": "requirement",
    }
    page = client.post("/opportunities/new/", sent)
    text = page.content.decode()
    assert page.status_code == 200
    assert 'name="requirement-1-code"' in text
    assert '<option value="indirect.carer_training" selected>' in text


def test_rows_stop_at_the_stated_limit_and_the_page_says_so(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    sent = {**rows("session", 0), **rows("requirement", 19), "add_row": "requirement"}
    text = client.post("/opportunities/new/", sent).content.decode()
    assert 'name="requirement-19-code"' in text
    assert 'name="requirement-20-code"' not in text
    assert "Add another required experience" not in text
    assert "You have 20 rows, the most an opportunity can have." in text
    sent["requirement-TOTAL_FORMS"] = "20"
    again = client.post("/opportunities/new/", sent).content.decode()
    assert 'name="requirement-20-code"' not in again


def test_the_new_form_says_how_many_rows_it_can_hold_and_offers_to_add_one(
    client, riverside_coordinator
):
    client.force_login(riverside_coordinator.user)
    text = client.get("/opportunities/new/").content.decode()
    assert "up to 20 items" in text
    assert "Add another session" in text
    assert "Add another required experience" in text
