"""The demo register: who each made-up person is, and adding the missing ones in bulk.

Person *n* is always the same person: names, towns and stories come from one random
stream with a fixed seed, drawn in order; the rest (``details``) from a stream of their
own. People are found by e-mail address, so a later run adds only the missing ones.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from itertools import batched
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from powerwith import demo_data
from powerwith.accounts.models import Organisation
from powerwith.core.encryption import encrypt
from powerwith.demo.details import details
from powerwith.people.choices import Sharing, SupporterMay
from powerwith.people.models import (
    ExperienceEntry,
    OrganisationLink,
    Person,
    PersonStatus,
    Supporter,
)

SEED = 20_260_501
EXPERT_LOGINS = 12
BATCH_SIZE = 2_000
PEOPLE_DOMAIN = "people.example"
STATUSES = (PersonStatus.ACTIVE, PersonStatus.PAUSED, PersonStatus.LEFT)
STATUS_WEIGHTS = (85, 11, 4)
SUMMARY, DETAILS = Sharing.SUMMARY.value, Sharing.DETAILS.value


@dataclass(frozen=True)
class Profile:
    number: int
    name: str
    email: str
    pronouns: str
    phone: str
    town: str
    about: str
    # Which of demo_data.EXPERIENCES the person's "about me" starts with (kept when the
    # text is left blank: the person still has that background).
    story: int
    status: str
    organisations: tuple[str, ...]
    days_ago: int

    @property
    def can_log_in(self) -> bool:
        return self.number <= EXPERT_LOGINS


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z-]", "", plain.lower())


def _expert_organisations(number: int) -> tuple[str, ...]:
    # expert1 and expert2 work with both, so one login shows the organisation switcher.
    if number <= 2:
        return ("riverside", "hillview")
    return ("riverside",) if number % 2 else ("hillview",)


SUPPORTER_NAMES = ("Priya", "Mo", "Grace", "Tomasz", "Aisha", "Ellis")


def profiles(count: int) -> Iterator[Profile]:
    """The first ``count`` demo people, always the same ones in the same order."""
    rng = random.Random(SEED)  # noqa: S311 - repeatable on purpose, nothing secret
    for number in range(1, count + 1):
        first = rng.choice(demo_data.FIRST_NAMES)
        last = rng.choice(demo_data.LAST_NAMES)
        pronouns = rng.choices(demo_data.PRONOUNS, weights=demo_data.PRONOUN_WEIGHTS)[0]
        # Ofcom keeps 07700 900000-900999 for drama, so these numbers reach no one.
        # Stored in E.164, as the profile forms and the API store every number.
        phone = f"+447700900{rng.randrange(1000):03d}" if rng.random() < 0.6 else ""
        town = rng.choice(demo_data.TOWNS)
        story = rng.choice(demo_data.EXPERIENCES)
        about = " ".join([story, rng.choice(demo_data.CONTRIBUTIONS)])
        if rng.random() < 0.08:
            about = ""
        status: str = rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0]
        linked = rng.random()
        days_ago = rng.randrange(1, 3 * 365)
        if number <= EXPERT_LOGINS:
            email = f"expert{number}@{PEOPLE_DOMAIN}"
            organisations = _expert_organisations(number)
            # People who log in to try the demo should find an active profile.
            status = PersonStatus.ACTIVE
        else:
            email = f"{_ascii(first)}.{_ascii(last)}.{number}@{PEOPLE_DOMAIN}"
            if linked < 0.15:
                organisations = ("riverside", "hillview")
            else:
                organisations = ("riverside",) if linked < 0.6 else ("hillview",)
        yield Profile(
            number=number,
            name=f"{first} {last}",
            email=email,
            pronouns=pronouns,
            phone=phone,
            town=town,
            about=about,
            story=demo_data.EXPERIENCES.index(story),
            status=status,
            organisations=organisations,
            days_ago=days_ago,
        )


def add_people(
    wanted: list[Profile], user_ids: dict[str, int], organisations: dict[str, Organisation]
) -> int:
    """Create the people not yet on the register, with their experience and their links.
    Returns how many."""
    existing = set(
        Person.objects.filter(email__endswith=f"@{PEOPLE_DOMAIN}").values_list("email", flat=True)
    )
    missing = [profile for profile in wanted if profile.email not in existing]
    now = timezone.now()
    for batch in batched(missing, BATCH_SIZE, strict=False):
        people = []
        extras = []
        for profile in batch:
            joined = now - timedelta(days=profile.days_ago)
            extra = details(profile.number, profile.story, profile.organisations)
            extras.append(extra)
            phone = profile.phone
            if extra.preferred_channel in ("text", "phone") and not phone:
                # Whoever asked for texts or calls gave a number to reach them on.
                phone = f"+447700900{profile.number % 1000:03d}"
            people.append(
                Person(
                    user_id=user_ids.get(profile.email) if profile.can_log_in else None,
                    preferred_name=profile.name,
                    pronouns=profile.pronouns,
                    email=profile.email,
                    phone=phone,
                    town=profile.town,
                    # An address on a street that exists in no town, for letters by post.
                    postal_address=f"{profile.number} Demonstration Row\n{profile.town}",
                    about=profile.about,
                    status=profile.status,
                    created_at=joined,
                    updated_at=joined,
                    **extra.person_fields(),
                )
            )
        # SQLite and PostgreSQL both return the new primary keys from a bulk insert.
        Person.objects.bulk_create(people)
        # Whoever hears through a supporter named one, who may get their messages.
        Supporter.objects.bulk_create(
            Supporter(
                person=person,
                name=SUPPORTER_NAMES[person.pk % len(SUPPORTER_NAMES)],
                relationship="my supporter",
                email=f"supporter.{profile.number}@{PEOPLE_DOMAIN}",
                may=[SupporterMay.RECEIVE_MESSAGES, SupporterMay.HELP_ANSWER],
                added_at=person.created_at,
            )
            for person, profile, extra in zip(people, batch, extras, strict=True)
            if extra.preferred_channel == "supporter"
        )
        joined_at = [connection.ops.adapt_datetimefield_value(p.created_at) for p in people]
        _insert(
            OrganisationLink,
            ("person", "organisation", "sharing", "linked_at", "updated_at"),
            [
                (
                    person.pk,
                    organisations[slug].pk,
                    SUMMARY if slug == extra.summary_with else DETAILS,
                    joined,
                    joined,
                )
                for person, joined, profile, extra in zip(
                    people, joined_at, batch, extras, strict=True
                )
                for slug in profile.organisations
            ],
        )
        _insert(
            ExperienceEntry,
            ("person", "code", "setting", "intervention", "note", "share_narrative", "created_at"),
            [
                # The note column is encrypted (core.encryption): raw SQL must encrypt too.
                (
                    person.pk,
                    e.code,
                    e.setting,
                    e.intervention,
                    encrypt(e.note) if e.note else "",
                    e.share_narrative,
                    joined,
                )
                for person, joined, extra in zip(people, joined_at, extras, strict=True)
                for e in extra.experience
            ],
        )
    return len(missing)


def _insert(model: type[Model], names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Multi-row INSERTs of rows whose ids nobody needs back.

    bulk_create prepares every value through its model field; for the quarter of a
    million experience entries of a 100,000-person demo that was most of the load time.
    The values here are already what the database stores. Several hundred rows a
    statement: one statement a row (executemany) is slow on PostgreSQL.
    """
    meta = model._meta
    quote = connection.ops.quote_name
    column_of = {field.name: field.column for field in meta.concrete_fields}
    columns = ", ".join(quote(str(column_of[name])) for name in names)
    row = "(" + ", ".join(["%s"] * len(names)) + ")"
    per_statement = min(500, (connection.features.max_query_params or 65535) // len(names))
    with connection.cursor() as cursor:
        for chunk in batched(rows, per_statement, strict=False):
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns}) "  # noqa: S608
                f"VALUES {', '.join([row] * len(chunk))}",
                [value for values in chunk for value in values],
            )
