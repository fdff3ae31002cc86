"""Who may have an offer rendered, and what they get: the API at
/api/v1/offers/{id}/render and the page at /offers/{id}/render/."""

from __future__ import annotations

import pytest
from django.test import Client

from powerwith.offers import services
from tests.conftest import api_client_for, logged_in, make_expert
from tests.offers.factories import COMPLETE_TERMS, offer_to, prefers, user_of

pytestmark = pytest.mark.django_db

TYPES = {
    "html": "text/html; charset=utf-8",
    "large-print-pdf": "application/pdf",
    "easy-read": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}


def render_path(offer_id: int, fmt: str = "") -> str:
    return f"/api/v1/offers/{offer_id}/render" + (f"?format={fmt}" if fmt else "")


def page_path(offer_id: int, fmt: str = "") -> str:
    return f"/offers/{offer_id}/render/" + (f"?format={fmt}" if fmt else "")


@pytest.fixture
def offer(riverside_coordinator, expert_at_riverside):
    return offer_to(riverside_coordinator, expert_at_riverside)


@pytest.fixture
def expert_api(expert_at_riverside):
    membership = user_of(expert_at_riverside).memberships.get()
    return api_client_for(membership)


@pytest.mark.parametrize(("fmt", "content_type"), TYPES.items())
def test_the_api_renders_each_format(riverside_coordinator, offer, fmt, content_type):
    response = api_client_for(riverside_coordinator).get(render_path(offer.pk, fmt))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert "offer-co-design-restraint-reduction-training" in response["Content-Disposition"]
    assert {"private", "no-cache", "no-store"} <= set(response["Cache-Control"].split(", "))


def test_the_html_renderings_carry_a_policy_for_their_own_stylesheet(riverside_coordinator, offer):
    response = api_client_for(riverside_coordinator).get(render_path(offer.pk, "easy-read"))
    assert response["Content-Security-Policy"].startswith("default-src 'none'; style-src 'sha256-")
    assert response["Content-Disposition"].startswith("inline;")


def test_the_pdf_and_the_calendar_are_downloads(riverside_coordinator, offer):
    client = api_client_for(riverside_coordinator)
    for fmt in ["large-print-pdf", "ics"]:
        assert client.get(render_path(offer.pk, fmt))["Content-Disposition"].startswith(
            "attachment;"
        )


def test_without_a_format_the_api_answers_the_one_the_person_reads_best(
    riverside_coordinator, expert_at_riverside
):
    prefers(expert_at_riverside, "large_print")
    offer = offer_to(riverside_coordinator, expert_at_riverside)
    response = api_client_for(riverside_coordinator).get(render_path(offer.pk))
    assert response["Content-Type"] == "application/pdf"


def test_an_unknown_format_answers_422_listing_the_formats(riverside_coordinator, offer):
    response = api_client_for(riverside_coordinator).get(render_path(offer.pk, "docx"))
    assert response.status_code == 422
    assert response.json() == {
        "detail": "There is no format called 'docx'. Choose one of: html, large-print-pdf, "
        "easy-read, text, ics, braille, audio, paper-pack."
    }


def test_a_calendar_of_an_offer_without_sessions_answers_422(
    riverside_coordinator, expert_at_riverside
):
    offer = offer_to(riverside_coordinator, expert_at_riverside, sessions=False, hours_per_week=4)
    response = api_client_for(riverside_coordinator).get(render_path(offer.pk, "ics"))
    assert response.status_code == 422
    assert "This offer has no dated sessions" in response.json()["detail"]


def test_another_organisations_offer_is_not_found(hillview_coordinator, offer):
    response = api_client_for(hillview_coordinator).get(render_path(offer.pk, "html"))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_the_person_renders_their_own_offer(offer, expert_api):
    response = expert_api.get(render_path(offer.pk, "text"))
    assert response.status_code == 200
    assert "It's OK to say no" in response.content.decode()


def test_a_person_cannot_render_someone_elses_offer(riverside_coordinator, riverside, expert_api):
    other = make_expert("bo@people.example", "Bo", riverside)
    offer = offer_to(riverside_coordinator, other)
    assert expert_api.get(render_path(offer.pk, "text")).status_code == 404


def test_a_person_cannot_render_a_draft_but_staff_preview_it(
    riverside_coordinator, expert_at_riverside, expert_api
):
    draft = offer_to(riverside_coordinator, expert_at_riverside, send=False)
    assert expert_api.get(render_path(draft.pk, "text")).status_code == 404
    preview = api_client_for(riverside_coordinator).get(render_path(draft.pk, "text"))
    assert preview.status_code == 200
    assert "Co-design restraint reduction training" in preview.content.decode()


def test_a_sent_offer_renders_as_it_was_sent_not_as_it_is_being_changed(
    riverside_coordinator, offer
):
    services.change_terms(
        offer, by=riverside_coordinator, terms={**offer.terms, "message": "A changed message."}
    )
    text = api_client_for(riverside_coordinator).get(render_path(offer.pk, "text"))
    assert "A changed message." not in text.content.decode()
    assert COMPLETE_TERMS["message"] in text.content.decode()


def test_the_page_renders_each_format_for_staff(client: Client, riverside_coordinator, offer):
    logged_in(client, riverside_coordinator.user)
    for fmt, content_type in TYPES.items():
        response = client.get(page_path(offer.pk, fmt))
        assert response.status_code == 200, fmt
        assert response["Content-Type"] == content_type


def test_the_page_explains_an_unknown_format_with_a_400(
    client: Client, riverside_coordinator, offer
):
    response = logged_in(client, riverside_coordinator.user).get(page_path(offer.pk, "docx"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is no format called" in page
    assert f'href="/offers/{offer.pk}/render/?format=easy-read"' in page


def test_the_page_explains_a_calendar_without_sessions_with_a_400(
    client: Client, riverside_coordinator, expert_at_riverside
):
    offer = offer_to(riverside_coordinator, expert_at_riverside, sessions=False, hours_per_week=4)
    response = logged_in(client, riverside_coordinator.user).get(page_path(offer.pk, "ics"))
    assert response.status_code == 400
    assert "This offer has no dated sessions" in response.content.decode()


def test_the_page_gives_the_person_their_preferred_format(
    client: Client, riverside_coordinator, expert_at_riverside
):
    prefers(expert_at_riverside, "easy_read")
    offer = offer_to(riverside_coordinator, expert_at_riverside)
    response = logged_in(client, user_of(expert_at_riverside)).get(page_path(offer.pk))
    assert response.status_code == 200
    assert "Easy read" in response.content.decode()


def test_a_person_at_two_organisations_reaches_each_offer_from_the_page(
    client: Client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    from_hillview = offer_to(hillview_coordinator, expert_at_both)
    from_riverside = offer_to(riverside_coordinator, expert_at_both)
    logged_in(client, user_of(expert_at_both))
    assert client.get(page_path(from_hillview.pk, "text")).status_code == 200
    assert client.get(page_path(from_riverside.pk, "text")).status_code == 200


def test_the_page_hides_another_organisations_offer(client: Client, hillview_coordinator, offer):
    response = logged_in(client, hillview_coordinator.user).get(page_path(offer.pk, "html"))
    assert response.status_code == 404


def test_the_page_asks_to_log_in_first(client: Client, offer):
    response = client.get(page_path(offer.pk, "html"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
