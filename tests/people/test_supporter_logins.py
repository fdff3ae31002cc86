"""A supporter's own login: the person invites a supporter they named, and the supporter
follows the link once, before it expires, to make an account or accept with theirs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from powerwith.people.models import Person, SupporterLogin
from powerwith.people.services.supporter_logins import invite_supporter
from tests.conftest import PASSWORD, logged_in, make_user
from tests.people.factories import SUPPORTER_EMAIL, named_supporter, supporter_with_login

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a kettle on the windowsill"


@pytest.fixture
def invite(django_capture_on_commit_callbacks) -> Callable[[Client, Person, int], str]:
    def pressed(client: Client, person: Person, supporter_id: int) -> str:
        """The person presses the button on their supporters page: the link e-mailed."""
        assert person.user is not None
        with django_capture_on_commit_callbacks(execute=True):
            response = logged_in(client, person.user).post(
                f"/my-profile/supporters/{supporter_id}/invite/", follow=True
            )
        assert response.status_code == 200
        sent = [m for m in mail.outbox if SUPPORTER_EMAIL in m.to][-1]
        found = re.search(r"https?://\S+(/supporting/invitations/\S+/)", str(sent.body))
        assert found is not None
        return found.group(1)

    return pressed


def test_the_person_invites_a_supporter_who_makes_their_own_login(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    link = invite(client, expert_at_riverside, supporter.pk)
    (sent,) = [m for m in mail.outbox if SUPPORTER_EMAIL in m.to]
    assert "Alex" in sent.subject
    assert "It works once" in sent.body

    stranger = Client()
    page = stranger.get(link)
    assert "Be someone's supporter" in page.content.decode()
    assert "Alex" not in page.content.decode()
    made = stranger.post(
        link,
        {"full_name": "Sam Green", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert made.status_code == 302
    login = SupporterLogin.objects.get(supporter=supporter)
    assert login.user is not None
    assert login.user.email == SUPPORTER_EMAIL
    assert login.user.memberships.count() == 0

    signed_in = Client()
    assert signed_in.login(email=SUPPORTER_EMAIL, password=NEW_PASSWORD)
    home = signed_in.get("/")
    assert home.status_code == 302
    assert home["Location"] == "/supporting/"
    assert "Alex" in signed_in.get("/supporting/").content.decode()


def test_the_link_works_only_once(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    link = invite(client, expert_at_riverside, supporter.pk)
    form = {"full_name": "Sam Green", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert Client().post(link, form).status_code == 302
    again = Client().get(link)
    assert again.status_code == 404
    assert "This link does not work" in again.content.decode()


def test_an_expired_link_is_refused(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    link = invite(client, expert_at_riverside, supporter.pk)
    SupporterLogin.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    form = {"full_name": "Sam Green", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    refused = Client().post(link, form)
    assert refused.status_code == 404
    assert not SupporterLogin.objects.filter(accepted_at__isnull=False).exists()


def test_a_new_link_stops_the_one_before(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    first = invite(client, expert_at_riverside, supporter.pk)
    mail.outbox.clear()
    second = invite(client, expert_at_riverside, supporter.pk)
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200


def test_the_link_of_a_removed_supporter_no_longer_works(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    link = invite(client, expert_at_riverside, supporter.pk)
    client.post(f"/my-profile/supporters/{supporter.pk}/remove/")
    assert Client().get(link).status_code == 404


def test_someone_logged_in_with_another_address_is_told_why_and_nothing_is_linked(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    link = invite(client, expert_at_riverside, supporter.pk)
    other = make_user("someone.else@family.example", "Someone Else")
    refused = logged_in(Client(), other).post(link)
    assert refused.status_code == 403
    text = refused.content.decode()
    assert "sent to a different email address" in text
    assert "govuk-error-summary" in text
    assert not SupporterLogin.objects.filter(user=other).exists()


def test_someone_with_that_address_already_logs_in_and_accepts(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    make_user(SUPPORTER_EMAIL, "Sam Green")
    supporter = named_supporter(expert_at_riverside, "help_answer")
    link = invite(client, expert_at_riverside, supporter.pk)
    anonymous = Client().get(link).content.decode()
    assert "Log in" in anonymous
    assert "Choose a password" not in anonymous
    signed_in = Client()
    assert signed_in.login(email=SUPPORTER_EMAIL, password=PASSWORD)
    assert signed_in.post(link)["Location"] == "/supporting/"
    assert SupporterLogin.objects.get(supporter=supporter).accepted_at is not None


def test_a_password_that_does_not_match_shows_the_error_and_makes_no_account(
    invite: Callable[[Client, Person, int], str], client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    link = invite(client, expert_at_riverside, supporter.pk)
    response = Client().post(
        link, {"full_name": "Sam", "password": NEW_PASSWORD, "confirm": "something else"}
    )
    assert response.status_code == 400
    assert "The passwords do not match" in response.content.decode()
    assert not SupporterLogin.objects.filter(accepted_at__isnull=False).exists()


def test_a_supporter_who_may_only_get_messages_is_not_offered_a_login(
    client: Client, expert_at_riverside: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "receive_messages")
    assert expert_at_riverside.user is not None
    page = logged_in(client, expert_at_riverside.user).get("/my-profile/supporters/")
    assert "Invite Sam Green" not in page.content.decode()
    refused = client.post(f"/my-profile/supporters/{supporter.pk}/invite/", follow=True)
    assert "need no login" in refused.content.decode()
    assert SupporterLogin.objects.count() == 0
    assert mail.outbox == []


def test_a_supporter_without_an_email_address_cannot_be_invited(
    expert_at_riverside: Person,
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for", email="")
    assert expert_at_riverside.user is not None
    with pytest.raises(Exception, match="email address first"):
        invite_supporter(supporter, user=expert_at_riverside.user)


def test_only_the_person_invites_their_own_supporters(
    client: Client, expert_at_riverside: Person, expert_at_both: Person
) -> None:
    supporter = named_supporter(expert_at_riverside, "answer_for")
    assert expert_at_both.user is not None
    response = logged_in(client, expert_at_both.user).post(
        f"/my-profile/supporters/{supporter.pk}/invite/"
    )
    assert response.status_code == 404
    assert SupporterLogin.objects.count() == 0


def test_a_user_with_no_organisation_and_no_one_to_support_is_told_so(
    client: Client, expert_at_riverside: Person
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    assert expert_at_riverside.user is not None
    logged_in(Client(), expert_at_riverside.user).post(
        f"/my-profile/supporters/{supporter.pk}/remove/"
    )
    page = logged_in(client, user).get("/", follow=True)
    assert page.status_code == 200
    assert "Nobody has named you as their supporter" in page.content.decode()
