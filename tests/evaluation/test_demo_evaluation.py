"""The demo's evaluation: made once, and a second run adds nothing and fails on nothing."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.demo.evaluation import add_evaluation
from powerwith.evaluation.models import FeedbackAnswer, ImpactEntry, TeamReflection

pytestmark = pytest.mark.django_db


def test_the_demo_evaluation_is_made_once():
    demo.load(people=12)
    add_evaluation()
    answers = FeedbackAnswer.objects.count()
    assert answers >= 1
    assert TeamReflection.objects.count() == 1
    entry = ImpactEntry.objects.get()
    assert "impact" in entry.standards
    assert add_evaluation() == 0
    assert FeedbackAnswer.objects.count() == answers
    assert ImpactEntry.objects.count() == 1
