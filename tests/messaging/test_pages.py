"""The staff pages for messages, and the person's pages for how they hear from us."""

from __future__ import annotations

import pytest

from powerwith.people.models import Supporter
from tests.conftest import logged_in
from tests.messaging.factories import ADDRESS, hears_by, only_message_to, supporter_for


def test_the_outbox_shows_what_was_sent_in_the_demo(
    client, riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "text", phone="07700 900 982")
    offer_sent(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)

    page = client.get("/outbox/")

    assert page.status_code == 200
    assert "Text message to Alex" in page.text
    assert "Sent by text message." in page.text


def test_the_outbox_is_not_there_when_messages_really_go(settings, client, riverside_coordinator):
    settings.MESSAGES_BACKEND = "notify"
    logged_in(client, riverside_coordinator.user)

    assert client.get("/outbox/").status_code == 404


@pytest.mark.parametrize("path", ["/outbox/", "/letters-to-post/"])
def test_the_staff_pages_are_not_for_experts_or_auditors(
    client, path, riverside, riverside_auditor, expert_at_riverside
):
    assert logged_in(client, riverside_auditor.user).get(path).status_code == 403
    assert logged_in(client, expert_at_riverside.user).get(path).status_code == 403


def test_another_organisations_letter_is_404(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "post", postal_address=ADDRESS)
    offer_sent(riverside_coordinator, expert_at_riverside)
    letter = only_message_to(expert_at_riverside)
    logged_in(client, hillview_coordinator.user)

    assert client.get(f"/letters-to-post/{letter.pk}/letter.pdf").status_code == 404
    assert client.post(f"/letters-to-post/{letter.pk}/posted/").status_code == 404


def test_a_person_chooses_text_messages_and_a_time_for_reminders(client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)

    saved = client.post(
        "/my-profile/how-we-contact-you/",
        {
            "preferred_channel": "text",
            "phone": "07700 900 982",
            "postal_address": "",
            "wants_reminders": "yes",
            "reminder_time": "morning",
        },
    )

    assert saved.status_code == 302
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.preferred_channel == "text"
    assert expert_at_riverside.phone == "+447700900982"
    assert expert_at_riverside.reminder_time == "morning"


def test_a_wrong_phone_number_is_shown_and_nothing_changes(client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)

    refused = client.post(
        "/my-profile/how-we-contact-you/",
        {"preferred_channel": "text", "phone": "12", "wants_reminders": "no"},
    )

    assert refused.status_code == 400
    assert "Enter a phone number that exists" in refused.text
    assert "govuk-error-summary" in refused.text
    expert_at_riverside.refresh_from_db()
    assert (expert_at_riverside.preferred_channel, expert_at_riverside.wants_reminders) == (
        "",
        True,
    )


def test_an_empty_form_shows_what_is_missing(client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)

    refused = client.post("/my-profile/how-we-contact-you/", {})

    assert refused.status_code == 400
    assert "Choose how you would like to hear from us." in refused.text


def test_a_person_adds_and_removes_a_supporter(client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)

    client.post(
        "/my-profile/supporters/",
        {
            "name": "Priya",
            "relationship": "my sister",
            "phone": "07700 900 123",
            "may": ["receive_messages", "help_answer"],
        },
    )
    priya = Supporter.objects.get()
    assert priya.phone == "+447700900123"
    assert priya.may == ["receive_messages", "help_answer"]
    assert "Priya (my sister)" in client.get("/my-profile/supporters/").text

    client.post(f"/my-profile/supporters/{priya.pk}/remove/")

    priya.refresh_from_db()
    assert priya.removed_at is not None
    assert "You have not named a supporter." in client.get("/my-profile/supporters/").text


def test_a_supporter_who_gets_messages_needs_a_way_to_be_reached(client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)

    refused = client.post("/my-profile/supporters/", {"name": "Priya", "may": ["receive_messages"]})

    assert refused.status_code == 400
    assert "needs an email address or a mobile number" in refused.text
    assert not Supporter.objects.exists()


def test_nobody_else_can_change_or_remove_a_persons_supporter(
    client, expert_at_riverside, expert_at_both
):
    priya = supporter_for(expert_at_riverside)
    logged_in(client, expert_at_both.user)

    assert client.get(f"/my-profile/supporters/{priya.pk}/").status_code == 404
    assert client.post(f"/my-profile/supporters/{priya.pk}/remove/").status_code == 404
    priya.refresh_from_db()
    assert priya.removed_at is None
