"""Giving, withdrawing and reconfirming consent: each one transaction that appends one
event to the ledger and one audit record, and queues the event's receipt to the person
by their channel once it commits (consent.receipts.message).

Who may act: the person themself (method "self"), or staff of the organisation the
person works with — coordinator, admin or contact person — who must say how the person
told them (verbal, written, through a supporter). Anyone else is refused.

Withdrawing a consent that is already withdrawn is not an error: two withdrawals racing
each other (a double click, the person and staff at once) both end in the one withdrawn
state. The second finds it withdrawn under the chain lock and returns that state
without writing a second event. Withdrawing or reconfirming a consent that was never
given is a conflict (409), and nothing is written.

Outputs. A consent tied to an output is always recorded with the output's opportunity
as well, so an output has one context. Withdrawing or reconfirming a use for an output
the person has not answered for on its own acts on the consent it inherits from its
opportunity or the organisation (see ``usability.inherited_standing``): "not for this
output" is something a person can say without withdrawing it from everything else.

A withdrawal reaches everything in its own transaction: every output that used the
consent is unusable at once (usability is computed from the ledger, never cached), the
owner of each output and the opportunity's contact person get a "take down" task.
Withdrawing *take part* is leaving the work: powerwith.workflows.leaving withdraws it
here and cancels the sessions to come in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.http import Http404
from django.urls import reverse

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.consent import ledger
from powerwith.consent.models import (
    Action,
    ConsentChainHead,
    ConsentEvent,
    Method,
    Output,
    Use,
)
from powerwith.consent.queries import GIVEN, LAPSED, WITHDRAWN, ConsentState, state_of
from powerwith.consent.receipts.message import send_receipt
from powerwith.consent.usability import (
    KIND_SCOPE,
    SCOPE_USES,
    inherited_standing,
    standing_for_work,
)
from powerwith.consent.wording import Scope, wording_hash
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import OrganisationLink, Person

STAFF_METHODS = (Method.VERBAL, Method.WRITTEN, Method.SUPPORTER)


def _valid(values: list[str]) -> str:
    return ", ".join(values)


def _clean_scope(scope: str) -> str:
    if scope not in Scope.values:
        raise InvalidInput(
            f"Unknown consent scope '{scope}'. Use one of: {_valid(Scope.values)}.", field="scope"
        )
    return scope


def _method_for(actor: Membership, person: Person, method: str) -> str:
    """The person speaks for themself; staff record on their behalf and say how."""
    if not OrganisationLink.objects.filter(
        person=person, organisation_id=actor.organisation_id
    ).exists():
        raise Http404("No such person.")
    if person.user_id is not None and person.user_id == actor.user_id:
        if method not in ("", Method.SELF):
            raise InvalidInput(
                "When you record your own consent the method is 'self'.", field="method"
            )
        return Method.SELF
    if not can(actor, Capability.RECORD_CONSENT_FOR_PERSON):
        raise NotAllowed(
            "Only the person themself, or a coordinator, admin or contact person on their "
            "behalf, can record their consent."
        )
    if method not in STAFF_METHODS:
        raise InvalidInput(
            "Say how the person gave you their decision. Use one of: "
            f"{_valid(list(STAFF_METHODS))}.",
            field="method",
        )
    return method


def _check_opportunity(actor: Membership, opportunity: Opportunity | None) -> None:
    if opportunity is not None and opportunity.organisation_id != actor.organisation_id:
        raise InvalidInput(
            "That opportunity is not one of your organisation's.", field="opportunity"
        )


def _output_context(
    actor: Membership, person: Person, output_id: int | None, opportunity: Opportunity | None
) -> Output | None:
    """The output a consent is tied to: the organisation's own, with the person among
    its contributors. Its opportunity becomes the consent's opportunity too."""
    if output_id is None:
        return None
    output = (
        Output.objects.select_related("organisation", "opportunity")
        .filter(pk=output_id, organisation_id=actor.organisation_id)
        .first()
    )
    if output is None:
        raise InvalidInput(f"No output {output_id} in this organisation.", field="output_id")
    if not output.contributors.filter(pk=person.pk).exists():
        raise InvalidInput(
            f"{person.preferred_name} is not a contributor to “{output.title}”.",
            field="output_id",
        )
    if opportunity is not None and opportunity.pk != output.opportunity_id:
        raise InvalidInput(
            "That output belongs to another opportunity; leave the opportunity out or name "
            "the output's own.",
            field="opportunity_id",
        )
    return output


# Called with each withdrawal's event once it is stored, inside its transaction, before
# anything else the withdrawal does. Empty in the product: the durability tests add a hook
# in a process they then kill there, to show a withdrawal is kept whole or not at all.
AFTER_WITHDRAWAL_STORED: list[Callable[[ConsentEvent], None]] = []


def _append(
    *,
    actor: Membership,
    person: Person,
    scope: str,
    action: str,
    method: str,
    opportunity: Opportunity | None,
    output_id: int | None,
    then: Callable[[ConsentEvent], None] | None = None,
) -> ConsentState:
    """Append one event; ``then`` runs in the same transaction once it is stored."""
    scope = _clean_scope(scope)
    method = _method_for(actor, person, method)
    _check_opportunity(actor, opportunity)
    output = _output_context(actor, person, output_id, opportunity)
    if output is not None:
        opportunity = output.opportunity
    opportunity_id = opportunity.pk if opportunity is not None else None
    with transaction.atomic():
        # The lock makes appends take turns: each reads the head, builds on it and moves
        # it on before the next one may read it. It also makes the state check below
        # race-free.
        head, _ = ConsentChainHead.objects.select_for_update().get_or_create(pk=1)
        current = state_of(person, actor.organisation, scope, opportunity_id, output_id)
        if action == Action.WITHDRAW and current is not None and current.state == WITHDRAWN:
            return current
        inherited = current is None and (
            inherited_standing(person, output, scope).state in (GIVEN, LAPSED)
            if output is not None
            # Leaving one piece of work given consent for all of the organisation's.
            else opportunity_id is not None
            and standing_for_work(person, actor.organisation, scope, opportunity_id).state
            in (GIVEN, LAPSED)
        )
        if (
            action != Action.GRANT
            and not inherited
            and (current is None or current.state == WITHDRAWN)
        ):
            verb = "withdraw" if action == Action.WITHDRAW else "reconfirm"
            raise Conflict(
                f"There is no consent to {verb}: '{scope}' has not been given in this context."
            )
        event = ConsentEvent(
            person=person,
            organisation=actor.organisation,
            scope=scope,
            opportunity=opportunity,
            output_id=output_id,
            action=action,
            recorded_by=actor.user,
            method=method,
            wording_hash=wording_hash(scope),
            previous_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.key_id, event.mac = ledger.seal(event.hash)
        event.save()
        head.last_hash = event.hash
        head.save(update_fields=["last_hash"])
        audit.record(
            actor=actor.user,
            action=f"consent.{action}",
            organisation=actor.organisation,
            target=person,
            scope=scope,
            opportunity_id=opportunity_id,
            output_id=output_id,
            method=method,
            event_id=event.pk,
        )
        send_receipt(event)
        if then is not None:
            then(event)
    state = state_of(person, actor.organisation, scope, opportunity_id, output_id)
    assert state is not None
    return state


def grant_consent(
    *,
    person: Person,
    scope: str,
    actor: Membership,
    method: str = "",
    opportunity: Opportunity | None = None,
    output_id: int | None = None,
) -> ConsentState:
    return _append(
        actor=actor,
        person=person,
        scope=scope,
        action=Action.GRANT,
        method=method,
        opportunity=opportunity,
        output_id=output_id,
    )


def affected_outputs(event: ConsentEvent) -> list[tuple[Output, list[str]]]:
    """The outputs a consent event reaches, each with the uses it concerns: those the
    person contributed to, in the event's context or inside it, that are meant for a
    use needing this scope — or, for *be recorded* and *be quoted*, recordings and
    quotes, for all their uses."""
    kinds = [kind for kind, scope in KIND_SCOPE.items() if scope == event.scope]
    uses = SCOPE_USES.get(event.scope, [])
    if not uses and not kinds:
        return []
    outputs = Output.objects.select_related("owner", "opportunity__contact_user").filter(
        organisation_id=event.organisation_id, contributors=event.person_id
    )
    if kinds:
        # A recording or a quote needs this consent for every use it is meant for.
        outputs = outputs.filter(kind__in=kinds)
    if event.output_id is not None:
        outputs = outputs.filter(pk=event.output_id)
    elif event.opportunity_id is not None:
        outputs = outputs.filter(opportunity_id=event.opportunity_id)
    found = []
    for output in outputs.order_by("id"):
        concerned = [use for use in output.uses if kinds or use in uses]
        if concerned:
            found.append((output, concerned))
    return found


def _reach_everything(actor: Membership, person: Person) -> Callable[[ConsentEvent], None]:
    """What a withdrawal does besides its event, in the same transaction."""

    def reach(event: ConsentEvent) -> None:
        for hook in AFTER_WITHDRAWAL_STORED:
            hook(event)
        for output, uses in affected_outputs(event):
            link = reverse("consent:output", args=[output.pk])
            for use in uses:
                raise_action(
                    organisation=actor.organisation,
                    assignees=[output.owner, output.opportunity.contact_user],
                    kind=ActionKind.TAKE_DOWN,
                    key=f"take_down:output:{output.pk}:{use}",
                    title=(
                        f"Take down “{output.title}” from “{Use(use).label}”: "
                        f"{person.preferred_name} withdrew their consent."
                    ),
                    link=link,
                    person=person,
                )

    return reach


def withdraw_consent(
    *,
    person: Person,
    scope: str,
    actor: Membership,
    method: str = "",
    opportunity: Opportunity | None = None,
    output_id: int | None = None,
) -> ConsentState:
    return _append(
        actor=actor,
        person=person,
        scope=scope,
        action=Action.WITHDRAW,
        method=method,
        opportunity=opportunity,
        output_id=output_id,
        then=_reach_everything(actor, person),
    )


def reconfirm_consent(
    *,
    person: Person,
    scope: str,
    actor: Membership,
    method: str = "",
    opportunity: Opportunity | None = None,
    output_id: int | None = None,
) -> ConsentState:
    return _append(
        actor=actor,
        person=person,
        scope=scope,
        action=Action.RECONFIRM,
        method=method,
        opportunity=opportunity,
        output_id=output_id,
    )


# The API's "action" field names one of these.
ACTIONS: dict[str, Callable[..., ConsentState]] = {
    Action.GRANT: grant_consent,
    Action.WITHDRAW: withdraw_consent,
    Action.RECONFIRM: reconfirm_consent,
}
