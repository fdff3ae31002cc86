"""Outputs over the API: add one, read one or the list, each with what it may be used for.

``usable`` and ``blocked_reasons`` are computed from the consent ledger on every read.
``GET /outputs?usable_for=publish`` lists only the outputs usable for that use, so an
export built on it never includes a withdrawn use.
"""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Path, Router, Schema, Status

from powerwith.consent.models import Output, Use
from powerwith.consent.queries import outputs as output_queries
from powerwith.consent.services.outputs import OutputInput, create_output
from powerwith.consent.usability import Usability, usability, usability_of
from powerwith.core.errors import InvalidInput
from powerwith.core.http import Request, membership_of

router = Router(tags=["outputs"])

# The largest id a database row can have; a larger one is refused before any query.
ID_MAX = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=ID_MAX)]


class OutputIn(Schema):
    opportunity_id: Id
    title: str = Field(max_length=1000)
    kind: str = Field(max_length=40)
    contributors: list[Id] = Field(default=[], max_length=500)
    uses: list[str] = Field(default=[], max_length=20)
    owner_id: Id | None = None


class ContributorTerms(Schema):
    person_id: int
    use: str
    usable: bool
    named: bool
    expires_on: str | None


class OutputOut(Schema):
    id: int
    opportunity_id: int
    title: str
    kind: str
    owner_id: int
    contributors: list[int]
    uses: list[str]
    usable: dict[str, bool]
    blocked_reasons: list[str]
    terms: list[ContributorTerms]


class OutputList(Schema):
    items: list[OutputOut]
    count: int


def _out(output: Output, found: Usability, contributors: list[int]) -> dict[str, Any]:
    return {
        "id": output.pk,
        "opportunity_id": output.opportunity_id,
        "title": output.title,
        "kind": output.kind,
        "owner_id": output.owner_id,
        "contributors": contributors,
        "uses": output.uses,
        "usable": found.usable,
        "blocked_reasons": found.blocked_reasons,
        "terms": [
            {
                "person_id": d.person_id,
                "use": d.use,
                "usable": d.usable,
                "named": d.named,
                "expires_on": d.expires_on.isoformat() if d.expires_on else None,
            }
            for d in found.decisions
        ],
    }


def _contributor_ids(output: Output) -> list[int]:
    return sorted(p.pk for p in output_queries.contributors_of(output))


@router.post("/outputs", response={201: OutputOut})
def add_output(request: Request, payload: OutputIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    output = create_output(
        by=membership,
        data=OutputInput(
            opportunity_id=payload.opportunity_id,
            title=payload.title,
            kind=payload.kind,
            contributors=payload.contributors,
            uses=payload.uses,
            owner_id=payload.owner_id,
        ),
    )
    output = output_queries.get_output_for(membership, output.pk)
    return Status(201, _out(output, usability(output), _contributor_ids(output)))


@router.get("/outputs", response=OutputList)
def list_outputs(request: Request, usable_for: str = "") -> dict[str, Any]:
    membership = membership_of(request)
    if usable_for and usable_for not in Use.values:
        raise InvalidInput(
            f"Unknown use '{usable_for}'. Use one of: {', '.join(Use.values)}.",
            field="usable_for",
        )
    outputs = list(output_queries.outputs_for(membership).prefetch_related("contributors"))
    found = usability_of(outputs)
    items = [
        _out(o, found[o.pk], sorted(p.pk for p in o.contributors.all()))
        for o in outputs
        if not usable_for or found[o.pk].usable.get(usable_for)
    ]
    return {"items": items, "count": len(items)}


@router.get("/outputs/{output_id}", response=OutputOut)
def read_output(
    request: Request, output_id: Annotated[int, Path(ge=1, le=ID_MAX)]
) -> dict[str, Any]:
    output = output_queries.get_output_for(membership_of(request), output_id)
    return _out(output, usability(output), _contributor_ids(output))
