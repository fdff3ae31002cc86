"""A second factor (an authenticator app, with recovery codes) for every staff role."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from powerwith.accounts.models import ApiToken, AuditEvent, RecoveryCode, UserSession
from powerwith.core.roles import Role
from tests.conftest import PASSWORD, api_client_for

pytestmark = pytest.mark.django_db

SETUP = "/account/two-step/"
VERIFY = "/login/two-step/"


@pytest.fixture(autouse=True)
def _second_factor_required(settings):
    settings.SECOND_FACTOR_REQUIRED = True


def code_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def next_step():
    """Half a minute on: the authenticator shows a new code."""
    return time_machine.travel(timezone.now() + timedelta(seconds=31), tick=True)


def log_in(client: Client, email: str):
    return client.post("/login/", {"username": email, "password": PASSWORD}, follow=True)


def set_up(client: Client, user) -> list[str]:
    """Through the pages: log in, scan, give the first code; the recovery codes shown."""
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"code": code_for(device)})
    assert response.status_code == 200
    return re.findall(r"<code>([A-Z0-9-]{19})</code>", response.text)


@pytest.fixture
def coordinator_with_app(riverside_coordinator):
    """A coordinator who set up their app in an earlier session, now logged out."""
    client = Client()
    log_in(client, riverside_coordinator.user.email)
    codes = set_up(client, riverside_coordinator.user)
    client.post("/logout/")
    return riverside_coordinator.user, codes


def test_staff_without_an_app_are_sent_to_set_one_up_after_the_password(
    client, riverside_coordinator
):
    response = log_in(client, riverside_coordinator.user.email)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    assert "Set up two-step verification" in response.text
    assert '<svg role="img"' in response.text  # the QR code, inline: no script, no request
    assert re.search(r'id="totp-secret">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<', response.text) is not None
    # The menu would only lead back here until the second step is done.
    assert 'aria-label="Menu"' not in response.text


def test_someone_setting_up_by_choice_keeps_the_menu(client, expert_at_riverside):
    assert expert_at_riverside.user is not None
    client.force_login(expert_at_riverside.user)
    assert 'aria-label="Menu"' in client.get(SETUP).text


@pytest.mark.parametrize(
    "path", ["/", "/organisation/members/", "/account/", "/opportunities/", "/account/sessions/"]
)
@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.CONTACT, Role.ADMIN, Role.AUDITOR])
def test_no_staff_page_opens_before_the_second_step(client, riverside, role, path):
    from tests.conftest import make_member

    member = make_member(riverside, f"{role}@riverside.example", role)
    log_in(client, member.user.email)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


def test_the_secret_stays_the_same_while_the_person_scans_it(client, riverside_coordinator):
    log_in(client, riverside_coordinator.user.email)
    first = client.get(SETUP).text
    again = client.get(SETUP).text
    secret = re.compile(r'id="totp-secret">([^<]+)<')
    assert secret.findall(first) == secret.findall(again) != []


def test_a_wrong_first_code_is_refused_and_nothing_is_switched_on(client, riverside_coordinator):
    log_in(client, riverside_coordinator.user.email)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 400
    assert "That code did not work" in response.text
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/").status_code == 302


def test_setting_up_shows_ten_recovery_codes_once_and_keeps_only_their_hashes(
    client, riverside_coordinator
):
    log_in(client, riverside_coordinator.user.email)
    codes = set_up(client, riverside_coordinator.user)
    assert len(codes) == len(set(codes)) == 10
    stored = list(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert len(stored) == 10
    for code in codes:
        assert code not in stored
        assert code.replace("-", "") not in stored
    assert client.get("/account/").status_code == 200  # verified in this session
    assert client.get("/account/").text.count("<code>") == 0
    assert AuditEvent.objects.filter(action="two_factor.set_up").count() == 1


def test_a_staff_member_with_an_app_gives_a_code_after_the_password(client, coordinator_with_app):
    user, _ = coordinator_with_app
    response = log_in(client, user.email)
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    # The code page offers no menu of pages that would only send them back to it.
    assert 'id="navigation"' not in response.content.decode()
    assert client.get("/").status_code == 302
    with next_step():
        response = client.post(VERIFY, {"code": code_for(TOTPDevice.objects.get(user=user))})
        assert response.status_code == 302
        assert client.get("/account/").status_code == 200


def test_a_wrong_code_is_refused_with_a_clear_message(client, coordinator_with_app):
    user, _ = coordinator_with_app
    log_in(client, user.email)
    response = client.post(VERIFY, {"code": "123456"})
    assert response.status_code == 400
    assert "That code did not work" in response.text
    assert client.get("/").status_code == 302


def test_a_code_cannot_be_used_twice(coordinator_with_app):
    user, _ = coordinator_with_app
    with next_step():
        code = code_for(TOTPDevice.objects.get(user=user))
        first, second = Client(), Client()
        log_in(first, user.email)
        assert first.post(VERIFY, {"code": code}).status_code == 302
        log_in(second, user.email)
        response = second.post(VERIFY, {"code": code})
        assert "That code did not work" in response.text
        assert second.get("/").status_code == 302
    device = TOTPDevice.objects.get(user=user)
    assert device.last_t > 0


def test_the_code_from_setting_up_cannot_be_replayed_at_the_next_login(riverside_coordinator):
    client = Client()
    log_in(client, riverside_coordinator.user.email)
    client.get(SETUP)
    device = TOTPDevice.objects.get(confirmed=False)
    code = code_for(device)
    client.post(SETUP, {"code": code})
    client.post("/logout/")
    log_in(client, riverside_coordinator.user.email)
    assert "That code did not work" in client.post(VERIFY, {"code": code}).text


def test_a_recovery_code_works_once(coordinator_with_app):
    user, codes = coordinator_with_app
    first = Client()
    log_in(first, user.email)
    assert first.post(VERIFY, {"code": codes[0].lower()}).status_code == 302
    assert first.get("/account/").status_code == 200
    second = Client()
    log_in(second, user.email)
    assert "That code did not work" in second.post(VERIFY, {"code": codes[0]}).text
    assert second.get("/").status_code == 302
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=True):
        assert second.post(VERIFY, {"code": codes[1]}).status_code == 302
    assert AuditEvent.objects.filter(action="two_factor.recovery_code_used").count() == 2


def test_after_wrong_codes_even_the_right_one_waits_a_little(coordinator_with_app):
    user, _ = coordinator_with_app
    client = Client()
    log_in(client, user.email)
    with next_step():
        client.post(VERIFY, {"code": "000000"})
        client.post(VERIFY, {"code": "000001"})
        right = code_for(TOTPDevice.objects.get(user=user))
        response = client.post(VERIFY, {"code": right})
        assert "we are slowing down" in response.text
        assert client.get("/").status_code == 302
    with time_machine.travel(timezone.now() + timedelta(seconds=62), tick=True):
        right = code_for(TOTPDevice.objects.get(user=user))
        assert client.post(VERIFY, {"code": right}).status_code == 302


def test_a_password_reset_does_not_skip_the_second_step(client, coordinator_with_app):
    user, _ = coordinator_with_app
    client.post("/password-reset/", {"email": user.email})
    found = re.search(r"http://[^/]+(/password-reset/\S+/)", str(mail.outbox[-1].body))
    assert found is not None
    link = found[1]
    form_page = client.get(link, follow=True)
    new_password = "a brand new long password 42"
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session  # resetting does not log in
    response = client.post(
        "/login/", {"username": user.email, "password": new_password}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert client.get("/").status_code == 302


def test_half_logged_in_staff_cannot_swap_in_a_new_app(client, coordinator_with_app):
    user, _ = coordinator_with_app
    log_in(client, user.email)
    response = client.get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert client.post(SETUP, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_a_verified_person_can_move_to_a_new_app_which_replaces_the_old(
    client, coordinator_with_app
):
    user, codes = coordinator_with_app
    log_in(client, user.email)
    client.post(VERIFY, {"code": codes[0]})
    old = TOTPDevice.objects.get(user=user)
    new_codes = set_up(client, user)
    assert set(new_codes).isdisjoint(codes)
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert TOTPDevice.objects.get(user=user).confirmed


def test_new_recovery_codes_replace_the_old_ones(client, coordinator_with_app):
    user, codes = coordinator_with_app
    log_in(client, user.email)
    client.post(VERIFY, {"code": codes[0]})
    response = client.post("/account/two-step/recovery-codes/")
    fresh = re.findall(r"<code>([A-Z0-9-]{19})</code>", response.text)
    assert len(fresh) == 10
    other = Client()
    log_in(other, user.email)
    assert "That code did not work" in other.post(VERIFY, {"code": codes[1]}).text
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=True):
        assert other.post(VERIFY, {"code": fresh[0]}).status_code == 302


def test_staff_cannot_turn_the_second_factor_off(client, coordinator_with_app):
    user, codes = coordinator_with_app
    log_in(client, user.email)
    client.post(VERIFY, {"code": codes[0]})
    client.post("/account/two-step/remove/")
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_experts_are_not_made_to_set_one_up(client, expert_at_riverside):
    response = log_in(client, expert_at_riverside.user.email)
    assert response.redirect_chain[-1][0] == "/"
    assert client.get("/account/").status_code == 200
    assert "Set up two-step verification" in client.get("/account/").text


def test_an_expert_can_choose_it_and_is_then_asked_for_a_code(client, expert_at_riverside):
    user = expert_at_riverside.user
    log_in(client, user.email)
    codes = set_up(client, user)
    client.post("/logout/")
    response = log_in(client, user.email)
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    client.post(VERIFY, {"code": codes[0]})
    client.post("/account/two-step/remove/")
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.post("/logout/")
    assert log_in(client, user.email).redirect_chain[-1][0] == "/"


def test_api_tokens_are_made_only_in_a_verified_session(client, riverside_coordinator):
    membership = riverside_coordinator
    log_in(client, membership.user.email)
    response = client.post("/account/", {"name": "Reports", "membership": membership.pk})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    set_up(client, membership.user)
    response = client.post("/account/", {"name": "Reports", "membership": membership.pk})
    assert response.status_code == 200
    assert ApiToken.objects.count() == 1


def test_the_api_is_not_asked_for_a_second_factor(riverside_coordinator):
    api = api_client_for(riverside_coordinator)
    response = api.get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["email"] == riverside_coordinator.user.email


def test_the_next_page_is_kept_through_the_second_step(client, coordinator_with_app):
    user, codes = coordinator_with_app
    client.post(
        "/login/?next=/organisation/members/",
        {"username": user.email, "password": PASSWORD, "next": "/organisation/members/"},
    )
    response = client.get("/organisation/members/")
    assert response["Location"] == f"{VERIFY}?next=%2Forganisation%2Fmembers%2F"
    response = client.post(VERIFY, {"code": codes[0], "next": "/organisation/members/"})
    assert response["Location"] == "/organisation/members/"


def test_the_next_page_never_leads_off_the_site(client, coordinator_with_app):
    user, codes = coordinator_with_app
    log_in(client, user.email)
    response = client.post(VERIFY, {"code": codes[0], "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_an_admin_resets_a_member_who_lost_their_phone(
    coordinator_with_app, riverside_admin, settings
):
    user, _ = coordinator_with_app
    lost = Client()
    log_in(lost, user.email)  # someone half-logged-in with the password
    settings.SECOND_FACTOR_REQUIRED = False  # the admin's own second step is not the point
    admin = Client()
    admin.force_login(riverside_admin.user)
    page = admin.get(f"/organisation/members/{user.pk}/role/")
    assert "Reset two-step verification" in page.text
    response = admin.post(f"/organisation/members/{user.pk}/two-step/reset/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.filter(device__user=user).exists()
    assert lost.get("/account/").status_code == 302
    assert lost.get("/account/")["Location"].startswith("/login/")
    event = AuditEvent.objects.get(action="two_factor.reset_by_admin")
    assert event.actor == riverside_admin.user
    settings.SECOND_FACTOR_REQUIRED = True
    again = Client()
    assert log_in(again, user.email).redirect_chain[-1][0].startswith(SETUP)


def test_only_an_admin_of_the_same_organisation_can_reset(
    coordinator_with_app, riverside_contact, hillview_admin, settings
):
    user, _ = coordinator_with_app
    settings.SECOND_FACTOR_REQUIRED = False
    answers = []
    for outsider in (riverside_contact.user, hillview_admin.user):
        client = Client()
        client.force_login(outsider)
        answers.append(client.post(f"/organisation/members/{user.pk}/two-step/reset/").status_code)
    # A member of the same organisation who is not an admin, an admin of another.
    assert answers == [403, 404]
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_passing_the_second_step_gives_a_new_session_key(client, coordinator_with_app):
    user, codes = coordinator_with_app
    log_in(client, user.email)
    half = client.cookies["sessionid"].value
    client.post(VERIFY, {"code": codes[0]})
    full = client.cookies["sessionid"].value
    assert full != half
    assert client.get("/account/").status_code == 200
    assert UserSession.objects.filter(session_key=full, user=user).exists()
    assert not UserSession.objects.filter(session_key=half).exists()
