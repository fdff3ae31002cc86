"""Each contributor's decision for each use of an output, and the output's usability."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

from powerwith.consent.models import Output, Use, UseChoice
from powerwith.consent.queries import lapse_before
from powerwith.consent.usability.ledger import (
    Standing,
    chain_of,
    finished_at,
    records_for,
    standing,
)
from powerwith.consent.usability.rules import (
    CONTEXT_WORDS,
    FINISHED,
    KIND_SCOPE,
    KIND_VERB,
    OUTPUT,
    OUTWARD_USES,
    PASSIVE,
    PERSONAL,
    USE_SCOPE,
    VERB,
)
from powerwith.people.models import Person


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
    records = records_for(
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
