"""Offers of work and the clarity checker over the API."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from powerwith.offers.clarity import MAX_TEXT_LENGTH, Finding, check

router = Router(tags=["offers"])


class ClarityCheckIn(Schema):
    text: str = Field(json_schema_extra={"maxLength": MAX_TEXT_LENGTH})
    audience: Literal["standard", "easy_read"] = "standard"


class ClarityFinding(Schema):
    rule: str
    severity: Literal["warning", "advice"]
    message: str
    excerpt: str
    # An offer saying this cannot be sent, whatever is acknowledged.
    blocks: bool


class ClarityCheckOut(Schema):
    findings: list[ClarityFinding]


@router.post("/clarity-check", response=ClarityCheckOut, tags=["clarity"])
def clarity_check(request: HttpRequest, body: ClarityCheckIn) -> dict[str, list[Finding]]:
    """Anyone with a token may check a text: it reads nothing and writes nothing."""
    if len(body.text) > MAX_TEXT_LENGTH:
        raise HttpError(
            422,
            f"The text is {len(body.text):,} characters long; the clarity checker reads "
            f"{MAX_TEXT_LENGTH:,} at most. Check it in parts.",
        )
    return {"findings": check(body.text, body.audience)}
