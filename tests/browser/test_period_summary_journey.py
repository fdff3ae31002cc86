"""A summary of a period in a real browser: the coordinator drafts one for the last
month without JavaScript, an expert who took part finds it on their home page and
comments with the keyboard alone, and the coordinator reads the comment beside the
draft, quotes it and publishes — with axe-core run on every page on the way."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from powerwith.accounts.models import Membership
from powerwith.learning.models import LearningSummary
from tests.browser.keyboard import KeyboardOnly
from tests.browser.test_learning_journey import as_user, audited
from tests.learning.factories import work_with_two_experts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "Please say that we chose the course activities ourselves."


def test_a_period_summary_goes_from_draft_to_comment_to_published(
    browser: Browser, live_server, riverside, riverside_coordinator: Membership
):
    base = live_server.url
    offer, _zephyrine, quillon = work_with_two_experts(riverside_coordinator, riverside)
    today = timezone.localdate()
    start = today - timedelta(days=31)

    # The coordinator drafts a summary of the last month, without JavaScript.
    audited(as_user(browser, base, riverside_coordinator.user.email), f"{base}/learning/")
    coordinator = as_user(browser, base, riverside_coordinator.user.email, javascript=False)
    coordinator.goto(f"{base}/learning/")
    coordinator.get_by_role("button", name="Draft the summary of the period").click()
    expect(coordinator.locator(".govuk-error-summary")).to_be_visible()
    expect(coordinator.get_by_text("Enter the first day of the period").first).to_be_visible()
    form = coordinator.locator("form[action='/learning/draft-period/']")
    for prefix, day in (("period_start", start), ("period_end", today)):
        form.locator(f"[name={prefix}_0]").fill(str(day.day))
        form.locator(f"[name={prefix}_1]").fill(str(day.month))
        form.locator(f"[name={prefix}_2]").fill(str(day.year))
    coordinator.get_by_role("button", name="Draft the summary of the period").click()
    coordinator.wait_for_url("**/edit/")
    summary = LearningSummary.objects.get()
    assert summary.is_period
    assert offer.opportunity.title in coordinator.get_by_label("What was done").input_value()
    coordinator.get_by_role("button", name="Save the changes").click()
    expect(coordinator.get_by_role("heading", name="The experts' comments")).to_be_visible()
    # The same pages, with their errors, pass axe.
    audits = as_user(browser, base, riverside_coordinator.user.email)
    audits.goto(f"{base}/learning/")
    audits.get_by_role("button", name="Draft the summary of the period").click()
    audited(audits)
    audited(audits, f"{base}/learning/summaries/{summary.pk}/edit/")
    audited(audits, f"{base}/learning/summaries/{summary.pk}/")

    # An expert who took part finds the draft on their home page and comments, with the
    # keyboard alone.
    assert quillon.user is not None
    expert = as_user(browser, base, quillon.user.email)
    audited(expert, f"{base}/")
    keys = KeyboardOnly(expert)
    keys.start_over()
    keys.follow("A draft of what we learned is waiting for your comments")
    audited(expert)
    keys.type_into("Your comment on this draft", COMMENT)
    keys.submit("Send your comment")
    expect(expert.get_by_text("your comment is sent to the coordinator")).to_be_visible()
    expect(expert.get_by_text(COMMENT)).to_be_visible()
    audited(expert)
    expert.goto(f"{base}/")
    expect(expert.get_by_text("waiting for your comments")).to_have_count(0)

    # The coordinator sees the comment beside the draft, quotes it and publishes,
    # without JavaScript.
    coordinator.goto(f"{base}/learning/summaries/{summary.pk}/")
    comments = coordinator.locator("#comments")
    expect(comments.get_by_text(COMMENT)).to_be_visible()
    expect(comments.get_by_text("Quillon", exact=True)).to_be_visible()
    coordinator.get_by_role("button", name="Quote it in the summary").click()
    expect(coordinator.get_by_text("The comment will be quoted")).to_be_visible()
    audited(audits, f"{base}/learning/summaries/{summary.pk}/")
    coordinator.get_by_role("button", name="Publish the summary").click()
    expect(coordinator.get_by_text("The summary is published.")).to_be_visible()
    expect(coordinator.get_by_text(COMMENT)).to_be_visible()
    audited(audits, f"{base}/learning/summaries/{summary.pk}/")
