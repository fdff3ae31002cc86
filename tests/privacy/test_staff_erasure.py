"""An organisation's admin erases a person's information when the person asked them by
phone, by letter or in person: only for someone on the register without a login, only
the admin, never another organisation's person, and never twice."""

from __future__ import annotations

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent, Membership
from powerwith.consent.models import ConsentEvent
from powerwith.core.errors import NotAllowed
from powerwith.payments.models import Claim, ClaimEvent
from powerwith.people.models import OrganisationLink, Person
from powerwith.people.services import create_person
from powerwith.privacy.models import ErasureRecord
from powerwith.privacy.services import HAS_LOGIN, PSEUDONYM, erase_person
from tests.conftest import api_client_for, logged_in
from tests.privacy.factories import PLANTED, Planted, every_value_held, everything_about

pytestmark = pytest.mark.django_db

HOW = "By phone on 3 March"


@pytest.fixture
def jordan(riverside_coordinator: Membership) -> Person:
    """Someone on Riverside's register who has no login."""
    return create_person(
        by=riverside_coordinator,
        profile={"preferred_name": "Jordan", "town": PLANTED["town"], "about": PLANTED["about"]},
    )


@pytest.fixture
def worked_then_lost_login(
    expert_at_riverside: Person, riverside_coordinator: Membership, riverside_contact: Membership
) -> Planted:
    """The fullest record a person without a login can have: they worked and were paid
    while they had a login (a plan, a wellbeing note, a claim…), and the login is gone."""
    planted = everything_about(expert_at_riverside, riverside_coordinator, riverside_contact)
    Person.objects.filter(pk=planted.person.pk).update(user=None)
    planted.person.refresh_from_db()
    return planted


def url(person: Person) -> str:
    return f"/people/{person.pk}/erase/"


def api_url(person: Person) -> str:
    return f"/api/v1/people/{person.pk}/erase"


def confirmed(how_asked: str = HOW) -> dict[str, str]:
    return {"how_asked": how_asked, "confirm": "on"}


def unchanged(person: Person) -> bool:
    person.refresh_from_db()
    return person.about == PLANTED["about"] and not ErasureRecord.objects.exists()


def test_only_the_admin_sees_the_link_on_the_person_page(
    client: Client,
    jordan: Person,
    riverside_admin: Membership,
    riverside_coordinator: Membership,
) -> None:
    logged_in(client, riverside_admin.user)
    assert url(jordan) in client.get(f"/people/{jordan.pk}/").content.decode()
    logged_in(client, riverside_coordinator.user)
    assert url(jordan) not in client.get(f"/people/{jordan.pk}/").content.decode()


def test_the_page_says_what_is_removed_and_what_is_kept_and_why(
    client: Client, jordan: Person, riverside_admin: Membership
) -> None:
    logged_in(client, riverside_admin.user)
    response = client.get(url(jordan))
    assert response.status_code == 200
    page = response.content.decode()
    assert "What will be removed" in page
    assert "six years" in page
    assert "consent ledger" in page
    assert "How the person asked" in page


def test_the_admin_erases_a_person_without_a_login(
    client: Client,
    worked_then_lost_login: Planted,
    riverside_admin: Membership,
    riverside_auditor: Membership,
) -> None:
    planted = worked_then_lost_login
    events_before = ConsentEvent.objects.count()
    logged_in(client, riverside_admin.user)
    response = client.post(url(planted.person), confirmed(), follow=True)
    assert response.redirect_chain[-1][0] == "/people/"
    assert "information has been erased" in response.content.decode()

    held = every_value_held()
    for name, value in PLANTED.items():
        if name not in ("claim", "feedback"):
            assert value not in held, name
    planted.person.refresh_from_db()
    assert planted.person.preferred_name == PSEUDONYM
    # Kept: the claim and its history, and the consent ledger, which still verifies.
    claim = Claim.objects.get(pk=planted.claim.pk)
    assert str(claim.amount) == "12.40"
    assert ClaimEvent.objects.filter(claim=claim).exists()
    assert ConsentEvent.objects.count() == events_before
    verify = api_client_for(riverside_auditor).get("/api/v1/consent-ledger/verify").json()
    assert verify["ok"] is True


def test_how_the_person_asked_is_recorded_with_the_erasure_and_in_the_audit_log(
    client: Client, jordan: Person, riverside_admin: Membership
) -> None:
    logged_in(client, riverside_admin.user)
    client.post(url(jordan), confirmed())
    record = ErasureRecord.objects.get(person_id=jordan.pk)
    assert record.how_asked == HOW
    assert record.erased_by_id == riverside_admin.user_id
    assert record.reason == "request"
    event = AuditEvent.objects.get(action="privacy.erased", target_id=str(jordan.pk))
    assert event.actor_id == riverside_admin.user_id
    assert event.organisation_id == riverside_admin.organisation_id
    assert event.details["how_asked"] == HOW
    jordan.refresh_from_db()
    assert jordan.town == ""


@pytest.mark.parametrize("role", ["coordinator", "contact", "auditor", "expert"])
def test_every_other_role_is_refused(
    client: Client,
    jordan: Person,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    riverside_auditor: Membership,
    expert_at_riverside: Person,
    role: str,
) -> None:
    assert expert_at_riverside.user is not None
    memberships = {
        "coordinator": riverside_coordinator,
        "contact": riverside_contact,
        "auditor": riverside_auditor,
        "expert": Membership.objects.get(user=expert_at_riverside.user),
    }
    membership = memberships[role]
    logged_in(client, membership.user)
    assert client.get(url(jordan)).status_code == 403
    assert client.post(url(jordan), confirmed()).status_code == 403
    assert (
        api_client_for(membership)
        .post(api_url(jordan), {"how_asked": HOW}, content_type="application/json")
        .status_code
        == 403
    )
    assert unchanged(jordan)


def test_another_organisations_person_is_not_found(
    client: Client, jordan: Person, hillview_admin: Membership
) -> None:
    logged_in(client, hillview_admin.user)
    assert client.get(url(jordan)).status_code == 404
    assert client.post(url(jordan), confirmed()).status_code == 404
    response = api_client_for(hillview_admin).post(
        api_url(jordan), {"how_asked": HOW}, content_type="application/json"
    )
    assert response.status_code == 404
    assert unchanged(jordan)


def test_a_person_with_a_login_is_refused_with_where_they_can_do_it(
    client: Client, expert_at_riverside: Person, riverside_admin: Membership
) -> None:
    logged_in(client, riverside_admin.user)
    page = client.get(url(expert_at_riverside)).content.decode()
    assert "they can erase their own information from their account" in page
    assert 'name="how_asked"' not in page
    response = client.post(url(expert_at_riverside), confirmed())
    assert response.status_code == 200
    assert "they can erase their own information" in response.content.decode()
    api = api_client_for(riverside_admin).post(
        api_url(expert_at_riverside), {"how_asked": HOW}, content_type="application/json"
    )
    assert api.status_code == 409
    assert api.json()["detail"] == HAS_LOGIN
    assert not ErasureRecord.objects.exists()
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.preferred_name == "Alex"


def test_a_second_erasure_says_so_and_changes_nothing(
    client: Client, jordan: Person, riverside_admin: Membership
) -> None:
    erase_person(
        jordan, riverside_admin.user, organisation=riverside_admin.organisation, how_asked=HOW
    )
    logged_in(client, riverside_admin.user)
    assert "already been erased" in client.get(url(jordan)).content.decode()
    response = client.post(url(jordan), confirmed("By letter"))
    assert response.status_code == 200
    assert "already been erased" in response.content.decode()
    api = api_client_for(riverside_admin).post(
        api_url(jordan), {"how_asked": "By letter"}, content_type="application/json"
    )
    assert api.status_code == 409
    assert ErasureRecord.objects.get().how_asked == HOW


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"confirm": "on"}, "Enter how the person asked"),
        ({"how_asked": "   ", "confirm": "on"}, "Enter how the person asked"),
        ({"how_asked": HOW}, "Tick the box to confirm"),
        ({"how_asked": "x" * 201, "confirm": "on"}, "200 characters or fewer"),
    ],
)
def test_bad_input_shows_the_error_and_changes_nothing(
    client: Client, jordan: Person, riverside_admin: Membership, data: dict[str, str], error: str
) -> None:
    logged_in(client, riverside_admin.user)
    response = client.post(url(jordan), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert error in page
    assert unchanged(jordan)


@pytest.mark.parametrize("body", [{}, {"how_asked": " "}, {"how_asked": "x" * 201}])
def test_the_api_needs_how_the_person_asked(
    jordan: Person, riverside_admin: Membership, body: dict[str, str]
) -> None:
    response = api_client_for(riverside_admin).post(
        api_url(jordan), body, content_type="application/json"
    )
    assert response.status_code == 422
    assert unchanged(jordan)


def test_the_api_erases_and_answers_what_was_kept(
    jordan: Person, riverside_admin: Membership
) -> None:
    response = api_client_for(riverside_admin).post(
        api_url(jordan), {"how_asked": HOW}, content_type="application/json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["person_id"] == jordan.pk
    assert body["how_asked"] == HOW
    assert any("six years" in line for line in body["kept"])
    jordan.refresh_from_db()
    assert jordan.preferred_name == PSEUDONYM


def test_an_admin_of_any_organisation_the_person_works_with_may_erase(
    client: Client, jordan: Person, hillview_admin: Membership
) -> None:
    OrganisationLink.objects.create(person=jordan, organisation=hillview_admin.organisation)
    logged_in(client, hillview_admin.user)
    response = client.post(url(jordan), confirmed())
    assert response.status_code == 302
    assert ErasureRecord.objects.get(person_id=jordan.pk).erased_by_id == hillview_admin.user_id


def test_the_service_refuses_an_admin_of_an_organisation_the_person_does_not_work_with(
    jordan: Person, hillview_admin: Membership
) -> None:
    with pytest.raises(NotAllowed):
        erase_person(
            jordan, hillview_admin.user, organisation=hillview_admin.organisation, how_asked=HOW
        )
    assert unchanged(jordan)


def test_the_service_refuses_staff_who_name_no_organisation(
    jordan: Person, riverside_admin: Membership
) -> None:
    with pytest.raises(NotAllowed):
        erase_person(jordan, riverside_admin.user, how_asked=HOW)
    assert unchanged(jordan)
