"""Everything the scorecard reads about one opportunity, fetched in a fixed number of
queries whatever the number of people (one query per kind of record, never per person).
The checks and flags then work on these plain values only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from powerwith.consent.models import ConsentEvent
from powerwith.engagements.concentration import Concentration, paid_hours_and_busiest
from powerwith.engagements.models import (
    Adjustment,
    AdjustmentStatus,
    Attendance,
    BookingStatus,
    WellbeingCheck,
)
from powerwith.evaluation.completion import Booking, completed_people
from powerwith.evaluation.models import FeedbackRequest, ImpactEntry
from powerwith.offers.models import Offer, OfferAction, OfferEvent, OfferStatus, OfferVersion
from powerwith.opportunities.models import Opportunity, RequiredExperience
from powerwith.payments.models import Claim, ClaimStatus, RewardChoice
from powerwith.people.models import ExperienceEntry


@dataclass(frozen=True)
class Taking:
    """One booking: who, which session, when it starts and ends, and what happened."""

    person_id: int
    session_id: int
    starts_at: datetime
    ends_at: datetime
    attended: bool
    booked: bool


@dataclass
class Records:
    opportunity: Opportunity
    now: datetime
    session_starts: dict[int, datetime]
    requirements: list[RequiredExperience]
    offers: list[Offer]
    first_acceptance: dict[int, datetime]
    sent_formats: dict[int, list[str]]
    # What each offer last sent said, word for word (OfferVersion.content).
    sent_contents: dict[int, dict[str, Any]]
    experience: dict[int, set[tuple[str, str, str]]]
    consent_events: dict[int, list[tuple[int | None, str, datetime]]]
    takings: list[Taking]
    adjustments: list[Adjustment]
    checks: list[WellbeingCheck]
    reward_choices: dict[int, list[RewardChoice]]
    claims: list[Claim]
    completed: set[int]
    asked: set[int]
    answered: int
    impact_entries: int
    concentration: Concentration
    busiest: set[int]

    @property
    def first_start(self) -> datetime | None:
        return min(self.session_starts.values(), default=None)

    @property
    def accepted_people(self) -> set[int]:
        return {o.person_id for o in self.offers if o.status == OfferStatus.ACCEPTED}

    @property
    def sent_offers(self) -> list[Offer]:
        return [o for o in self.offers if o.version >= 1]

    @property
    def taking_part(self) -> set[int]:
        """People with an accepted offer, or booked into or attending a session."""
        return self.accepted_people | {t.person_id for t in self.takings if t.booked or t.attended}

    @property
    def work_has_begun(self) -> bool:
        return bool(self.completed) or any(
            start <= self.now for start in self.session_starts.values()
        )

    @property
    def today(self) -> date:
        return timezone.localdate(self.now)


def gather(opportunity: Opportunity, now: datetime) -> Records:
    """``opportunity`` comes from ``opportunities.queries.get_opportunity_for`` (tenancy
    checked, sessions and requirements prefetched)."""
    return gather_many([opportunity], now)[opportunity.pk]


def _grouped[T](pairs: Iterable[tuple[int, T]]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


def gather_many(opportunities: Sequence[Opportunity], now: datetime) -> dict[int, Records]:
    """The records of several opportunities of ONE organisation in the same fixed number
    of queries as one (one query per kind of record, never per opportunity or person).
    The opportunities come through ``opportunities.queries`` (tenancy checked, sessions
    and requirements prefetched)."""
    if not opportunities:
        return {}
    organisation_ids = {o.organisation_id for o in opportunities}
    assert len(organisation_ids) == 1, "one organisation's opportunities at a time"
    organisation_id = organisation_ids.pop()
    ids = [o.pk for o in opportunities]
    offers = _grouped(
        (o.opportunity_id, o)
        for o in Offer.objects.filter(opportunity_id__in=ids)
        .select_related("person__user")
        # Nothing here reads the person's encrypted details: skip decrypting them.
        .defer("person__about", "person__adjustments")
        .order_by("pk")
    )
    offer_ids = [o.pk for group in offers.values() for o in group]
    first_acceptance: dict[int, datetime] = {}
    for offer_id, at in OfferEvent.objects.filter(
        offer_id__in=offer_ids, action=OfferAction.ACCEPTED
    ).values_list("offer_id", "created_at"):
        first_acceptance[offer_id] = min(at, first_acceptance.get(offer_id, at))
    latest = {o.pk: o.version for group in offers.values() for o in group if o.version >= 1}
    sent_contents = {
        offer_id: content
        for offer_id, number, content in OfferVersion.objects.filter(
            offer_id__in=latest
        ).values_list("offer_id", "number", "content")
        if latest.get(offer_id) == number
    }
    sent_formats = {
        offer_id: list(content.get("person", {}).get("formats", []))
        for offer_id, content in sent_contents.items()
    }
    takings = _grouped(
        (
            a.session.opportunity_id,
            Taking(
                a.person_id,
                a.session_id,
                a.session.starts_at,
                a.session.ends_at,
                a.attended,
                a.status == BookingStatus.BOOKED and a.session.cancelled_at is None,
            ),
        )
        for a in Attendance.objects.filter(session__opportunity_id__in=ids).select_related(
            "session"
        )
    )
    offered = {o.person_id for group in offers.values() for o in group}
    everyone = offered | {t.person_id for group in takings.values() for t in group}
    experience: dict[int, set[tuple[str, str, str]]] = defaultdict(set)
    for person_id, code, setting, intervention in ExperienceEntry.objects.filter(
        person_id__in=sorted(offered)
    ).values_list("person_id", "code", "setting", "intervention"):
        experience[person_id].add((code, setting, intervention))
    consent_rows = list(
        ConsentEvent.objects.filter(
            Q(opportunity_id__in=ids) | Q(opportunity__isnull=True),
            organisation_id=organisation_id,
            person_id__in=sorted(everyone),
            scope="take_part",
            output_id__isnull=True,
        )
        .order_by("id")
        .values_list("person_id", "opportunity_id", "action", "created_at")
    )
    reward_choices = _grouped(
        (c.opportunity_id, c)
        for c in RewardChoice.objects.filter(opportunity_id__in=ids).order_by("created_at", "id")
    )
    requests = _grouped(
        (opportunity_id, (person_id, answered))
        for opportunity_id, person_id, answered in FeedbackRequest.objects.filter(
            opportunity_id__in=ids
        ).values_list("opportunity_id", "person_id", "answered")
    )
    adjustments = _grouped(
        (a.opportunity_id, a)
        for a in Adjustment.objects.filter(opportunity_id__in=ids).exclude(
            status=AdjustmentStatus.REPLACED
        )
    )
    checks = _grouped(
        (c.attendance.session.opportunity_id, c)
        for c in WellbeingCheck.objects.filter(
            attendance__session__opportunity_id__in=ids
        ).select_related("attendance__session")
    )
    claims = _grouped(
        (c.offer.opportunity_id, c)
        for c in Claim.objects.filter(offer__opportunity_id__in=ids)
        .exclude(status__in=[ClaimStatus.WITHDRAWN, ClaimStatus.REJECTED])
        .select_related("offer")
    )
    impact = dict(
        ImpactEntry.objects.filter(opportunity_id__in=ids)
        .values("opportunity_id")
        .annotate(entries=Count("id"))
        .values_list("opportunity_id", "entries")
    )
    # Each person's take_part events, for all the work (None) and for each opportunity,
    # numbered in ledger order so one opportunity's view merges the two in that order.
    ledger: dict[tuple[int, int | None], list[tuple[int, int | None, str, datetime]]]
    ledger = defaultdict(list)
    for number, (person_id, opportunity_id, action, at) in enumerate(consent_rows):
        ledger[person_id, opportunity_id].append((number, opportunity_id, action, at))
    experience_of = dict(experience)
    concentration, busiest = paid_hours_and_busiest(organisation_id, now)
    found = {}
    for opportunity in opportunities:
        own_offers = offers.get(opportunity.pk, [])
        own_takings = takings.get(opportunity.pk, [])
        people = {o.person_id for o in own_offers} | {t.person_id for t in own_takings}
        consent_events = {
            person_id: [
                (opportunity_id, action, at)
                for _, opportunity_id, action, at in sorted(
                    ledger.get((person_id, None), []) + ledger.get((person_id, opportunity.pk), [])
                )
            ]
            for person_id in people
            if (person_id, None) in ledger or (person_id, opportunity.pk) in ledger
        }
        choices = _grouped((c.person_id, c) for c in reward_choices.get(opportunity.pk, []))
        own_requests = requests.get(opportunity.pk, [])
        accepted = [o.person_id for o in own_offers if o.status == OfferStatus.ACCEPTED]
        bookings = [Booking(t.person_id, t.attended, t.booked, t.ends_at) for t in own_takings]
        found[opportunity.pk] = Records(
            opportunity=opportunity,
            now=now,
            session_starts={
                s.pk: s.starts_at for s in opportunity.sessions.all() if s.cancelled_at is None
            },
            requirements=list(opportunity.required_experience.all()),
            offers=own_offers,
            first_acceptance=first_acceptance,
            sent_formats=sent_formats,
            sent_contents=sent_contents,
            experience=experience_of,
            consent_events=consent_events,
            takings=own_takings,
            adjustments=adjustments.get(opportunity.pk, []),
            checks=checks.get(opportunity.pk, []),
            reward_choices=choices,
            claims=claims.get(opportunity.pk, []),
            completed=completed_people(opportunity.status, accepted, bookings, now),
            asked={person_id for person_id, _ in own_requests},
            answered=sum(1 for _, answered in own_requests if answered),
            impact_entries=impact.get(opportunity.pk, 0),
            concentration=concentration,
            busiest=busiest,
        )
    return found
