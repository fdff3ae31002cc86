"""The demo's Wellness Action Plan, earnings limit and benefits advice: made once, the
same on every run."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.accounts.models import Organisation
from powerwith.demo.wellness import add_wellness
from powerwith.people.models import BenefitsSituation, EarningsLimit, WellnessActionPlan

pytestmark = pytest.mark.django_db


def test_the_demo_adds_the_plan_the_limit_and_the_advice_once():
    demo.load(people=12)
    add_wellness()  # the load may already have added them
    assert add_wellness() == 0
    plan = WellnessActionPlan.objects.get(person__email="expert1@people.example")
    assert [reader.email for reader in plan.readers.all()] == ["contact@riverside.example"]
    assert EarningsLimit.objects.filter(person__email="expert2@people.example").count() == 1
    situation = BenefitsSituation.objects.get(person__email="expert2@people.example")
    assert (situation.benefit, situation.shared) == ("esa", False)
    riverside = Organisation.objects.get(slug="riverside")
    assert "Citizens Advice" in riverside.benefits_advice
    assert "permitted work" in riverside.benefits_advice
