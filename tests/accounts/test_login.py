from __future__ import annotations

import pytest
from django.core import mail

from powerwith.accounts.forms import GENERIC_LOGIN_ERROR
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_it_logs_in_by_email_and_lands_on_the_home_page(client, riverside_coordinator):
    response = client.post(
        "/login/", {"username": "Coordinator@Riverside.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")
    assert "Riverside Care Partnership" in home.text
    assert "Coordinator" in home.text


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("coordinator@riverside.example", "wrong password"),
        ("nobody@riverside.example", PASSWORD),
        ("nobody@riverside.example", "wrong password"),
    ],
)
def test_wrong_credentials_get_one_generic_message(client, riverside_coordinator, email, password):
    response = client.post("/login/", {"username": email, "password": password})
    assert response.status_code == 400
    assert GENERIC_LOGIN_ERROR in response.text
    assert "There is a problem" in response.text
    assert response.text.startswith("<!DOCTYPE html>")
    assert "<title>Error: Log in" in response.text
    assert "_auth_user_id" not in client.session


def test_an_inactive_account_gets_the_same_message(client, riverside_coordinator):
    user = riverside_coordinator.user
    user.is_active = False
    user.save()
    response = client.post("/login/", {"username": user.email, "password": PASSWORD})
    assert GENERIC_LOGIN_ERROR in response.text


def test_an_empty_login_form_names_each_missing_field(client, db):
    response = client.post("/login/", {"username": "", "password": ""})
    assert response.status_code == 400
    assert 'href="#id_username"' in response.text
    assert 'href="#id_password"' in response.text


def test_an_over_long_email_is_refused_with_a_message(client, db):
    response = client.post("/login/", {"username": "a" * 300 + "@x.example", "password": "x"})
    assert response.status_code == 400
    assert "There is a problem" in response.text


def test_logging_out_needs_a_post_and_ends_the_session(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    assert client.get("/logout/").status_code == 405
    response = client.post("/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_only_to_a_real_account_but_says_the_same(
    client, riverside_coordinator
):
    known = client.post("/password-reset/", {"email": "coordinator@riverside.example"})
    unknown = client.post("/password-reset/", {"email": "nobody@riverside.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/password-reset/sent/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["coordinator@riverside.example"]
    assert "/password-reset/" in mail.outbox[0].body


def test_pages_that_need_a_login_send_you_to_log_in(client, db):
    response = client.get("/organisation/members/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
