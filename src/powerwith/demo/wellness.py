"""Demo data for Wellness Action Plans and benefits: expert1's plan, shared with
Riverside's contact person; a weekly earnings limit for expert2, who also says ESA
permitted work applies to them (kept to themself); and Riverside's benefits-advice page.

Made through the services, as the person and the admin would. Idempotent: a plan, a
limit or advice that exists already is left as it is, so changes made in a demo survive
the next load.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from powerwith.accounts.models import Membership, User
from powerwith.people.choices import Benefit
from powerwith.people.models import BenefitsSituation, EarningsLimit, Person, WellnessActionPlan
from powerwith.people.services import benefits as services_benefits
from powerwith.people.services import wellness as services_wellness

PLAN = {
    "keeps_me_well": (
        "Knowing what is planned for each session a few days before. A short walk at "
        "lunchtime. Sitting near the door."
    ),
    "warning_signs": (
        "Being asked about my own restraint without warning. Loud, crowded rooms. I go "
        "quiet, stop making eye contact and may leave the room."
    ),
    "affects_work": "I may find it hard to concentrate and need more time to read papers.",
    "support_from_contact": (
        "A phone call the day before and a quick check-in at the end of each session. "
        "Papers sent a week ahead."
    ),
    "steps_i_can_take": (
        "Take time out in the quiet room. Tell my contact person I need a break. Stop for "
        "the day if I need to."
    ),
}
REVIEW_DATE = dt.date(2027, 6, 1)
LIMIT = Decimal("195.50")
LIMIT_FROM = dt.date(2026, 4, 6)
LIMIT_NOTE = "Permitted work limit my work coach told me about"
ADVICE = """\
Being paid for work with us can affect some benefits. We cannot give benefits advice \
ourselves, but free, independent advice is available before you decide whether to accept \
paid work.

Citizens Advice can explain how earnings may affect your benefits. You can find your \
local Citizens Advice at citizensadvice.org.uk.

If you get benefits, talk to your Jobcentre Plus work coach before you start paid work. \
Some people who get Employment and Support Allowance can do "permitted work" up to a \
weekly earnings limit, and need to tell the Jobcentre about it first. Each paid offer of \
work has a letter about the work that you can give to your work coach.

A local welfare rights service can also help. Your contact person can help you arrange \
advice, and you can ask for time to get it before you answer an offer."""


def _person(email: str) -> Person | None:
    return Person.objects.select_related("user").filter(email=email, user__isnull=False).first()


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def add_wellness() -> int:
    """Add what is missing; returns how many things were added."""
    added = 0
    with transaction.atomic():
        expert1 = _person("expert1@people.example")
        contact = _user("contact@riverside.example")
        if (
            expert1 is not None
            and expert1.user is not None
            and not WellnessActionPlan.objects.filter(person=expert1).exists()
        ):
            services_wellness.save_plan(
                expert1, user=expert1.user, sections=PLAN, review_date=REVIEW_DATE
            )
            if contact is not None:
                services_wellness.choose_readers(
                    expert1, user=expert1.user, reader_ids=[contact.pk]
                )
            added += 1
        expert2 = _person("expert2@people.example")
        if (
            expert2 is not None
            and expert2.user is not None
            and not EarningsLimit.objects.filter(person=expert2).exists()
        ):
            services_benefits.add_earnings_limit(
                expert2,
                user=expert2.user,
                weekly_amount=LIMIT,
                valid_from=LIMIT_FROM,
                note=LIMIT_NOTE,
            )
            added += 1
        if (
            expert2 is not None
            and expert2.user is not None
            and not BenefitsSituation.objects.filter(person=expert2).exists()
        ):
            # Kept to themself: the offers show the permitted work rules, staff see nothing.
            services_benefits.choose_benefit(
                expert2, user=expert2.user, benefit=Benefit.ESA, shared=False
            )
            added += 1
        admin = (
            Membership.objects.select_related("user", "organisation")
            .filter(user__email="admin@riverside.example", organisation__slug="riverside")
            .first()
        )
        if admin is not None and not admin.organisation.benefits_advice:
            services_benefits.set_benefits_advice(by=admin, text=ADVICE)
            added += 1
    return added
