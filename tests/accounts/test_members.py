from __future__ import annotations

import pytest
from django.core import mail

from powerwith.accounts.models import AuditEvent, Invitation, Membership, User
from powerwith.core.roles import Role
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_staff_see_only_their_own_organisations_members(
    client, riverside_coordinator, riverside_admin, hillview_coordinator
):
    client.force_login(riverside_coordinator.user)
    page = client.get("/organisation/members/")
    assert "admin@riverside.example" in page.text
    assert "coordinator@hillview.example" not in page.text


def test_an_expert_cannot_list_the_members(client, expert_at_riverside):
    client.force_login(expert_at_riverside.user)
    response = client.get("/organisation/members/")
    assert response.status_code == 403
    assert "You cannot do that" in response.text


def test_an_admin_changes_a_members_role_and_it_is_audited(
    client, riverside_admin, riverside_coordinator
):
    client.force_login(riverside_admin.user)
    url = f"/organisation/members/{riverside_coordinator.user_id}/role/"
    response = client.post(url, {"role": Role.CONTACT})
    assert response.status_code == 302
    riverside_coordinator.refresh_from_db()
    assert riverside_coordinator.role == Role.CONTACT
    event = AuditEvent.objects.get(action="member.role_changed")
    assert event.actor == riverside_admin.user
    assert event.details == {"previous": "coordinator", "role": "contact"}


def test_a_coordinator_cannot_change_roles(client, riverside_admin, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    url = f"/organisation/members/{riverside_admin.user_id}/role/"
    response = client.post(url, {"role": Role.EXPERT})
    assert response.status_code == 403
    riverside_admin.refresh_from_db()
    assert riverside_admin.role == Role.ADMIN


def test_another_organisations_member_is_not_found(client, riverside_admin, hillview_coordinator):
    client.force_login(riverside_admin.user)
    url = f"/organisation/members/{hillview_coordinator.user_id}/role/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"role": Role.EXPERT}).status_code == 404
    hillview_coordinator.refresh_from_db()
    assert hillview_coordinator.role == Role.COORDINATOR


def test_the_only_admin_cannot_stop_being_admin(client, riverside_admin):
    client.force_login(riverside_admin.user)
    url = f"/organisation/members/{riverside_admin.user_id}/role/"
    response = client.post(url, {"role": Role.COORDINATOR})
    assert response.status_code == 400
    assert "only admin" in response.text
    riverside_admin.refresh_from_db()
    assert riverside_admin.role == Role.ADMIN


def test_an_unknown_role_is_refused_with_a_message(client, riverside_admin, riverside_coordinator):
    client.force_login(riverside_admin.user)
    url = f"/organisation/members/{riverside_coordinator.user_id}/role/"
    response = client.post(url, {"role": "overlord"})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    riverside_coordinator.refresh_from_db()
    assert riverside_coordinator.role == Role.COORDINATOR


def test_an_admin_invites_a_new_member_who_joins_with_a_password(
    client, riverside_admin, django_capture_on_commit_callbacks
):
    client.force_login(riverside_admin.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/organisation/members/invite/",
            {"email": "New.Person@Example.org", "role": Role.CONTACT},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@example.org"
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitations/" in line)
    path = link[link.index("/invitations/") :]
    assert invitation.token_hash not in link  # the secret is sent, only its hash is kept

    client.logout()
    page = client.get(path)
    assert "Join Riverside Care Partnership" in page.text
    response = client.post(
        path, {"full_name": "New Person", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert Membership.objects.get(user=user).role == Role.CONTACT
    assert client.login(username="new.person@example.org", password=PASSWORD)
    # The link works once.
    client.logout()
    assert client.get(path).status_code == 404


def test_an_invitation_with_mismatched_passwords_creates_nothing(
    client, riverside_admin, django_capture_on_commit_callbacks
):
    client.force_login(riverside_admin.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/organisation/members/invite/", {"email": "x@example.org", "role": Role.EXPERT}
        )
    body = mail.outbox[0].body
    path = body[body.index("/invitations/") :].split()[0]
    client.logout()
    response = client.post(path, {"password": PASSWORD, "confirm": PASSWORD + "!"})
    assert response.status_code == 400
    assert "The passwords do not match" in response.text
    assert not User.objects.filter(email="x@example.org").exists()


def test_inviting_an_existing_member_is_refused(client, riverside_admin, riverside_coordinator):
    client.force_login(riverside_admin.user)
    response = client.post(
        "/organisation/members/invite/",
        {"email": "coordinator@riverside.example", "role": Role.EXPERT},
    )
    assert response.status_code == 400
    assert "already a member" in response.text
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_an_admin_cancels_an_invitation(client, riverside_admin):
    client.force_login(riverside_admin.user)
    client.post("/organisation/members/invite/", {"email": "x@example.org", "role": Role.EXPERT})
    invitation = Invitation.objects.get()
    client.post(f"/organisation/invitations/{invitation.pk}/cancel/")
    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None
    assert not invitation.is_open


def selected_organisation(page: str) -> str:
    switcher = page.split('id="switch-organisation"')[1].split("</select>")[0]
    return switcher.split(" selected>")[1].split("<")[0].strip()


def test_a_member_of_two_organisations_switches_between_them(client, expert_at_both, hillview):
    client.force_login(expert_at_both.user)
    first = client.get("/")
    assert selected_organisation(first.text) == "Hillview Health NHS Foundation Trust"
    # An expert's own pages show both organisations, so the account bar names neither.
    assert "Signed in as sam@people.example</p>" in first.text
    response = client.post("/organisation/switch/", {"organisation": "", "next": "/"})
    assert response.status_code == 404
    riverside_id = Membership.objects.get(
        user=expert_at_both.user, organisation__slug="riverside"
    ).organisation_id
    client.post("/organisation/switch/", {"organisation": riverside_id, "next": "/"})
    assert selected_organisation(client.get("/").text) == "Riverside Care Partnership"


def test_staff_are_told_which_organisation_they_act_in(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    assert " at Riverside Care Partnership</p>" in client.get("/").text


def test_switching_to_an_organisation_you_do_not_belong_to_is_not_found(
    client, riverside_coordinator, hillview
):
    client.force_login(riverside_coordinator.user)
    response = client.post("/organisation/switch/", {"organisation": hillview.pk})
    assert response.status_code == 404


def test_the_audit_log_is_for_admins_of_the_organisation(
    client, riverside_admin, riverside_coordinator, hillview_admin
):
    client.force_login(riverside_admin.user)
    client.post(f"/organisation/members/{riverside_coordinator.user_id}/role/", {"role": "contact"})
    assert "member.role_changed" in client.get("/organisation/audit-log/").text
    client.force_login(hillview_admin.user)
    assert "member.role_changed" not in client.get("/organisation/audit-log/").text
    client.force_login(riverside_coordinator.user)
    assert client.get("/organisation/audit-log/").status_code == 403


def test_audit_events_cannot_be_changed_or_deleted(riverside_admin, riverside_coordinator):
    from powerwith.accounts import services

    services.change_role(membership=riverside_coordinator, role=Role.CONTACT, by=riverside_admin)
    event = AuditEvent.objects.get(action="member.role_changed")
    event.action = "something.else"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
