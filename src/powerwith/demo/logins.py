"""The demo organisations and the logins people use to try the demo."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from powerwith import demo_data
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.roles import Role

# Printed for anyone to use: it guards only made-up data on a local demo.
DEMO_PASSWORD = "power-with-demo"  # noqa: S105

ORGANISATIONS: tuple[tuple[str, str, str], ...] = (
    ("Riverside Care Partnership", "riverside", "riverside.example"),
    ("Hillview Health NHS Foundation Trust", "hillview", "hillview.example"),
)
STAFF_ROLES: tuple[Role, ...] = (Role.ADMIN, Role.COORDINATOR, Role.CONTACT, Role.AUDITOR)


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


def staff_email(slug: str, role: Role) -> str:
    domain = next(domain for _name, s, domain in ORGANISATIONS if s == slug)
    return f"{role}@{domain}"


def coordinator_email(slug: str) -> str:
    return staff_email(slug, Role.COORDINATOR)


def ensure_organisations() -> dict[str, Organisation]:
    found = {}
    for name, slug, _domain in ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name}
        )
        found[slug] = organisation
    return found


def staff_logins() -> list[Login]:
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


def expert_login(email: str, name: str, slugs: tuple[str, ...]) -> Login:
    names = {slug: name for name, slug, _domain in ORGANISATIONS}
    return Login(
        email=email,
        full_name=name,
        role=Role.EXPERT,
        organisations=tuple(names[slug] for slug in slugs),
    )


def ensure_logins(logins: list[Login], organisations: dict[str, Organisation]) -> dict[str, int]:
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


def demo_organisations(staff: list[Login]) -> tuple[DemoOrganisation, ...]:
    return tuple(
        DemoOrganisation(
            name=name,
            slug=slug,
            staff=tuple(login for login in staff if login.organisations == (name,)),
        )
        for name, slug, _domain in ORGANISATIONS
    )
