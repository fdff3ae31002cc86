"""The demo data: two organisations, their staff, a register of experts by experience
with varied experience, and each organisation's opportunities with their sessions.

Deterministic and idempotent. Person *n* is always the same made-up person (see
``register``), and each opportunity is always the same (see ``work``). A later run only
adds what is missing — people found by e-mail address, opportunities by organisation and
title — and never changes rows that exist, so anything changed through the app during a
demo survives the next ``powerwith demo``.

This is seed data, so it writes through the models in bulk rather than through the
services (which audit each change as done by someone; here nobody did it). The work done
with the people is the exception: offers, consents, bookings, wellbeing checks, plans,
claims, outputs and feedback are few, and each is made through the services by the
coordinator, the contact person or the expert, so their events and audit trail are the
real ones.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from powerwith.accounts.models import Membership, User
from powerwith.core.roles import Role
from powerwith.demo.checks import add_checks
from powerwith.demo.development import add_development
from powerwith.demo.evaluation import add_evaluation
from powerwith.demo.learning import add_learning
from powerwith.demo.logins import (
    DEMO_PASSWORD,
    DemoOrganisation,
    Login,
    demo_organisations,
    ensure_logins,
    ensure_organisations,
    expert_login,
    staff_logins,
)
from powerwith.demo.offers import add_offers
from powerwith.demo.outcomes import add_outcomes
from powerwith.demo.outputs import add_outputs
from powerwith.demo.payments import add_payments
from powerwith.demo.privacy import add_privacy
from powerwith.demo.readiness import add_readiness
from powerwith.demo.register import EXPERT_LOGINS, Profile, add_people, profiles
from powerwith.demo.sessions import add_sessions
from powerwith.demo.terms import ensure_rates
from powerwith.demo.wellbeing import add_wellbeing
from powerwith.demo.wellness import add_wellness
from powerwith.demo.work import add_work
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import OrganisationLink, Person

__all__ = [
    "DEMO_PASSWORD",
    "EXPERT_LOGINS",
    "DemoSummary",
    "Profile",
    "load",
    "logins_text",
    "profiles",
]


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
    opportunities: int
    opportunities_added: int
    offers: int
    offers_added: int


@contextmanager
def _emails_kept_quiet() -> Iterator[None]:
    """Sending the demo's offers e-mails each person after the load commits; queued for
    the demo's worker, which prints them with the console backend, they would bury the
    logins. They are sent as they are queued, to a backend that keeps them in memory
    instead, without a line logged for each (``override_settings`` works outside tests:
    it swaps the setting and restores it)."""
    tasks_log = logging.getLogger("django.tasks")
    level = tasks_log.level
    tasks_log.setLevel(logging.WARNING)
    try:
        with override_settings(
            MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}},
            TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
        ):
            yield
    finally:
        tasks_log.setLevel(level)


def load(people: int = 300) -> DemoSummary:
    """Make sure the demo data exists, with ``people`` demo people on the register.

    The first ``EXPERT_LOGINS`` of them can log in. Asking for fewer people than exist
    removes no one.
    """
    if people < 0:
        raise ValueError("The number of people cannot be negative.")
    wanted = list(profiles(people))
    staff = staff_logins()
    experts = [expert_login(p.email, p.name, p.organisations) for p in wanted if p.can_log_in]
    # The e-mails go when the transaction commits, so the quiet backend spans it.
    with _emails_kept_quiet(), transaction.atomic():
        organisations = ensure_organisations()
        user_ids = ensure_logins([*staff, *experts], organisations)
        added = add_people(wanted, user_ids, organisations)
        ensure_rates(organisations, user_ids)
        opportunities_added = add_work(organisations, wanted, user_ids, timezone.now())
        offers_added = add_offers(organisations)
        # The running of the work, each part building on the one before: bookings, then
        # wellbeing checks answered in them, plans, claims, outputs and feedback.
        add_sessions()
        add_wellbeing()
        add_wellness()
        add_payments()
        add_outputs()
        add_evaluation()
        add_development()
        add_readiness()
        add_outcomes()
        add_privacy()
        add_learning()
        # Last: the offers and bookings above were made before the work required a check.
        add_checks()
    return DemoSummary(
        organisations=demo_organisations(staff),
        experts=tuple(experts),
        password=DEMO_PASSWORD,
        people=Person.objects.count(),
        people_added=added,
        users=User.objects.count(),
        memberships=Membership.objects.count(),
        links=OrganisationLink.objects.count(),
        opportunities=Opportunity.objects.count(),
        opportunities_added=opportunities_added,
        offers=Offer.objects.count(),
        offers_added=offers_added,
    )


def logins_text(summary: DemoSummary) -> str:
    """The block ``powerwith demo`` prints, so a newcomer knows how to log in."""
    role_names = dict(Role.choices)
    lines = [
        f"Demo data ready: {summary.people:,} people on the register "
        f"({summary.people_added:,} added now), {summary.opportunities:,} opportunities "
        f"({summary.opportunities_added:,} added now), {summary.offers:,} offers of work "
        f"({summary.offers_added:,} added now), {summary.users:,} logins.",
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
        if len(summary.experts) > 1:
            lines.append(
                f"  ({summary.experts[1].email} shares only a summary with Hillview, "
                "so Hillview's staff see less.)"
            )
        if summary.offers:
            lines.append(
                f"  Try {summary.experts[0].email} first: expert1 has offers waiting at both "
                "organisations.\n  The coordinators see offers in every state."
            )
        lines.append("")
    lines.append(f"Password for every demo login: {summary.password}")
    lines.append(
        "The demo does not ask staff for a second factor; in production every staff role "
        "needs an authenticator app (docs/adr/006-login-security.md)."
    )
    return "\n".join(lines) + "\n"
