"""Every page uses the one accessible layout, answers in the right role, and needs no script."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from powerwith.core.roles import Role

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/login/", "/password-reset/", "/accessibility/", "/about/"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def assert_in_layout(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB" class="govuk-template">' in html
    assert 'class="govuk-skip-link"' in html
    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html
    assert "Accessibility statement" in html
    assert not INLINE_SCRIPT.search(html), "inline scripts break the Content Security Policy"
    assert "crown" not in html.lower()
    assert "GDS Transport" not in html


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_render_in_the_layout(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_in_layout(response.text)
    assert "object-src 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("fixture", "heading"),
    [
        ("riverside_admin", "Invite a member"),
        ("riverside_coordinator", "See who is in your team"),
        ("riverside_contact", "appointed contact person"),
        ("riverside_auditor", "Your access is read-only"),
        ("expert_at_riverside", "It is OK to say no"),
    ],
)
def test_each_role_has_a_home_page_saying_what_to_do_next(client, request, fixture, heading):
    who = request.getfixturevalue(fixture)
    client.force_login(who.user)
    response = client.get("/")
    assert response.status_code == 200
    assert_in_layout(response.text)
    assert heading in response.text


def test_staff_pages_render_in_the_layout(client, riverside_admin, riverside_coordinator):
    client.force_login(riverside_admin.user)
    for path in [
        "/organisation/members/",
        "/organisation/members/invite/",
        f"/organisation/members/{riverside_coordinator.user_id}/role/",
        "/organisation/audit-log/",
        "/account/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_in_layout(response.text)


def test_navigation_marks_the_current_page(client, riverside_admin):
    client.force_login(riverside_admin.user)
    html = client.get("/organisation/members/").text
    assert re.search(r'href="/organisation/members/"\s+aria-current="page"', html)


def test_a_user_without_an_organisation_is_told_why(client, db):
    from tests.conftest import make_user

    client.force_login(make_user("lonely@example.org"))
    response = client.get("/")
    assert "You are not part of an organisation yet" in response.text


def test_not_found_uses_the_layout(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_in_layout(response.text)
    assert "Page not found" in response.text


def test_server_error_page_uses_the_layout(client, db, monkeypatch):
    def explode(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("powerwith.views.render", explode)
    client.raise_request_exception = False
    response = client.get("/about/")
    assert response.status_code == 500
    assert_in_layout(response.text)
    assert "Sorry, there is a problem with the service" in response.text
    assert "boom" not in response.text


def test_an_expired_form_gets_a_clear_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "a@b.example", "password": "x"})
    assert response.status_code == 403
    assert "The form had expired" in response.text


def test_forms_render_gov_uk_markup_with_linked_errors(client, riverside_admin):
    client.force_login(riverside_admin.user)
    response = client.post("/organisation/members/invite/", {"email": "not an email", "role": ""})
    html = response.text
    assert "govuk-error-summary" in html
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'aria-describedby="id_email-error"' in html
    assert '<p id="id_email-error" class="govuk-error-message">' in html
    assert 'href="#id_role_0"' in html  # a radio group links to its first option
    assert 'class="govuk-radios__input"' in html
    assert "<title>Error: Invite a member" in html


def test_expert_role_label_uses_the_charters_words(client, riverside_admin):
    client.force_login(riverside_admin.user)
    html = client.get("/organisation/members/invite/").text
    assert "Expert by experience" in html
    assert Role.EXPERT.label == "Expert by experience"


@pytest.mark.parametrize(
    ("fixture", "path"),
    [
        ("riverside_admin", "/organisation/members/invite/"),
        ("riverside_admin", "/outcomes/services/new/"),
        ("riverside_coordinator", "/outputs/new/"),
        ("riverside_coordinator", "/readiness/new/"),
    ],
)
def test_a_form_sent_empty_says_what_is_missing_with_a_400(client, request, fixture, path):
    """Every page with a form answers 400 while what was sent does not pass, and sending
    nothing at all is no exception: the errors are shown, not the blank form again."""
    who = request.getfixturevalue(fixture)
    client.force_login(who.user)
    response = client.post(path, {})
    assert response.status_code == 400
    assert_in_layout(response.text)
    assert "There is a problem" in response.text
    assert "<title>Error: " in response.text
