"""Every change to a person's profile, experience and sharing: one function per action.

The person owns their profile. Staff may create and edit a register entry for someone who
has no account of their own; once the person has an account, only they change it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core.choices import Focus, LocationMode
from powerwith.core.errors import DomainError, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.core.phones import NotAPhoneNumber, to_e164
from powerwith.people import choices
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person, PersonStatus
from powerwith.people.schedule import check_codes

TEXT_FIELDS = {
    "preferred_name": 100,
    "full_name": 200,
    "pronouns": 40,
    "email": 254,
    "phone": 40,
    "town": 100,
    "postal_address": 500,
    "about": 2000,
    "personal_goals": 2000,
    "professional_goals": 2000,
}
CHOICE_FIELDS: dict[str, list[str]] = {
    "preferred_channel": choices.Channel.values,
    "reminder_time": choices.ReminderTime.values,
    "payment_preference": choices.PaymentPreference.values,
    "benefits_advice": choices.YesNo.values,
    "status": PersonStatus.values,
}
LIST_FIELDS: dict[str, list[str]] = {
    "formats": choices.Format.values,
    "available_days": choices.Day.values,
    "available_modes": LocationMode.values,
    "skills": choices.Skill.values,
    "interests": Focus.values,
}
BOOLEAN_FIELDS = {"wants_reminders"}
PROFILE_FIELDS = {*TEXT_FIELDS, *CHOICE_FIELDS, *LIST_FIELDS, *BOOLEAN_FIELDS, "adjustments"}


@dataclass(frozen=True)
class ExperienceInput:
    code: str
    setting: str = ""
    intervention: str = ""
    note: str = ""
    share_narrative: str = ""


def _valid(values: Iterable[str]) -> str:
    return ", ".join(values)


def clean_profile(data: Mapping[str, Any]) -> dict[str, Any]:
    """Check profile values against the known codes and lengths; the one place that does."""
    cleaned: dict[str, Any] = {}
    for name, value in data.items():
        if name not in PROFILE_FIELDS:
            raise InvalidInput(f"Unknown field: {name}.", field=name)
        if name in TEXT_FIELDS:
            text = "" if value is None else str(value).strip()
            if len(text) > TEXT_FIELDS[name]:
                raise InvalidInput(
                    f"{name.replace('_', ' ').capitalize()} must be {TEXT_FIELDS[name]} "
                    "characters or fewer.",
                    field=name,
                )
            if name == "phone" and text:
                text = phone_number(text, field=name)
            if name == "postal_address":
                # One line of the envelope per line, however the browser ended them.
                text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
            cleaned[name] = text
        elif name in BOOLEAN_FIELDS:
            if not isinstance(value, bool):
                raise InvalidInput(
                    f"{name.replace('_', ' ').capitalize()} must be true or false.", field=name
                )
            cleaned[name] = value
        elif name in CHOICE_FIELDS:
            text = "" if value is None else str(value)
            allowed = CHOICE_FIELDS[name]
            if text and text not in allowed:
                raise InvalidInput(
                    f"Unknown {name.replace('_', ' ')} '{text}'. Use one of: {_valid(allowed)}.",
                    field=name,
                )
            cleaned[name] = text
        elif name in LIST_FIELDS:
            allowed = LIST_FIELDS[name]
            codes = list(dict.fromkeys(value or []))
            unknown = [code for code in codes if code not in allowed]
            if unknown:
                raise InvalidInput(
                    f"Unknown {name.replace('_', ' ')}: {_valid(unknown)}. "
                    f"Use any of: {_valid(allowed)}.",
                    field=name,
                )
            cleaned[name] = codes
        else:  # adjustments
            adjustments = dict(value or {})
            unknown = [key for key in adjustments if key not in choices.Adjustment.values]
            if unknown:
                raise InvalidInput(
                    f"Unknown adjustment categories: {_valid(unknown)}. "
                    f"Use any of: {_valid(choices.Adjustment.values)}.",
                    field=name,
                )
            cleaned[name] = {
                key: str(text).strip()[:1000] for key, text in adjustments.items() if text
            }
    if "preferred_name" in cleaned and not cleaned["preferred_name"]:
        raise InvalidInput("Enter the name the person likes to be called.", field="preferred_name")
    if "status" in cleaned and not cleaned["status"]:
        raise InvalidInput(f"Choose a status: {_valid(PersonStatus.values)}.", field="status")
    return cleaned


def phone_number(text: str, *, field: str = "phone") -> str:
    """The number in E.164 (UK by default), or a plain refusal naming the field."""
    try:
        return to_e164(text)
    except NotAPhoneNumber as error:
        raise InvalidInput(str(error), field=field) from None


def clean_experience(entries: Iterable[ExperienceInput]) -> list[ExperienceInput]:
    cleaned = []
    for number, entry in enumerate(entries, start=1):
        check_codes(
            entry.code,
            entry.setting,
            entry.intervention,
            label=f"Experience {number}",
            field="experience",
        )
        if entry.share_narrative and entry.share_narrative not in choices.YesNo.values:
            raise InvalidInput(
                f"Experience {number}: willing to share a narrative must be one of: "
                f"{_valid(choices.YesNo.values)}.",
                field="experience",
            )
        if len(entry.note) > 2000:
            raise InvalidInput(
                f"Experience {number}: the note must be 2000 characters or fewer.",
                field="experience",
            )
        cleaned.append(entry)
    return cleaned


def can_edit(person: Person, *, user: User, membership: Membership | None) -> bool:
    """The person edits their own profile; staff edit only entries with no account."""
    if person.user_id is not None:
        return person.user_id == user.pk
    return (
        membership is not None
        and can(membership, Capability.READ_REGISTER)
        and person.links.filter(organisation_id=membership.organisation_id).exists()
    )


def _require_edit(person: Person, user: User, membership: Membership | None) -> None:
    if not can_edit(person, user=user, membership=membership):
        if person.user_id is not None:
            raise NotAllowed(
                f"{person.preferred_name} manages their own profile. Ask them to change it."
            )
        raise NotAllowed("Only coordinators and admins can change the register.")


@transaction.atomic
def create_person(
    *, by: Membership, profile: Mapping[str, Any], experience: Iterable[ExperienceInput] = ()
) -> Person:
    """Add someone to the organisation's register (they have no account yet)."""
    if not can(by, Capability.READ_REGISTER):
        raise NotAllowed("Only coordinators and admins can add people to the register.")
    data = clean_profile(profile)
    if not data.get("preferred_name"):
        raise InvalidInput("Enter the name the person likes to be called.", field="preferred_name")
    entries = clean_experience(experience)
    person = Person.objects.create(**data)
    OrganisationLink.objects.create(person=person, organisation=by.organisation)
    _write_experience(person, entries)
    audit.record(
        actor=by.user, action="person.created", organisation=by.organisation, target=person
    )
    return person


@transaction.atomic
def update_person(
    person: Person, *, user: User, membership: Membership | None, changes: Mapping[str, Any]
) -> Person:
    _require_edit(person, user, membership)
    data = clean_profile(changes)
    for name, value in data.items():
        setattr(person, name, value)
    person.updated_at = timezone.now()
    person.save()
    audit.record(
        actor=user,
        action="person.updated",
        organisation=membership.organisation if membership else None,
        target=person,
        fields=sorted(data),
    )
    return person


def _write_experience(person: Person, entries: list[ExperienceInput]) -> None:
    ExperienceEntry.objects.bulk_create(
        ExperienceEntry(
            person=person,
            code=e.code,
            setting=e.setting,
            intervention=e.intervention,
            note=e.note.strip(),
            share_narrative=e.share_narrative,
        )
        for e in entries
    )


@transaction.atomic
def replace_experience(
    person: Person,
    *,
    user: User,
    membership: Membership | None,
    entries: Iterable[ExperienceInput],
) -> list[ExperienceEntry]:
    """Replace the person's experience entries with ``entries`` (all or nothing)."""
    _require_edit(person, user, membership)
    cleaned = clean_experience(entries)
    person.experience.all().delete()
    _write_experience(person, cleaned)
    Person.objects.filter(pk=person.pk).update(updated_at=timezone.now())
    audit.record(
        actor=user,
        action="person.experience_replaced",
        organisation=membership.organisation if membership else None,
        target=person,
        entries=len(cleaned),
    )
    return list(person.experience.all())


@transaction.atomic
def set_sharing(
    person: Person, *, user: User, organisation_id: int, sharing: str
) -> OrganisationLink:
    """The person chooses how much of their profile one organisation may see."""
    if person.user_id is None or person.user_id != user.pk:
        raise NotAllowed("Only the person themself can choose what an organisation sees.")
    if sharing not in choices.Sharing.values:
        raise InvalidInput(
            f"Choose what to share: {_valid(choices.Sharing.values)}.", field="sharing"
        )
    link = (
        person.links.select_related("organisation").filter(organisation_id=organisation_id).first()
    )
    if link is None:
        raise DomainError("You do not work with that organisation.")
    if link.sharing != sharing:
        previous = link.sharing
        link.sharing = sharing
        link.updated_at = timezone.now()
        link.save(update_fields=["sharing", "updated_at"])
        audit.record(
            actor=user,
            action="person.sharing_changed",
            organisation=link.organisation,
            target=link,
            previous=previous,
            sharing=sharing,
        )
    return link


@dataclass(frozen=True)
class PersonInput:
    """One person to add: profile values and experience, as create_person takes them."""

    profile: Mapping[str, Any]
    experience: tuple[ExperienceInput, ...] = ()


@transaction.atomic
def import_people(*, by: Membership, people: Sequence[PersonInput]) -> list[Person]:
    """Add everyone in an import to the register, or no one: one bad row undoes the lot."""
    if not can(by, Capability.READ_REGISTER):
        raise NotAllowed("Only coordinators and admins can add people to the register.")
    if not people:
        raise DomainError("There is nobody to add: the file has no rows under its header.")
    created = [
        create_person(by=by, profile=row.profile, experience=row.experience) for row in people
    ]
    audit.record(
        actor=by.user, action="people.imported", organisation=by.organisation, count=len(created)
    )
    return created
