"""No N+1: who has looked at my information costs the same for 25 entries as for 5."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.core.roles import Role
from powerwith.people.models import Person
from powerwith.privacy.access import record_read
from powerwith.privacy.models import What
from tests.conftest import api_client_for, logged_in, make_member
from tests.performance.test_query_counts import assert_flat

pytestmark = pytest.mark.django_db


def looks_at(person: Person, staff: Membership) -> Callable[[int], object]:
    """Adds ``n`` entries, each by a different member of staff, so that a query per
    viewer would show."""
    numbers = count(1)

    def grow(n: int) -> None:
        for _ in range(n):
            email = f"viewer{next(numbers)}@riverside.example"
            viewer = make_member(staff.organisation, email, Role.COORDINATOR)
            record_read(viewer=viewer, person=person, what=What.PROFILE, where="/people/")

    return grow


def test_the_who_looked_page_is_flat(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    assert expert_at_riverside.user is not None
    logged_in(client, expert_at_riverside.user)
    url = "/my-information/who-looked/"
    assert_flat(client, url, looks_at(expert_at_riverside, riverside_coordinator))


def test_the_access_log_endpoint_is_flat(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    own = Membership.objects.get(user=expert_at_riverside.user)
    grow = looks_at(expert_at_riverside, riverside_coordinator)
    assert_flat(api_client_for(own), "/api/v1/me/access-log", grow)
