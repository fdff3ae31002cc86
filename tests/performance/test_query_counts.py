"""No N+1 anywhere: a page or list endpoint makes as many queries for 25 rows as for 5.

Each test makes a few rows through the real services (or, for plain rows, the models),
counts the queries of one request, adds more rows of the kind the page lists, and counts
again. The second count may not be higher: a query per row shown would make it so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.consent.models import Output
from powerwith.engagements.models import Attendance, WellbeingCheck
from powerwith.engagements.services.booking import book
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers import services as offer_services
from powerwith.offers.models import Offer
from powerwith.opportunities.services import RequirementInput
from powerwith.payments.models import Claim
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in, make_expert
from tests.engagements.factories import booked, consents
from tests.offers.factories import COMPLETE_TERMS, complete_opportunity
from tests.opportunities.factories import opportunity, person

FEW = 5
MANY = 25

pytestmark = pytest.mark.django_db


def queries_for(client: Client, url: str) -> list[str]:
    client.get(url)  # the first request may fill caches that last the process
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


def repeated(queries: list[str]) -> str:
    """The queries made more than once, numbers taken out: where an N+1 is."""
    shapes = Counter(re.sub(r"\b\d+\b", "N", sql) for sql in queries)
    return "\n".join(f"{n} x {sql[:300]}" for sql, n in shapes.most_common(3) if n > 1)


def assert_flat(client: Client, url: str, grow: Callable[[int], object]) -> None:
    grow(FEW)
    few = queries_for(client, url)
    grow(MANY - FEW)
    many = queries_for(client, url)
    assert len(many) <= len(few), (
        f"{url}: {len(few)} queries for {FEW} rows, {len(many)} for {MANY}; repeated:\n"
        + repeated(many)
    )


class Numbers:
    """Unique names for the people a test makes."""

    def __init__(self) -> None:
        self.number = 0

    def next(self) -> int:
        self.number += 1
        return self.number


@pytest.fixture
def numbers() -> Numbers:
    return Numbers()


def experts(riverside: Organisation, numbers: Numbers, count: int) -> list[Person]:
    made = []
    for _ in range(count):
        n = numbers.next()
        made.append(make_expert(f"expert{n}@people.example", f"Expert {n}", riverside))
    return made


def bookings_for(coordinator: Membership, who: Person) -> Callable[[int], object]:
    def grow(count: int) -> None:
        for _ in range(count):
            booked(coordinator, who)

    return grow


# ---------------------------------------------------------------- pages


def test_the_register_list_does_not_grow_with_people(client, riverside_coordinator, numbers):
    def grow(count: int) -> None:
        for _ in range(count):
            n = numbers.next()
            person(
                riverside_coordinator,
                f"Person {n}",
                ("direct.diagnosis", "mental_health"),
                email=f"person{n}@people.example",
            )

    assert_flat(logged_in(client, riverside_coordinator.user), "/people/", grow)


def test_a_person_page_does_not_grow_with_their_work(
    client, riverside_coordinator, expert_at_riverside
):
    assert_flat(
        logged_in(client, riverside_coordinator.user),
        f"/people/{expert_at_riverside.pk}/",
        bookings_for(riverside_coordinator, expert_at_riverside),
    )


def test_the_opportunities_list_does_not_grow_with_opportunities(client, riverside_coordinator):
    def grow(count: int) -> None:
        for _ in range(count):
            complete_opportunity(riverside_coordinator)

    assert_flat(logged_in(client, riverside_coordinator.user), "/opportunities/", grow)


def test_the_matches_do_not_grow_with_candidates(client, riverside_coordinator, numbers):
    wanted = opportunity(
        riverside_coordinator,
        RequirementInput("direct.diagnosis", essential=True),
        RequirementInput("direct.crisis", "community"),
        status="open",
    )

    def grow(count: int) -> None:
        for _ in range(count):
            n = numbers.next()
            person(
                riverside_coordinator,
                f"Candidate {n}",
                ("direct.diagnosis", "mental_health"),
                ("direct.crisis", "community"),
            )

    assert_flat(
        logged_in(client, riverside_coordinator.user),
        f"/opportunities/{wanted.pk}/matches/",
        grow,
    )


def test_the_offers_list_does_not_grow_with_offers(
    client, riverside_coordinator, expert_at_riverside
):
    assert_flat(
        logged_in(client, riverside_coordinator.user),
        "/offers/",
        bookings_for(riverside_coordinator, expert_at_riverside),
    )


def test_an_offer_page_does_not_grow_with_questions(
    client, riverside_coordinator, expert_at_riverside
):
    offer = booked(riverside_coordinator, expert_at_riverside).session.opportunity.offers.get()
    assert expert_at_riverside.user is not None
    user = expert_at_riverside.user

    def grow(count: int) -> None:
        for number in range(count):
            offer_services.ask_question(offer, user=user, text=f"Question {number}?")
            offer_services.answer_question(
                offer, by=riverside_coordinator, text=f"Answer {number}."
            )

    assert_flat(logged_in(client, riverside_coordinator.user), f"/offers/{offer.pk}/", grow)


def test_my_offers_do_not_grow_with_offers(client, riverside_coordinator, expert_at_riverside):
    assert expert_at_riverside.user is not None
    assert_flat(
        logged_in(client, expert_at_riverside.user),
        "/my-offers/",
        bookings_for(riverside_coordinator, expert_at_riverside),
    )


def test_my_sessions_do_not_grow_with_bookings(client, riverside_coordinator, expert_at_riverside):
    assert expert_at_riverside.user is not None
    assert_flat(
        logged_in(client, expert_at_riverside.user),
        "/my-sessions/",
        bookings_for(riverside_coordinator, expert_at_riverside),
    )


def test_a_session_page_does_not_grow_with_bookings(
    client, riverside, riverside_coordinator, numbers
):
    work = complete_opportunity(riverside_coordinator)
    session = work.sessions.get()

    def grow(count: int) -> None:
        for someone in experts(riverside, numbers, count):
            offer = offer_services.create_offer(
                by=riverside_coordinator, opportunity=work, person=someone
            )
            offer_services.change_terms(offer, by=riverside_coordinator, terms=COMPLETE_TERMS)
            offer_services.send_offer(offer, by=riverside_coordinator)
            assert someone.user is not None
            offer_services.accept_offer(offer, user=someone.user)
            consents(someone, offer, "take_part")
            book(session=session, person=someone, by=riverside_coordinator)

    assert_flat(logged_in(client, riverside_coordinator.user), f"/sessions/{session.pk}/", grow)


def claims_for(coordinator: Membership, who: Person) -> Callable[[int], object]:
    def grow(count: int) -> None:
        for _ in range(count):
            booking = booked(coordinator, who)
            offer = Offer.objects.get(opportunity=booking.session.opportunity, person=who)
            Claim.objects.create(
                organisation=coordinator.organisation,
                person=who,
                offer=offer,
                session=booking.session,
                kind="time",
                minutes=180,
                amount=Decimal("75.00"),
                created_by=coordinator.user,
            )

    return grow


def test_the_claims_list_does_not_grow_with_claims(
    client, riverside_coordinator, expert_at_riverside
):
    assert_flat(
        logged_in(client, riverside_coordinator.user),
        "/claims/",
        claims_for(riverside_coordinator, expert_at_riverside),
    )


def outputs_for(
    coordinator: Membership, riverside: Organisation, numbers: Numbers
) -> Callable[[int], object]:
    work = complete_opportunity(coordinator)

    def grow(count: int) -> None:
        for number in range(count):
            output = Output.objects.create(
                organisation=coordinator.organisation,
                opportunity=work,
                title=f"Report {number}",
                kind="report",
                owner=coordinator.user,
                created_by=coordinator.user,
                uses=["share_internally"],
            )
            output.contributors.set(experts(riverside, numbers, 2))

    return grow


def test_the_outputs_list_does_not_grow_with_outputs(
    client, riverside, riverside_coordinator, numbers
):
    assert_flat(
        logged_in(client, riverside_coordinator.user),
        "/outputs/",
        outputs_for(riverside_coordinator, riverside, numbers),
    )


def test_action_needed_does_not_grow_with_tasks(
    client, riverside_coordinator, expert_at_riverside, numbers
):
    def grow(count: int) -> None:
        for _ in range(count):
            n = numbers.next()
            raise_action(
                organisation=riverside_coordinator.organisation,
                assignees=[riverside_coordinator.user],
                kind=ActionKind.WANTS_SUPPORT,
                key=f"bench-{n}",
                title=f"Task {n}",
                link="/",
                person=expert_at_riverside,
            )

    assert_flat(logged_in(client, riverside_coordinator.user), "/action-needed/", grow)


def test_the_wellbeing_checks_list_does_not_grow_with_checks(
    client, riverside_coordinator, expert_at_riverside
):
    def grow(count: int) -> None:
        for _ in range(count):
            booking = booked(riverside_coordinator, expert_at_riverside)
            # Due now: the list shows the checks that are due.
            WellbeingCheck.objects.filter(attendance=booking).update(
                due_at=timezone.now() - timedelta(hours=1)
            )

    assert_flat(logged_in(client, riverside_coordinator.user), "/wellbeing-checks/", grow)
    assert Attendance.objects.count() == MANY


# ---------------------------------------------------------------- the API


def test_the_api_people_list_does_not_grow_with_people(riverside_coordinator, numbers):
    def grow(count: int) -> None:
        for _ in range(count):
            n = numbers.next()
            person(riverside_coordinator, f"Person {n}", ("direct.diagnosis", "mental_health"))

    assert_flat(api_client_for(riverside_coordinator), "/api/v1/people", grow)


def test_the_api_opportunities_list_does_not_grow_with_opportunities(riverside_coordinator):
    def grow(count: int) -> None:
        for _ in range(count):
            complete_opportunity(riverside_coordinator)

    assert_flat(api_client_for(riverside_coordinator), "/api/v1/opportunities", grow)


def test_the_api_offers_list_does_not_grow_with_offers(riverside_coordinator, expert_at_riverside):
    assert_flat(
        api_client_for(riverside_coordinator),
        "/api/v1/offers",
        bookings_for(riverside_coordinator, expert_at_riverside),
    )


def test_the_api_claims_list_does_not_grow_with_claims(riverside_coordinator, expert_at_riverside):
    assert_flat(
        api_client_for(riverside_coordinator),
        "/api/v1/claims",
        claims_for(riverside_coordinator, expert_at_riverside),
    )


def test_the_api_outputs_list_does_not_grow_with_outputs(riverside, riverside_coordinator, numbers):
    assert_flat(
        api_client_for(riverside_coordinator),
        "/api/v1/outputs",
        outputs_for(riverside_coordinator, riverside, numbers),
    )


def test_the_persons_consents_page_does_not_grow_with_consents(
    client, riverside_coordinator, expert_at_riverside
):
    """The person's own consents page (a load benchmark target): one row per piece of
    work and scope, each with its history."""
    from tests.engagements.factories import accepted_offer

    assert expert_at_riverside.user is not None

    def grow(count: int) -> None:
        for _ in range(count):
            offer = accepted_offer(riverside_coordinator, expert_at_riverside)
            consents(expert_at_riverside, offer, "take_part", "be_quoted")

    assert_flat(logged_in(client, expert_at_riverside.user), "/my-consents/", grow)


def test_the_coordinators_home_does_not_grow_with_the_register(
    client, riverside_coordinator, numbers
):
    def grow(count: int) -> None:
        for _ in range(count):
            make_expert(
                f"home{numbers.next()}@people.example",
                "Someone",
                riverside_coordinator.organisation,
            )

    assert_flat(logged_in(client, riverside_coordinator.user), "/", grow)


def test_a_page_reads_the_users_memberships_once(client, riverside_coordinator, hillview):
    """The acting membership and the others offered in the header come from one read."""
    from tests.conftest import make_member

    make_member(hillview, riverside_coordinator.user.email, "coordinator")
    queries = queries_for(logged_in(client, riverside_coordinator.user), "/opportunities/")
    membership_reads = [sql for sql in queries if 'FROM "accounts_membership"' in sql]
    assert len(membership_reads) == 1, membership_reads
    page = client.get("/opportunities/").text
    assert "Hillview" in page or "hillview" in page.lower()
