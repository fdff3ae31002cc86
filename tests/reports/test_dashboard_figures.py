"""The organisation dashboard's figures against values worked out by hand from crafted
records, over January to March 2025; Hillview's records planted alongside never count."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.engagements.models import (
    Attendance,
    BookingStatus,
    CheckKind,
    Session,
    WellbeingCheck,
)
from powerwith.evaluation.models import FeedbackAnswer, FeedbackRequest
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import Claim, ClaimKind, ClaimStatus
from powerwith.people.models import Person
from powerwith.people.services import update_person
from powerwith.reports.dashboard.figures import Dashboard
from powerwith.reports.dashboard.period import period_from
from powerwith.reports.dashboard.queries import dashboard
from powerwith.reports.queries import scorecard_for
from tests.opportunities.factories import opportunity, person

LONDON = ZoneInfo("Europe/London")
PERIOD = period_from("2025-01", "2025-03")


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=LONDON)


def work(
    by: Membership,
    title: str,
    *,
    level: str = "co_production",
    created: str = "2024-06-01",
    sessions: tuple[str, ...] = (),
    status: str = "open",
    reward_basis: str = "hourly",
) -> Opportunity:
    found = opportunity(by, title=title, level=level, reward_basis=reward_basis)
    found.created_at = at(created)
    found.status = status
    found.save()
    for day in sessions:
        Session.objects.create(opportunity=found, starts_at=at(day, 10), minutes=120)
    return found


def session_of(found: Opportunity) -> Session:
    first = found.sessions.order_by("starts_at").first()
    assert first is not None
    return first


def booking(found: Opportunity, who: Person, *, attended: bool = True) -> Attendance:
    return Attendance.objects.create(session=session_of(found), person=who, attended=attended)


def figures(by: Membership) -> Dashboard:
    return dashboard(by, PERIOD)


@pytest.fixture
def hillview_noise(hillview_coordinator: Membership) -> None:
    """Hillview's work in the same months: none of it may reach Riverside's figures."""
    theirs = work(
        hillview_coordinator, "Hillview work", created="2025-02-01", sessions=("2025-02-03",)
    )
    someone = person(hillview_coordinator, "Hillview person")
    attendance = booking(theirs, someone)
    WellbeingCheck.objects.create(
        attendance=attendance, kind=CheckKind.BEFORE, due_at=at("2025-02-02")
    )
    offer = Offer.objects.create(
        organisation=hillview_coordinator.organisation,
        opportunity=theirs,
        person=someone,
        created_by=hillview_coordinator.user,
    )
    Claim.objects.create(
        organisation=hillview_coordinator.organisation,
        person=someone,
        offer=offer,
        kind=ClaimKind.TIME,
        amount=Decimal("10"),
        status=ClaimStatus.PAID,
        created_by=hillview_coordinator.user,
        created_at=at("2025-02-01"),
        paid_on=date(2025, 3, 30),
    )
    FeedbackRequest.objects.create(
        organisation=hillview_coordinator.organisation,
        opportunity=theirs,
        person=someone,
        asked_at=at("2025-02-10"),
    )
    FeedbackAnswer.objects.create(
        organisation=hillview_coordinator.organisation,
        opportunity=theirs,
        respected=1,
        given_in=date(2025, 2, 1),
    )


def test_levels_count_the_opportunities_at_work_in_the_period(
    riverside_coordinator: Membership, hillview_noise: None
) -> None:
    by = riverside_coordinator
    work(by, "Made in the period", level="consultation", created="2025-01-10")
    work(by, "Older, with a session in it", created="2024-06-01", sessions=("2025-02-05",))
    work(by, "Older, session before", level="participation", sessions=("2024-07-01",))
    work(by, "A draft", level="consultation", created="2025-02-01", status="draft")
    work(by, "Cancelled", level="participation", created="2025-02-01", status="cancelled")
    work(by, "No level", level="", created="2025-03-31")
    work(by, "After", level="participation", created="2025-04-01")

    counts = {level.code: level.count for level in figures(by).levels}

    assert counts == {"consultation": 1, "participation": 0, "co_production": 1, "": 1}


def test_scorecards_are_each_opportunitys_own_with_their_averages(
    riverside_coordinator: Membership,
) -> None:
    by = riverside_coordinator
    consultation = work(by, "A consultation", level="consultation", sessions=("2025-02-05",))
    other = work(by, "Co-production", created="2025-01-10")

    found = figures(by).scorecards

    assert [row.title for row in found.rows] == ["A consultation", "Co-production"]
    for row, opp in zip(found.rows, (consultation, other), strict=True):
        card = scorecard_for(by, opp.pk).as_dict()
        assert row.scores == {
            code: p["score"] if p["judged"] else None for code, p in card["principles"].items()
        }
        assert row.flags == card["tokenism_flags"]
    # A consultation that has begun with no impact recorded is a sign of tokenism.
    assert "consultation_no_impact" in found.rows[0].flags
    first, second = found.rows
    # Nothing has begun in the co-production: its evaluation has no score, and the
    # average is the consultation's alone.
    assert second.scores["evaluation"] is None
    assert found.judged["evaluation"] == 1
    for code in ("people", "outcomes", "work", "evaluation", "review"):
        judged = [s for s in (first.scores[code], second.scores[code]) if s is not None]
        assert found.averages[code] == round(sum(judged) / len(judged), 2)
    assert found.average_flags == round((len(first.flags) + len(second.flags)) / 2, 2)


def test_payment_timeliness_counts_claims_paid_in_the_period(
    riverside_coordinator: Membership, hillview_noise: None
) -> None:
    by = riverside_coordinator
    assert by.organisation.payment_target_days == 14
    paid_for = work(by, "Paid work", created="2025-01-02")
    someone = person(by, "Claimant")
    offer = Offer.objects.create(
        organisation=by.organisation, opportunity=paid_for, person=someone, created_by=by.user
    )

    def claim(made: str, paid: date | None, status: str = ClaimStatus.PAID) -> None:
        Claim.objects.create(
            organisation=by.organisation,
            person=someone,
            offer=offer,
            kind=ClaimKind.TIME,
            amount=Decimal("25"),
            status=status,
            created_by=by.user,
            created_at=at(made),
            paid_on=paid,
        )

    claim("2025-01-01", date(2025, 1, 10))  # 9 days
    claim("2025-01-20", date(2025, 2, 3))  # 14 days: within the target
    claim("2025-01-01", date(2025, 3, 1))  # 59 days
    claim("2025-03-01", date(2025, 4, 2))  # paid after the period
    claim("2025-02-01", None, ClaimStatus.APPROVED)  # not paid yet

    found = figures(by).payments

    assert (found.paid, found.within_target, found.median_days) == (3, 2, 14.0)
    assert found.share.percent == 66.7


def test_consent_coverage_is_the_share_of_people_booked_with_consent_before_each_session(
    riverside_coordinator: Membership, hillview_noise: None
) -> None:
    by = riverside_coordinator
    project = work(by, "Project", sessions=("2025-02-05", "2025-03-05"))
    covered, for_all, late, lapsed, cancelled = (
        person(by, name) for name in ("Covered", "For all", "Late", "Lapsed", "Cancelled")
    )
    for who in (covered, for_all, late, lapsed, cancelled):
        for session in project.sessions.all():
            Attendance.objects.create(session=session, person=who, attended=True)
    Attendance.objects.filter(person=cancelled).update(status=BookingStatus.CANCELLED)

    def grant(who: Person, day: str, *, for_project: bool = True) -> None:
        with time_machine.travel(at(day), tick=False):
            consent.grant_consent(
                person=who,
                scope="take_part",
                actor=by,
                method="written",
                opportunity=project if for_project else None,
            )

    grant(covered, "2025-01-15")
    grant(for_all, "2025-01-01", for_project=False)  # for all Riverside's work
    grant(late, "2025-02-20")  # after the first session
    grant(lapsed, "2023-12-01", for_project=False)  # older than 12 months: lapsed

    found = figures(by).consent.people

    assert (found.part, found.whole, found.percent) == (2, 4, 50.0)
    # The same figure as the opportunity's own scorecard.
    outcomes = scorecard_for(by, project.pk).as_dict()["principles"]["outcomes"]["checks"]
    assert {c["name"]: c["evidence"] for c in outcomes}[
        "Take part consent before every session"
    ] == (
        "2 of 4 people booked on sessions that have started had consent to take part before "
        "every one of them."
    )


def test_wellbeing_completion_is_the_share_of_checks_due_done_for_the_periods_bookings(
    riverside_coordinator: Membership, hillview_noise: None
) -> None:
    by = riverside_coordinator
    project = work(by, "Project", sessions=("2025-02-05",))
    attendance = booking(project, person(by, "Someone"))
    gone = booking(project, person(by, "Cancelled"))
    gone.status = BookingStatus.CANCELLED
    gone.save()
    after = work(by, "After the period", sessions=("2025-04-02",))
    off = work(by, "Checks switched off", sessions=("2025-02-06",))
    off.wellbeing_checks = False
    off.save()
    booking(off, person(by, "No checks planned"))

    def check(kind: str, due: str, done: bool, on: Attendance = attendance) -> None:
        WellbeingCheck.objects.create(
            attendance=on,
            kind=kind,
            due_at=at(due),
            completed_at=at(due) if done else None,
        )

    check(CheckKind.BEFORE, "2025-02-04", True)
    check(CheckKind.END, "2025-02-05", False)
    # The follow-up was never scheduled: it is still owed, and not done.
    check(CheckKind.BEFORE, "2025-02-04", False, on=gone)  # the booking was cancelled
    check(CheckKind.BEFORE, "2025-04-01", True, on=booking(after, person(by, "Later")))

    found = figures(by).wellbeing

    assert (found.part, found.whole, found.percent) == (1, 3, 33.3)
    # The same figure as the opportunity's own scorecard.
    evidence = {
        c["name"]: c["evidence"]
        for c in scorecard_for(by, project.pk).as_dict()["principles"]["work"]["checks"]
    }
    assert evidence["Wellbeing checks before, at the end and follow-up done"] == (
        "1 of 3 wellbeing checks due by now were done."
    )


def test_feedback_over_time_counts_asked_and_answered_each_month_with_averages(
    riverside_coordinator: Membership, hillview_noise: None
) -> None:
    by = riverside_coordinator
    project = work(by, "Project", sessions=("2025-01-10",))
    people = [person(by, f"Person {n}") for n in range(3)]
    for who, day in zip(people, ("2025-01-15", "2025-01-31", "2025-02-01"), strict=True):
        FeedbackRequest.objects.create(
            organisation=by.organisation, opportunity=project, person=who, asked_at=at(day, 23)
        )
    for respected, safe in ((5, 4), (4, None)):
        FeedbackAnswer.objects.create(
            organisation=by.organisation,
            opportunity=project,
            respected=respected,
            safe=safe,
            given_in=date(2025, 2, 1),
        )

    months = {m.month: m for m in figures(by).feedback}

    assert list(months) == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]
    january, february, march = months.values()
    assert (january.asked, january.answered) == (2, 0)
    assert (february.asked, february.answered) == (1, 2)
    assert february.averages["respected"] == 4.5
    assert february.averages["safe"] == 4.0
    assert february.averages["valued"] is None
    assert (march.asked, march.answered) == (0, 0)


def test_concentration_shows_how_much_of_the_work_the_busiest_tenth_of_the_experts_did(
    riverside_coordinator: Membership, hillview_noise: None
) -> None:
    by = riverside_coordinator
    days = tuple(f"2025-02-{day:02d}" for day in range(1, 11))
    paid = work(by, "Paid", sessions=days)
    unpaid = work(by, "Voluntary", sessions=("2025-03-01",), reward_basis="voluntary")
    sessions = list(paid.sessions.order_by("starts_at"))
    # Ten people: one in 6 sessions, one in 2, eight in 1 each: 16 bookings.
    people = [person(by, f"Person {n}") for n in range(10)]
    for who, count in zip(people, (6, 2, 1, 1, 1, 1, 1, 1, 1, 1), strict=True):
        for session in sessions[:count]:
            Attendance.objects.create(session=session, person=who, attended=True)
    Attendance.objects.create(session=session_of(unpaid), person=people[9], attended=True)
    Attendance.objects.create(session=sessions[9], person=people[2], attended=False)
    # Ten more active on the register, never asked: twenty experts, so the busiest are 2.
    for n in range(10):
        person(by, f"Waiting {n}")
    left = person(by, "Left, with no work")
    update_person(left, user=by.user, membership=by, changes={"status": "left"})

    found = figures(by)

    # Bookings: 18 (16 attended, one unpaid, one not attended); the busiest 2 had 6 + 2.
    assert (found.bookings.experts, found.bookings.people, found.bookings.total) == (20, 10, 18)
    assert (found.bookings.busiest_people, found.bookings.busiest_total) == (2, 8)
    assert found.bookings.busiest_share.percent == 44.4
    # 6 + 2 = 8 is not more than half of 18; 6 + 2 + 2 (person 2's two bookings) is.
    assert found.bookings.people_for_most == 3
    # Paid hours: the 16 attended paid sessions of 120 minutes.
    assert (found.paid_minutes.people, found.paid_minutes.total) == (10, 16 * 120)
    assert found.paid_minutes.busiest_total == 8 * 120
    assert found.paid_minutes.busiest_share.percent == 50.0
    # 6 + 2 = 8 sessions is exactly half, not more: a third person is needed.
    assert found.paid_minutes.people_for_most == 3


def test_hillviews_own_figures_count_only_hillviews_records(
    hillview_coordinator: Membership, hillview_noise: None
) -> None:
    found = dashboard(hillview_coordinator, PERIOD)

    assert {level.code: level.count for level in found.levels}["co_production"] == 1
    # One booking: its before check scheduled, its end and follow-up checks owed.
    assert (found.payments.paid, found.wellbeing.whole, found.bookings.total) == (1, 3, 1)
