"""The open JSON document of a published learning summary, and its schema.

The schema is the Pydantic model below, written out as JSON Schema (draft 2020-12) at
``/learning/schema.json`` and in ``docs/schemas/learning-summary.schema.json`` (a test
keeps the two the same). Another installation imports a document by validating it
against this model: every problem is reported, with where it is, and nothing is stored
unless the whole document is valid.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SCHEMA_ID = "https://powerwith.example/schemas/learning-summary/1.json"
VERSION = "1"


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Level(_Closed):
    code: Literal["consultation", "participation", "co_production", ""] = Field(
        description="The level of co-working, in the charter's words."
    )
    label: str


class LevelCount(_Closed):
    code: Literal["consultation", "participation", "co_production", ""]
    label: str
    count: int = Field(ge=0, description="How many pieces of the period's work were at it.")


class FeedbackTheme(_Closed):
    label: str = Field(description="A feedback question, as the experts were asked it.")
    agreed: int = Field(ge=0, description="How many agreed or strongly agreed.")
    answered: int = Field(ge=0, description="How many answered the question.")


class YouSaidWeDid(_Closed):
    you_said: str = Field(
        description="What the experts said, or a notice that it is not shown (no consent, "
        "or withdrawn)."
    )
    we_did: str = Field(description="What the organisation changed because of it.")
    contributors: list[str] = Field(
        description="Names, only of people who agreed to be named; others are 'An expert by "
        "experience'."
    )


class Comment(_Closed):
    text: str
    by: str


class Sections(_Closed):
    what_was_done: str
    level: Level
    what_worked: str
    what_did_not: str
    you_said_we_did: list[YouSaidWeDid]
    scorecard: dict[Literal["people", "outcomes", "work", "evaluation", "review"], float | None] = (
        Field(
            description="Each P.O.W.E.R. principle's score (0 to 1) at the end; null when "
            "not yet judged. For a period, each principle's average over the work where it "
            "is judged."
        )
    )
    do_differently: str
    comments: list[Comment] = Field(description="What the experts who took part said about it.")
    withdrawn: str | None = Field(
        description="Set when a contribution was withdrawn: says so, never whose."
    )
    levels: list[LevelCount] | None = Field(
        None, description="A summary of a period: the mix of levels across its work."
    )
    feedback_themes: list[FeedbackTheme] | None = Field(
        None, description="A summary of a period: how many agreed with each feedback question."
    )


class Work(_Closed):
    title: str
    focus: list[str]
    settings: list[str]
    pieces: list[str] | None = Field(
        None, description="A summary of a period: the title of each piece of work it covers."
    )


class Period(_Closed):
    start: date = Field(description="The first day of the period (YYYY-MM-DD).")
    end: date = Field(description="The last day of the period (YYYY-MM-DD).")
    focus: str | None = Field(None, description="The one focus the summary covers, if any.")


class SummaryDocument(_Closed):
    """A learning summary of one piece of co-working with experts by experience."""

    model_config = ConfigDict(
        extra="forbid",
        title="Learning summary",
        json_schema_extra={
            "$id": SCHEMA_ID,
            "$schema": "https://json-schema.org/draft/2020-12/schema",
        },
    )

    schema_version: Literal["1"]
    id: str = Field(description="The summary's address on the installation that published it.")
    title: str = Field(min_length=1, max_length=200)
    organisation: str = Field(min_length=1, max_length=200)
    status: Literal["draft", "published"]
    published_at: str | None
    work: Work
    period: Period | None = Field(
        None, description="Set for a summary of all the work of a period, not of one piece."
    )
    sections: Sections


def json_schema() -> dict[str, Any]:
    return SummaryDocument.model_json_schema()


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


def problems_in(raw: bytes | str) -> tuple[SummaryDocument | None, list[str]]:
    """The document, or every problem with it in words, each saying where it is."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        return None, [f"The file is not JSON: {error}."]
    try:
        return SummaryDocument.model_validate(data), []
    except ValidationError as error:
        return None, [_where(e["loc"]) + e["msg"] for e in error.errors()]


def _where(location: tuple[int | str, ...]) -> str:
    return f"{'.'.join(str(part) for part in location)}: " if location else ""
