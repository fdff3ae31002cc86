"""A person's data rights over the API: who has looked at their information, and
everything held about them. Reached through the token's own user only: staff, who have
no profile, get a 404. The exception: an admin erasing a person on the register at the
person's request (``POST /people/{erase_person_id}/erase``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, P, Router, Schema
from ninja.params import QueryEx
from pydantic import ConfigDict

from powerwith.core.errors import InvalidInput
from powerwith.core.http import Request, membership_of
from powerwith.privacy import export, queries, services
from powerwith.privacy.forms import MOST_MONTHS, SETTINGS
from powerwith.privacy.models import AccessLogEntry, RetentionPolicy

router = Router(tags=["privacy"])

PAGE_SIZE = 25


class AccessLogEntryOut(Schema):
    id: int
    viewer_name: str
    viewer_role: str
    organisation_id: int
    organisation: str
    what: str
    where: str
    created_at: dt.datetime


class AccessLogPage(Schema):
    items: list[AccessLogEntryOut]
    count: int


def _entry_out(entry: AccessLogEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "viewer_name": str(entry.viewer),
        "viewer_role": entry.viewer_role,
        "organisation_id": entry.organisation_id,
        "organisation": entry.organisation.name,
        "what": entry.what,
        "where": entry.where,
        "created_at": entry.created_at,
    }


@router.get("/me/access-log", response=AccessLogPage)
def my_access_log(
    request: Request, page: QueryEx[int, P(ge=1, le=1_000_000)] = 1
) -> dict[str, Any]:
    """Who has looked at my information, newest first, 25 a page."""
    entries = queries.access_log_of(queries.own_person(membership_of(request).user))
    start = (page - 1) * PAGE_SIZE
    return {
        "items": [_entry_out(e) for e in entries[start : start + PAGE_SIZE]],
        "count": entries.count(),
    }


@router.get("/me/data", response=dict[str, Any])
def my_data(request: Request) -> dict[str, Any]:
    """Everything held about me, model by model (the same as the JSON download)."""
    user = membership_of(request).user
    person = queries.own_person(user)
    services.record_download(person, user, fmt="api")
    return export.as_json(person)


class EraseIn(Schema):
    model_config = ConfigDict(extra="forbid")

    confirm: bool


class ErasureOut(Schema):
    person_id: int
    erased_at: dt.datetime
    kept: list[str]


@router.post("/me/erase", response=ErasureOut)
def erase_me(request: Request, payload: EraseIn) -> dict[str, Any]:
    """Erase my information, keeping what the law requires (listed in ``kept``). The
    token stops working: the account it acts for is closed."""
    user = membership_of(request).user
    person = queries.own_person(user)
    if not payload.confirm:
        raise InvalidInput("Send confirm: true to erase your information.", field="confirm")
    record = services.erase_person(person, user)
    return {"person_id": record.person_id, "erased_at": record.erased_at, "kept": record.kept}


class StaffEraseIn(Schema):
    model_config = ConfigDict(extra="forbid")

    # Defaults to empty so a missing value is the service's own 422, after the 403/404.
    how_asked: str = Field("", max_length=200)


class StaffErasureOut(ErasureOut):
    how_asked: str


@router.post("/people/{erase_person_id}/erase", response=StaffErasureOut)
def erase_person(request: Request, erase_person_id: int, payload: StaffEraseIn) -> dict[str, Any]:
    """An admin erases a person's information on their request, made by phone, letter or
    in person (``how_asked``, required). Admins only; 409 when already erased, or when
    the person has a login of their own (they erase it themself)."""
    membership = membership_of(request)
    person = queries.person_to_erase(membership, erase_person_id)
    record = services.erase_person(
        person,
        membership.user,
        organisation=membership.organisation,
        how_asked=payload.how_asked,
    )
    return {
        "person_id": record.person_id,
        "erased_at": record.erased_at,
        "kept": record.kept,
        "how_asked": record.how_asked,
    }


class RetentionIO(Schema):
    model_config = ConfigDict(extra="forbid")

    wellbeing_note_months: int = Field(ge=1, le=MOST_MONTHS)
    access_log_months: int = Field(ge=1, le=MOST_MONTHS)
    left_person_months: int = Field(ge=1, le=MOST_MONTHS)
    feedback_text_months: int = Field(ge=1, le=MOST_MONTHS)
    payment_months: int = Field(ge=1, le=MOST_MONTHS)
    # Optional so a client written before it keeps working: left out, it stays as it was.
    audit_log_months: int | None = Field(None, ge=1, le=MOST_MONTHS)


class RetentionOut(Schema):
    wellbeing_note_months: int
    access_log_months: int
    left_person_months: int
    feedback_text_months: int
    payment_months: int
    audit_log_months: int


def _retention_out(policy: RetentionPolicy) -> dict[str, int]:
    return {name: getattr(policy, name) for name in SETTINGS}


@router.get("/organisation/retention", response=RetentionOut)
def get_retention(request: Request) -> dict[str, int]:
    return _retention_out(queries.retention_policy_for(membership_of(request)))


@router.put("/organisation/retention", response=RetentionOut)
def set_retention(request: Request, payload: RetentionIO) -> dict[str, int]:
    """Months each kind of information is kept; payments and the audit log at least 72
    (six years). Without ``audit_log_months`` the audit log's period stays as it was."""
    policy = services.set_retention(membership_of(request), **payload.model_dump())
    return _retention_out(policy)
