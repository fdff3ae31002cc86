"""The staff's home and the fortnight's sessions behind it make as many queries for 25
sessions coming up as for 5 (see tests/performance/test_query_counts.py)."""

from __future__ import annotations

from datetime import timedelta
from itertools import count as counter

import pytest
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.services.sessions import add_session
from tests.conftest import logged_in
from tests.offers.factories import complete_opportunity
from tests.performance.test_query_counts import assert_flat

pytestmark = pytest.mark.django_db

NUMBERS = counter(1)


@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_admin"])
def test_the_staff_home_does_not_grow_with_the_sessions_coming_up(request, client, role):
    """Coming up lists at most five sessions, but each would cost a query if its
    opportunity were read one by one."""
    member: Membership = request.getfixturevalue(role)
    soon = timezone.now().replace(second=0, microsecond=0)

    def grow(count: int) -> None:
        for _ in range(count):
            work = complete_opportunity(
                member,
                sessions=0,
                title=f"Work {next(NUMBERS)}",
                review_date=timezone.localdate() + timedelta(days=5),
            )
            add_session(work, by=member, starts_at=soon + timedelta(days=1), minutes=60)

    assert_flat(logged_in(client, member.user), "/", grow)


def test_the_fortnights_sessions_do_not_grow_with_the_sessions(client, riverside_coordinator):
    soon = timezone.now().replace(second=0, microsecond=0)

    def grow(count: int) -> None:
        for _ in range(count):
            work = complete_opportunity(
                riverside_coordinator, sessions=0, title=f"W{next(NUMBERS)}"
            )
            add_session(
                work, by=riverside_coordinator, starts_at=soon + timedelta(days=1), minutes=60
            )

    assert_flat(logged_in(client, riverside_coordinator.user), "/sessions/", grow)
