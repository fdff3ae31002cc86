"""The demo's development plan: made once through the services when the demo loads, and
another run adds nothing and fails on nothing."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.demo.development import add_development
from powerwith.evaluation.models.development import DevelopmentAction, DevelopmentNote
from powerwith.people.models import Person

pytestmark = pytest.mark.django_db


def test_the_demo_development_plan_is_made_once():
    demo.load(people=12)  # loading the demo makes the plan
    person = Person.objects.get(email="expert1@people.example")
    assert person.professional_goals
    first = DevelopmentAction.objects.filter(person=person).count()
    assert first >= 1
    notes = DevelopmentNote.objects.count()
    assert DevelopmentNote.objects.filter(by_person=True).exists()
    assert add_development() == 0
    assert DevelopmentAction.objects.count() == first
    assert DevelopmentNote.objects.count() == notes
