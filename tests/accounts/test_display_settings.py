"""Each person's display settings: saved on their own account, applied on every page as
classes on <html>, and easy read named first on their offers when they ask for it."""

from __future__ import annotations

import html

import pytest

from powerwith.accounts import services
from powerwith.accounts.models import AuditEvent, User
from powerwith.core.errors import DomainError
from powerwith.offers.formats import RenderFormat, preferred_format
from tests.conftest import logged_in
from tests.offers.factories import sent_offer

pytestmark = pytest.mark.django_db

EVERYTHING_ON = {
    "text_size": "larger",
    "high_contrast": "on",
    "easy_read_first": "on",
    "reduce_motion": "on",
}


def test_it_saves_the_settings_and_records_who_changed_them(client, riverside_coordinator):
    user = riverside_coordinator.user
    response = logged_in(client, user).post("/account/display/", EVERYTHING_ON)
    assert response.status_code == 302
    assert response["Location"] == "/account/display/"
    user.refresh_from_db()
    assert (user.text_size, user.high_contrast, user.easy_read_first, user.reduce_motion) == (
        "larger",
        True,
        True,
        True,
    )
    assert AuditEvent.objects.filter(actor=user, action="display_settings.changed").exists()
    page = html.unescape(client.get("/account/display/").content.decode())
    assert "Your display settings are saved." in page
    assert 'value="larger" id="id_text_size_2" required class="govuk-radios__input" checked' in page


def test_it_refuses_an_unknown_text_size_and_writes_nothing(client, riverside_coordinator):
    user = riverside_coordinator.user
    response = logged_in(client, user).post("/account/display/", {"text_size": "huge"})
    assert response.status_code == 400
    assert "Choose a text size." in html.unescape(response.content.decode())
    user.refresh_from_db()
    assert user.text_size == "standard"


def test_the_service_refuses_what_is_not_a_display_setting(riverside_coordinator):
    with pytest.raises(DomainError):
        services.change_display_settings(
            user=riverside_coordinator.user, changes={"is_staff": True}
        )
    with pytest.raises(DomainError):
        services.change_display_settings(
            user=riverside_coordinator.user, changes={"text_size": "huge"}
        )
    assert User.objects.get(pk=riverside_coordinator.user_id).is_staff is False


def test_it_needs_a_login(client):
    response = client.get("/account/display/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_settings_apply_as_classes_on_every_page(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    before = client.get("/people/").content.decode()
    assert '<html lang="en-GB" class="govuk-template">' in before
    client.post("/account/display/", {"text_size": "large", "high_contrast": "on"})
    page = client.get("/people/").content.decode()
    assert 'class="govuk-template pw-text-large pw-high-contrast"' in page
    client.post("/account/display/", {"text_size": "larger", "reduce_motion": "on"})
    assert 'class="govuk-template pw-text-larger pw-reduce-motion"' in (
        client.get("/").content.decode()
    )


def test_the_account_page_and_the_footer_link_to_the_settings(client, riverside_coordinator):
    page = logged_in(client, riverside_coordinator.user).get("/account/").content.decode()
    assert page.count('href="/account/display/"') == 2  # the account page and the footer


def test_easy_read_first_makes_easy_read_the_recommended_format(
    client, riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.formats = ["large_print"]
    expert_at_riverside.save()
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    user = expert_at_riverside.user
    logged_in(client, user)

    def first_format() -> str:
        page = html.unescape(client.get(f"/my-offers/{offer.pk}/").content.decode())
        start = page.index("render/?format=", page.index("Read this offer another way"))
        return page[start + len("render/?format=") :].split('"')[0]

    assert first_format() == "large-print-pdf"
    services.change_display_settings(user=user, changes={"easy_read_first": True})
    assert first_format() == "easy-read"


def test_preferred_format_puts_easy_read_first_only_when_asked():
    assert preferred_format(["large_print"]) == RenderFormat.LARGE_PRINT_PDF
    assert preferred_format(["large_print"], easy_read_first=True) == RenderFormat.EASY_READ
