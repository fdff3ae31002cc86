"""The demo's outputs: made once, with expert1 as a contributor, and a second run adds
nothing and fails on nothing."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.consent.models import Output
from powerwith.consent.usability import usability
from powerwith.demo.outputs import add_outputs

pytestmark = pytest.mark.django_db


def test_the_demo_outputs_are_made_once():
    demo.load(people=12)
    first = add_outputs()
    assert Output.objects.count() == 2
    assert first in (0, 2)
    assert add_outputs() == 0
    assert Output.objects.count() == 2
    story = Output.objects.select_related("organisation", "opportunity").get(
        title__startswith="Story of seclusion"
    )
    assert story.contributors.filter(user__email="expert1@people.example").exists()
    assert usability(story).usable["publish"]
