"""The demo's outcomes: two services at Riverside with eighteen months of figures,
linked to the demo's restraint-reduction training; a second run adds nothing."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.demo.outcomes import MONTHS, add_outcomes
from powerwith.outcomes.models import InterventionCount, Service, ServiceProject
from powerwith.outcomes.queries import CO_PRODUCED, trend_of

pytestmark = pytest.mark.django_db


def test_the_demo_outcomes_are_made_once_and_show_a_fall_and_the_work():
    demo.load(people=12)
    add_outcomes()  # once the lead wires it in, loading the demo will have made them
    willow = Service.objects.get(organisation__slug="riverside", name="Willow Ward")
    assert ServiceProject.objects.filter(
        service=willow, opportunity__title="Co-design restraint reduction training"
    ).exists()
    trend = trend_of(willow)
    totals = [row.total or 0 for row in trend.rows if row.total is not None]
    assert len(totals) == MONTHS
    assert sum(totals[-3:]) < sum(totals[:3])
    assert any(marker.kind == CO_PRODUCED for marker in trend.markers)
    count = InterventionCount.objects.count()
    assert add_outcomes() == 0
    assert InterventionCount.objects.count() == count
    assert not Service.objects.filter(organisation__slug="hillview").exists()
