"""Narrowing the matching before it is scored changes nobody's place: on a varied
register, the product ranks exactly as the frozen reference (the ranking as it was, with
one correlated subquery per candidate) does — the same people, in the same order, with
the same scores, reasons and missing."""

from __future__ import annotations

import pytest

from powerwith.accounts.services import set_fairness_weight
from powerwith.matching.matches import matches_for
from tests.matching import reference_ranking
from tests.matching.factories import NOW, varied_opportunities, varied_register

pytestmark = pytest.mark.django_db

LIMITS = (1, 25, 100)


def as_seen(matches):
    return [
        (m.person_id, m.preferred_name, round(m.score, 3), m.reasons, m.missing, m.paid_hours)
        for m in matches
    ]


def test_the_ranking_is_the_reference_ranking_for_every_opportunity_and_page_size(
    riverside_admin, riverside_coordinator, hillview_coordinator
):
    by = riverside_coordinator
    register = varied_register(by, hillview_coordinator)
    opportunities = varied_opportunities(by)
    compared = 0
    for weight in (0.5, 0.0):
        set_fairness_weight(by=riverside_admin, weight=weight)
        for name, wanted in opportunities.items():
            wanted.organisation.refresh_from_db()
            for limit in LIMITS:
                expected = reference_ranking.matches_for(by, wanted, limit=limit, now=NOW)
                actual = matches_for(by, wanted, limit=limit, now=NOW)
                assert as_seen(actual) == as_seen(expected), (name, weight, limit)
                compared += len(expected)
    hillview_ids = {p.pk for p in register.hillview}
    assert compared > 1000
    assert not hillview_ids & {m.person_id for m in matches_for(by, wanted, limit=100, now=NOW)}


def test_the_dataset_exercises_ties_partial_credit_and_the_fairness_factor(
    riverside_admin, riverside_coordinator, hillview_coordinator
):
    """The comparison above is only as good as the data: here it is shown to rank people
    who tie, people partly meeting a requirement and people whose recent paid work lowers
    their score, with a full page at 100."""
    by = riverside_coordinator
    varied_register(by, hillview_coordinator)
    opportunities = varied_opportunities(by)
    set_fairness_weight(by=riverside_admin, weight=0.5)
    five = reference_ranking.matches_for(by, opportunities["five requirements"], 100, now=NOW)
    wide = reference_ranking.matches_for(
        by, opportunities["desirable only, with settings"], 100, now=NOW
    )
    assert len(wide) == 100
    assert 5 <= len(five) < 100
    scores = [m.score for m in wide]
    assert len(set(scores)) < len(scores), "some people tie on score"
    assert any("partly met" in text for m in wide for text in m.missing)
    assert any("score is lowered" in text for m in wide for text in m.reasons)
    secluded = reference_ranking.matches_for(
        by, opportunities["essential intervention in a setting"], 100, now=NOW
    )
    twins = [m.person_id for m in secluded if m.preferred_name == "Twin"]
    assert len(twins) == 4
    assert twins == sorted(twins)
