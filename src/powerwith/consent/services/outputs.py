"""Adding an output, and a person's review of each use of an output they contributed to.

A review answer is one transaction: the ledger event (grant, reconfirm or withdraw, in
the output's context) and, for a "yes", the person's own terms for that use — named or
anonymised, and an optional date after which the use lapses by itself (``UseChoice``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.consent.models import Action, Output, OutputKind, Use, UseChoice
from powerwith.consent.queries import GIVEN, LAPSED, state_of
from powerwith.consent.queries import outputs as output_queries
from powerwith.consent.services import ACTIONS
from powerwith.consent.usability import USE_SCOPE, inherited_standing
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import OrganisationLink, Person


def _valid(values: list[str]) -> str:
    return ", ".join(values)


@dataclass(frozen=True)
class OutputInput:
    opportunity_id: int | None
    title: str
    kind: str
    contributors: list[int]
    uses: list[str]
    owner_id: int | None = None


def _clean(by: Membership, data: OutputInput) -> tuple[Opportunity, list[Person], User]:
    if not data.title.strip():
        raise InvalidInput("Give the output a title.", field="title")
    if len(data.title.strip()) > 200:
        raise InvalidInput("The title must be 200 characters or fewer.", field="title")
    if data.kind not in OutputKind.values:
        raise InvalidInput(
            f"Unknown kind '{data.kind}'. Use one of: {_valid(OutputKind.values)}.", field="kind"
        )
    unknown = [use for use in data.uses if use not in Use.values]
    if unknown:
        raise InvalidInput(
            f"Unknown use '{unknown[0]}'. Use one of: {_valid(Use.values)}.", field="uses"
        )
    if not data.uses:
        raise InvalidInput("Choose at least one intended use.", field="uses")
    opportunity = (
        Opportunity.objects.filter(pk=data.opportunity_id, organisation_id=by.organisation_id)
        .select_related("organisation")
        .first()
        if data.opportunity_id is not None
        else None
    )
    if opportunity is None:
        raise InvalidInput(
            "Choose one of your organisation's opportunities.", field="opportunity_id"
        )
    ids = list(dict.fromkeys(data.contributors))
    linked = set(
        OrganisationLink.objects.filter(
            organisation_id=by.organisation_id, person_id__in=ids
        ).values_list("person_id", flat=True)
    )
    missing = [pk for pk in ids if pk not in linked]
    if missing:
        raise InvalidInput(
            f"Person {missing[0]} does not work with this organisation.", field="contributors"
        )
    owner = by.user
    if data.owner_id is not None:
        found = output_queries.staff_owners(by).filter(pk=data.owner_id).first()
        if found is None:
            raise InvalidInput(
                "The person responsible must be a coordinator, admin or contact person here.",
                field="owner_id",
            )
        owner = found
    return opportunity, list(Person.objects.filter(pk__in=ids)), owner


@transaction.atomic
def create_output(*, by: Membership, data: OutputInput) -> Output:
    output_queries.require_manager(by)
    opportunity, people, owner = _clean(by, data)
    output = Output.objects.create(
        organisation=by.organisation,
        opportunity=opportunity,
        title=data.title.strip(),
        kind=data.kind,
        owner=owner,
        uses=[use for use in Use.values if use in data.uses],
        created_by=by.user,
    )
    output.contributors.set(people)
    audit.record(
        actor=by.user,
        action="output.created",
        organisation=by.organisation,
        target=output,
        opportunity_id=opportunity.pk,
        kind=output.kind,
        uses=output.uses,
        contributors=[p.pk for p in people],
    )
    return output


YES, NO = "yes", "no"


@transaction.atomic
def review_use(
    *,
    person: Person,
    output: Output,
    use: str,
    answer: str,
    actor: Membership,
    named: bool = False,
    expires_on: date | None = None,
    method: str = "",
) -> str:
    """The person's answer for one use of one output; answers what the ledger recorded:
    "grant", "reconfirm" or "withdraw"."""
    if use not in output.uses:
        raise InvalidInput("That is not one of this output's intended uses.", field="use")
    if answer not in (YES, NO):
        raise InvalidInput("Choose yes or no.", field="answer")
    if expires_on is not None and expires_on <= timezone.localdate():
        raise InvalidInput("The end date must be in the future.", field="expires_on")
    scope = USE_SCOPE[use]
    own = state_of(person, output.organisation, scope, output.opportunity_id, output.pk)
    given_here = own is not None and own.state in (GIVEN, LAPSED)
    inherited = own is None and inherited_standing(person, output, scope).state in (
        GIVEN,
        LAPSED,
    )
    if answer == NO and not given_here and not inherited:
        if own is not None:
            return "withdraw"  # already withdrawn: nothing more to record
        raise Conflict("There is no consent to withdraw for this use.")
    recorded = Action.WITHDRAW if answer == NO else Action.GRANT
    if answer == YES and (given_here or inherited):
        recorded = Action.RECONFIRM
    act = ACTIONS[recorded]
    act(
        person=person,
        scope=scope,
        actor=actor,
        method=method,
        opportunity=output.opportunity,
        output_id=output.pk,
    )
    if recorded == Action.WITHDRAW:
        return "withdraw"
    UseChoice.objects.create(
        output=output,
        person=person,
        use=use,
        named=named,
        expires_on=expires_on,
        recorded_by=actor.user,
    )
    audit.record(
        actor=actor.user,
        action="output.use_terms",
        organisation=output.organisation,
        target=output,
        person_id=person.pk,
        use=use,
        named=named,
        expires_on=expires_on.isoformat() if expires_on else None,
    )
    return str(recorded)
