"""Restraint-reduction outcomes over the API: services, a service's monthly series with the
months of linked work marked, and recording figures all-or-nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import ValidationError
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from powerwith.core.http import Request, membership_of
from powerwith.outcomes import months, queries, services
from powerwith.outcomes.models import CountSource, Service
from powerwith.outcomes.rows import check_rows

router = Router(tags=["reports"])


class ServiceIn(Schema):
    name: str
    setting: str = ""


class ServiceOut(Schema):
    id: int
    name: str
    setting: str
    created_at: datetime


class ServiceList(Schema):
    items: list[ServiceOut]


class MonthOut(Schema):
    month: str
    total: int | None
    counts: dict[str, int]


class MarkerWorkOut(Schema):
    opportunity_id: int
    title: str
    level: str


class MarkerOut(Schema):
    month: str
    kind: str
    work: list[MarkerWorkOut]


class OutcomesOut(Schema):
    service: ServiceOut
    months: list[MonthOut]
    markers: list[MarkerOut]
    note: str


class CountIn(Schema):
    month: str
    intervention: str
    count: int


class ChangeOut(Schema):
    month: str
    intervention: str
    old: int | None
    new: int
    result: str


class ChangesOut(Schema):
    items: list[ChangeOut]


class RowErrorOut(Schema):
    row: int
    values: dict[str, str]
    errors: list[str]


class RowErrorsOut(Schema):
    # Each bad row with its problems; or, for a body or path that is not the right shape
    # at all, the validator's own list of errors.
    detail: list[RowErrorOut] | list[dict[str, Any]]


def _service(service: Service) -> dict[str, Any]:
    return {
        "id": service.pk,
        "name": service.name,
        "setting": service.setting,
        "created_at": service.created_at,
    }


@router.get("/services", response=ServiceList)
def list_services(request: Request) -> dict[str, Any]:
    return {"items": [_service(s) for s in queries.services_of(membership_of(request))]}


@router.post("/services", response={201: ServiceOut})
def create_service(request: Request, payload: ServiceIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    queries.require_reader(membership)
    service = services.create_service(by=membership, name=payload.name, setting=payload.setting)
    return Status(201, _service(service))


@router.get("/services/{outcome_service_id}/outcomes", response=OutcomesOut)
def service_outcomes(request: Request, outcome_service_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    service = queries.get_service_for(membership, outcome_service_id)
    trend = queries.trend_of(service)
    codes = [code for code, _ in trend.types]
    return {
        "service": _service(service),
        "months": [
            {
                "month": months.iso(row.month),
                "total": row.total,
                "counts": {
                    code: cell
                    for code, cell in zip(codes, row.cells, strict=True)
                    if cell is not None
                },
            }
            for row in trend.rows
        ],
        "markers": [
            {
                "month": months.iso(marker.month),
                "kind": marker.kind,
                "work": [
                    {"opportunity_id": w.opportunity_id, "title": w.title, "level": w.level}
                    for w in marker.work
                ],
            }
            for marker in trend.markers
        ],
        "note": "Association, not cause: many things change how often restrictive "
        "interventions are used.",
    }


COUNTS = TypeAdapter(list[CountIn])
COUNTS_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "array", "items": CountIn.json_schema()}}
        },
    }
}


@router.put(
    "/services/{outcome_service_id}/counts",
    response={200: ChangesOut, 422: RowErrorsOut},
    openapi_extra=COUNTS_BODY,
)
def put_counts(request: Request, outcome_service_id: int) -> Status[dict[str, Any]]:
    """Record every figure or none: any bad row answers 422 with every row's problems.

    The body is read only once the service is known to be the caller's, so another
    organisation's service answers 404 whatever the body holds."""
    membership = membership_of(request)
    service = queries.get_service_for(membership, outcome_service_id)
    services.require_writer(membership)
    try:
        payload = COUNTS.validate_json(request.body or b"null")
    except PydanticValidationError as error:
        raise ValidationError(
            [
                dict(e)
                for e in error.errors(include_url=False, include_context=False, include_input=False)
            ]
        ) from error
    now = timezone.now()
    check = check_rows(
        (
            (number, {"month": c.month, "intervention": c.intervention, "count": str(c.count)})
            for number, c in enumerate(payload, start=1)
        ),
        services={},
        today=timezone.localdate(now),
        fixed_service=service,
    )
    if not check.ok:
        return Status(
            422,
            {
                "detail": [
                    {"row": p.row, "values": p.values, "errors": p.messages} for p in check.problems
                ]
            },
        )
    changes = services.record_figures(
        by=membership, entries=check.entries, source=CountSource.API, now=now
    )
    return Status(
        200,
        {
            "items": [
                {
                    "month": months.iso(c.entry.month),
                    "intervention": c.entry.intervention,
                    "old": c.old,
                    "new": c.entry.count,
                    "result": c.kind,
                }
                for c in changes
            ]
        },
    )
