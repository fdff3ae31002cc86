"""The person's staff page lists the recent messages to them, from the same read as the
API, and a message that did not get through says what to do about it."""

from __future__ import annotations

from django.urls import reverse

from tests.conftest import api_client_for, logged_in
from tests.messaging.factories import ADDRESS, on_the_register


def person_page(client, membership, person) -> str:
    page = logged_in(client, membership.user).get(reverse("people:person", args=[person.pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_the_page_lists_what_was_sent_by_which_channel_and_how_it_went(
    client, riverside_coordinator, offer_sent
):
    jo = on_the_register(riverside_coordinator, "Jo", email="jo@people.example")
    offer_sent(riverside_coordinator, jo)

    html = person_page(client, riverside_coordinator, jo)

    assert "Messages to Jo" in html
    assert "E-mail" in html
    assert "The offer of work for" in html
    assert "Sent" in html
    assert "Not sent" not in html


def test_the_page_shows_the_messages_the_api_answers(client, riverside_coordinator, offer_sent):
    jo = on_the_register(riverside_coordinator, "Jo", email="jo@people.example")
    offer_sent(riverside_coordinator, jo)
    offer_sent(riverside_coordinator, jo, title="A second piece of work")
    api = api_client_for(riverside_coordinator).get(f"/api/v1/people/{jo.pk}/messages").json()

    html = person_page(client, riverside_coordinator, jo)

    assert api["count"] == 2
    for item in api["items"]:
        assert item["about"][:1].upper() + item["about"][1:] in html


def test_a_message_that_could_not_be_sent_stands_out_with_what_to_do(
    client, riverside_coordinator, offer_sent
):
    jo = on_the_register(riverside_coordinator, "Jo", preferred_channel="post")
    offer_sent(riverside_coordinator, jo)

    html = person_page(client, riverside_coordinator, jo)

    assert "govuk-tag--red" in html
    assert "Not sent: there is no postal address on their profile." in html
    assert "What to do: tell Jo another way" in html
    assert reverse("inbox:action_needed") in html


def test_a_person_messages_cannot_reach_is_flagged_with_how_to_put_it_right(
    client, riverside_coordinator
):
    jo = on_the_register(riverside_coordinator, "Jo", preferred_channel="post")

    html = person_page(client, riverside_coordinator, jo)

    assert "Messages cannot reach Jo by letter by post: there is no postal address" in html
    assert reverse("people:person_edit", args=[jo.pk]) in html
    assert "Nothing has been sent to Jo yet." in html


def test_a_letter_waiting_to_be_posted_links_to_the_letters_to_post(
    client, riverside_coordinator, offer_sent
):
    jo = on_the_register(riverside_coordinator, "Jo", preferred_channel="post")
    jo.postal_address = ADDRESS
    jo.save()
    offer_sent(riverside_coordinator, jo)

    html = person_page(client, riverside_coordinator, jo)

    assert "To post" in html
    assert reverse("messaging:letters_to_post") in html
    assert "Messages cannot reach" not in html


def test_another_organisations_messages_are_not_shown(
    client, riverside_coordinator, hillview_coordinator, expert_at_both, offer_sent
):
    offer_sent(hillview_coordinator, expert_at_both, title="Hillview's own work")

    html = person_page(client, riverside_coordinator, expert_at_both)

    assert "Hillview" not in html
    assert "Nothing has been sent to" in html
