"""Failed logins are throttled by account and address, and by address alone with a higher
limit, for a short cool-off: guessing is slowed without shutting the real person out."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from powerwith.accounts.forms import GENERIC_LOGIN_ERROR
from tests.conftest import PASSWORD, make_member

pytestmark = pytest.mark.django_db

EMAIL = "coordinator@riverside.example"
HOME = "10.1.1.1"
ELSEWHERE = "10.2.2.2"


def attempt(client: Client, email: str, password: str, address: str = HOME):
    return client.post("/login/", {"username": email, "password": password}, REMOTE_ADDR=address)


def fail(times: int, email: str = EMAIL, address: str = HOME) -> list[int]:
    """``times`` wrong passwords from a new browser; answers the status of each."""
    client = Client()
    return [attempt(client, email, "not the password", address).status_code for _ in range(times)]


def test_the_first_failures_get_the_one_generic_message(client, riverside_coordinator):
    for _ in range(4):
        response = attempt(client, EMAIL, "not the password")
        assert response.status_code == 400
        assert GENERIC_LOGIN_ERROR in response.text


def test_five_failures_pause_that_account_from_that_address_with_a_kind_page(
    client, riverside_coordinator
):
    assert fail(5) == [400, 400, 400, 400, 429]  # the fifth failure pauses it
    response = attempt(client, EMAIL, PASSWORD)
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert "Too many tries" in response.text
    assert "You have not done anything wrong" in response.text
    assert "15 minutes" in response.text
    assert response.text.startswith("<!DOCTYPE html>")
    assert "Traceback" not in response.text
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_does_not_say_whether_the_account_exists(client, db):
    assert fail(5, email="nobody@riverside.example") == [400, 400, 400, 400, 429]
    response = attempt(client, "nobody@riverside.example", PASSWORD)
    assert response.status_code == 429
    assert "nobody@riverside.example" not in response.text


def test_the_real_person_elsewhere_is_not_locked_out_by_someone_elses_guesses(
    client, riverside_coordinator
):
    assert fail(10) == [400] * 4 + [429] * 6
    response = attempt(client, EMAIL, PASSWORD, address=ELSEWHERE)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_another_person_at_the_same_address_can_still_log_in(client, riverside_coordinator):
    colleague = make_member(riverside_coordinator.organisation, "admin@riverside.example", "admin")
    assert fail(5) == [400, 400, 400, 400, 429]
    response = attempt(client, colleague.user.email, PASSWORD)
    assert response.status_code == 302


def test_an_address_trying_many_accounts_is_paused_at_the_higher_limit(
    client, riverside_coordinator
):
    for number in range(29):
        assert fail(1, email=f"guess{number}@riverside.example") == [400]
    assert attempt(Client(), EMAIL, PASSWORD).status_code == 302  # 29: still fine
    Client().post("/logout/")
    assert fail(1, email="guess-last@riverside.example") == [429]  # the 30th pauses it
    response = attempt(client, EMAIL, PASSWORD)
    assert response.status_code == 429
    assert attempt(Client(), EMAIL, PASSWORD, address=ELSEWHERE).status_code == 302


def test_logging_in_to_ones_own_account_does_not_wipe_the_count_for_the_address(
    client, riverside_coordinator
):
    for number in range(29):
        assert fail(1, email=f"guess{number}@riverside.example") == [400]
    assert attempt(Client(), EMAIL, PASSWORD).status_code == 302
    assert fail(1, email="one-more@riverside.example") == [429]
    assert attempt(Client(), EMAIL, PASSWORD).status_code == 429


def test_the_pause_ends_by_itself_after_fifteen_minutes(client, riverside_coordinator):
    assert fail(5) == [400, 400, 400, 400, 429]
    assert attempt(client, EMAIL, PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=14), tick=False):
        assert attempt(Client(), EMAIL, PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert attempt(Client(), EMAIL, PASSWORD).status_code == 302


def test_a_successful_login_forgets_the_earlier_mistakes(client, riverside_coordinator):
    assert fail(4) == [400] * 4
    assert attempt(Client(), EMAIL, PASSWORD).status_code == 302
    assert fail(4) == [400] * 4
    assert attempt(client, EMAIL, PASSWORD).status_code == 302


def test_the_email_address_counts_the_same_in_any_case(client, riverside_coordinator):
    for spelling in ["Coordinator@Riverside.example", "COORDINATOR@riverside.example"] * 3:
        attempt(Client(), spelling, "not the password")
    assert attempt(client, EMAIL, PASSWORD).status_code == 429


def test_the_limits_come_from_the_settings(client, riverside_coordinator, settings):
    settings.AXES_FAILURE_LIMIT = 2
    assert fail(2) == [400, 429]
    assert attempt(client, EMAIL, PASSWORD).status_code == 429
