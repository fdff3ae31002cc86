"""An expert's own profile pages in a real browser: no axe-core violations (WCAG 2.2 A and
AA), with and without errors, and the forms work without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Organisation
from powerwith.people import services
from powerwith.people.models import Person
from powerwith.people.services import ExperienceInput
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/my-profile/", "/my-profile/edit/", "/my-profile/experience/", "/my-profile/sharing/"]


@pytest.fixture
def sam(expert_at_both: Person, hillview: Organisation) -> Person:
    """Sam, with enough of a profile that every part of the pages shows."""
    assert expert_at_both.user is not None
    user = expert_at_both.user
    services.update_person(
        expert_at_both,
        user=user,
        membership=None,
        changes={
            "pronouns": "they/them",
            "formats": ["easy_read", "large_print"],
            "adjustments": {"timing": "A break every hour."},
            "available_days": ["mon"],
            "skills": ["panel_work"],
            "payment_preference": "prefer_not_to_say",
        },
    )
    services.replace_experience(
        expert_at_both,
        user=user,
        membership=None,
        entries=[
            ExperienceInput(
                code="direct.restrictive_interventions",
                setting="mental_health",
                intervention="seclusion",
                note="On an acute ward.",
                share_narrative="yes",
            )
        ],
    )
    services.set_sharing(expert_at_both, user=user, organisation_id=hillview.pk, sharing="summary")
    return expert_at_both


def log_in_as(page: Page, base_url: str, person: Person) -> None:
    assert person.user is not None
    log_in(page, base_url, person.user.email, PASSWORD)


def test_the_profile_pages_have_no_accessibility_violations(page: Page, live_server, sam):
    log_in_as(page, live_server.url, sam)
    page.locator("#main-content").get_by_role("link", name="Your profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_the_edit_form_with_errors_has_no_violations_and_links_to_the_field(
    page: Page, live_server, sam
):
    log_in_as(page, live_server.url, sam)
    page.goto(f"{live_server.url}/my-profile/edit/")
    page.get_by_label("Name you like to be called").fill("")
    page.get_by_role("button", name="Save your profile").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Enter the name you like to be called.").click()
    expect(page.locator("#id_preferred_name")).to_be_focused()


def test_the_experience_form_with_errors_has_no_violations_and_links_to_the_field(
    page: Page, live_server, sam
):
    log_in_as(page, live_server.url, sam)
    page.goto(f"{live_server.url}/my-profile/experience/")
    page.locator("#id_form-1-note").fill("Something I want to keep.")
    page.get_by_role("button", name="Save your experience").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    summary.get_by_role("link", name="Experience 2: Choose the experience").click()
    expect(page.locator("#id_form-1-code")).to_be_focused()

    page.locator("#id_form-1-code").select_option("direct.diagnosis")
    page.locator("#id_form-1-intervention").select_option("physical_restraint")
    page.get_by_role("button", name="Save your experience").click()
    expect(summary).to_contain_text("belongs only with experience of restrictive interventions")
    assert axe_violations(page) == []


def test_the_pages_work_without_javascript(browser: Browser, live_server, sam, riverside):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in_as(page, live_server.url, sam)

    page.goto(f"{live_server.url}/my-profile/sharing/")
    choice = page.locator(f"#org-{riverside.pk}")
    choice.get_by_label("A summary").check()
    choice.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Riverside Care Partnership now sees a summary of your profile."
    )

    page.goto(f"{live_server.url}/my-profile/experience/")
    page.locator("#id_form-1-code").select_option("indirect.behaviours_of_concern")
    page.locator("#id_form-1-setting").select_option("learning_disability")
    page.get_by_role("button", name="Save your experience").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    expect(
        page.get_by_text("Dealing with behaviours of concern, in learning disability")
    ).to_be_visible()

    page.goto(f"{live_server.url}/my-profile/edit/")
    page.get_by_label("Name you like to be called").fill("Nguyễn O'Hare")
    page.get_by_label("Paused (taking a break)").check()
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator("#preferred-name")).to_have_text("Nguyễn O'Hare")
    expect(page.locator("#status-value")).to_have_text("Paused (taking a break)")
    context.close()
