"""Reads for evaluation, scoped to the organisation of the membership asking or to the
logged-in person. Another organisation's opportunity, or another person's engagement, is
a 404 (through ``opportunities.queries`` and ``offers.queries``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.permissions import Capability, can, require
from powerwith.engagements.models import Attendance, BookingStatus
from powerwith.evaluation.completion import Booking, completed_people
from powerwith.evaluation.impact_consent import ShownImpact, as_shown
from powerwith.evaluation.models import (
    FeedbackAnswer,
    FeedbackRequest,
    ImpactEntry,
    Question,
    Rating,
    Standard,
    TeamReflection,
)
from powerwith.offers.agreement import taking_part
from powerwith.offers.formats import RenderFormat, preferred_format
from powerwith.offers.models import Offer
from powerwith.offers.queries import offers_for_person, offers_sent_to
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person


def require_reader(membership: Membership) -> None:
    require(
        membership,
        Capability.READ_EVALUATION,
        "Only coordinators, admins and auditors can see evaluation.",
    )


def require_writer(membership: Membership) -> None:
    require(
        membership,
        Capability.WRITE_EVALUATION,
        "Only coordinators and admins can record evaluation.",
    )


def prefers_easy_read(person: Person) -> bool:
    """The person reads easy read best: the same rule that chooses the format their offers
    are sent in (their recorded formats, or easy read first in their display settings)."""
    first = bool(person.user and person.user.easy_read_first)
    return preferred_format(person.formats, easy_read_first=first) == RenderFormat.EASY_READ


def bookings_of(
    opportunity_ids: list[int], person_ids: list[int] | None = None
) -> list[tuple[int, Booking]]:
    """(opportunity id, booking) for every booking in these opportunities, in one query."""
    rows = Attendance.objects.filter(session__opportunity_id__in=opportunity_ids)
    if person_ids is not None:
        rows = rows.filter(person_id__in=person_ids)
    found = []
    for row in rows.values_list(
        "session__opportunity_id",
        "person_id",
        "attended",
        "status",
        "session__cancelled_at",
        "session__starts_at",
        "session__minutes",
    ):
        opportunity_id, person_id, attended, status, cancelled_at, starts_at, minutes = row
        booked = status == BookingStatus.BOOKED and cancelled_at is None
        ends_at = starts_at + timedelta(minutes=minutes)
        found.append((opportunity_id, Booking(person_id, attended, booked, ends_at)))
    return found


def completed_in(opportunity: Opportunity, now: datetime) -> set[int]:
    """The people whose engagement in this opportunity is complete."""
    accepted = Offer.objects.filter(taking_part(), opportunity=opportunity).values_list(
        "person_id", flat=True
    )
    bookings = [b for _, b in bookings_of([opportunity.pk])]
    return completed_people(opportunity.status, accepted, bookings, now)


@dataclass(frozen=True)
class MyEngagement:
    offer: Offer
    complete: bool
    answered: bool

    @property
    def to_answer(self) -> bool:
        return self.complete and not self.answered


def my_engagements(user: User, now: datetime) -> list[MyEngagement]:
    """The user's accepted offers, whether each is complete and whether they answered."""
    return _engagements(list(offers_for_person(user).filter(taking_part())), now)


def engagement_of(offer: Offer, now: datetime) -> MyEngagement:
    """One person's piece of work, for staff recording their feedback on their word: the
    offer comes from ``offers.queries.get_offer_for``; one not taken part in is a 404."""
    if offer.accepted_version_id is None:
        raise Http404("No such piece of work.")
    return _engagements([offer], now)[0]


def engagements_of_person(person: Person, now: datetime) -> list[MyEngagement]:
    """The person's accepted offers at every organisation they work with, as
    ``my_engagements`` gives the person's own: for their own supporter
    (powerwith.workflows.supporting asks first that the supporter is theirs)."""
    return _engagements(list(offers_sent_to(person).filter(taking_part())), now)


def _engagements(offers: list[Offer], now: datetime) -> list[MyEngagement]:
    """Offers of one person, whether each is complete and whether they answered."""
    if not offers:
        return []
    person_id = offers[0].person_id
    by_opportunity: dict[int, list[Booking]] = {}
    for opportunity_id, booking in bookings_of([o.opportunity_id for o in offers], [person_id]):
        by_opportunity.setdefault(opportunity_id, []).append(booking)
    answered = set(
        FeedbackRequest.objects.filter(person_id=person_id, answered=True).values_list(
            "opportunity_id", flat=True
        )
    )
    found = []
    for offer in offers:
        done = completed_people(
            offer.opportunity.status,
            [offer.person_id],
            by_opportunity.get(offer.opportunity_id, []),
            now,
        )
        found.append(MyEngagement(offer, bool(done), offer.opportunity_id in answered))
    return found


def get_own_engagement(user: User, offer_id: int, now: datetime) -> MyEngagement:
    """One of the user's own accepted offers; anyone else's (or any other offer) is a 404."""
    for engagement in my_engagements(user, now):
        if engagement.offer.pk == offer_id:
            return engagement
    raise Http404("No such piece of work.")


@dataclass(frozen=True)
class QuestionSummary:
    code: str
    label: str
    counts: list[tuple[str, int]]  # (rating words, how many), strongly disagree first
    answered: int


@dataclass(frozen=True)
class Comment:
    text: str
    name: str  # "Anonymous" when the person chose it (or for an auditor)
    given_in: date


@dataclass(frozen=True)
class FeedbackSummary:
    asked: int
    answered: int
    questions: list[QuestionSummary]
    comments: list[Comment]


def feedback_summary(membership: Membership, opportunity: Opportunity) -> FeedbackSummary:
    """Counts of each answer to each question, and the comments. Anonymous answers are read
    from rows that hold no person, so no name can be shown with them."""
    require_reader(membership)
    answers = list(
        FeedbackAnswer.objects.filter(
            organisation_id=membership.organisation_id, opportunity=opportunity
        ).select_related("person")
    )
    requests = FeedbackRequest.objects.filter(opportunity=opportunity)
    questions = []
    for code, label in Question.choices:
        tally = Counter(getattr(a, code) for a in answers if getattr(a, code) is not None)
        questions.append(
            QuestionSummary(
                code,
                label,
                [(words, tally.get(value, 0)) for value, words in Rating.choices],
                sum(tally.values()),
            )
        )
    named = can(membership, Capability.SEE_NAMES)
    comments = [
        Comment(
            a.comments,
            a.person.preferred_name if a.person is not None and named else "Anonymous",
            a.given_in,
        )
        for a in answers
        if a.comments
    ]
    return FeedbackSummary(
        asked=requests.count(),
        answered=requests.filter(answered=True).count(),
        questions=questions,
        comments=comments,
    )


def reflections_of(membership: Membership, opportunity: Opportunity) -> QuerySet[TeamReflection]:
    require_reader(membership)
    return TeamReflection.objects.filter(
        organisation_id=membership.organisation_id, opportunity=opportunity
    ).select_related("written_by")


def impact_of(membership: Membership, opportunity: Opportunity) -> QuerySet[ImpactEntry]:
    require_reader(membership)
    return (
        ImpactEntry.objects.filter(
            organisation_id=membership.organisation_id, opportunity=opportunity
        )
        .select_related("recorded_by")
        .prefetch_related("contributors")
    )


def get_impact_for(membership: Membership, opportunity: Opportunity, entry_id: int) -> ImpactEntry:
    found = impact_of(membership, opportunity).filter(pk=entry_id).first()
    if found is None:
        raise Http404("No such impact entry.")
    return found


def contributors_of(opportunity: Opportunity) -> QuerySet[Person]:
    """The people who took part: an accepted offer, or a booking for one of its sessions."""
    return Person.objects.filter(
        (Q(offers__opportunity=opportunity) & taking_part("offers__"))
        | Q(attendance__session__opportunity=opportunity)
    ).distinct()


def shared_with(user: User) -> QuerySet[ImpactEntry]:
    """Impact entries shared back with the user as one of their contributors."""
    return (
        ImpactEntry.objects.filter(contributors__user=user, shared_at__isnull=False)
        .select_related("opportunity", "organisation")
        .distinct()
    )


def shared_impact(user: User) -> list[ShownImpact]:
    """What was shared back with the user, each organisation's consent rule applied."""
    entries = list(shared_with(user).prefetch_related("contributors"))
    shown = {
        organisation.pk: {s.entry.pk: s for s in as_shown(organisation, group)}
        for organisation, group in _by_organisation(entries)
    }
    return [shown[e.organisation_id][e.pk] for e in entries]


def _by_organisation(
    entries: list[ImpactEntry],
) -> list[tuple[Organisation, list[ImpactEntry]]]:
    groups: dict[int, list[ImpactEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.organisation_id, []).append(entry)
    return [(group[0].organisation, group) for group in groups.values()]


def standards_count(membership: Membership) -> list[tuple[str, str, int]]:
    """(code, name, number of entries) for each UK Standard, across the organisation."""
    require_reader(membership)
    tally: Counter[str] = Counter()
    for standards in ImpactEntry.objects.filter(
        organisation_id=membership.organisation_id
    ).values_list("standards", flat=True):
        tally.update(set(standards))
    return [(code, label, tally.get(code, 0)) for code, label in Standard.choices]
