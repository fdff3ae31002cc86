"""The demo's shared learning: the library and the benchmarks are not empty."""

from __future__ import annotations

import pytest
from django.test import Client

from powerwith import demo
from powerwith.accounts.models import User
from powerwith.learning.models import LearningSummary, NetworkFigure
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_published_summary_in_the_library_and_figures_for_the_network(
    client: Client,
):
    demo.load(people=12)
    published = LearningSummary.objects.filter(status="published")
    assert published.filter(organisation__slug="riverside").exists()
    assert LearningSummary.objects.filter(organisation__slug="hillview", status="draft").exists()
    assert NetworkFigure.objects.exists()
    reader = User.objects.get(email="coordinator@hillview.example")
    library = logged_in(client, reader).get("/network/library/")
    assert "Riverside Care Partnership" in library.text
    assert client.get("/network/benchmarks/").status_code == 200
