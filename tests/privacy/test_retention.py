"""Retention: an admin sets how long their organisation keeps what it holds, and the
worker's sweep removes each kind of information the day after its period ends, never
before, never a payment record younger than six years, never the consent ledger."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import verify_chain
from powerwith.engagements.models import Attendance, Session
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.payments.models import Claim
from powerwith.people.models import Person, PersonStatus
from powerwith.privacy.models import AccessLogEntry, ErasureRecord, RetentionPolicy, What
from powerwith.privacy.retention import months_before, sweep
from powerwith.privacy.services import PSEUDONYM
from powerwith.reminders import SWEEPS
from tests.conftest import logged_in
from tests.payments.factories import expense_claim, offer_of
from tests.privacy.factories import booking_with_note

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 6, 15, 12, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def just_inside(months: int) -> dt.datetime:
    return months_before(NOW, months) + DAY


def just_outside(months: int) -> dt.datetime:
    return months_before(NOW, months) - DAY


def test_the_defaults_are_written_in_the_model(riverside: object) -> None:
    policy = RetentionPolicy()
    assert (
        policy.wellbeing_note_months,
        policy.access_log_months,
        policy.left_person_months,
        policy.feedback_text_months,
        policy.payment_months,
        policy.audit_log_months,
    ) == (12, 24, 24, 36, 72, 72)


def test_months_before_keeps_to_the_calendar() -> None:
    moment = dt.datetime(2027, 3, 31, 9, 0, tzinfo=dt.UTC)
    assert months_before(moment, 1) == dt.datetime(2027, 2, 28, 9, 0, tzinfo=dt.UTC)
    assert months_before(moment, 12) == dt.datetime(2026, 3, 31, 9, 0, tzinfo=dt.UTC)
    assert months_before(moment, 72) == dt.datetime(2021, 3, 31, 9, 0, tzinfo=dt.UTC)


def test_the_sweep_is_one_of_the_workers_sweeps() -> None:
    assert "powerwith.privacy.retention.sweep" in SWEEPS


def test_wellbeing_notes_go_the_day_after_their_period(
    riverside_coordinator: Membership, expert_at_riverside: Person, expert_at_both: Person
) -> None:
    kept_booking, kept = booking_with_note(riverside_coordinator, expert_at_riverside, "Kept")
    gone_booking, gone = booking_with_note(riverside_coordinator, expert_at_both, "Gone")
    Session.objects.filter(pk=kept_booking.session_id).update(starts_at=just_inside(12))
    Session.objects.filter(pk=gone_booking.session_id).update(starts_at=just_outside(12))
    assert sweep(NOW) == 1
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert (kept.note, gone.note) == ("Kept", "")
    assert gone.feeling == 2  # the rating stays; only the words go
    assert sweep(NOW) == 0


def test_an_organisations_own_period_is_used(
    riverside_admin: Membership, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    RetentionPolicy.objects.create(
        organisation=riverside_admin.organisation, wellbeing_note_months=3
    )
    booking, check = booking_with_note(riverside_coordinator, expert_at_riverside)
    Session.objects.filter(pk=booking.session_id).update(starts_at=just_outside(3))
    sweep(NOW)
    check.refresh_from_db()
    assert check.note == ""


def _entry(membership: Membership, person: Person, at: dt.datetime) -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        person=person,
        organisation=membership.organisation,
        viewer=membership.user,
        viewer_role=membership.role,
        what=What.PROFILE,
        where="/people/",
        created_at=at,
    )


def test_access_log_entries_go_the_day_after_their_period(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    kept = _entry(riverside_coordinator, expert_at_riverside, just_inside(24))
    _entry(riverside_coordinator, expert_at_riverside, just_outside(24))
    assert sweep(NOW) == 1
    assert list(AccessLogEntry.objects.all()) == [kept]


def test_feedback_words_go_after_their_period_and_the_ratings_stay(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = booking_with_note(riverside_coordinator, expert_at_riverside)[0]
    opportunity = booking.session.opportunity

    def answer(given_in: dt.date) -> FeedbackAnswer:
        return FeedbackAnswer.objects.create(
            organisation=opportunity.organisation,
            opportunity=opportunity,
            comments="The room was too hot",
            respected=4,
            given_in=given_in,
        )

    kept = answer(just_inside(36).date())
    gone = answer(just_outside(36).date())
    sweep(NOW)
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert (kept.comments, gone.comments, gone.respected) == ("The room was too hot", "", 4)


def test_a_person_who_left_is_erased_after_the_period(
    riverside_coordinator: Membership, expert_at_riverside: Person, expert_at_both: Person
) -> None:
    Person.objects.filter(pk=expert_at_riverside.pk).update(
        status=PersonStatus.LEFT, updated_at=just_outside(24)
    )
    Person.objects.filter(pk=expert_at_both.pk).update(
        status=PersonStatus.LEFT, updated_at=just_inside(24)
    )
    assert sweep(NOW) == 1
    expert_at_riverside.refresh_from_db()
    expert_at_both.refresh_from_db()
    assert expert_at_riverside.preferred_name == PSEUDONYM
    assert expert_at_both.preferred_name == "Sam"
    assert ErasureRecord.objects.get().reason == "retention"
    assert sweep(NOW) == 0


def test_the_longest_period_of_the_persons_organisations_wins(
    riverside_admin: Membership, hillview_admin: Membership, expert_at_both: Person
) -> None:
    RetentionPolicy.objects.create(organisation=riverside_admin.organisation, left_person_months=6)
    Person.objects.filter(pk=expert_at_both.pk).update(
        status=PersonStatus.LEFT, updated_at=just_outside(6)
    )
    sweep(NOW)
    expert_at_both.refresh_from_db()
    assert expert_at_both.preferred_name == "Sam"  # Hillview keeps people 24 months


def _paid_claim(booking: Attendance, paid_on: dt.date) -> Claim:
    claim = expense_claim(offer_of(booking), "12.40", description="Bus fares")
    Claim.objects.filter(pk=claim.pk).update(status="paid", paid_on=paid_on)
    return claim


def test_payment_records_younger_than_six_years_are_never_touched(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = booking_with_note(riverside_coordinator, expert_at_riverside)[0]
    kept = _paid_claim(booking, just_inside(72).date())
    gone = _paid_claim(booking, just_outside(72).date())
    sweep(NOW)
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert kept.description == "Bus fares"
    assert (gone.description, str(gone.amount)) == ("", "12.40")


def test_a_longer_payment_period_keeps_them_longer(
    riverside_admin: Membership, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    RetentionPolicy.objects.create(organisation=riverside_admin.organisation, payment_months=120)
    booking = booking_with_note(riverside_coordinator, expert_at_riverside)[0]
    claim = _paid_claim(booking, just_outside(72).date())
    sweep(NOW)
    claim.refresh_from_db()
    assert claim.description == "Bus fares"


def test_the_sweep_never_touches_the_consent_ledger(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking_with_note(riverside_coordinator, expert_at_riverside)
    Person.objects.filter(pk=expert_at_riverside.pk).update(
        status=PersonStatus.LEFT, updated_at=just_outside(24)
    )
    before = list(ConsentEvent.objects.values_list("id", "hash"))
    sweep(NOW)
    assert list(ConsentEvent.objects.values_list("id", "hash")) == before
    assert verify_chain().ok


def test_an_admin_sets_the_periods(client: Client, riverside_admin: Membership) -> None:
    logged_in(client, riverside_admin.user)
    assert client.get("/organisation/retention/").status_code == 200
    response = client.post(
        "/organisation/retention/",
        {
            "wellbeing_note_months": "6",
            "access_log_months": "12",
            "left_person_months": "18",
            "feedback_text_months": "24",
            "payment_months": "84",
            "audit_log_months": "72",
        },
    )
    assert response.status_code == 302
    policy = RetentionPolicy.objects.get(organisation=riverside_admin.organisation)
    assert (policy.wellbeing_note_months, policy.payment_months) == (6, 84)


@pytest.mark.parametrize(
    ("payment_months", "message"),
    [
        ("71", "at least 72 months"),
        ("six", "Enter a whole number of months"),
        ("", "Enter a number of months"),
    ],
)
def test_bad_periods_are_refused_and_change_nothing(
    client: Client, riverside_admin: Membership, payment_months: str, message: str
) -> None:
    logged_in(client, riverside_admin.user)
    response = client.post(
        "/organisation/retention/",
        {
            "wellbeing_note_months": "6",
            "access_log_months": "12",
            "left_person_months": "18",
            "feedback_text_months": "24",
            "payment_months": payment_months,
            "audit_log_months": "72",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert message in page
    assert not RetentionPolicy.objects.exists()


def test_the_service_refuses_less_than_six_years_too(riverside_admin: Membership) -> None:
    from powerwith.core.errors import InvalidInput
    from powerwith.privacy.services import set_retention

    with pytest.raises(InvalidInput, match="72 months"):
        set_retention(
            riverside_admin,
            wellbeing_note_months=6,
            access_log_months=12,
            left_person_months=18,
            feedback_text_months=24,
            payment_months=60,
        )


@pytest.mark.parametrize(
    "role", ["riverside_coordinator", "riverside_contact", "riverside_auditor"]
)
def test_only_admins_see_the_retention_settings(
    client: Client, role: str, request: pytest.FixtureRequest
) -> None:
    membership: Membership = request.getfixturevalue(role)
    logged_in(client, membership.user)
    assert client.get("/organisation/retention/").status_code == 403
    assert client.post("/organisation/retention/", {"payment_months": "100"}).status_code == 403
    assert not RetentionPolicy.objects.exists()


def test_an_expert_cannot_see_them_either(client: Client, expert_at_riverside: Person) -> None:
    assert expert_at_riverside.user is not None
    logged_in(client, expert_at_riverside.user)
    assert client.get("/organisation/retention/").status_code == 403
