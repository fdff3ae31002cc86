"""Safe-to-work checks over the API.

``/people/{id}/checks``: staff who read the register, and the person themself, read the
checks held with the token's organisation; coordinators and admins replace them. Another
organisation's person is a 404. ``/required-checks`` and
``/opportunities/{id}/required-checks`` say what the work requires.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.opportunities.queries import get_opportunity_for
from powerwith.safe_to_work import queries, services
from powerwith.safe_to_work.queries import CheckState

router = Router(tags=["people"])


class PersonCheckOut(Schema):
    kind: str
    level: str
    name: str
    label: str
    done_on: dt.date | None
    expires_on: dt.date | None
    state: str
    required: bool
    certificate_number: str


class PersonCheckList(Schema):
    items: list[PersonCheckOut]


class PersonCheckIn(Schema):
    kind: str = Field(max_length=20)
    level: str = Field("", max_length=20)
    name: str = Field("", max_length=services.NAME_MAX)
    done_on: dt.date
    expires_on: dt.date | None = None
    certificate_number: str = Field("", max_length=services.NUMBER_MAX)


class PersonChecksIn(Schema):
    items: list[PersonCheckIn]


class RequiredCheckIo(Schema):
    kind: str = Field(max_length=20)
    level: str = Field("", max_length=20)
    name: str = Field("", max_length=services.NAME_MAX)


class RequiredChecksOut(Schema):
    items: list[RequiredCheckIo]
    own: bool = Field(description="False when the organisation's default applies")


class RequiredChecksIn(Schema):
    """The checks required; on an opportunity, ``items: null`` follows the
    organisation's default again."""

    items: list[RequiredCheckIo] | None


def _out(state: CheckState) -> dict[str, Any]:
    return {
        "kind": state.kind,
        "level": state.level,
        "name": state.name,
        "label": state.label,
        "done_on": state.done_on,
        "expires_on": state.expires_on,
        "state": state.state.value,
        "required": state.required,
        "certificate_number": state.certificate_number,
    }


@router.get("/people/{person_id}/checks", response=PersonCheckList)
def list_checks(request: Request, person_id: int) -> dict[str, Any]:
    """Each check held, in its state today (``valid``, ``expiring``, ``expired``), then
    each the organisation requires by default and the person does not hold
    (``missing``)."""
    membership = membership_of(request)
    person = queries.person_for_checks(membership, person_id)
    return {"items": [_out(s) for s in queries.checks_of(membership.organisation_id, person)]}


@router.put("/people/{person_id}/checks", response=PersonCheckList)
def replace_checks(request: Request, person_id: int, payload: PersonChecksIn) -> dict[str, Any]:
    """Replace the person's current checks: all the items are checked first, and one bad
    item (422) writes nothing. Earlier records are kept, never edited."""
    membership = membership_of(request)
    person = queries.person_for_checks(membership, person_id)
    services.replace_checks(
        person=person, by=membership, items=[item.model_dump() for item in payload.items]
    )
    return {"items": [_out(s) for s in queries.checks_of(membership.organisation_id, person)]}


@router.get("/required-checks", response=RequiredChecksOut)
def default_required_checks(request: Request) -> dict[str, Any]:
    membership = membership_of(request)
    queries.require_reader_of_requirements(membership)
    items = queries.default_requirements(membership.organisation_id)
    return {"items": [r.as_item() for r in items], "own": True}


@router.put("/required-checks", response=RequiredChecksOut)
def set_default_required_checks(request: Request, payload: RequiredChecksIn) -> dict[str, Any]:
    membership = membership_of(request)
    row = services.set_required_checks(
        by=membership, items=[i.model_dump() for i in payload.items or []]
    )
    return {"items": row.items, "own": True}


@router.get("/opportunities/{opportunity_id}/required-checks", response=RequiredChecksOut)
def opportunity_required_checks(request: Request, opportunity_id: int) -> dict[str, Any]:
    opportunity = get_opportunity_for(membership_of(request), opportunity_id)
    return {
        "items": [r.as_item() for r in queries.requirements_of(opportunity)],
        "own": queries.has_own_requirements(opportunity),
    }


@router.put("/opportunities/{opportunity_id}/required-checks", response=RequiredChecksOut)
def set_opportunity_required_checks(
    request: Request, opportunity_id: int, payload: RequiredChecksIn
) -> dict[str, Any]:
    membership = membership_of(request)
    opportunity = get_opportunity_for(membership, opportunity_id)
    if payload.items is None:
        services.follow_default_checks(by=membership, opportunity=opportunity)
    else:
        services.set_required_checks(
            by=membership, opportunity=opportunity, items=[i.model_dump() for i in payload.items]
        )
    return opportunity_required_checks(request, opportunity_id)
