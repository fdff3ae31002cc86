"""Logging in with a second factor, in a real browser: the set-up page (QR code and key),
the recovery codes, the code page and the lockout page have no axe-core violations
(WCAG 2.2 A and AA), work without JavaScript and fit 320 px."""

from __future__ import annotations

import re
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from tests.browser.conftest import axe_violations
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _second_factor_required(settings) -> None:
    settings.SECOND_FACTOR_REQUIRED = True


def password_step(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def fits_320(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= 320"))


@pytest.mark.parametrize("javascript", [True, False])
def test_setting_up_and_then_logging_in_with_a_recovery_code(
    browser: Browser, live_server, riverside_coordinator: Membership, javascript: bool
) -> None:
    user = riverside_coordinator.user
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 320, "height": 800}
    )
    page = context.new_page()
    password_step(page, live_server.url, user.email)
    page.wait_for_url(re.compile(r".*/account/two-step/.*"))
    expect(page.get_by_role("heading", name="Set up two-step verification")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert fits_320(page)
    if javascript:
        assert axe_violations(page) == []

    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Check the code and continue").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    if javascript:
        assert axe_violations(page) == []

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    page.get_by_label("Code", exact=True).fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Check the code and continue").click()
    expect(page.get_by_role("heading", name="Two-step verification is on")).to_be_visible()
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert fits_320(page)
    if javascript:
        assert axe_violations(page) == []
    page.get_by_role("link", name="I have saved my codes – continue").click()
    page.wait_for_url(f"{live_server.url}/")
    context.close()

    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 320, "height": 800}
    )
    page = context.new_page()
    password_step(page, live_server.url, user.email)
    page.wait_for_url(re.compile(r".*/login/two-step/.*"))
    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()
    assert fits_320(page)
    if javascript:
        assert axe_violations(page) == []
    page.get_by_label("Code", exact=True).fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")
    context.close()


def test_the_lockout_page_is_kind_and_has_no_violations(
    page: Page, live_server, riverside_coordinator: Membership
) -> None:
    for _ in range(5):
        password_step(page, live_server.url, riverside_coordinator.user.email, "wrong password")
    expect(page.get_by_role("heading", name=re.compile("Too many tries"))).to_be_visible()
    assert axe_violations(page) == []
