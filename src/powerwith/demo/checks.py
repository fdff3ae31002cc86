"""The demo's safe-to-work checks: at Riverside, "Co-design restraint reduction training"
requires an enhanced DBS check. The people the matches page lists, and everyone already
offered the work, have one recorded, except that one person's ended in the spring (the
matches page shows them, marked "DBS check expired on …") and another's ends in three
weeks (the worker reminds them and their contact person in its first round, however few
people the demo has).

Made through the safe_to_work services by Riverside's coordinator, once: a later run
leaves the requirement, and any check recorded during a demo, as they are.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.demo.logins import coordinator_email
from powerwith.matching.matches import matches_for
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.safe_to_work import queries, services

WORK = "Co-design restraint reduction training"
LEVEL = "enhanced"


def _record(by: Membership, person: Person, done_on: date, expires_on: date) -> None:
    check = services.check_input(
        {"kind": "dbs", "level": LEVEL, "done_on": done_on, "expires_on": expires_on},
        today=timezone.localdate(),
    )
    services.record_check(person=person, by=by, check=check)


def add_checks() -> int:
    """Require the check and record the demo people's; how many checks were recorded."""
    by = (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=coordinator_email("riverside"), organisation__slug="riverside")
        .first()
    )
    work = Opportunity.objects.filter(organisation__slug="riverside", title=WORK).first()
    if by is None or work is None or queries.has_own_requirements(work):
        return 0
    services.set_required_checks(by=by, opportunity=work, items=[{"kind": "dbs", "level": LEVEL}])
    today = timezone.localdate()
    offered = set(Offer.objects.filter(opportunity=work).values_list("person_id", flat=True))
    listed = [m.person_id for m in matches_for(by, work)]
    people = Person.objects.in_bulk([*offered, *listed])
    # Someone not yet offered the work, or else someone offered it who has no login of
    # their own (a demo login is for trying the offer and booking out).
    others = [pk for pk in listed if pk not in offered] + [
        pk for pk in listed if pk in offered and people[pk].user_id is None
    ]
    expired, expiring = [*others, None, None][:2]
    if expiring is None:
        # A small demo has no one else: the check that ends soon is of someone offered the
        # work. It is still held, so it blocks nothing they try, and the worker's first
        # round of reminders always has it to remind them of.
        expiring = next((pk for pk in sorted(people) if pk != expired), None)
    count = 0
    for pk, person in sorted(people.items()):
        if pk == expired:
            # Three years from a check done in the spring three years ago: it has ended.
            ended = today - timedelta(days=240)
            _record(by, person, ended - timedelta(days=3 * 365), ended)
        elif pk == expiring:
            _record(by, person, today - timedelta(days=3 * 365 - 21), today + timedelta(days=21))
        else:
            _record(by, person, today - timedelta(days=200), today + timedelta(days=3 * 365))
        count += 1
    return count
