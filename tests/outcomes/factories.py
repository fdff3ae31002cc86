"""Helpers for the outcomes tests: services, figures and linked work made through the
services, and past sessions through the model (the sessions service refuses the past)."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Session
from powerwith.opportunities.models import Opportunity
from powerwith.outcomes import months, services
from powerwith.outcomes.models import Service
from powerwith.outcomes.services import Change, Entry


def ward(by: Membership, name: str = "Willow Ward", setting: str = "mental_health") -> Service:
    return services.create_service(by=by, name=name, setting=setting)


def this_month() -> date:
    return months.start_of(timezone.localdate())


def ago(n: int) -> date:
    return months.add(this_month(), -n)


def figures(by: Membership, service: Service, month: date, **counts: int) -> list[Change]:
    return services.record_figures(
        by=by, entries=[Entry(service, month, code, n) for code, n in counts.items()]
    )


def session_in(opportunity: Opportunity, month: date, *, cancelled: bool = False) -> Session:
    starts = timezone.make_aware(datetime(month.year, month.month, 10, 10, 0))
    return Session.objects.create(
        opportunity=opportunity,
        starts_at=starts,
        minutes=60,
        cancelled_at=starts if cancelled else None,
    )
