"""A JSON body an API endpoint may go without: none at all, or an empty one, is the
schema's defaults; anything else is validated like any other body (422 naming the fault)."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from ninja.errors import ValidationError
from pydantic import ValidationError as PydanticError

from powerwith.core.http import Request


def optional_body[S: Schema](request: Request, schema: type[S]) -> S:
    raw = request.body.strip() if request.content_type == "application/json" else b""
    if not raw:
        return schema()
    try:
        return schema.model_validate_json(raw)
    except PydanticError as error:
        # Without the input or its context: either may hold raw bytes, which cannot be
        # answered as JSON.
        errors = error.errors(include_url=False, include_input=False, include_context=False)
        raise ValidationError([dict(e) for e in errors]) from error


def optional_body_openapi(schema: type[Schema]) -> dict[str, Any]:
    """``openapi_extra`` for the endpoint, so the schema shows the body and that it may be
    left out (the endpoint reads it itself, so ninja cannot say so)."""
    return {
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": schema.model_json_schema()}},
        }
    }
