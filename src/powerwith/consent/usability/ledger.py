"""What the ledger says about a person, scope and output: the most specific context
with a record decides, and a later withdrawal in a wider context overrides it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from powerwith.accounts.models import AuditEvent, Organisation
from powerwith.consent.models import Action, ConsentEvent, Output
from powerwith.consent.queries import lapse_before
from powerwith.consent.usability.rules import FINISHED, OPPORTUNITY, ORGANISATION, OUTPUT
from powerwith.people.models import Person


@dataclass(frozen=True)
class Record:
    """The last ledger event of one person, scope and context."""

    event_id: int
    action: str
    at: datetime


def _context_of(opportunity_id: int | None, output_id: int | None) -> tuple[str, int | None]:
    if output_id is not None:
        return (OUTPUT, output_id)
    if opportunity_id is not None:
        return (OPPORTUNITY, opportunity_id)
    return (ORGANISATION, None)


def chain_of(output: Output) -> list[tuple[str, int | None]]:
    """The contexts that can hold consent for an output, most specific first."""
    return [(OUTPUT, output.pk), (OPPORTUNITY, output.opportunity_id), (ORGANISATION, None)]


Records = dict[tuple[int, int, str, tuple[str, int | None]], Record]


def records_for(
    organisation_ids: set[int],
    person_ids: set[int],
    scopes: set[str],
    output_ids: set[int],
    opportunity_ids: set[int],
) -> Records:
    """The last event per organisation, person, scope and context, in one query."""
    rows = (
        ConsentEvent.objects.filter(
            organisation_id__in=organisation_ids, person_id__in=person_ids, scope__in=scopes
        )
        .filter(
            Q(output_id__in=output_ids)
            | Q(output_id__isnull=True, opportunity_id__in=opportunity_ids)
            | Q(output_id__isnull=True, opportunity_id__isnull=True)
        )
        .order_by("id")
        .values_list(
            "id",
            "organisation_id",
            "person_id",
            "scope",
            "opportunity_id",
            "output_id",
            "action",
            "created_at",
        )
    )
    found: Records = {}
    for event_id, org_id, person_id, scope, opportunity_id, output_id, action, at in rows:
        context = _context_of(opportunity_id, output_id)
        found[(org_id, person_id, scope, context)] = Record(event_id, action, at)
    return found


@dataclass(frozen=True)
class Standing:
    """What the ledger says about one person, scope and output, before the output's own
    rules (finished work, expiry) apply."""

    state: str  # given | withdrawn | lapsed | none
    scope: str = ""
    context: tuple[str, int | None] | None = None
    record: Record | None = None
    wider_withdrawal: tuple[str, Record] | None = None

    @property
    def is_given(self) -> bool:
        return self.state == "given"


def standing(
    records: Records,
    organisation: Organisation,
    person_id: int,
    scope: str,
    chain: list[tuple[str, int | None]],
    cutoff: datetime,
) -> Standing:
    """The most specific context with a record decides; a later withdrawal in a wider
    context overrides it."""
    for position, context in enumerate(chain):
        record = records.get((organisation.pk, person_id, scope, context))
        if record is None:
            continue
        for wider in chain[position + 1 :]:
            later = records.get((organisation.pk, person_id, scope, wider))
            if later and later.action == Action.WITHDRAW and later.event_id > record.event_id:
                return Standing("withdrawn", scope, wider, later, (wider[0], later))
        if record.action == Action.WITHDRAW:
            return Standing("withdrawn", scope, context, record)
        if record.at < cutoff:
            return Standing("lapsed", scope, context, record)
        return Standing("given", scope, context, record)
    return Standing("none", scope)


def finished_at(opportunity_ids: Iterable[int]) -> dict[int, datetime]:
    """When each finished opportunity last moved to a finished status, as its audit trail
    records; an opportunity made finished without a recorded change has no time."""
    rows = AuditEvent.objects.filter(
        action="opportunity.status_changed",
        target_type="opportunities.opportunity",
        target_id__in=[str(pk) for pk in opportunity_ids],
    ).values_list("target_id", "details", "created_at")
    found: dict[int, datetime] = {}
    for target_id, details, at in rows:
        if isinstance(details, dict) and details.get("to") in FINISHED:
            key = int(target_id)
            if key not in found or at > found[key]:
                found[key] = at
    return found


def inherited_standing(person: Person, output: Output, scope: str) -> Standing:
    """The consent an output inherits from its opportunity or the organisation, leaving
    out the output's own context: what a person reconfirms or withdraws for this output
    when they have not answered for it on its own before."""
    records = records_for(
        {output.organisation_id}, {person.pk}, {scope}, set(), {output.opportunity_id}
    )
    return standing(
        records,
        output.organisation,
        person.pk,
        scope,
        chain_of(output)[1:],
        lapse_before(output.organisation),
    )


def standing_for_work(
    person: Person, organisation: Organisation, scope: str, opportunity_id: int
) -> Standing:
    """The consent a person has for one opportunity's work, by the same rules as an
    output's: given for this opportunity or for all the organisation's work, the more
    specific deciding, a later withdrawal for all the work overriding it."""
    records = records_for({organisation.pk}, {person.pk}, {scope}, set(), {opportunity_id})
    chain = [(OPPORTUNITY, opportunity_id), (ORGANISATION, None)]
    return standing(records, organisation, person.pk, scope, chain, lapse_before(organisation))


def standings_for_work(
    organisation: Organisation, scope: str, opportunity_ids: set[int], person_ids: set[int]
) -> dict[tuple[int, int], Standing]:
    """Each (opportunity, person)'s consent for the work, by ``standing_for_work``'s rule,
    for many at once in one query: where a person's words or name may appear."""
    if not person_ids or not opportunity_ids:
        return {}
    records = records_for({organisation.pk}, person_ids, {scope}, set(), opportunity_ids)
    cutoff = lapse_before(organisation)
    return {
        (opportunity_id, person_id): standing(
            records,
            organisation,
            person_id,
            scope,
            [(OPPORTUNITY, opportunity_id), (ORGANISATION, None)],
            cutoff,
        )
        for opportunity_id in opportunity_ids
        for person_id in person_ids
    }
