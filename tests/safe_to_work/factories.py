"""Checks and what the work requires, made through the real services."""

from __future__ import annotations

from datetime import date
from typing import Any

from powerwith.accounts.models import Membership
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.safe_to_work import services

ENHANCED_DBS = {"kind": "dbs", "level": "enhanced"}
RRN = "RRN-certified restraint reduction training"
RRN_TRAINING = {"kind": "training", "name": RRN}
INDUCTION = {"kind": "induction"}


def requires(
    by: Membership, *items: dict[str, str], opportunity: Opportunity | None = None
) -> None:
    services.set_required_checks(by=by, items=items, opportunity=opportunity)


def dbs(
    by: Membership,
    person: Person,
    *,
    done_on: date,
    expires_on: date | None = None,
    level: str = "enhanced",
    **more: Any,
) -> None:
    check(by, person, kind="dbs", level=level, done_on=done_on, expires_on=expires_on, **more)


def check(by: Membership, person: Person, *, today: date | None = None, **item: Any) -> None:
    """Record one check (today is the day it is recorded, for its own validation)."""
    found = services.check_input(item, today=today or item["done_on"])
    services.record_check(person=person, by=by, check=found)
