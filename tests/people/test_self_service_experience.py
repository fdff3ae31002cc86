"""An expert changes their own experience entries: all or nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.people.models import Person
from tests.people.factories import fill_in
from tests.people.steps import experience_of, experience_post, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(client: Client, expert_at_both: Person) -> Person:
    return signed_in(client, expert_at_both)


def test_experience_is_replaced_with_what_the_form_holds(client, sam):
    fill_in(sam)
    response = client.post(
        "/my-profile/experience/",
        experience_post(
            [
                {
                    "code": "direct.restrictive_interventions",
                    "setting": "secure_forensic",
                    "intervention": "prone_restraint",
                    "note": "Held face down.",
                    "share_narrative": "prefer_not_to_say",
                },
                {"code": "indirect.behaviours_of_concern", "setting": "learning_disability"},
                {"code": "", "setting": "", "intervention": "", "note": "", "share_narrative": ""},
            ],
            initial=1,
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == "/my-profile/"
    assert experience_of(sam) == [
        (
            "direct.restrictive_interventions",
            "secure_forensic",
            "prone_restraint",
            "Held face down.",
        ),
        ("indirect.behaviours_of_concern", "learning_disability", "", ""),
    ]
    assert sam.experience.get(setting="secure_forensic").share_narrative == "prefer_not_to_say"
    event = AuditEvent.objects.filter(action="person.experience_replaced").latest("pk")
    assert event.actor == sam.user
    assert event.details == {"entries": 2}


def test_a_removed_experience_is_gone(client, sam):
    fill_in(sam)
    row = {"code": "direct.restrictive_interventions", "setting": "mental_health", "DELETE": "on"}
    response = client.post("/my-profile/experience/", experience_post([row], initial=1))
    assert response.status_code == 302
    assert experience_of(sam) == []


def test_a_bad_experience_code_is_refused_and_nothing_changes(client, sam):
    fill_in(sam)
    before = experience_of(sam)
    response = client.post(
        "/my-profile/experience/",
        experience_post(
            [
                {"code": "direct.crisis", "setting": "community"},
                {"code": "direct.nonsense", "setting": "community"},
            ],
            initial=1,
        ),
    )
    assert response.status_code == 400
    assert "<title>Error: Your experience" in response.text
    assert '<a href="#id_form-1-code">Experience 2: Select a valid choice.' in response.text
    assert experience_of(sam) == before


def test_a_refusal_from_the_service_shows_in_the_summary_and_nothing_changes(client, sam):
    fill_in(sam)
    before = experience_of(sam)
    response = client.post(
        "/my-profile/experience/",
        experience_post(
            [
                {"code": "direct.crisis", "setting": "community"},
                {"code": "direct.diagnosis", "intervention": "seclusion"},
            ],
            initial=1,
        ),
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "a type of restrictive intervention belongs only with" in response.text
    assert experience_of(sam) == before
    assert AuditEvent.objects.filter(action="person.experience_replaced").count() == 1


def test_a_row_with_a_note_but_no_item_is_refused_rather_than_dropped(client, sam):
    response = client.post(
        "/my-profile/experience/",
        experience_post([{"code": "", "note": "Something I want to keep."}], initial=0),
    )
    assert response.status_code == 400
    assert (
        '<a href="#id_form-0-code">Experience 1: Choose the experience this is about'
        in response.text
    )
    assert experience_of(sam) == []


def test_a_form_sent_without_its_rows_changes_nothing(client, sam):
    fill_in(sam)
    before = experience_of(sam)
    response = client.post("/my-profile/experience/", {})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert experience_of(sam) == before


def test_the_experience_page_explains_the_schedule_in_the_charters_words(client, sam):
    page = client.get("/my-profile/experience/")
    assert page.status_code == 200
    assert "An expert by (direct) experience is someone who has had direct experience" in page.text
    assert "An expert by (indirect) experience is someone who has had direct experience" in (
        page.text
    )
    assert "Dealing with behaviours of concern" in page.text
    assert "you can add up to 2 each time you save" in page.text
    assert 'name="form-TOTAL_FORMS" value="2"' in page.text
