"""The shapes of the people API. Pydantic checks types and lengths at the edge; which codes
exist (experience items, settings, formats…) is checked once, in people/services.py, so
that an unknown code answers 422 with the valid ones named."""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Schema
from pydantic import ConfigDict, Field, field_validator

from powerwith.people.services import ExperienceInput
from powerwith.people.services.acting import NOTE_LENGTH, OnBehalf


class OnBehalfIn(Schema):
    """Staff recording what the person told them another way: the ``on_behalf`` that the
    person's own actions accept from staff (powerwith.workflows.on_behalf)."""

    model_config = ConfigDict(extra="forbid")

    method: Literal["in_person", "phone", "letter", "supporter"]
    note: str = Field(default="", max_length=NOTE_LENGTH)

    def word(self) -> OnBehalf:
        return OnBehalf(self.method, self.note)


class ScheduleItemOut(Schema):
    code: str
    label: str
    kind: str


class CodeLabelOut(Schema):
    code: str
    label: str


class ScheduleOut(Schema):
    items: list[ScheduleItemOut]
    settings: list[CodeLabelOut]
    restrictive_interventions: list[CodeLabelOut]


class ExperienceIn(Schema):
    # A misspelt field is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=60)
    setting: str | None = Field(default="", max_length=40)
    intervention: str | None = Field(default="", max_length=40)
    note: str | None = Field(default="", max_length=2000)
    share_narrative: str | None = Field(default="", max_length=20)

    def as_input(self) -> ExperienceInput:
        # null and absent mean the same: a client may send back what it read, where a
        # note it may not see reads as null.
        return ExperienceInput(
            code=self.code,
            setting=self.setting or "",
            intervention=self.intervention or "",
            note=self.note or "",
            share_narrative=self.share_narrative or "",
        )


class ExperienceOut(Schema):
    code: str
    setting: str
    intervention: str
    note: str | None
    share_narrative: str | None


class ProfileFields(Schema):
    """Every profile field, optional: PATCH changes only the fields it sends. Anything
    else is refused (a misspelt field would otherwise be dropped without a word), and
    experience is changed through its own endpoint."""

    model_config = ConfigDict(extra="forbid")

    preferred_name: str | None = Field(default=None, max_length=100)
    full_name: str | None = Field(default=None, max_length=200)
    pronouns: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=40)
    preferred_channel: str | None = Field(default=None, max_length=20)
    postal_address: str | None = Field(default=None, max_length=500)
    wants_reminders: bool | None = None
    reminder_time: str | None = Field(default=None, max_length=10)
    town: str | None = Field(default=None, max_length=100)
    about: str | None = Field(default=None, max_length=2000)
    formats: list[str] | None = None
    adjustments: dict[str, str] | None = None
    available_days: list[str] | None = None
    available_modes: list[str] | None = None
    skills: list[str] | None = None
    interests: list[str] | None = None
    personal_goals: str | None = Field(default=None, max_length=2000)
    professional_goals: str | None = Field(default=None, max_length=2000)
    payment_preference: str | None = Field(default=None, max_length=20)
    benefits_advice: str | None = Field(default=None, max_length=20)
    status: str | None = Field(default=None, max_length=10)

    @field_validator("email")
    @classmethod
    def _an_email_address(cls, value: str | None) -> str | None:
        if value:
            try:
                validate_email(value)
            except DjangoValidationError:
                raise ValueError(
                    "Enter an email address in the correct format, like name@example.org."
                ) from None
        return value

    def changes(self) -> dict[str, object]:
        """The fields the client sent, by name (null clears a field)."""
        return self.model_dump(exclude_unset=True, exclude={"experience"})


class PersonIn(ProfileFields):
    preferred_name: str = Field(max_length=100)
    experience: list[ExperienceIn] = []


class PersonOut(Schema):
    """A person as the token's organisation may see them: with ``sharing`` "summary", the
    details (contact details, notes, adjustments, goals, payment) are null."""

    id: int
    preferred_name: str
    pronouns: str
    status: str
    sharing: str
    has_account: bool
    formats: list[str]
    available_days: list[str]
    available_modes: list[str]
    skills: list[str]
    interests: list[str]
    experience: list[ExperienceOut]
    full_name: str | None
    email: str | None
    phone: str | None
    preferred_channel: str | None
    postal_address: str | None
    town: str | None
    about: str | None
    adjustments: dict[str, str] | None
    personal_goals: str | None
    professional_goals: str | None
    payment_preference: str | None
    benefits_advice: str | None
    # Only where the person chose to share it: not_on_benefits, esa, universal_credit, other.
    benefit: str | None = None


class PeoplePage(Schema):
    items: list[PersonOut]
    count: int


class SharingOut(Schema):
    organisation_id: int
    organisation: str
    sharing: str


class SharingList(Schema):
    items: list[SharingOut]


class SharingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    organisation_id: int
    sharing: str = Field(max_length=10)
