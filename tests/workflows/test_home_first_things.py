"""Every home page starts with what needs the reader now, counted, with the same numbers
as the pages behind each link; then what is coming up; then everything else."""

from __future__ import annotations

import re

import pytest

from powerwith.inbox.models import ActionNeeded
from powerwith.workflows import offers as offer_workflows
from tests.conftest import logged_in, make_expert
from tests.offers.factories import sent_offer
from tests.payments.factories import expense_claim, offer_of, worked
from tests.workflows.factories import agreed_offer, book_all

pytestmark = pytest.mark.django_db


def needs_you_now(html: str) -> list[str]:
    block = html.split('id="needs-you-now"', 1)[1].split("</div>", 1)[0]
    return [re.sub(r"\s+", " ", words).strip() for words in re.findall(r">([^<]+)</a>", block)]


def test_the_experts_home_counts_the_offers_waiting_for_an_answer_first(
    client, riverside_coordinator, expert_at_riverside
):
    for _ in range(3):
        sent_offer(riverside_coordinator, expert_at_riverside)
    html = logged_in(client, expert_at_riverside.user).get("/").text
    assert needs_you_now(html) == ["3 offers are waiting for your answer"]
    # The first thing after the greeting, before the links to everything else.
    assert html.index("What needs you now") < html.index("Everything else")
    assert 'href="/my-offers/"' in html.split('id="needs-you-now"', 1)[1].split("</div>", 1)[0]


def test_offers_from_both_organisations_are_counted_together(
    client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    sent_offer(riverside_coordinator, expert_at_both)
    sent_offer(hillview_coordinator, expert_at_both)
    html = logged_in(client, expert_at_both.user).get("/").text
    assert needs_you_now(html) == ["2 offers are waiting for your answer"]


def test_with_nothing_waiting_the_home_says_so(client, expert_at_riverside):
    html = logged_in(client, expert_at_riverside.user).get("/").text
    assert needs_you_now(html) == []
    assert "Nothing needs you now." in html


def test_an_answered_offer_is_no_longer_counted_and_its_sessions_are_coming_up(
    client, riverside_coordinator, expert_at_riverside
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside, sessions=2)
    book_all(riverside_coordinator, expert_at_riverside, offer)
    html = logged_in(client, expert_at_riverside.user).get("/").text
    assert needs_you_now(html) == []
    coming = html.split("Coming up", 1)[1].split("</ul>", 1)[0]
    assert coming.count(offer.opportunity.title) == 2


def test_the_contact_persons_home_counts_questions_like_the_action_needed_list(
    client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    jo = make_expert("jo@people.example", "Jo", riverside_coordinator.organisation)
    for person in (expert_at_riverside, jo):
        offer = sent_offer(riverside_coordinator, person, contact=riverside_contact.user)
        assert person.user is not None
        offer_workflows.ask_question(offer, user=person.user, text="Is there parking?")
    me = logged_in(client, riverside_contact.user)
    assert needs_you_now(me.get("/").text) == ["2 questions to answer"]
    # The same number as the action-needed list holds for them.
    open_items = ActionNeeded.objects.filter(assignee=riverside_contact.user, done_at=None)
    assert open_items.count() == 2


def test_a_coordinator_is_told_how_many_claims_wait_for_approval(
    client, riverside_coordinator, expert_at_riverside
):
    expense_claim(offer_of(worked(riverside_coordinator, expert_at_riverside)))
    html = logged_in(client, riverside_coordinator.user).get("/").text
    assert "1 claim to approve" in needs_you_now(html)


@pytest.mark.parametrize(
    "role", ["riverside_coordinator", "riverside_admin", "riverside_auditor", "expert_at_riverside"]
)
def test_everything_else_is_grouped_under_a_few_headings(request, client, role):
    reader = request.getfixturevalue(role)
    rest = logged_in(client, reader.user).get("/").text.split("Everything else", 1)[1]
    headings = re.findall(r'<h3 class="govuk-heading-s">([^<]+)</h3>', rest)
    assert 2 <= len(headings) <= 5, headings
    # No link comes before the first heading: each is under one.
    assert "<a " not in rest.split("<h3", 1)[0]
