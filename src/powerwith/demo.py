"""The demo data: two organisations, their staff, and a register of experts by experience.

Deterministic and idempotent. Person *n* is always the same made-up person, because every
profile comes from one random stream with a fixed seed, drawn in order. A later run only
adds what is missing (found by e-mail address) and never changes rows that exist, so
anything changed through the app during a demo survives the next ``powerwith demo``.

This is seed data, so it writes through the models in bulk rather than through the
services (which audit each change as done by someone; here nobody did it).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from itertools import batched

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from powerwith import demo_data
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.accounts.roles import Role
from powerwith.people.models import OrganisationLink, Person, PersonStatus

# Printed for anyone to use: it guards only made-up data on a local demo.
DEMO_PASSWORD = "power-with-demo"  # noqa: S105
SEED = 20_260_501
EXPERT_LOGINS = 12
BATCH_SIZE = 2_000
PEOPLE_DOMAIN = "people.example"

ORGANISATIONS: tuple[tuple[str, str, str], ...] = (
    ("Riverside Care Partnership", "riverside", "riverside.example"),
    ("Hillview Health NHS Foundation Trust", "hillview", "hillview.example"),
)
STAFF_ROLES: tuple[Role, ...] = (Role.ADMIN, Role.COORDINATOR, Role.CONTACT, Role.AUDITOR)
STATUSES = (PersonStatus.ACTIVE, PersonStatus.PAUSED, PersonStatus.LEFT)
STATUS_WEIGHTS = (85, 11, 4)


@dataclass(frozen=True)
class Login:
    email: str
    full_name: str
    role: str
    organisations: tuple[str, ...]


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    slug: str
    staff: tuple[Login, ...]


@dataclass(frozen=True)
class DemoSummary:
    organisations: tuple[DemoOrganisation, ...]
    experts: tuple[Login, ...]
    password: str
    people: int
    people_added: int
    users: int
    memberships: int
    links: int


@dataclass(frozen=True)
class Profile:
    number: int
    name: str
    email: str
    pronouns: str
    phone: str
    town: str
    about: str
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


def profiles(count: int) -> Iterator[Profile]:
    """The first ``count`` demo people, always the same ones in the same order."""
    rng = random.Random(SEED)  # noqa: S311 - repeatable on purpose, nothing secret
    for number in range(1, count + 1):
        first = rng.choice(demo_data.FIRST_NAMES)
        last = rng.choice(demo_data.LAST_NAMES)
        pronouns = rng.choices(demo_data.PRONOUNS, weights=demo_data.PRONOUN_WEIGHTS)[0]
        # Ofcom keeps 07700 900000-900999 for drama, so these numbers reach no one.
        phone = f"07700 900{rng.randrange(1000):03d}" if rng.random() < 0.6 else ""
        town = rng.choice(demo_data.TOWNS)
        about = " ".join([rng.choice(demo_data.EXPERIENCES), rng.choice(demo_data.CONTRIBUTIONS)])
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
            status=status,
            organisations=organisations,
            days_ago=days_ago,
        )


def _organisations() -> dict[str, Organisation]:
    found = {}
    for name, slug, _domain in ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name}
        )
        found[slug] = organisation
    return found


def _staff_logins() -> list[Login]:
    return [
        Login(
            email=f"{role}@{domain}",
            full_name=demo_data.STAFF_NAMES[slug][role],
            role=role,
            organisations=(name,),
        )
        for name, slug, domain in ORGANISATIONS
        for role in STAFF_ROLES
    ]


def _expert_logins(experts: list[Profile]) -> list[Login]:
    names = {slug: name for name, slug, _domain in ORGANISATIONS}
    return [
        Login(
            email=profile.email,
            full_name=profile.name,
            role=Role.EXPERT,
            organisations=tuple(names[slug] for slug in profile.organisations),
        )
        for profile in experts
    ]


def _ensure_logins(logins: list[Login], organisations: dict[str, Organisation]) -> dict[str, int]:
    """Create the missing demo users and memberships. Returns user ids by e-mail."""
    emails = [login.email for login in logins]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    if new := [login for login in logins if login.email not in existing]:
        # Hashed once for all of them: a slow hasher (argon2) per user would take minutes.
        password = make_password(DEMO_PASSWORD)
        User.objects.bulk_create(
            User(email=login.email, full_name=login.full_name, password=password) for login in new
        )
    user_ids = dict(User.objects.filter(email__in=emails).values_list("email", "id"))
    # By the demo's own names: an admin may have renamed an organisation during a demo.
    by_name = {name: organisations[slug] for name, slug, _domain in ORGANISATIONS}
    member_of = set(
        Membership.objects.filter(user_id__in=user_ids.values()).values_list(
            "user_id", "organisation_id"
        )
    )
    Membership.objects.bulk_create(
        Membership(user_id=user_ids[login.email], organisation=by_name[name], role=login.role)
        for login in logins
        for name in login.organisations
        if (user_ids[login.email], by_name[name].pk) not in member_of
    )
    return user_ids


def _add_people(
    wanted: list[Profile], user_ids: dict[str, int], organisations: dict[str, Organisation]
) -> int:
    """Create the people not yet on the register, with their links. Returns how many."""
    existing = set(
        Person.objects.filter(email__endswith=f"@{PEOPLE_DOMAIN}").values_list("email", flat=True)
    )
    missing = [profile for profile in wanted if profile.email not in existing]
    now = timezone.now()
    for batch in batched(missing, BATCH_SIZE, strict=False):
        people = []
        for profile in batch:
            joined = now - timedelta(days=profile.days_ago)
            people.append(
                Person(
                    user_id=user_ids.get(profile.email) if profile.can_log_in else None,
                    preferred_name=profile.name,
                    pronouns=profile.pronouns,
                    email=profile.email,
                    phone=profile.phone,
                    town=profile.town,
                    about=profile.about,
                    status=profile.status,
                    created_at=joined,
                    updated_at=joined,
                )
            )
        # SQLite and PostgreSQL both return the new primary keys from a bulk insert.
        Person.objects.bulk_create(people)
        OrganisationLink.objects.bulk_create(
            OrganisationLink(
                person_id=person.pk,
                organisation=organisations[slug],
                linked_at=person.created_at,
            )
            for person, profile in zip(people, batch, strict=True)
            for slug in profile.organisations
        )
    return len(missing)


def load(people: int = 300) -> DemoSummary:
    """Make sure the demo data exists, with ``people`` demo people on the register.

    The first ``EXPERT_LOGINS`` of them can log in. Asking for fewer people than exist
    removes no one.
    """
    if people < 0:
        raise ValueError("The number of people cannot be negative.")
    wanted = list(profiles(people))
    experts = [profile for profile in wanted if profile.can_log_in]
    staff = _staff_logins()
    expert_logins = _expert_logins(experts)
    with transaction.atomic():
        organisations = _organisations()
        user_ids = _ensure_logins([*staff, *expert_logins], organisations)
        added = _add_people(wanted, user_ids, organisations)
    return DemoSummary(
        organisations=tuple(
            DemoOrganisation(
                name=name,
                slug=slug,
                staff=tuple(login for login in staff if login.organisations == (name,)),
            )
            for name, slug, _domain in ORGANISATIONS
        ),
        experts=tuple(expert_logins),
        password=DEMO_PASSWORD,
        people=Person.objects.count(),
        people_added=added,
        users=User.objects.count(),
        memberships=Membership.objects.count(),
        links=OrganisationLink.objects.count(),
    )


def logins_text(summary: DemoSummary) -> str:
    """The block ``powerwith demo`` prints, so a newcomer knows how to log in."""
    role_names = dict(Role.choices)
    lines = [
        f"Demo data ready: {summary.people:,} people on the register "
        f"({summary.people_added:,} added now), {summary.users:,} logins.",
        "",
    ]
    for organisation in summary.organisations:
        lines.append(f"{organisation.name} ({organisation.slug})")
        lines.extend(
            f"  {login.email:<32} {role_names[login.role]:<38} {login.full_name}"
            for login in organisation.staff
        )
        lines.append("")
    if summary.experts:
        lines.append("Experts by experience (their own accounts)")
        for login in summary.experts:
            # "Riverside + Hillview": the full names are in the headings above.
            works_with = " + ".join(name.split()[0] for name in login.organisations)
            lines.append(f"  {login.email:<32} {login.full_name:<24} {works_with}")
        lines.append("")
    lines.append(f"Password for every demo login: {summary.password}")
    return "\n".join(lines) + "\n"
