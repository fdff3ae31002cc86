"""The clarity checker's page: a form without JavaScript, the findings alone for htmx."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

URL = "/clarity-check/"
HTMX = {"HX-Request": "true"}


def test_the_url_is_pinned():
    assert reverse("offers:clarity_check") == URL


@pytest.mark.parametrize("who", ["riverside_coordinator", "riverside_admin", "riverside_contact"])
def test_people_who_write_to_experts_can_use_it(client, request, who):
    logged_in(client, request.getfixturevalue(who).user)
    response = client.get(URL)
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Check the clarity of a message</h1>' in response.text
    assert 'name="text"' in response.text
    assert 'hx-post="/clarity-check/"' in response.text


def test_an_auditor_is_told_who_may_use_it(client, riverside_auditor):
    response = logged_in(client, riverside_auditor.user).get(URL)
    assert response.status_code == 403
    assert "Your role in this organisation does not include this page" in response.text


def test_an_expert_is_told_who_may_use_it(client, expert_at_riverside):
    response = logged_in(client, expert_at_riverside.user).post(URL, {"text": "Soon."})
    assert response.status_code == 403


def test_it_asks_you_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_without_javascript_it_shows_the_findings_on_the_page(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        URL, {"text": "We will book a BSL interpreter soon.", "audience": "easy_read"}
    )
    assert response.status_code == 200
    page = response.text
    assert "<html" in page
    assert "2 warnings and 0 pieces of advice." in page
    assert '<div class="govuk-warning-text' in page
    assert "Found: <mark>BSL</mark>" in page
    assert "Found: <mark>soon</mark>" in page
    assert (
        'value="easy_read" id="id_audience_1" required class="govuk-radios__input" checked' in page
    )


def test_advice_is_shown_as_inset_text(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": "We will facilitate it.", "audience": "standard"})
    assert "0 warnings and 1 piece of advice." in response.text
    assert '<div class="govuk-inset-text' in response.text
    assert "Found: <mark>facilitate</mark>" in response.text


def test_a_clear_text_has_nothing_to_change(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": "It's OK to say no.", "audience": "standard"})
    assert "The checker found nothing to change." in response.text


def test_with_htmx_it_answers_only_the_findings(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": "Hopefully.", "audience": "standard"}, headers=HTMX)
    assert response.status_code == 200
    page = response.text.strip()
    assert page.startswith('<div id="clarity-findings" aria-live="polite">')
    assert "<html" not in page
    assert "Found: <mark>Hopefully</mark>" in page


def test_a_textarea_elsewhere_names_its_field(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"{URL}?field=input_expected",
        {"input_expected": "We will pay you.", "audience": "standard"},
        headers={**HTMX, "HX-Trigger-Name": "input_expected"},
    )
    assert "Found: <mark>pay you</mark>" in response.text


def test_an_empty_box_being_typed_in_answers_an_empty_region(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": " "}, headers={**HTMX, "HX-Trigger-Name": "text"})
    assert response.status_code == 200
    assert response.text.split() == [
        "<div",
        'id="clarity-findings"',
        'aria-live="polite">',
        "</div>",
    ]


def test_submitting_the_form_empty_with_htmx_says_what_to_do(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": "", "audience": "standard"}, headers=HTMX)
    assert '<p class="govuk-error-message">Enter the text to check.</p>' in response.text


def test_without_javascript_an_empty_form_shows_the_error_summary(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": "", "audience": "standard"})
    assert response.status_code == 400
    assert "<title>Error: Check the clarity of a message" in response.text
    assert "govuk-error-summary" in response.text
    assert '<a href="#id_text">Enter the text to check.</a>' in response.text


def test_a_text_over_twenty_thousand_characters_is_refused(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": "a" * 20_001, "audience": "standard"})
    assert "The text must be 20,000 characters or fewer." in response.text
    assert "What the checker found" not in response.text


def test_an_unknown_audience_is_refused(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(URL, {"text": "Hello.", "audience": "large_print"})
    assert "Choose standard or easy read." in response.text
