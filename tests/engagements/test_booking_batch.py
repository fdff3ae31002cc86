"""The booking gate for many people at once (the session page's list of people to book)
answers exactly as it does for each person alone, by the consent ledger's own rule, and
reads the offers and the ledger once whatever the number of people."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.consent import services as consent
from powerwith.consent.usability import standing_for_work
from powerwith.engagements.models import Session
from powerwith.engagements.services.booking import (
    book,
    booking_problems,
    booking_problems_for,
)
from powerwith.engagements.services.sessions import add_session
from powerwith.offers import services as offers
from powerwith.offers.models import Offer, OfferStatus
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from tests.conftest import make_expert
from tests.engagements.factories import expert_membership
from tests.offers.factories import COMPLETE_TERMS, complete_opportunity
from tests.safe_to_work.factories import INDUCTION, requires

pytestmark = pytest.mark.django_db


class Cast:
    """People with every kind of standing for one opportunity, named for it."""

    def __init__(self, coordinator: Membership, riverside: Organisation) -> None:
        self.coordinator = coordinator
        self.riverside = riverside
        self.work = complete_opportunity(coordinator)
        self.session = self.work.sessions.get()
        self.recorded = add_session(
            self.work,
            by=coordinator,
            starts_at=self.session.starts_at + timedelta(days=7),
            minutes=120,
            recorded=True,
        )
        self.people: dict[str, Person] = {}

    def person(self, name: str, offer: str | None = "accepted") -> Person:
        someone = make_expert(f"{name.lower()}@people.example", name, self.riverside)
        self.people[name] = someone
        if offer is None:
            return someone
        made = offers.create_offer(by=self.coordinator, opportunity=self.work, person=someone)
        offers.change_terms(made, by=self.coordinator, terms=COMPLETE_TERMS)
        offers.send_offer(made, by=self.coordinator)
        assert someone.user is not None
        if offer == "accepted":
            offers.accept_offer(made, user=someone.user)
        elif offer == "declined":
            offers.decline_offer(made, user=someone.user)
        return someone

    def give(self, name: str, scope: str, *, for_the_work: bool = True) -> None:
        someone = self.people[name]
        consent.grant_consent(
            person=someone,
            scope=scope,
            actor=expert_membership(someone, self.riverside.pk),
            opportunity=self.work if for_the_work else None,
        )

    def withdraw(self, name: str, scope: str, *, for_the_work: bool = True) -> None:
        someone = self.people[name]
        consent.withdraw_consent(
            person=someone,
            scope=scope,
            actor=expert_membership(someone, self.riverside.pk),
            opportunity=self.work if for_the_work else None,
        )


@pytest.fixture
def cast(riverside_coordinator: Membership, riverside: Organisation) -> Cast:
    c = Cast(riverside_coordinator, riverside)
    c.person("Ready")
    c.give("Ready", "take_part")
    c.person("Recordable")
    c.give("Recordable", "take_part")
    c.give("Recordable", "be_recorded")
    c.person("Declined", offer="declined")
    c.give("Declined", "take_part")
    c.person("Unsent", offer="sent")
    c.give("Unsent", "take_part")
    c.person("Stranger", offer=None)
    c.person("Silent")
    # Given for all of the organisation's work: that covers this opportunity.
    c.person("Everywhere")
    c.give("Everywhere", "take_part", for_the_work=False)
    c.give("Everywhere", "be_recorded", for_the_work=False)
    # Given for this work, then withdrawn for all the work later: the withdrawal wins.
    c.person("Withdrew")
    c.give("Withdrew", "take_part", for_the_work=False)
    c.give("Withdrew", "take_part")
    c.withdraw("Withdrew", "take_part", for_the_work=False)
    # Withdrawn for all the work first, then given for this work: the later, more
    # specific one decides.
    c.person("Returned")
    c.give("Returned", "take_part", for_the_work=False)
    c.withdraw("Returned", "take_part", for_the_work=False)
    c.give("Returned", "take_part")
    # Given for all the work, withdrawn for this one: the most specific decides.
    c.person("NotThisOne")
    c.give("NotThisOne", "take_part", for_the_work=False)
    c.give("NotThisOne", "take_part")
    c.withdraw("NotThisOne", "take_part")
    # Recorded sessions need consent to be recorded; withdrawn here.
    c.person("CameraShy")
    c.give("CameraShy", "take_part")
    c.give("CameraShy", "be_recorded")
    c.withdraw("CameraShy", "be_recorded")
    # Already booked: still no problems, booking again changes nothing.
    c.person("Booked")
    c.give("Booked", "take_part")
    book(session=c.session, person=c.people["Booked"], by=c.coordinator)
    # Given longer ago than the organisation's reconfirm_months: lapsed, not given.
    c.person("Lapsed")
    with time_machine.travel(timezone.now() - timedelta(days=400)):
        c.give("Lapsed", "take_part")
    return c


def the_ledgers_answer(person: Person, session: Session) -> list[str]:
    """The gate's reasons worked out one person at a time from the ledger's own
    ``standing_for_work`` and the offers, independent of the batched reading."""
    opportunity: Opportunity = session.opportunity
    name = person.preferred_name
    expected = []
    if not Offer.objects.filter(
        person=person, opportunity=opportunity, status=OfferStatus.ACCEPTED
    ).exists():
        expected.append(f"{name} has not accepted an offer of work for this opportunity.")
    organisation = opportunity.organisation
    if not standing_for_work(person, organisation, "take_part", opportunity.pk).is_given:
        expected.append(f"{name} has not given consent to take part in this opportunity.")
    if (
        session.recorded
        and not standing_for_work(person, organisation, "be_recorded", opportunity.pk).is_given
    ):
        expected.append(
            f"This session is recorded, and {name} has not given consent to be recorded."
        )
    return expected


@pytest.mark.parametrize("recorded", [False, True], ids=["plain session", "recorded session"])
def test_the_batched_gate_answers_as_the_single_gate_and_the_ledger_do(
    cast: Cast, recorded: bool
) -> None:
    session = cast.recorded if recorded else cast.session
    people = list(cast.people.values())
    batched = booking_problems_for(people, session)
    assert set(batched) == {p.pk for p in people}
    for someone in people:
        assert batched[someone.pk] == booking_problems(someone, session), someone.preferred_name
        assert batched[someone.pk] == the_ledgers_answer(someone, session), someone.preferred_name


def test_who_can_be_booked_into_a_plain_session(cast: Cast) -> None:
    batched = booking_problems_for(list(cast.people.values()), cast.session)
    can = {name for name, someone in cast.people.items() if not batched[someone.pk]}
    assert can == {
        "Ready",
        "Recordable",
        "Everywhere",
        "Returned",
        "CameraShy",
        "Booked",
    }


def test_who_can_be_booked_into_a_recorded_session(cast: Cast) -> None:
    batched = booking_problems_for(list(cast.people.values()), cast.recorded)
    can = {name for name, someone in cast.people.items() if not batched[someone.pk]}
    assert can == {"Recordable", "Everywhere"}
    camera_shy = cast.people["CameraShy"]
    assert batched[camera_shy.pk] == [
        "This session is recorded, and CameraShy has not given consent to be recorded."
    ]


def test_the_reasons_are_in_words_for_each_person(cast: Cast) -> None:
    batched = booking_problems_for(list(cast.people.values()), cast.session)
    assert batched[cast.people["Declined"].pk] == [
        "Declined has not accepted an offer of work for this opportunity."
    ]
    assert batched[cast.people["Stranger"].pk] == [
        "Stranger has not accepted an offer of work for this opportunity.",
        "Stranger has not given consent to take part in this opportunity.",
    ]
    assert batched[cast.people["Withdrew"].pk] == [
        "Withdrew has not given consent to take part in this opportunity."
    ]
    assert batched[cast.people["Lapsed"].pk] == [
        "Lapsed has not given consent to take part in this opportunity."
    ]


def test_the_batched_gate_reads_the_same_whatever_the_number_of_people(cast: Cast) -> None:
    people = list(cast.people.values())
    session = Session.objects.select_related("opportunity__organisation").get(pk=cast.session.pk)
    with CaptureQueriesContext(connection) as one:
        booking_problems_for(people[:1], session)
    with CaptureQueriesContext(connection) as everyone:
        booking_problems_for(people, session)
    # The offers, the ledger, and the checks the work requires (none here, so no
    # person's checks are read).
    assert len(everyone) == len(one) == 3


def test_the_checks_people_hold_are_read_once_for_everyone(cast: Cast) -> None:
    session = Session.objects.select_related("opportunity__organisation").get(pk=cast.session.pk)
    requires(cast.coordinator, INDUCTION, opportunity=session.opportunity)
    people = list(cast.people.values())
    with CaptureQueriesContext(connection) as one:
        booking_problems_for(people[:1], session)
    with CaptureQueriesContext(connection) as everyone:
        problems = booking_problems_for(people, session)
    assert len(everyone) == len(one) == 4
    assert all(any("No induction recorded" in p for p in found) for found in problems.values())


def test_no_people_need_no_reads(cast: Cast) -> None:
    session = Session.objects.select_related("opportunity__organisation").get(pk=cast.session.pk)
    with CaptureQueriesContext(connection) as captured:
        assert booking_problems_for([], session) == {}
    assert len(captured) == 0
