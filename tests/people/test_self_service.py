"""An expert reads and changes their own profile, pauses or leaves; no one else can use
these pages."""

from __future__ import annotations

import unicodedata

import pytest
from django.test import Client
from django.utils.html import escape

from powerwith.accounts.models import AuditEvent, Membership
from powerwith.people import services
from powerwith.people.forms import ProfileForm
from powerwith.people.models import Person
from tests.people.factories import fill_in
from tests.people.steps import PAGES, profile_post, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(client: Client, expert_at_both: Person) -> Person:
    return signed_in(client, expert_at_both)


# Reading the profile


def test_it_shows_the_persons_own_profile_and_says_it_belongs_to_them(client, sam):
    fill_in(sam)
    page = client.get("/my-profile/")
    assert page.status_code == 200
    assert "This profile belongs to you" in page.text
    assert "07700 900123" in page.text
    assert "Sensory adjustments" in page.text
    assert "A quiet room, please." in page.text
    assert "Communication needs: </span>Easy read" in page.text
    assert (
        "Experience of restrictive interventions, for example physical or chemical restraint "
        "(such as rapid tranquilisation) (seclusion), in mental health" in page.text
    )
    assert "Secluded on an acute ward." in page.text


def test_it_shows_what_each_organisation_may_see_with_a_link_to_change_it(client, sam, hillview):
    services.set_sharing(sam, user=sam.user, organisation_id=hillview.pk, sharing="summary")
    page = client.get("/my-profile/")
    assert "Hillview Health NHS Foundation Trust" in page.text
    assert "Riverside Care Partnership" in page.text
    assert "A summary: my name, experience" in page.text
    assert "My details and notes as well" in page.text
    assert f'href="/my-profile/sharing/#org-{hillview.pk}"' in page.text


def test_the_expert_home_page_links_to_the_profile_pages(client, sam):
    page = client.get("/")
    assert 'href="/my-profile/"' in page.text
    assert 'href="/my-profile/sharing/"' in page.text


# Editing the profile


def test_editing_saves_the_profile_and_shows_it(client, sam):
    response = client.post(
        "/my-profile/edit/",
        profile_post(
            sam,
            pronouns="they/them",
            formats=["large_print", "bsl"],
            adjustment_timing="A break every hour.",
            available_days=["mon", "thu"],
            available_modes=["video"],
            skills=["public_speaking"],
            payment_preference="prefer_not_to_say",
            benefits_advice="yes",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == "/my-profile/"
    sam.refresh_from_db()
    assert sam.pronouns == "they/them"
    assert sam.formats == ["large_print", "bsl"]
    assert sam.adjustments == {"timing": "A break every hour."}
    assert sam.available_days == ["mon", "thu"]
    assert sam.payment_preference == "prefer_not_to_say"
    page = client.get("/my-profile/")
    assert "Your profile is saved." in page.text
    assert "Large print, British Sign Language (BSL)" in page.text
    assert "A break every hour." in page.text
    assert "Monday, Thursday" in page.text
    assert "By video call" in page.text
    assert "Prefer not to say" in page.text


def test_the_edit_form_offers_prefer_not_to_say_for_sensitive_choices(client, sam):
    page = client.get("/my-profile/edit/")
    assert 'name="payment_preference" value="prefer_not_to_say"' in page.text
    assert 'name="benefits_advice" value="prefer_not_to_say"' in page.text
    assert "Leave blank if you prefer not to say." in page.text


def test_the_edit_form_shows_every_field_of_the_profile_form(client, sam):
    page = client.get("/my-profile/edit/")
    for name in ProfileForm(with_status=True).fields:
        assert f'name="{name}"' in page.text, name


@pytest.mark.parametrize(
    "name",
    [
        "Niña",
        "O'Hare",
        "Nguyễn",
        unicodedata.normalize("NFD", "Nguyễn"),
        "王芳",
        "Anne-Marie O’Neil",
    ],
)
def test_names_in_any_script_are_stored_and_shown_exactly_as_typed(client, sam, name):
    response = client.post("/my-profile/edit/", profile_post(sam, preferred_name=name))
    assert response.status_code == 302
    sam.refresh_from_db()
    assert sam.preferred_name == name
    assert escape(name) in client.get("/my-profile/").text
    # Sending the edit form back unchanged keeps the name: escaping is for display only.
    assert f'value="{escape(name)}"' in client.get("/my-profile/edit/").text
    client.post("/my-profile/edit/", profile_post(sam))
    sam.refresh_from_db()
    assert sam.preferred_name == name


def test_an_apostrophe_is_escaped_on_the_page_but_not_in_the_database(client, sam):
    client.post("/my-profile/edit/", profile_post(sam, preferred_name="O'Hare"))
    sam.refresh_from_db()
    assert sam.preferred_name == "O'Hare"
    page = client.get("/my-profile/")
    assert '<dd class="govuk-summary-list__value" id="preferred-name">O&#x27;Hare</dd>' in page.text
    assert "O'Hare" not in page.text


def test_an_over_long_name_is_refused_and_nothing_is_written(client, sam):
    response = client.post("/my-profile/edit/", profile_post(sam, preferred_name="x" * 101))
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert '<a href="#id_preferred_name">' in response.text
    assert "<title>Error: " in response.text
    sam.refresh_from_db()
    assert sam.preferred_name == "Sam"
    assert not AuditEvent.objects.filter(action="person.updated").exists()


def test_an_unknown_format_code_is_refused_and_nothing_is_written(client, sam):
    response = client.post(
        "/my-profile/edit/", profile_post(sam, formats=["easy_read", "smoke_signals"], town="Leeds")
    )
    assert response.status_code == 400
    assert '<a href="#id_formats_0">' in response.text
    sam.refresh_from_db()
    assert sam.formats == []
    assert sam.town == ""


def test_a_blank_name_is_refused_in_the_persons_own_words(client, sam):
    response = client.post("/my-profile/edit/", profile_post(sam, preferred_name="   "))
    assert response.status_code == 400
    assert "Enter the name you like to be called." in response.text
    sam.refresh_from_db()
    assert sam.preferred_name == "Sam"


def test_an_empty_form_is_refused_and_nothing_is_written(client, sam):
    response = client.post("/my-profile/edit/", {})
    assert response.status_code == 400
    assert "Enter the name you like to be called." in response.text
    sam.refresh_from_db()
    assert sam.preferred_name == "Sam"


def test_the_person_can_pause_to_take_a_break_and_come_back(client, sam):
    client.post("/my-profile/edit/", profile_post(sam, status="paused"))
    sam.refresh_from_db()
    assert sam.status == "paused"
    page = client.get("/my-profile/")
    assert "You are taking a break." in page.text
    assert "Paused (taking a break)" in page.text
    client.post("/my-profile/edit/", profile_post(sam, status="active"))
    sam.refresh_from_db()
    assert sam.status == "active"


def test_the_person_can_leave(client, sam):
    client.post("/my-profile/edit/", profile_post(sam, status="left"))
    sam.refresh_from_db()
    assert sam.status == "left"
    assert "You have said you have left." in client.get("/my-profile/").text


def test_an_edit_is_audited_as_the_persons_own_not_an_organisations(client, sam):
    client.post("/my-profile/edit/", profile_post(sam, town="Leeds"))
    event = AuditEvent.objects.get(action="person.updated")
    assert event.actor == sam.user
    assert event.organisation is None
    assert event.target_id == str(sam.pk)
    assert "town" in event.details["fields"]


# Who may use these pages


@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_admin", "hillview_admin"])
@pytest.mark.parametrize("url", PAGES)
def test_a_staff_member_with_no_profile_is_not_found(client, request, role, url):
    membership: Membership = request.getfixturevalue(role)
    client.force_login(membership.user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"preferred_name": "Staff"}).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_someone_not_logged_in_is_asked_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_each_expert_sees_and_changes_only_their_own_profile(
    client, expert_at_both, expert_at_riverside
):
    client.force_login(expert_at_riverside.user)
    assert "Sam" not in client.get("/my-profile/").text
    client.post("/my-profile/edit/", profile_post(expert_at_riverside, town="Hull"))
    expert_at_both.refresh_from_db()
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.town == "Hull"
    assert expert_at_both.town == ""
