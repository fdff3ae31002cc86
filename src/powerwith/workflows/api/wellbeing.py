"""A wellbeing check and a stop or time out over the API, where staff may act for the
person on their word (``workflows.on_behalf``): reading and answering one check (both
methods of its path), and recording a stop. Served here under the wellbeing tag, paths
and operation ids (docs/adr/011-layers-and-layout.md)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from ninja import Router, Status

from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.engagements.api.wellbeing import (
    CheckIn,
    StopIn,
    StopOut,
    WellbeingCheckOut,
    check_out,
    stop_out,
)
from powerwith.engagements.queries import wellbeing as queries
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.engagements.services.wellbeing import complete_check
from powerwith.people.choices import What
from powerwith.people.reads import record_read
from powerwith.workflows import on_behalf

router = Router(tags=["wellbeing"])


@router.get(
    "/wellbeing-checks/{check_id}",
    response=WellbeingCheckOut,
    operation_id="powerwith_engagements_api_wellbeing_get_check",
)
def get_check(request: Request, check_id: int) -> dict[str, Any]:
    check = queries.get_check_for(membership_of(request), check_id)
    record_read(
        viewer=membership_of(request),
        person=check.attendance.person,
        what=What.WELLBEING_NOTES,
        where=request.path,
    )
    return check_out(check)


@router.post(
    "/wellbeing-checks/{check_id}",
    response=WellbeingCheckOut,
    operation_id="powerwith_engagements_api_wellbeing_answer_check",
)
def answer_check(request: Request, check_id: int, payload: CheckIn) -> dict[str, Any]:
    membership = membership_of(request)
    check = queries.get_check_for(membership, check_id)
    answer = payload.model_dump(exclude={"on_behalf"})
    if payload.on_behalf is None:
        complete_check(check, by=membership, **answer)
    else:
        on_behalf.answer_wellbeing_check(
            check, by=membership, word=payload.on_behalf.word(), **answer
        )
    return check_out(check)


@router.post(
    "/stop", response={201: StopOut}, operation_id="powerwith_engagements_api_wellbeing_record_stop"
)
def record_stop(request: Request, payload: StopIn) -> Status[dict[str, Any]]:
    """The person for themself (``person_id`` may be left out), or staff for a person.
    No reason is asked for, and pay for the booked time is unchanged."""
    membership = membership_of(request)
    if not can(membership, Capability.WORK_AS_STAFF):
        person = queries.own_person_here(membership)
        if payload.person_id is not None and payload.person_id != person.pk:
            raise Http404("No such person.")
        opportunity = queries.get_own_opportunity(membership, person, payload.opportunity_id)
    else:
        if not can(membership, Capability.CARE_FOR_PEOPLE):
            raise NotAllowed("Only coordinators, admins and contact people can record this.")
        opportunity = queries.get_opportunity_for_staff(membership, payload.opportunity_id)
        if payload.person_id is None:
            raise InvalidInput("Say who this is for: person_id.", field="person_id")
        person = queries.get_person_in(opportunity, payload.person_id)
    session = (
        queries.get_session_in(opportunity, payload.session_id)
        if payload.session_id is not None
        else None
    )
    if payload.on_behalf is None:
        event = stop_or_time_out(
            person=person,
            opportunity=opportunity,
            session=session,
            kind=payload.kind,
            by=membership,
        )
    else:
        event = on_behalf.stop_or_time_out(
            person=person,
            opportunity=opportunity,
            session=session,
            kind=payload.kind,
            by=membership,
            word=payload.on_behalf.word(),
        )
    return Status(201, stop_out(event))
