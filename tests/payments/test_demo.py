"""The demo's claims: one or more in each state at Riverside, one overdue, made once."""

from __future__ import annotations

import pytest
from django.utils import timezone

from powerwith import demo
from powerwith.accounts.models import Organisation
from powerwith.demo.payments import add_payments
from powerwith.demo.sessions import add_sessions
from powerwith.payments import queries
from powerwith.payments.models import Claim, ClaimStatus

pytestmark = pytest.mark.django_db


def test_the_demo_makes_claims_in_each_state_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.load(people=12)
    add_sessions()
    add_payments()  # the load may already have added them
    assert add_payments() == 0
    riverside = Organisation.objects.get(slug="riverside")
    statuses = set(Claim.objects.filter(organisation=riverside).values_list("status", flat=True))
    assert statuses == set(ClaimStatus.values)
    assert queries.overdue_claims(riverside, timezone.now()).count() == 1
    assert queries.timeliness(riverside).paid >= 1
