"""The demo's checks: the co-design work requires an enhanced DBS check, and its matches
page shows one person whose check has expired, with the reason, among the others."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.accounts.models import Membership
from powerwith.matching.matches import matches_for
from powerwith.opportunities.models import Opportunity

pytestmark = pytest.mark.django_db


def test_the_demo_matches_show_one_expired_dbs_check():
    demo.load(people=60)
    demo.load(people=60)  # idempotent: nothing is recorded twice
    work = Opportunity.objects.get(
        organisation__slug="riverside", title="Co-design restraint reduction training"
    )
    coordinator = Membership.objects.get(
        user__email="coordinator@riverside.example", organisation__slug="riverside"
    )
    blocked = [m.blocked for m in matches_for(coordinator, work) if m.blocked]
    assert len(blocked) == 1
    assert blocked[0][0].startswith("DBS check expired on ")
