"""Reading the ledger: the current state of each consent, derived from its events, and
the verification of the whole chain."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.consent import ledger
from powerwith.consent.ledger import Verification
from powerwith.consent.models import Action, ConsentEvent
from powerwith.core.errors import InvalidInput
from powerwith.core.permissions import Capability, can, require
from powerwith.offers.queries import appointed_to
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for

GIVEN = "given"
WITHDRAWN = "withdrawn"
LAPSED = "lapsed"

Context = tuple[str, int | None, int | None]


@dataclass(frozen=True)
class ConsentState:
    scope: str
    opportunity_id: int | None
    output_id: int | None
    state: str
    event_id: int
    at: datetime | None = None  # when the deciding event was recorded

    @property
    def is_given(self) -> bool:
        return self.state == GIVEN


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier, clamped to the month's end."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    for day in range(moment.day, 0, -1):
        try:
            return moment.replace(year=year, month=month + 1, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a first day")


def _state(action: str, at: datetime, cutoff: datetime) -> str:
    if action == Action.WITHDRAW:
        return WITHDRAWN
    return LAPSED if at < cutoff else GIVEN


def lapse_before(organisation: Organisation, now: datetime | None = None) -> datetime:
    """A grant or reconfirmation older than this has lapsed: the organisation sets how
    many months a consent holds (``Organisation.reconfirm_months``)."""
    return months_before(now or timezone.now(), organisation.reconfirm_months)


def _fold(rows: Iterable[tuple[Any, ...]], organisation: Organisation) -> list[ConsentState]:
    """The last event per context decides its state; rows arrive in ledger order."""
    lapse = lapse_before(organisation)
    last: dict[Context, tuple[int, str, datetime]] = {}
    for event_id, scope, opportunity_id, output_id, action, created_at in rows:
        last[(scope, opportunity_id, output_id)] = (event_id, action, created_at)
    return [
        ConsentState(scope, opportunity_id, output_id, _state(action, at, lapse), event_id, at)
        for (scope, opportunity_id, output_id), (event_id, action, at) in last.items()
    ]


ROW = ("id", "scope", "opportunity_id", "output_id", "action", "created_at")


def _events_of(person: Person, organisation: Organisation) -> QuerySet[ConsentEvent]:
    return ConsentEvent.objects.filter(person=person, organisation=organisation).order_by("id")


def consents_of(person: Person, organisation: Organisation) -> list[ConsentState]:
    """Every consent context the person has with the organisation, in one query."""
    return sorted(
        _fold(_events_of(person, organisation).values_list(*ROW), organisation),
        key=lambda s: (s.scope, s.opportunity_id or 0, s.output_id or 0),
    )


def current_consents(membership: Membership, person: Person) -> list[ConsentState]:
    """The person's consents with the membership's organisation. The caller has already
    found the person through ``people.queries`` so visibility rules apply."""
    return consents_of(person, membership.organisation)


def state_of(
    person: Person,
    organisation: Organisation,
    scope: str,
    opportunity_id: int | None,
    output_id: int | None,
) -> ConsentState | None:
    """One context's state, or None when nothing was ever recorded for it."""
    last = (
        _events_of(person, organisation)
        .filter(scope=scope, output_id=output_id)
        .filter(
            Q(opportunity__isnull=True)
            if opportunity_id is None
            else Q(opportunity_id=opportunity_id)
        )
        .order_by("-id")
        .values_list(*ROW)[:1]
    )
    states = _fold(last, organisation)
    return states[0] if states else None


def verify_chain(organisation_id: int | None = None) -> Verification:
    """The ledger recomputed, its seals and its checkpoints checked (``consent.ledger``);
    for an organisation, its own events counted and only its own named."""
    return ledger.verify(organisation_id)


def context_opportunity(membership: Membership, opportunity_id: int | None) -> Opportunity | None:
    """The opportunity a consent is tied to, which must be the organisation's own. Any
    member may name it (an expert gives consent for work they were offered)."""
    if opportunity_id is None:
        return None
    found = Opportunity.objects.filter(
        pk=opportunity_id, organisation_id=membership.organisation_id
    ).first()
    if found is None:
        raise InvalidInput(
            f"No opportunity {opportunity_id} in this organisation.", field="opportunity_id"
        )
    return found


def require_verifier(membership: Membership) -> None:
    require(
        membership,
        Capability.VERIFY_LEDGER,
        "Only admins and auditors can verify the consent ledger.",
    )


def opportunity_titles(membership: Membership, states: list[ConsentState]) -> dict[int, str]:
    """Titles of the opportunities the consents are tied to, for showing them in words."""
    ids = {s.opportunity_id for s in states if s.opportunity_id is not None}
    return dict(
        Opportunity.objects.filter(
            pk__in=ids, organisation_id=membership.organisation_id
        ).values_list("pk", "title")
    )


def person_for_consents(membership: Membership, person_id: int) -> Person:
    """A person whose consents this membership may read and record: whom
    ``people.queries`` lets it see, and for a contact person, the people they are
    appointed to. 404 for anyone else."""
    try:
        return get_person_for(membership, person_id)
    except Http404:
        if not can(membership, Capability.RECORD_CONSENT_FOR_PERSON):
            raise
    person = Person.objects.filter(
        pk=person_id, links__organisation_id=membership.organisation_id
    ).first()
    if person is None or not appointed_to(membership, person):
        raise Http404("No such person.")
    return person


def get_event_for(membership: Membership, event_id: int) -> ConsentEvent:
    """One ledger event as a receipt: the person's own, with any organisation they work
    with (they never have to switch to open it), or for staff of its organisation
    (coordinators, admins, and the person's appointed contact). 404 for anyone else."""
    event = (
        ConsentEvent.objects.select_related("person", "organisation", "opportunity", "recorded_by")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        raise Http404("No such receipt.")
    if event.person.user_id is not None and event.person.user_id == membership.user_id:
        return event
    if event.organisation_id == membership.organisation_id and (
        can(membership, Capability.OVERSEE_ALL_WORK) or appointed_to(membership, event.person)
    ):
        return event
    raise Http404("No such receipt.")


def events_of(person: Person, organisation: Organisation) -> list[ConsentEvent]:
    """The person's events with the organisation, newest first, for their receipts."""
    return list(_events_of(person, organisation).select_related("opportunity").order_by("-id"))
