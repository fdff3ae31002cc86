"""The demo's readiness self-assessment and training evidence record: made once, and a
second run adds nothing and fails on nothing."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.demo.readiness import add_readiness
from powerwith.evaluation.models.readiness import ReadinessAction, ReadinessAssessment
from powerwith.evaluation.models.training import TrainingCourseEvidence

pytestmark = pytest.mark.django_db


def test_the_demo_readiness_is_made_once() -> None:
    demo.load(people=12)
    first = add_readiness()
    assert first in (0, 2)  # 0 once the lead wires it into demo.load
    assessment = ReadinessAssessment.objects.get()
    assert assessment.organisation.name == "Riverside Care Partnership"
    assert assessment.answers.count() == 15
    assert ReadinessAction.objects.count() == 3
    assert ReadinessAction.objects.filter(status="done").count() == 1
    evidence = TrainingCourseEvidence.objects.get()
    assert evidence.lived_experience_first
    assert evidence.opportunity.organisation == assessment.organisation
    assert add_readiness() == 0
    assert ReadinessAssessment.objects.count() == 1
    assert TrainingCourseEvidence.objects.count() == 1
