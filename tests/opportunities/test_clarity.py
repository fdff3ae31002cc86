"""The clarity checker on an opportunity's own words, which every offer of it says: the
form and the API save a draft whatever it finds, then show each finding with a link to
its box, and say plainly that no offer of it can be sent until the blocking ones change."""

from __future__ import annotations

import html
from datetime import UTC

import pytest

from powerwith.opportunities.models import Opportunity
from tests.conftest import api_client_for
from tests.opportunities.factories import complete_opportunity, design_example, future, person
from tests.opportunities.test_term_pages import every_term

pytestmark = pytest.mark.django_db

JSON = "application/json"
STARTS = future(45).astimezone(UTC).isoformat().replace("+00:00", "Z")
SPECULATIVE_PURPOSE = "Design a course with us. This could lead to paid work in due course."


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_the_design_example_has_nothing_that_blocks(riverside_coordinator, riverside_contact):
    client = api_client_for(riverside_coordinator)
    posted = client.post(
        "/api/v1/opportunities", design_example(riverside_contact.user_id, STARTS), JSON
    ).json()
    assert [f for f in posted["clarity"] if f["blocks"]] == []


def test_the_api_saves_a_draft_with_speculation_and_names_each_finding_and_its_field(
    riverside_coordinator, riverside_contact
):
    client = api_client_for(riverside_coordinator)
    example = design_example(riverside_contact.user_id, STARTS)
    response = client.post(
        "/api/v1/opportunities", {**example, "purpose": SPECULATIVE_PURPOSE}, JSON
    )
    assert response.status_code == 201
    body = response.json()
    assert Opportunity.objects.get().purpose == SPECULATIVE_PURPOSE
    edit = f"/opportunities/{body['id']}/edit/#id_purpose"
    assert [
        (f["rule"], f["excerpt"], f["field"], f["blocks"], f["href"]) for f in body["clarity"]
    ] == [
        ("speculative", "could lead to paid work", "purpose", True, edit),
        ("speculative", "in due course", "purpose", True, edit),
    ]
    assert body["clarity"][0]["where"] == (
        "in the opportunity's purpose — shared by every offer of this opportunity"
    )
    assert client.get(f"/api/v1/opportunities/{body['id']}").json()["clarity"] == body["clarity"]


def test_patch_runs_the_checker_over_what_it_changes(riverside_coordinator, riverside_contact):
    client = api_client_for(riverside_coordinator)
    made = client.post(
        "/api/v1/opportunities", design_example(riverside_contact.user_id, STARTS), JSON
    ).json()
    path = f"/api/v1/opportunities/{made['id']}"
    changed = client.patch(path, {"ground_rules": "Breaks are paid, up to £5 each."}, JSON)
    assert changed.status_code == 200
    [finding] = [f for f in changed.json()["clarity"] if f["blocks"]]
    assert (finding["rule"], finding["excerpt"], finding["field"]) == (
        "vague_amount",
        "up to £5",
        "ground_rules",
    )
    assert finding["href"].endswith("/edit/#id_ground_rules")
    fixed = client.patch(path, {"ground_rules": "Breaks are paid at £5 each."}, JSON)
    assert [f for f in fixed.json()["clarity"] if f["blocks"]] == []


def test_an_offer_of_it_cannot_be_sent_until_the_words_change(
    riverside_coordinator, riverside_contact
):
    opportunity = complete_opportunity(
        riverside_coordinator, riverside_contact, purpose=SPECULATIVE_PURPOSE
    )
    someone = person(riverside_coordinator, "Sam")
    client = api_client_for(riverside_coordinator)
    made = client.post(
        f"/api/v1/opportunities/{opportunity.pk}/offers", {"person_id": someone.pk}, JSON
    )
    offer_id = made.json()["id"]
    client.patch(
        f"/api/v1/offers/{offer_id}",
        {"payment_method": "bank_transfer", "adjustments": "None needed."},
        JSON,
    )
    refused = client.post(f"/api/v1/offers/{offer_id}/send", {"acknowledge_warnings": True}, JSON)
    assert refused.status_code == 409
    assert {f["field"] for f in refused.json()["blocking"]} == {"purpose"}
    client.patch(
        f"/api/v1/opportunities/{opportunity.pk}", {"purpose": "Design a course with us."}, JSON
    )
    sent = client.post(f"/api/v1/offers/{offer_id}/send", {"acknowledge_warnings": True}, JSON)
    assert sent.status_code == 200, sent.json()


def test_the_form_saves_then_the_page_lists_blocking_words_in_an_error_summary(
    client, riverside_coordinator, riverside_contact
):
    client.force_login(riverside_coordinator.user)
    data = every_term(riverside_contact.user_id, purpose=SPECULATIVE_PURPOSE)
    saved = client.post("/opportunities/new/", data, follow=True)
    made = Opportunity.objects.get()
    assert made.purpose == SPECULATIVE_PURPOSE
    page = text_of(saved)
    assert "Its offers cannot be sent until the words the clarity checker marks below" in page
    assert "<title>Error:" not in page
    assert 'class="govuk-error-summary"' in page
    assert "Offers of this opportunity cannot be sent yet" in page
    edit = f"/opportunities/{made.pk}/edit/#id_purpose"
    assert (
        f'<a href="{edit}">“could lead to paid work” is speculative in the opportunity\'s '
        "purpose — shared by every offer of this opportunity</a>"
    ) in page
    assert "No offer of this opportunity can be sent until the words" in page
    assert 'id="id_purpose"' in text_of(client.get(f"/opportunities/{made.pk}/edit/"))


def test_style_findings_are_warnings_that_do_not_stop_offers(
    client, riverside_coordinator, riverside_contact
):
    client.force_login(riverside_coordinator.user)
    data = every_term(
        riverside_contact.user_id, input_expected="Join the co-design workstream with the MDT."
    )
    page = text_of(client.post("/opportunities/new/", data, follow=True))
    assert "The clarity checker has warnings about its wording: see below." in page
    assert "govuk-error-summary" not in page
    assert "“MDT” is not explained." in page
    assert "“workstream” is a hard word. Use “a part of the work” instead" in page
    made = Opportunity.objects.get()
    assert f'href="/opportunities/{made.pk}/edit/#id_input_expected"' in page


def test_only_the_people_who_can_change_the_words_are_shown_them(
    client, riverside_coordinator, riverside_contact, riverside_auditor
):
    opportunity = complete_opportunity(
        riverside_coordinator, riverside_contact, purpose=SPECULATIVE_PURPOSE
    )
    client.force_login(riverside_auditor.user)
    page = text_of(client.get(f"/opportunities/{opportunity.pk}/"))
    assert "govuk-error-summary" not in page
    assert "could lead to paid work”" not in page
