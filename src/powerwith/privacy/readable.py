"""Everything held about a person, in words they can read.

The same rows as the JSON download (``export.gather``: found through the model registry,
so nothing is missed), shown as a person would want them: grouped by the part of their
life with powerwith, each value under its field's own label ("Preferred name", not
``preferred_name``), choices in words, dates written out, other records by name, and
nothing internal — ids, hashes, flags of the login system — nor anything empty. The JSON
stays complete for anyone who wants every field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import dateformat, timezone

from powerwith.core.times import day_and_clock
from powerwith.people.models import Person
from powerwith.privacy.export import SECRET_FIELDS

# Parts of a person's life with powerwith, in the order they read best, by app.
PARTS: list[tuple[str, tuple[str, ...]]] = [
    ("About you", ("people",)),
    ("Your work", ("opportunities", "offers", "engagements", "matching", "inbox")),
    ("Your consents and contributions", ("consent",)),
    ("Your pay", ("payments",)),
    ("Your feedback and development", ("evaluation", "reports", "outcomes")),
    ("Your account", ("accounts",)),
    ("Who has looked at your information", ("privacy",)),
]
OTHER_PART = "Other records"

# Section names where the model's own plural does not read as English.
SECTION_NAMES: dict[str, str] = {
    "people.person": "Your profile",
    "accounts.user": "Your login",
    "inbox.actionneeded": "Tasks staff were given about you",
    "accounts.usersession": "Times you logged in",
    "accounts.membership": "Organisations you belong to",
    "accounts.auditevent": "Changes recorded in the audit log",
}

# Fields that mean something to the system only.
INTERNAL_FIELDS = SECRET_FIELDS | frozenset(
    {
        "id",
        "hash",
        "prev_hash",
        "previous_hash",
        "key",
        "key_id",
        "is_superuser",
        "is_staff",
        "user_agent",
        "ip_address",
        "throttle_key",
        "target_type",
        "target_id",
        "link",
    }
)


@dataclass(frozen=True)
class Item:
    label: str
    value: str


@dataclass
class Record:
    items: list[Item]


@dataclass
class Section:
    name: str
    records: list[Record] = field(default_factory=list)


@dataclass
class Part:
    title: str
    sections: list[Section] = field(default_factory=list)


def _label(model_field: models.Field[Any, Any]) -> str:
    words = str(model_field.verbose_name)
    return words[:1].upper() + words[1:]


def _words(value: Any) -> str:
    """A value as a person would write it; empty when there is nothing to say."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return day_and_clock(value, "j F Y")
    if isinstance(value, dt.date):
        return dateformat.format(value, "j F Y")
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes} minutes"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return "A file you uploaded" if value.name else ""
    if isinstance(value, list | tuple):
        return ", ".join(w for w in (_words(v) for v in value) if w)
    if isinstance(value, dict):
        said = ((_key(k), _words(v)) for k, v in value.items() if not _internal_key(k))
        return "; ".join(f"{k}: {w}" for k, w in said if w)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, models.Model):
        named = str(value)
        return "" if " object (" in named else named
    return str(value)


def _key(name: str) -> str:
    words = str(name).replace("_", " ")
    return words[:1].upper() + words[1:]


def _internal_key(name: str) -> bool:
    return name in INTERNAL_FIELDS or str(name).endswith(("_id", "hash"))


def _text(value: str) -> str:
    """A stored word as a word ("bank_transfer" as "bank transfer"), a stored moment as a
    date; anything else as it was written."""
    if " " not in value and "_" in value:
        return value.replace("_", " ")
    if len(value) >= 19 and value[4:5] == "-" and value[10:11] == "T":
        try:
            return day_and_clock(dt.datetime.fromisoformat(value), "j F Y")
        except ValueError:
            return value
    return value


def _is_them(model_field: models.Field[Any, Any], person: Person) -> bool:
    """A link back to the person or their own login says nothing new."""
    target = model_field.related_model
    return target is Person or (person.user_id is not None and target is type(person.user))


def _record(instance: models.Model, person: Person) -> Record:
    items = []
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key or _internal_key(model_field.name):
            continue
        if model_field.is_relation and _is_them(model_field, person):
            continue
        if model_field.choices:
            value: Any = getattr(instance, f"get_{model_field.name}_display")()
        elif model_field.is_relation:
            value = getattr(instance, model_field.name)
        else:
            value = model_field.value_from_object(instance)
        words = _words(value)
        if words:
            items.append(Item(_label(model_field), words))
    return Record(items)


def _part_of(label: str) -> str:
    app = label.split(".", 1)[0]
    for title, apps_in_part in PARTS:
        if app in apps_in_part:
            return title
    return OTHER_PART


def readable(person: Person, rows: Iterable[tuple[str, list[models.Model]]]) -> list[Part]:
    """The person's records by part of their life, empty records and parts left out."""
    parts = {title: Part(title) for title, _ in PARTS}
    parts[OTHER_PART] = Part(OTHER_PART)
    for label, instances in rows:
        records = [r for r in (_record(i, person) for i in instances) if r.items]
        if not records:
            continue
        model = apps.get_model(label)
        plural = str(model._meta.verbose_name_plural)
        name = SECTION_NAMES.get(label, plural[:1].upper() + plural[1:])
        parts[_part_of(label)].sections.append(Section(name, records))
    return [p for p in parts.values() if p.sections]


def made_on() -> str:
    return dateformat.format(timezone.localdate(), "j F Y")
