"""Whether an output may be used, per use, computed from the consent ledger every time.

Nothing here is stored or cached: a withdrawal recorded in the ledger changes the answer
the moment its transaction commits, for every page, export and API call alike.

The rules, per intended use and per contributor:

- **Which consent.** Each use needs one consent scope (``USE_SCOPE``):
  ``share_internally`` needs *share my personal story within the project*
  (``share_narrative``); ``publish``, ``distribute`` and ``monetise`` need the scope of
  the same name.
- **Which context.** A consent may be recorded for this output, for the output's
  opportunity, or for all of the organisation's work. The most specific context that has
  any record decides. A withdrawal in a wider context recorded *later* than it also
  blocks the use: withdrawing "publish" for all the work withdraws it for every output.
- **Lapsed counts as not given**: a grant or reconfirmation older than the
  organisation's ``reconfirm_months`` has lapsed.
- **Consent after the work.** Once the opportunity has finished (completed, reviewed or
  cancelled), each contributor must reconfirm each outward use (publish, distribute,
  monetise) for this output, in the output's own context, after it finished. Until they
  do the output can be used inside the organisation at most.
- **Expiry.** A person may set a date after which a use of this output lapses by itself
  (``UseChoice.expires_on``); from the day after, the use is blocked.
- **Kinds with a consent of their own.** A recording also needs each contributor's
  consent to be recorded (``be_recorded``), a quote their consent to be quoted
  (``be_quoted``), for every use, in the same contexts.
- An output with no contributors needs nobody's consent. A use the output was never
  meant for is not usable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts.models import AuditEvent, Organisation
from powerwith.consent.models import Action, ConsentEvent, Output, OutputKind, Use, UseChoice
from powerwith.consent.queries import lapse_before
from powerwith.consent.wording import Scope
from powerwith.opportunities.models import OpportunityStatus
from powerwith.people.models import Person

USE_SCOPE: dict[str, str] = {
    Use.SHARE_INTERNALLY: Scope.SHARE_NARRATIVE,
    Use.PUBLISH: Scope.PUBLISH,
    Use.DISTRIBUTE: Scope.DISTRIBUTE,
    Use.MONETISE: Scope.MONETISE,
}
SCOPE_USES: dict[str, list[str]] = {}
for _use, _scope in USE_SCOPE.items():
    SCOPE_USES.setdefault(_scope, []).append(_use)

# Some kinds of output need a consent of their own, whatever the use: a recording needs
# consent to be recorded, a quote consent to be quoted.
KIND_SCOPE: dict[str, str] = {
    OutputKind.RECORDING: Scope.BE_RECORDED,
    OutputKind.QUOTE: Scope.BE_QUOTED,
}
KIND_VERB: dict[str, str] = {Scope.BE_RECORDED: "be recorded", Scope.BE_QUOTED: "be quoted"}

OUTWARD_USES = frozenset({Use.PUBLISH, Use.DISTRIBUTE, Use.MONETISE})
FINISHED = frozenset(
    {OpportunityStatus.COMPLETED, OpportunityStatus.REVIEWED, OpportunityStatus.CANCELLED}
)

# How each use reads in a sentence: "Alex has not given consent to publish it."
VERB: dict[str, str] = {
    Use.SHARE_INTERNALLY: "share it inside the organisation",
    Use.PUBLISH: "publish it",
    Use.DISTRIBUTE: "share it with other organisations",
    Use.MONETISE: "use it in paid products",
}
PASSIVE: dict[str, str] = {
    Use.SHARE_INTERNALLY: "shared inside the organisation",
    Use.PUBLISH: "published",
    Use.DISTRIBUTE: "shared with other organisations",
    Use.MONETISE: "used in paid products",
}

# What each reason says to the person themself.
PERSONAL: dict[str, str] = {
    "none": "You have not said yes to this.",
    "withdrawn": "You said no to this. You can say yes again at any time.",
    "lapsed": "Your yes has run out. Say yes again if you still agree.",
    "not_reconfirmed": "The work has finished. Say yes again if you still agree.",
    "expired": "The end date you chose has passed.",
}

# A context is where a consent applies, from the most specific to the widest.
OUTPUT, OPPORTUNITY, ORGANISATION = "output", "opportunity", "organisation"
CONTEXT_WORDS = {
    OPPORTUNITY: "for all of this opportunity's work",
    ORGANISATION: "for all work with the organisation",
}


@dataclass(frozen=True)
class Record:
    """The last ledger event of one person, scope and context."""

    event_id: int
    action: str
    at: datetime


@dataclass(frozen=True)
class Decision:
    """One contributor's answer for one use of one output."""

    person_id: int
    name: str
    use: str
    usable: bool
    reason: str = ""
    state: str = ""  # given | withdrawn | lapsed | none | not_reconfirmed | expired
    named: bool = False
    expires_on: date | None = None
    blocked_scope: str = ""  # the consent that blocks it, when one does

    @property
    def for_the_person(self) -> str:
        """The reason in the person's own terms, for their review page."""
        if self.usable:
            return ""
        if self.blocked_scope and self.blocked_scope in KIND_VERB:
            return (
                f"It also needs your agreement to {KIND_VERB[self.blocked_scope]}. Tell your "
                "contact person if you want to give it."
            )
        return PERSONAL.get(self.state, "")


@dataclass
class Usability:
    output: Output
    finished: bool
    usable: dict[str, bool] = field(default_factory=dict)
    blocked_reasons: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def usable_uses(self) -> list[str]:
        return [use for use in self.output.uses if self.usable.get(use)]

    def decisions_for(self, use: str) -> list[Decision]:
        return [d for d in self.decisions if d.use == use]

    def reasons_for(self, use: str) -> list[str]:
        return [d.reason for d in self.decisions if d.use == use and d.reason]


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


def _records(
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


def _latest_choices(output_ids: set[int]) -> dict[tuple[int, int, str], UseChoice]:
    latest: dict[tuple[int, int, str], UseChoice] = {}
    for choice in UseChoice.objects.filter(output_id__in=output_ids).order_by("id"):
        latest[(choice.output_id, choice.person_id, choice.use)] = choice
    return latest


def _day(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment).date()
    return date_format(moment, "j F Y")


def _blocked(stand: Standing, name: str, verb: str, months: int) -> tuple[str, str] | None:
    """Why a standing blocks a use, in words; None when the consent is given."""
    if stand.state == "none":
        return "none", f"{name} has not given consent to {verb}."
    assert stand.record is not None
    if stand.state == "withdrawn":
        where = ""
        if stand.wider_withdrawal is not None:
            where = f" {CONTEXT_WORDS[stand.wider_withdrawal[0]]}"
        return "withdrawn", f"{name} withdrew consent to {verb}{where} on {_day(stand.record.at)}."
    if stand.state == "lapsed":
        return "lapsed", (
            f"{name}'s consent to {verb} has lapsed: it was last given on "
            f"{_day(stand.record.at)}, more than {months} months ago, and needs reconfirming."
        )
    return None


def _decide(
    *,
    output: Output,
    use: str,
    person: Person,
    stand: Standing,
    kind_stand: Standing | None,
    finished: bool,
    finished_when: datetime | None,
    choice: UseChoice | None,
    today: date,
    months: int,
) -> Decision:
    name = person.preferred_name
    verb = VERB[use]
    terms: dict[str, Any] = {
        "person_id": person.pk,
        "name": name,
        "use": use,
        "named": bool(choice and choice.named),
        "expires_on": choice.expires_on if choice else None,
    }
    blocked = _blocked(stand, name, verb, months)
    if blocked is None and kind_stand is not None:
        blocked = _blocked(kind_stand, name, KIND_VERB[kind_stand.scope], months)
        if blocked is not None:
            terms["blocked_scope"] = kind_stand.scope
    if blocked is not None:
        state, reason = blocked
        return Decision(**terms, usable=False, reason=reason, state=state)
    assert stand.record is not None
    assert stand.context is not None
    if finished and use in OUTWARD_USES:
        after = finished_when is None or stand.record.at >= finished_when
        if stand.context[0] != OUTPUT or not after:
            reason = (
                f"The work has finished: {name} needs to reconfirm that this output can be "
                f"{PASSIVE[use]}. Until then it can be used inside the organisation at most."
            )
            return Decision(**terms, usable=False, reason=reason, state="not_reconfirmed")
    if choice is not None and choice.expires_on is not None and choice.expires_on < today:
        reason = f"{name} agreed to {verb} until {_day(choice.expires_on)}; that has ended."
        return Decision(**terms, usable=False, reason=reason, state="expired")
    return Decision(**terms, usable=True, state="given")


def usability_of(outputs: list[Output], now: datetime | None = None) -> dict[int, Usability]:
    """Each output's usability, for any number of outputs in a fixed number of queries.
    The outputs need ``organisation`` and ``opportunity`` loaded (``select_related``)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if not outputs:
        return {}
    ids = {o.pk for o in outputs}
    through = Output.contributors.through.objects.filter(output_id__in=ids)
    pairs = list(through.values_list("output_id", "person_id"))
    people = {p.pk: p for p in Person.objects.filter(pk__in={pid for _, pid in pairs})}
    contributors: dict[int, list[Person]] = {}
    for output_id, person_id in sorted(pairs, key=lambda pair: people[pair[1]].preferred_name):
        contributors.setdefault(output_id, []).append(people[person_id])
    records = _records(
        {o.organisation_id for o in outputs},
        set(people),
        {*USE_SCOPE.values(), *KIND_SCOPE.values()},
        ids,
        {o.opportunity_id for o in outputs},
    )
    choices = _latest_choices(ids)
    finished_ids = {o.opportunity_id for o in outputs if o.opportunity.status in FINISHED}
    finished_times = finished_at(finished_ids) if finished_ids else {}
    cutoffs: dict[int, datetime] = {}
    result: dict[int, Usability] = {}
    for output in outputs:
        organisation = output.organisation
        if organisation.pk not in cutoffs:
            cutoffs[organisation.pk] = lapse_before(organisation, now)
        finished = output.opportunity_id in finished_ids
        found = Usability(output=output, finished=finished)
        chain = chain_of(output)
        for use in Use.values:
            if use not in output.uses:
                found.usable[use] = False
                found.blocked_reasons.append(
                    f"“{Use(use).label}” is not an intended use of this output."
                )
                continue
            allowed = True
            for person in contributors.get(output.pk, []):
                decision = _decide(
                    output=output,
                    use=use,
                    person=person,
                    stand=standing(
                        records,
                        organisation,
                        person.pk,
                        USE_SCOPE[use],
                        chain,
                        cutoffs[organisation.pk],
                    ),
                    kind_stand=(
                        standing(
                            records,
                            organisation,
                            person.pk,
                            KIND_SCOPE[output.kind],
                            chain,
                            cutoffs[organisation.pk],
                        )
                        if output.kind in KIND_SCOPE
                        else None
                    ),
                    finished=finished,
                    finished_when=finished_times.get(output.opportunity_id),
                    choice=choices.get((output.pk, person.pk, use)),
                    today=today,
                    months=organisation.reconfirm_months,
                )
                found.decisions.append(decision)
                if not decision.usable:
                    allowed = False
                    found.blocked_reasons.append(decision.reason)
            found.usable[use] = allowed
        result[output.pk] = found
    return result


def usability(output: Output, now: datetime | None = None) -> Usability:
    return usability_of([output], now)[output.pk]


def inherited_standing(person: Person, output: Output, scope: str) -> Standing:
    """The consent an output inherits from its opportunity or the organisation, leaving
    out the output's own context: what a person reconfirms or withdraws for this output
    when they have not answered for it on its own before."""
    records = _records(
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
