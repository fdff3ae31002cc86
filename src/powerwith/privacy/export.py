"""Everything held about a person, for their own download (UK GDPR article 15 and 20).

The models are found through Django's model registry, not listed by hand, so a model
added later that refers to a person (or to their login) is in the download without
anyone remembering to add it: every model with a foreign key, one-to-one or
many-to-many field to ``Person`` or to the user model, and every model one step further
that points at one of those through its person (a wellbeing check through its booking,
a claim's events through the claim).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from powerwith.people.models import Person

# Secrets that prove nothing to the person and would weaken their account if leaked.
SECRET_FIELDS = frozenset({"password", "key", "token_hash", "session_key", "secret"})


@dataclass
class Section:
    label: str  # "engagements.wellbeingcheck"
    name: str  # "Wellbeing checks"
    rows: list[dict[str, Any]] = field(default_factory=list)


def _plain(value: Any) -> Any:
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def _row(instance: models.Model) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.name in SECRET_FIELDS:
            continue
        values[model_field.attname] = _plain(model_field.value_from_object(instance))
    return values


def _links(model: type[models.Model], targets: tuple[type[models.Model], ...]) -> list[str]:
    """The names of ``model``'s relation fields that point at one of ``targets``."""
    return [
        f.name
        for f in model._meta.get_fields()
        if f.concrete
        and (f.many_to_one or f.one_to_one or f.many_to_many)
        and f.related_model in targets
    ]


def person_models() -> list[type[models.Model]]:
    """Every model that refers to a person directly (not the person itself)."""
    return [m for m in apps.get_models() if m is not Person and _links(m, (Person,))]


def _filter_for(model: type[models.Model], person: Person) -> Q | None:
    user_model = get_user_model()
    found = Q()
    for name in _links(model, (Person,)):
        found |= Q(**{name: person})
    if person.user_id is not None:
        for name in _links(model, (user_model,)):
            found |= Q(**{name: person.user_id})
    for hop in person_models():
        for name in _links(model, (hop,)):
            for inner in _links(hop, (Person,)):
                found |= Q(**{f"{name}__{inner}": person})
    return found if found.children else None


# A copy of the download is not a record about the person: leaving it out keeps a copy
# from holding the copies before it.
NOT_RECORDS = frozenset({"privacy.informationcopy"})


def records_of(person: Person) -> list[tuple[str, list[models.Model]]]:
    """Every record about the person, model by model: the profile, the login, then every
    model of the registry that refers to them."""
    found: list[tuple[str, list[models.Model]]] = [("people.person", [person])]
    user_model = get_user_model()
    if person.user is not None:
        found.append(("accounts.user", [person.user]))
    for model in apps.get_models():
        if model in (Person, user_model) or model._meta.label_lower in NOT_RECORDS:
            continue
        where = _filter_for(model, person)
        if where is None:
            continue
        rows = list(model._default_manager.filter(where).distinct())
        if rows:
            found.append((model._meta.label_lower, rows))
    return found


NAMES = {"people.person": "Your profile", "accounts.user": "Your login"}


def gather(person: Person) -> list[Section]:
    """Every row about the person, model by model, with its field values."""
    sections = []
    for label, rows in records_of(person):
        model = apps.get_model(label)
        name = NAMES.get(label) or str(model._meta.verbose_name_plural).capitalize()
        sections.append(Section(label, name, [_row(row) for row in rows]))
    return sections


def as_json(person: Person) -> dict[str, Any]:
    return {
        "person_id": person.pk,
        "generated_at": timezone.now().isoformat(),
        "sections": [{"model": s.label, "name": s.name, "rows": s.rows} for s in gather(person)],
    }
