"""Giving, withdrawing and reconfirming consent: each one transaction that appends one
event to the ledger and one audit record.

Who may act: the person themself (method "self"), or staff of the organisation the
person works with — coordinator, admin or contact person — who must say how the person
told them (verbal, written, through a supporter). Anyone else is refused.

Withdrawing a consent that is already withdrawn is not an error: two withdrawals racing
each other (a double click, the person and staff at once) both end in the one withdrawn
state. The second finds it withdrawn under the chain lock and returns that state
without writing a second event. Withdrawing or reconfirming a consent that was never
given is a conflict (409), and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.http import Http404

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.accounts.roles import Role
from powerwith.consent.models import Action, ConsentChainHead, ConsentEvent, Method
from powerwith.consent.queries import WITHDRAWN, ConsentState, state_of
from powerwith.consent.wording import Scope, wording_hash
from powerwith.errors import Conflict, InvalidInput, NotAllowed
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import OrganisationLink, Person

STAFF_WHO_RECORD = frozenset({Role.COORDINATOR, Role.ADMIN, Role.CONTACT})
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
    if actor.role not in STAFF_WHO_RECORD:
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


def _append(
    *,
    actor: Membership,
    person: Person,
    scope: str,
    action: str,
    method: str,
    opportunity: Opportunity | None,
    output_id: int | None,
) -> ConsentState:
    scope = _clean_scope(scope)
    method = _method_for(actor, person, method)
    _check_opportunity(actor, opportunity)
    opportunity_id = opportunity.pk if opportunity is not None else None
    with transaction.atomic():
        # The lock makes appends take turns: each reads the head, builds on it and moves
        # it on before the next one may read it. It also makes the state check below
        # race-free.
        head, _ = ConsentChainHead.objects.select_for_update().get_or_create(pk=1)
        current = state_of(person, actor.organisation, scope, opportunity_id, output_id)
        if action == Action.WITHDRAW and current is not None and current.state == WITHDRAWN:
            return current
        if action != Action.GRANT and (current is None or current.state == WITHDRAWN):
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
