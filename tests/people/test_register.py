"""The coordinators' register: the list and its filters, a person's page, and the forms
that add and change entries for people without an account."""

from __future__ import annotations

import re
from html import unescape

import pytest

from powerwith.accounts.models import AuditEvent
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person
from powerwith.people.services import ExperienceInput
from tests.people.factories import add_person, share_only_a_summary
from tests.people.steps import register_state

pytestmark = pytest.mark.django_db

CRISIS_IN_MENTAL_HEALTH = ExperienceInput("direct.crisis", "mental_health")
SECLUSION_IN_SECURE = ExperienceInput(
    "direct.restrictive_interventions", "secure_forensic", "seclusion"
)
CARER_IN_LEARNING_DISABILITY = ExperienceInput(
    "indirect.behaviours_of_concern", "learning_disability"
)


def names_listed(html: str) -> list[str]:
    """The names in the register table, in order."""
    found = re.findall(r'<a class="govuk-link" href="/people/\d+/">([^<]+)</a>', html)
    return [unescape(name) for name in found]


@pytest.fixture
def coordinator(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    return client


def test_it_lists_only_the_people_who_work_with_the_organisation(
    coordinator, riverside_coordinator, hillview_coordinator
):
    add_person(riverside_coordinator, "Ruth")
    add_person(hillview_coordinator, "Hamid")
    response = coordinator.get("/people/")
    assert response.status_code == 200
    assert names_listed(response.text) == ["Ruth"]


def test_an_admin_reads_the_register_too(client, riverside_admin):
    add_person(riverside_admin, "Ruth")
    client.force_login(riverside_admin.user)
    assert names_listed(client.get("/people/").text) == ["Ruth"]


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("王芳", ["王芳"]),
        ("o'hare", ["Jo O'Hare"]),
        ("O'HARE", ["Jo O'Hare"]),
        ("NGUYỄN", ["Nguyễn Văn An"]),
        ("niña", ["Niña"]),
        ("NIÑA", ["Niña"]),
        ("  ruth ", ["Ruth"]),
    ],
)
def test_it_finds_people_by_name_in_any_script_whatever_the_case(
    coordinator, riverside_coordinator, search, found
):
    for name in ["王芳", "Jo O'Hare", "Nguyễn Văn An", "Niña", "Ruth"]:
        add_person(riverside_coordinator, name)
    response = coordinator.get("/people/", {"name": search})
    assert names_listed(response.text) == found


def test_it_finds_people_by_full_name_only_where_they_share_it(
    coordinator, riverside, riverside_coordinator, expert_at_both
):
    add_person(riverside_coordinator, "Jo", full_name="Josephine Okafor")
    share_only_a_summary(expert_at_both, riverside.pk)
    assert names_listed(coordinator.get("/people/", {"name": "okafor"}).text) == ["Jo"]
    # Sam keeps their full name back from Riverside: searching for it finds nothing.
    assert names_listed(coordinator.get("/people/", {"name": "private-surname"}).text) == []


def test_it_filters_by_experience_and_setting_in_the_same_entry(coordinator, riverside_coordinator):
    add_person(riverside_coordinator, "Ada", CRISIS_IN_MENTAL_HEALTH)
    add_person(riverside_coordinator, "Bo", SECLUSION_IN_SECURE, CARER_IN_LEARNING_DISABILITY)
    add_person(riverside_coordinator, "Cy", ExperienceInput("direct.crisis", "secure_forensic"))

    def listed(**filters: str) -> list[str]:
        return names_listed(coordinator.get("/people/", filters).text)

    assert listed(experience="direct.crisis") == ["Ada", "Cy"]
    assert listed(setting="secure_forensic") == ["Bo", "Cy"]
    assert listed(experience="direct.crisis", setting="secure_forensic") == ["Cy"]
    # Bo has crisis-free experience in secure services and behaviours of concern elsewhere.
    assert listed(experience="indirect.behaviours_of_concern", setting="secure_forensic") == []


def test_it_filters_by_communication_needs_day_and_way_of_taking_part(
    coordinator, riverside_coordinator
):
    add_person(
        riverside_coordinator,
        "Ada",
        formats=["easy_read", "large_print"],
        available_days=["mon"],
        available_modes=["in_person"],
    )
    add_person(
        riverside_coordinator,
        "Bo",
        formats=["standard"],
        available_days=["mon", "tue"],
        available_modes=["video", "phone"],
    )

    def listed(**filters: str) -> list[str]:
        return names_listed(coordinator.get("/people/", filters).text)

    assert listed(format="easy_read") == ["Ada"]
    assert listed(format="bsl") == []
    assert listed(day="mon") == ["Ada", "Bo"]
    assert listed(day="tue") == ["Bo"]
    assert listed(mode="in_person") == ["Ada"]
    assert listed(mode="video", day="mon") == ["Bo"]


def test_it_shows_paused_people_and_hides_people_who_have_left_unless_asked(
    coordinator, riverside_coordinator
):
    add_person(riverside_coordinator, "Active Ada")
    add_person(riverside_coordinator, "Paused Pat", status="paused")
    add_person(riverside_coordinator, "Left Lee", status="left")
    assert names_listed(coordinator.get("/people/").text) == ["Active Ada", "Paused Pat"]
    assert names_listed(coordinator.get("/people/", {"status": "left"}).text) == ["Left Lee"]
    assert names_listed(coordinator.get("/people/", {"status": "paused"}).text) == ["Paused Pat"]
    everyone = names_listed(coordinator.get("/people/", {"status": "any"}).text)
    assert everyone == ["Active Ada", "Left Lee", "Paused Pat"]


def test_an_unknown_filter_value_is_a_clear_error(coordinator, riverside_coordinator):
    add_person(riverside_coordinator, "Ada")
    response = coordinator.get("/people/", {"experience": "direct.nonsense"})
    assert response.status_code == 400
    assert "Choose experience from the list." in response.text
    assert names_listed(response.text) == ["Ada"]


def test_it_pages_25_at_a_time_and_keeps_the_filters_in_the_page_links(
    coordinator, riverside_coordinator
):
    for number in range(27):
        add_person(riverside_coordinator, f"Person {number:02}", formats=["easy_read"])
    add_person(riverside_coordinator, "Someone without needs")
    first = coordinator.get("/people/", {"format": "easy_read"})
    assert len(names_listed(first.text)) == 25
    assert "27 people" in first.text
    assert 'href="?format=easy_read&amp;page=2"' in first.text
    assert 'class="govuk-pagination"' in first.text
    second = coordinator.get("/people/", {"format": "easy_read", "page": "2"})
    assert names_listed(second.text) == ["Person 25", "Person 26"]
    assert 'href="?format=easy_read&amp;page=1" rel="prev"' in second.text
    assert 'aria-current="page">2</a>' in second.text


def test_the_list_flags_communication_needs_on_each_row(coordinator, riverside_coordinator):
    add_person(riverside_coordinator, "Ada", formats=["easy_read", "bsl"], pronouns="she/her")
    response = coordinator.get("/people/")
    assert "Communication needs: </span>Easy read, British Sign Language (BSL)" in response.text
    assert "she/her" in response.text


ROLE_FIXTURES = ["riverside_contact", "riverside_auditor", "expert_at_riverside"]


@pytest.mark.parametrize("who", ROLE_FIXTURES)
def test_roles_other_than_coordinator_and_admin_cannot_use_the_register(
    client, request, riverside_coordinator, who
):
    somebody = add_person(riverside_coordinator, "Ada")
    member = request.getfixturevalue(who)
    client.force_login(member.user)
    before = register_state()
    for url in [
        "/people/",
        "/people/new/",
        f"/people/{somebody.pk}/",
        f"/people/{somebody.pk}/edit/",
        f"/people/{somebody.pk}/experience/",
        "/people/import/",
        "/people/import/check/",
        "/people/import/template.csv",
        "/people/export.csv",
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post("/people/new/", {"preferred_name": "Intruder"}).status_code == 403
    assert register_state() == before


def test_another_organisations_person_is_not_found_on_any_person_page(
    client, riverside_coordinator, hillview_coordinator
):
    theirs = add_person(hillview_coordinator, "Hamid")
    client.force_login(riverside_coordinator.user)
    before = register_state()
    for url in [
        f"/people/{theirs.pk}/",
        f"/people/{theirs.pk}/edit/",
        f"/people/{theirs.pk}/experience/",
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"preferred_name": "Changed"}).status_code == 404, url
    assert register_state() == before


def test_the_person_page_shows_what_the_person_shares(coordinator, riverside_coordinator):
    jo = add_person(
        riverside_coordinator,
        "Jo O'Hare",
        CRISIS_IN_MENTAL_HEALTH,
        email="jo@people.example",
        phone="07700 900123",
        adjustments={"timing": "A break every hour."},
        formats=["easy_read"],
        preferred_channel="phone",
    )
    page = coordinator.get(f"/people/{jo.pk}/").text
    assert "Jo O&#x27;Hare" in page
    assert "jo@people.example" in page
    assert "07700 900123" in page
    assert "Timing and breaks: A break every hour." in page
    assert "Living through periods of crisis, in mental health" in page
    assert "Not shared with" not in page


def test_a_person_who_shares_only_a_summary_has_no_details_on_their_page(
    coordinator, riverside, expert_at_both
):
    share_only_a_summary(expert_at_both, riverside.pk)
    page = coordinator.get(f"/people/{expert_at_both.pk}/").text
    assert "Living through periods of crisis, in mental health" in page
    for private in ["sam@people.example", "07700 900456", "Private-Surname", "A private note."]:
        assert private not in page
    assert "Not shared with Riverside Care Partnership" in page
    assert "Notes about this experience are not shared with Riverside" in page
    # Sam has not said how they need information: the page prompts staff to ask.
    assert "Not recorded yet: ask the person how they need information." in page


def test_the_person_page_flags_communication_needs_at_the_top(coordinator, riverside_coordinator):
    ada = add_person(riverside_coordinator, "Ada", formats=["easy_read", "audio"])
    page = coordinator.get(f"/people/{ada.pk}/").text
    banner = page.index("Give Ada information as: Easy read, Audio.")
    assert banner < page.index('<h2 class="govuk-heading-m">Profile</h2>')


def test_a_coordinator_adds_a_person_with_experience(coordinator, riverside, riverside_coordinator):
    response = coordinator.post(
        "/people/new/",
        {
            "preferred_name": "王芳",
            "pronouns": "she/her",
            "email": "wang@people.example",
            "formats": ["easy_read"],
            "status": "active",
            "experience-TOTAL_FORMS": "2",
            "experience-INITIAL_FORMS": "0",
            "experience-0-code": "direct.restrictive_interventions",
            "experience-0-setting": "secure_forensic",
            "experience-0-intervention": "seclusion",
            "experience-0-note": "Three days in seclusion.",
            "experience-1-code": "",
        },
    )
    created = Person.objects.get(preferred_name="王芳")
    assert response.status_code == 302
    assert response["Location"] == f"/people/{created.pk}/"
    assert created.user is None
    assert created.formats == ["easy_read"]
    assert OrganisationLink.objects.filter(person=created, organisation=riverside).exists()
    entry = ExperienceEntry.objects.get(person=created)
    assert (entry.code, entry.setting, entry.intervention) == (
        "direct.restrictive_interventions",
        "secure_forensic",
        "seclusion",
    )
    assert AuditEvent.objects.filter(action="person.created", target_id=str(created.pk)).exists()


def test_adding_a_person_without_a_name_shows_the_error_and_writes_nothing(coordinator):
    before = register_state()
    response = coordinator.post(
        "/people/new/",
        {
            "preferred_name": "",
            "status": "active",
            "experience-TOTAL_FORMS": "0",
            "experience-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert "Error: Add a person" in response.text
    assert '<a href="#id_preferred_name">Enter the name the person likes to be called.</a>' in (
        response.text
    )
    assert register_state() == before


def test_a_bad_experience_entry_is_named_in_the_error_summary(coordinator):
    before = register_state()
    response = coordinator.post(
        "/people/new/",
        {
            "preferred_name": "Ada",
            "status": "active",
            "experience-TOTAL_FORMS": "1",
            "experience-INITIAL_FORMS": "0",
            "experience-0-code": "direct.crisis",
            "experience-0-setting": "the moon",
        },
    )
    assert response.status_code == 400
    assert 'href="#id_experience-0-setting">Experience 1: Select a valid choice.' in response.text
    assert register_state() == before


def test_a_coordinator_changes_a_register_entry_without_an_account(
    coordinator, riverside_coordinator
):
    ada = add_person(riverside_coordinator, "Ada", CRISIS_IN_MENTAL_HEALTH)
    page = coordinator.get(f"/people/{ada.pk}/").text
    assert f'href="/people/{ada.pk}/edit/"' in page
    response = coordinator.post(
        f"/people/{ada.pk}/edit/", {"preferred_name": "Ada Lovelace", "status": "paused"}
    )
    assert response.status_code == 302
    ada.refresh_from_db()
    assert (ada.preferred_name, ada.status) == ("Ada Lovelace", "paused")
    response = coordinator.post(
        f"/people/{ada.pk}/experience/",
        {
            "experience-TOTAL_FORMS": "3",
            "experience-INITIAL_FORMS": "1",
            "experience-0-code": "direct.crisis",
            "experience-0-setting": "mental_health",
            "experience-0-DELETE": "on",
            "experience-1-code": "indirect.carer_training",
            "experience-2-code": "",
        },
    )
    assert response.status_code == 302
    assert list(ada.experience.values_list("code", flat=True)) == ["indirect.carer_training"]


def test_nobody_but_the_person_edits_a_profile_they_manage_themself(
    coordinator, riverside_coordinator, expert_at_riverside
):
    page = coordinator.get(f"/people/{expert_at_riverside.pk}/").text
    assert "/edit/" not in page
    assert "/experience/" not in page
    assert "Alex has their own account and manages their own profile" in page
    before = register_state()
    for url in [
        f"/people/{expert_at_riverside.pk}/edit/",
        f"/people/{expert_at_riverside.pk}/experience/",
    ]:
        response = coordinator.get(url)
        assert response.status_code == 403
        assert "Alex manages their own profile" in response.text
        posted = coordinator.post(url, {"preferred_name": "Changed", "status": "left"})
        assert posted.status_code == 403
    assert register_state() == before


def test_the_create_page_speaks_of_the_person_in_the_third_person(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    html = client.get("/people/new/").text
    assert "Name they like to be called" in html
    assert "Name you like to be called" not in html
