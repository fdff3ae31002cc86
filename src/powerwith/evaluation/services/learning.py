"""The team's reflection and the impact log ("you said, we did")."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.audit import record
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.evaluation.models import ImpactEntry, LivedUp, Standard, TeamReflection
from powerwith.evaluation.queries import contributors_of, require_writer
from powerwith.opportunities.models import Opportunity

TEXT_LENGTH = 4000


def _text(value: str, field: str, what: str, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"Enter {what}.", field=field)
    if len(value) > TEXT_LENGTH:
        raise InvalidInput(
            f"{what.capitalize()} must be {TEXT_LENGTH} characters or fewer.", field=field
        )
    return value


def _same_organisation(by: Membership, opportunity: Opportunity) -> None:
    if opportunity.organisation_id != by.organisation_id:
        raise InvalidInput("That opportunity is not one of your organisation's.")


def record_reflection(
    *,
    by: Membership,
    opportunity: Opportunity,
    went_well: str,
    to_change: str,
    lived_up: str,
    principles_note: str = "",
) -> TeamReflection:
    require_writer(by)
    _same_organisation(by, opportunity)
    if lived_up not in LivedUp.values:
        raise InvalidInput("Say whether we lived up to the principles.", field="lived_up")
    with transaction.atomic():
        reflection = TeamReflection.objects.create(
            organisation_id=by.organisation_id,
            opportunity=opportunity,
            went_well=_text(went_well, "went_well", "what went well"),
            to_change=_text(to_change, "to_change", "what we would change"),
            lived_up=lived_up,
            principles_note=_text(principles_note, "principles_note", "the note", required=False),
            written_by=by.user,
        )
        record(
            actor=by.user,
            action="evaluation.reflection_recorded",
            organisation=by.organisation,
            target=reflection,
        )
    return reflection


def record_impact(
    *,
    by: Membership,
    opportunity: Opportunity,
    you_said: str,
    we_did: str,
    contributor_ids: Iterable[int] = (),
    standards: Iterable[str] = (),
    share: bool = False,
) -> ImpactEntry:
    """You said … we did …; contributors must be people who took part in the work."""
    require_writer(by)
    _same_organisation(by, opportunity)
    codes = list(dict.fromkeys(standards))
    unknown = [c for c in codes if c not in Standard.values]
    if unknown:
        raise InvalidInput(f"{unknown[0]} is not one of the UK Standards.", field="standards")
    wanted = set(contributor_ids)
    people = list(contributors_of(opportunity).filter(pk__in=wanted))
    if len(people) != len(wanted):
        raise InvalidInput(
            "Contributors must be people who took part in this work.", field="contributors"
        )
    if share and not people:
        raise InvalidInput("Choose the contributors to share it with.", field="contributors")
    with transaction.atomic():
        entry = ImpactEntry.objects.create(
            organisation_id=by.organisation_id,
            opportunity=opportunity,
            you_said=_text(you_said, "you_said", "what experts by experience said"),
            we_did=_text(we_did, "we_did", "what we did"),
            standards=codes,
            shared_at=timezone.now() if share else None,
            recorded_by=by.user,
        )
        entry.contributors.set(people)
        record(
            actor=by.user,
            action="evaluation.impact_recorded",
            organisation=by.organisation,
            target=entry,
            standards=codes,
            shared=share,
        )
    return entry


def share_impact(*, by: Membership, entry: ImpactEntry) -> ImpactEntry:
    """Share an entry back with its contributors: they see it on their own page."""
    require_writer(by)
    if entry.organisation_id != by.organisation_id:
        raise InvalidInput("That impact entry is not one of your organisation's.")
    if entry.is_shared:
        raise Conflict("This has already been shared with the contributors.")
    if not entry.contributors.exists():
        raise Conflict("There are no contributors to share it with.")
    with transaction.atomic():
        entry.shared_at = timezone.now()
        entry.save(update_fields=["shared_at"])
        record(
            actor=by.user,
            action="evaluation.impact_shared",
            organisation=by.organisation,
            target=entry,
        )
    return entry
