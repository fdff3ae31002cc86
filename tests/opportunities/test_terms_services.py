"""An opportunity's terms through the services: each rule says what is wrong in plain
words, and a refusal saves nothing."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import create_opportunity, set_rate, update_opportunity
from tests.opportunities.factories import complete_terms, opportunity

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def test_it_creates_an_opportunity_with_every_term(riverside_coordinator, riverside_contact):
    made = create_opportunity(
        by=riverside_coordinator,
        data=complete_terms(
            riverside_contact,
            outcomes=["training_resource", "panel_member"],
            backup_contact_user_id=riverside_coordinator.user_id,
            review_date=today() + timedelta(days=90),
        ),
    )
    made.refresh_from_db()
    assert made.outcomes == ["training_resource", "panel_member"]
    assert made.reward_amount == Decimal("25.00")
    assert made.paid_within_days == 14
    # Every expense is stated, covered or not.
    assert made.expenses == {
        "travel": True,
        "travel_in_advance": True,
        "subsistence": True,
        "care": False,
        "support_worker": False,
        "equipment": False,
    }
    assert made.contact_user == riverside_contact.user
    assert made.backup_contact_user == riverside_coordinator.user
    assert made.ground_rules == "You can stop, take time out or ask for support at any time."
    assert AuditEvent.objects.filter(action="opportunity.created", target_id=str(made.pk)).exists()


@pytest.mark.parametrize(
    ("term", "value", "valid"),
    [
        ("goal_type", "speculative", "exploratory, explanatory, emancipatory"),
        ("commitment", "forever", "standalone_commission, specified_project, enduring_role"),
        ("level", "tokenism", "consultation, participation, co_production"),
        ("location_mode", "telepathy", "in_person, phone, video"),
        ("reward_basis", "exposure", "hourly, daily, per_session, salaried, voluntary"),
        ("focus", ["juggling"], "consultation_on_issue"),
        ("outcomes", ["a_promise"], "blog, journal_article, report, policy, training_resource"),
        ("expenses", {"champagne": True}, "travel, travel_in_advance, subsistence"),
        ("output_use", {"sell_on": True}, "share_internally, publish, distribute, monetise"),
    ],
)
def test_an_unknown_code_is_refused_naming_the_valid_ones(
    riverside_coordinator, term, value, valid
):
    with pytest.raises(InvalidInput) as refused:
        create_opportunity(by=riverside_coordinator, data={"title": "Panel", term: value})
    assert refused.value.status_code == 422
    assert valid in refused.value.message
    assert refused.value.field == term
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize(
    ("basis", "amount", "message"),
    [
        ("hourly", "-5", "The amount cannot be negative."),
        ("hourly", "0", "Paid work needs an amount above £0."),
        ("hourly", "10000.01", "£10,000.01 an hour is more than the £10,000.00 an hour"),
        ("daily", "25000", "£25,000.00 a day is more than the £10,000.00 a day"),
        ("per_session", "99999", "a session is more than the £10,000.00 a session"),
        ("salaried", "200000.01", "more than the £200,000.00 a year"),
        ("hourly", "25.001", "Give the amount in pounds and pence"),
        ("hourly", "lots", "Enter the reward amount as a number, like 25.00."),
        ("hourly", "NaN", "Enter the reward amount as a number"),
        ("voluntary", "10", "Voluntary work has no fee"),
        ("", "10", "Choose how the reward is worked out before giving an amount."),
    ],
)
def test_a_negative_or_absurd_amount_is_refused(riverside_coordinator, basis, amount, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        create_opportunity(
            by=riverside_coordinator,
            data={"title": "Panel", "reward_basis": basis, "reward_amount": amount},
        )
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize(("basis", "amount"), [("hourly", "10000"), ("salaried", "200000")])
def test_the_highest_sensible_amounts_are_accepted(riverside_coordinator, basis, amount):
    made = opportunity(riverside_coordinator, reward_basis=basis, reward_amount=amount)
    assert made.reward_amount == Decimal(amount)


def test_voluntary_work_has_no_amount_and_says_it_is_the_persons_choice(riverside_coordinator):
    made = opportunity(riverside_coordinator, reward_basis="voluntary")
    assert made.reward_amount is None
    assert made.get_reward_basis_display() == "Voluntary, by the person's own choice"


class TestTheRateCard:
    @pytest.fixture
    def rates(self, riverside_admin):
        """£20 an hour from 60 days ago, £22 from 30 days ago, £30 from 10 days ahead."""
        now = timezone.now()
        for days_ago, amount in [(60, "20"), (30, "22")]:
            with time_machine.travel(now - timedelta(days=days_ago), tick=False):
                set_rate(by=riverside_admin, basis="hourly", amount=amount, valid_from=today())
        set_rate(
            by=riverside_admin,
            basis="hourly",
            amount="30",
            valid_from=today() + timedelta(days=10),
        )
        set_rate(by=riverside_admin, basis="daily", amount="150", valid_from=today())

    def test_a_paid_opportunity_without_an_amount_takes_the_rate_in_use_today(
        self, riverside_coordinator, rates
    ):
        made = opportunity(riverside_coordinator, reward_basis="hourly")
        assert made.reward_amount == Decimal("22.00")

    def test_an_amount_given_is_kept(self, riverside_coordinator, rates):
        made = opportunity(riverside_coordinator, reward_basis="hourly", reward_amount="26.50")
        assert made.reward_amount == Decimal("26.50")

    def test_a_basis_without_a_rate_leaves_the_amount_to_be_set(self, riverside_coordinator, rates):
        assert opportunity(riverside_coordinator, reward_basis="per_session").reward_amount is None

    def test_a_new_basis_takes_its_own_rate_not_the_old_amount(self, riverside_coordinator, rates):
        made = opportunity(riverside_coordinator, reward_basis="hourly", reward_amount="25")
        update_opportunity(made, by=riverside_coordinator, changes={"reward_basis": "daily"})
        made.refresh_from_db()
        assert made.reward_amount == Decimal("150.00")
        update_opportunity(made, by=riverside_coordinator, changes={"reward_basis": "voluntary"})
        made.refresh_from_db()
        assert made.reward_amount is None

    def test_another_organisations_rates_are_not_used(self, hillview_coordinator, rates):
        assert opportunity(hillview_coordinator, reward_basis="hourly").reward_amount is None


@pytest.mark.parametrize(
    ("term", "value", "message"),
    [
        ("hours_per_week", "0", "more than 0 and at most 48"),
        ("hours_per_week", "48.5", "more than 0 and at most 48"),
        ("hours_per_week", "7.25", "one decimal place"),
        ("paid_within_days", -1, "from 0 (on the day) to 365"),
        ("paid_within_days", 366, "from 0 (on the day) to 365"),
        ("success_measures", "x" * 4001, "The success measures must be 4000 characters"),
        ("location_address", "x" * 301, "The location address must be 300 characters"),
        ("wellbeing_checks", "sometimes", "must be true or false"),
        ("expenses", {"travel_in_advance": True}, "only be paid in advance when travel"),
        ("colour", "red", "Unknown field: colour."),
    ],
)
def test_bad_terms_are_refused_with_a_clear_message(riverside_coordinator, term, value, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        create_opportunity(by=riverside_coordinator, data={"title": "Panel", term: value})
    assert not Opportunity.objects.exists()


class TestContacts:
    def test_a_contact_from_another_organisation_is_not_a_member(
        self, riverside_coordinator, hillview_coordinator
    ):
        with pytest.raises(InvalidInput, match="not a member of Riverside Care Partnership"):
            opportunity(riverside_coordinator, contact_user_id=hillview_coordinator.user_id)
        assert not Opportunity.objects.exists()

    def test_a_backup_contact_who_is_not_a_member_is_refused(
        self, riverside_coordinator, riverside_contact
    ):
        with pytest.raises(InvalidInput, match="not a member") as refused:
            opportunity(
                riverside_coordinator,
                contact_user_id=riverside_contact.user_id,
                backup_contact_user_id=999_999,
            )
        assert refused.value.field == "backup_contact_user_id"

    def test_a_contact_is_staff_who_can_support_people(
        self, riverside_coordinator, expert_at_riverside, riverside_auditor
    ):
        for member_id in [expert_at_riverside.user_id, riverside_auditor.user_id]:
            with pytest.raises(InvalidInput, match="coordinator, contact person or admin"):
                opportunity(riverside_coordinator, contact_user_id=member_id)

    def test_the_backup_is_someone_else(self, riverside_coordinator, riverside_contact):
        with pytest.raises(InvalidInput, match="someone other than the contact person"):
            opportunity(
                riverside_coordinator,
                contact_user_id=riverside_contact.user_id,
                backup_contact_user_id=riverside_contact.user_id,
            )

    def test_changing_a_contact_is_checked_too(
        self, riverside_coordinator, riverside_contact, hillview_coordinator
    ):
        made = opportunity(riverside_coordinator, contact_user_id=riverside_contact.user_id)
        with pytest.raises(InvalidInput, match="not a member"):
            update_opportunity(
                made,
                by=riverside_coordinator,
                changes={"contact_user_id": hillview_coordinator.user_id},
            )
        made.refresh_from_db()
        assert made.contact_user_id == riverside_contact.user_id


class TestStatus:
    def test_it_moves_forward_one_step_at_a_time_and_audits_each_step(self, riverside_coordinator):
        made = opportunity(riverside_coordinator)
        for status in ["open", "in_progress", "completed", "reviewed"]:
            update_opportunity(made, by=riverside_coordinator, changes={"status": status})
            made.refresh_from_db()
            assert made.status == status
        steps = AuditEvent.objects.filter(action="opportunity.status_changed").order_by("id")
        assert [(e.details["from"], e.details["to"]) for e in steps] == [
            ("draft", "open"),
            ("open", "in_progress"),
            ("in_progress", "completed"),
            ("completed", "reviewed"),
        ]

    @pytest.mark.parametrize(
        ("path", "wanted", "message"),
        [
            (
                [],
                "completed",
                "The opportunity is a draft, so it cannot become completed. It "
                "can become open or cancelled.",
            ),
            (["open"], "draft", "is open, so it cannot become a draft"),
            (["open", "in_progress"], "open", "is in progress, so it cannot become open"),
            (["cancelled"], "open", "Its status can no longer change."),
            (
                ["open", "in_progress", "completed", "reviewed"],
                "cancelled",
                "is reviewed, so it cannot become cancelled",
            ),
        ],
    )
    def test_other_changes_are_refused_as_a_conflict(
        self, riverside_coordinator, path, wanted, message
    ):
        made = opportunity(riverside_coordinator)
        for status in path:
            update_opportunity(made, by=riverside_coordinator, changes={"status": status})
        before = made.status
        with pytest.raises(Conflict) as refused:
            update_opportunity(
                made, by=riverside_coordinator, changes={"status": wanted, "title": "Renamed"}
            )
        assert message in refused.value.message
        assert refused.value.status_code == 409
        made.refresh_from_db()
        assert (made.status, made.title) == (before, "Co-design restraint reduction training")

    @pytest.mark.parametrize(
        "path", [[], ["open"], ["open", "in_progress"], ["open", "in_progress", "completed"]]
    )
    def test_anything_not_yet_reviewed_can_be_cancelled(self, riverside_coordinator, path):
        made = opportunity(riverside_coordinator)
        for status in [*path, "cancelled"]:
            update_opportunity(made, by=riverside_coordinator, changes={"status": status})
        assert made.status == "cancelled"

    def test_a_new_opportunity_is_a_draft_or_open(self, riverside_coordinator):
        assert opportunity(riverside_coordinator).status == "draft"
        assert opportunity(riverside_coordinator, status="open").status == "open"
        with pytest.raises(Conflict, match="starts as a draft, or open"):
            opportunity(riverside_coordinator, status="in_progress")


class TestReviewDates:
    def test_an_enduring_role_cannot_open_without_a_review_date(self, riverside_coordinator):
        with pytest.raises(InvalidInput, match="Set a review date") as refused:
            opportunity(riverside_coordinator, commitment="enduring_role", status="open")
        assert refused.value.field == "review_date"
        role = opportunity(riverside_coordinator, commitment="enduring_role")
        with pytest.raises(InvalidInput, match="Set a review date"):
            update_opportunity(role, by=riverside_coordinator, changes={"status": "open"})
        update_opportunity(
            role,
            by=riverside_coordinator,
            changes={"status": "open", "review_date": today() + timedelta(days=180)},
        )
        assert role.status == "open"

    def test_an_open_role_keeps_its_review_date(self, riverside_coordinator):
        role = opportunity(
            riverside_coordinator,
            commitment="enduring_role",
            status="open",
            review_date=today() + timedelta(days=180),
        )
        with pytest.raises(InvalidInput, match="Set a review date"):
            update_opportunity(role, by=riverside_coordinator, changes={"review_date": None})
        project = opportunity(riverside_coordinator, status="open")
        with pytest.raises(InvalidInput, match="Set a review date"):
            update_opportunity(
                project, by=riverside_coordinator, changes={"commitment": "enduring_role"}
            )

    def test_a_new_review_date_is_not_in_the_past(self, riverside_coordinator):
        with pytest.raises(InvalidInput, match=r"The review date must be today or later\."):
            opportunity(riverside_coordinator, review_date=today() - timedelta(days=1))
        assert opportunity(riverside_coordinator, review_date=today()).review_date == today()

    def test_a_role_whose_review_date_has_passed_is_not_opened_until_it_has_a_new_one(
        self, riverside_coordinator
    ):
        with time_machine.travel(timezone.now() - timedelta(days=30), tick=False):
            role = opportunity(
                riverside_coordinator, commitment="enduring_role", review_date=today()
            )
        with pytest.raises(InvalidInput, match="The review date has passed"):
            update_opportunity(role, by=riverside_coordinator, changes={"status": "open"})


class TestChanges:
    def test_a_change_is_audited_with_what_changed(self, riverside_coordinator):
        made = opportunity(riverside_coordinator, reward_amount="25")
        update_opportunity(
            made,
            by=riverside_coordinator,
            changes={"title": "Ward panel", "reward_amount": "27.50", "purpose": ""},
        )
        event = AuditEvent.objects.get(action="opportunity.updated")
        assert event.actor == riverside_coordinator.user
        assert event.details["changed"] == {
            "title": {"from": "Co-design restraint reduction training", "to": "Ward panel"},
            "reward_amount": {"from": "25.00", "to": "27.50"},
        }

    def test_no_change_writes_nothing(self, riverside_coordinator):
        made = opportunity(riverside_coordinator)
        update_opportunity(made, by=riverside_coordinator, changes={"title": made.title})
        assert not AuditEvent.objects.filter(action="opportunity.updated").exists()

    def test_one_bad_term_saves_none_of_the_others(self, riverside_coordinator):
        made = opportunity(riverside_coordinator)
        with pytest.raises(InvalidInput):
            update_opportunity(
                made,
                by=riverside_coordinator,
                changes={"title": "Ward panel", "reward_amount": "-1"},
            )
        made.refresh_from_db()
        assert made.title == "Co-design restraint reduction training"
        assert not AuditEvent.objects.filter(action="opportunity.updated").exists()

    @pytest.mark.parametrize(
        "who", ["riverside_auditor", "riverside_contact", "hillview_coordinator"]
    )
    def test_only_the_organisations_coordinators_and_admins_change_it(
        self, request, riverside_coordinator, who
    ):
        made = opportunity(riverside_coordinator)
        with pytest.raises(NotAllowed):
            update_opportunity(
                made, by=request.getfixturevalue(who), changes={"title": "Taken over"}
            )
        made.refresh_from_db()
        assert made.title == "Co-design restraint reduction training"

    def test_a_blank_title_is_refused(self, riverside_coordinator):
        made = opportunity(riverside_coordinator)
        with pytest.raises(InvalidInput, match="Enter a title"):
            update_opportunity(made, by=riverside_coordinator, changes={"title": "  "})
