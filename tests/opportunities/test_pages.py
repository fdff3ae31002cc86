"""The opportunity pages: list, create, detail and matches."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from powerwith.engagements.models import Session
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import RequirementInput
from tests.opportunities.factories import opportunity, person, worked

pytestmark = pytest.mark.django_db

CRISIS = "direct.crisis"


def form_data(**overrides):
    data = {
        "title": "Co-design restraint reduction training",
        "purpose": "Design a one-day course for ward staff.",
        "goal_type": "emancipatory",
        "commitment": "specified_project",
        "level": "co_production",
        "focus": ["designing_training", "delivering_training"],
        "location_mode": "in_person",
        "reward_basis": "hourly",
        "status": "open",
        "requirement-TOTAL_FORMS": "5",
        "requirement-INITIAL_FORMS": "0",
        "requirement-MIN_NUM_FORMS": "0",
        "requirement-MAX_NUM_FORMS": "20",
        "session-TOTAL_FORMS": "3",
        "session-INITIAL_FORMS": "0",
        "session-MIN_NUM_FORMS": "0",
        "session-MAX_NUM_FORMS": "100",
    }
    for row in range(5):
        data[f"requirement-{row}-essential"] = "desirable"
    data.update(overrides)
    return data


def test_the_list_shows_only_this_organisations_opportunities(
    client, riverside_coordinator, hillview_coordinator
):
    opportunity(riverside_coordinator, title="Riverside panel")
    opportunity(hillview_coordinator, title="Hillview panel")
    client.force_login(riverside_coordinator.user)
    page = client.get("/opportunities/")
    assert page.status_code == 200
    assert "Riverside panel" in page.text
    assert "Hillview panel" not in page.text
    assert "Create an opportunity" in page.text


def test_an_auditor_reads_the_list_but_cannot_create(client, riverside_auditor):
    client.force_login(riverside_auditor.user)
    page = client.get("/opportunities/")
    assert page.status_code == 200
    assert "Create an opportunity" not in page.text
    assert client.get("/opportunities/new/").status_code == 403


def test_an_expert_cannot_see_opportunities_here(client, expert_at_riverside):
    client.force_login(expert_at_riverside.user)
    assert client.get("/opportunities/").status_code == 403


def test_the_create_form_shows_the_charters_description_of_each_level(
    client, riverside_coordinator
):
    client.force_login(riverside_coordinator.user)
    page = client.get("/opportunities/new/")
    assert page.status_code == 200
    assert "make independent choices and take decisions that directly influence" in page.text
    assert page.text.count('name="requirement-4-code"') == 1
    assert 'name="requirement-5-code"' not in page.text


def test_a_coordinator_creates_an_opportunity_with_required_experience(
    client, riverside_coordinator
):
    client.force_login(riverside_coordinator.user)
    response = client.post(
        "/opportunities/new/",
        form_data(
            **{
                "requirement-0-code": "direct.restrictive_interventions",
                "requirement-0-setting": "mental_health",
                "requirement-0-intervention": "seclusion",
                "requirement-0-essential": "essential",
                "requirement-1-code": "indirect.carer_training",
            }
        ),
    )
    made = Opportunity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/{made.pk}/"
    assert made.focus == ["designing_training", "delivering_training"]
    assert made.level == "co_production"
    assert [
        (r.code, r.setting, r.intervention, r.essential) for r in made.required_experience.all()
    ] == [
        ("direct.restrictive_interventions", "mental_health", "seclusion", True),
        ("indirect.carer_training", "", "", False),
    ]


def test_the_create_form_shows_errors_and_saves_nothing(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    response = client.post(
        "/opportunities/new/",
        form_data(title="", **{"requirement-1-setting": "community"}),
    )
    assert response.status_code == 400
    assert "<title>Error: " in response.text
    assert "There is a problem" in response.text
    assert 'href="#id_title">Enter a title for the opportunity.' in response.text
    assert (
        'href="#id_requirement-1-code">Required experience 2: Choose the experience this row '
        "is about, or clear the row."
    ) in response.text
    assert not Opportunity.objects.exists()


def test_a_services_refusal_is_shown_in_the_error_summary(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    response = client.post(
        "/opportunities/new/",
        form_data(
            **{"requirement-0-code": "direct.crisis", "requirement-0-intervention": "seclusion"}
        ),
    )
    assert response.status_code == 400
    assert "belongs only with experience of restrictive interventions" in response.text
    assert not Opportunity.objects.exists()


def test_row_errors_alone_still_mark_the_page_title_as_an_error(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    response = client.post("/opportunities/new/", form_data(**{"requirement-0-setting": "autism"}))
    assert "<title>Error: Create an opportunity" in response.text


def test_the_detail_page_describes_the_opportunity(client, riverside_coordinator):
    made = opportunity(
        riverside_coordinator,
        RequirementInput("direct.restrictive_interventions", "mental_health", "seclusion", True),
        level="consultation",
        focus=["peer_support"],
    )
    Session.objects.create(
        opportunity=made, starts_at=datetime(2027, 1, 12, 10, tzinfo=UTC), minutes=90
    )
    client.force_login(riverside_coordinator.user)
    page = client.get(f"/opportunities/{made.pk}/")
    assert page.status_code == 200
    assert "asked for their views on a topic" in page.text
    assert "Peer support work" in page.text
    assert "Tuesday" in page.text
    assert "Experience of restrictive interventions" in page.text
    assert "(seclusion), in mental health" in page.text
    assert f"/opportunities/{made.pk}/matches/" in page.text


def test_another_organisations_opportunity_is_not_found(
    client, riverside_coordinator, hillview_coordinator
):
    theirs = opportunity(hillview_coordinator)
    client.force_login(riverside_coordinator.user)
    assert client.get(f"/opportunities/{theirs.pk}/").status_code == 404
    assert client.get(f"/opportunities/{theirs.pk}/matches/").status_code == 404


def test_the_matches_page_ranks_people_and_flags_communication_needs(client, riverside_coordinator):
    by = riverside_coordinator
    niña = person(by, "Niña", (CRISIS, "community"), formats=["easy_read", "bsl"])
    busy = person(by, "Aaron", (CRISIS, "community"))
    person(by, "No crisis", ("direct.trauma", ""))
    worked(busy, opportunity(by, title="Panel"), 120)
    wanted = opportunity(by, RequirementInput(CRISIS, essential=True))
    client.force_login(by.user)
    page = client.get(f"/opportunities/{wanted.pk}/matches/")
    assert page.status_code == 200
    text = page.text
    assert text.index("Niña") < text.index("Aaron")
    assert "No crisis" not in text
    assert f'href="/people/{niña.pk}/"' in text
    assert "Communication needs: </span>Easy read, British Sign Language (BSL)" in text
    assert "Has the essential experience: Living through periods of crisis" in text
    assert "100%" in text
    assert "did 100% of the 2 hours of paid work" in text
    assert "The fairness weight is 0.3." in text


def test_an_auditor_cannot_see_the_matches_page(client, riverside_auditor, riverside_coordinator):
    made = opportunity(riverside_coordinator)
    client.force_login(riverside_auditor.user)
    assert "Find people" not in client.get(f"/opportunities/{made.pk}/").text
    assert client.get(f"/opportunities/{made.pk}/matches/").status_code == 403


def test_the_matches_page_says_so_when_no_one_matches(client, riverside_coordinator):
    wanted = opportunity(riverside_coordinator, RequirementInput(CRISIS, essential=True))
    client.force_login(riverside_coordinator.user)
    page = client.get(f"/opportunities/{wanted.pk}/matches/")
    assert "No one active on your register has every essential experience" in page.text
    assert "no paid work was recorded, so there is no concentration to show yet" in page.text
