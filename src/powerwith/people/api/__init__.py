"""The register and profiles over the API.

Everything a person looks like to the token's organisation comes from
``people.queries.profile_for``/``profiles_for``, so fields the person has not shared are
null here exactly as they are hidden on the pages. Every write is a service call; an
unknown code comes back from the service as a 422 that names the valid ones.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.core.exceptions import PermissionDenied
from ninja import P, Router, Status
from ninja.params import QueryEx

from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.people import schedule, services
from powerwith.people.choices import What
from powerwith.people.models import Person
from powerwith.people.queries import (
    get_person_for,
    links_of,
    people_visible_to,
    profile_for,
    profiles_for,
)
from powerwith.people.queries.counts import cached_count
from powerwith.people.reads import record_read
from powerwith.people.schemas import (
    ExperienceIn,
    ExperienceOut,
    PeoplePage,
    PersonIn,
    PersonOut,
    ProfileFields,
    ScheduleOut,
    SharingIn,
    SharingList,
)

router = Router(tags=["people"])

PAGE_SIZE = 25


def _require_people_role(membership: Membership) -> None:
    """Coordinators and admins read the register, an expert reads themself; the other
    roles are told so (403) rather than shown an empty register."""
    if can(membership, Capability.WORK_AS_STAFF) and not can(membership, Capability.READ_REGISTER):
        raise PermissionDenied(
            "Only coordinators, admins and the person themself can see people's profiles."
        )


def _person(membership: Membership, person_id: int) -> Person:
    _require_people_role(membership)
    return get_person_for(membership, person_id)


def _own_profile(membership: Membership, person_id: int) -> Person:
    person = _person(membership, person_id)
    if person.user_id is None or person.user_id != membership.user_id:
        raise PermissionDenied(
            "Only the person themself can see and choose what each organisation sees."
        )
    return person


def _out(membership: Membership, person: Person) -> dict[str, Any]:
    return asdict(profile_for(membership, person))


def _sharing(person: Person) -> dict[str, list[dict[str, Any]]]:
    return {
        "items": [
            {
                "organisation_id": link.organisation_id,
                "organisation": link.organisation.name,
                "sharing": link.sharing,
            }
            for link in links_of(person)
        ]
    }


@router.get("/experience-schedule", response=ScheduleOut)
def experience_schedule(request: Request) -> dict[str, list[dict[str, str]]]:
    return schedule.as_api()


@router.post("/people", response={201: PersonOut})
def create_person(request: Request, payload: PersonIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    person = services.create_person(
        by=membership,
        profile=payload.changes(),
        experience=[entry.as_input() for entry in payload.experience],
    )
    return Status(201, _out(membership, person))


@router.get("/people", response=PeoplePage)
def list_people(request: Request, page: QueryEx[int, P(ge=1, le=1_000_000)] = 1) -> dict[str, Any]:
    """25 people a page, in name order. A page past the end answers no items and the
    count, so a client can tell it has read everything without handling an error."""
    membership = membership_of(request)
    _require_people_role(membership)
    people = people_visible_to(membership)
    start = (page - 1) * PAGE_SIZE
    return {
        "items": [asdict(p) for p in profiles_for(membership, people[start : start + PAGE_SIZE])],
        "count": cached_count(people),
    }


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: Request, person_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    person = _person(membership, person_id)
    record_read(viewer=membership, person=person, what=What.PROFILE, where=request.path)
    return _out(membership, person)


@router.patch("/people/{person_id}", response=PersonOut)
def update_person(request: Request, person_id: int, payload: ProfileFields) -> dict[str, Any]:
    membership = membership_of(request)
    person = _person(membership, person_id)
    services.update_person(
        person, user=membership.user, membership=membership, changes=payload.changes()
    )
    # The answer carries the person's details, as GET does.
    record_read(viewer=membership, person=person, what=What.PROFILE, where=request.path)
    return _out(membership, person)


@router.put("/people/{person_id}/experience", response=list[ExperienceOut])
def replace_experience(
    request: Request, person_id: int, payload: list[ExperienceIn]
) -> list[dict[str, Any]]:
    membership = membership_of(request)
    person = _person(membership, person_id)
    services.replace_experience(
        person,
        user=membership.user,
        membership=membership,
        entries=[entry.as_input() for entry in payload],
    )
    record_read(viewer=membership, person=person, what=What.EXPERIENCE, where=request.path)
    return [asdict(entry) for entry in profile_for(membership, person).experience]


@router.get("/people/{person_id}/sharing", response=SharingList)
def get_sharing(request: Request, person_id: int) -> dict[str, list[dict[str, Any]]]:
    membership = membership_of(request)
    return _sharing(_own_profile(membership, person_id))


@router.put("/people/{person_id}/sharing", response=SharingList)
def set_sharing(
    request: Request, person_id: int, payload: SharingIn
) -> dict[str, list[dict[str, Any]]]:
    membership = membership_of(request)
    person = _own_profile(membership, person_id)
    services.set_sharing(
        person,
        user=membership.user,
        organisation_id=payload.organisation_id,
        sharing=payload.sharing,
    )
    return _sharing(person)
