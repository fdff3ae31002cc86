""" "Easy read first" does what it says: every page that has an easy-read version shows
that version first, at the top of the page, not only a link to it moved up the list."""

from __future__ import annotations

import pytest

from powerwith.accounts import services
from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent
from tests.conftest import logged_in
from tests.consent.factories import own
from tests.learning.factories import drafted, work_with_two_experts
from tests.offers.factories import sent_offer

pytestmark = pytest.mark.django_db

EASY_READ = 'class="pw-easy-read"'


def reads_easy_read_first(user) -> None:
    services.change_display_settings(user=user, changes={"easy_read_first": True})


def test_an_offer_shows_its_key_facts_in_easy_read_first(
    client, riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.formats = ["large_print"]
    expert_at_riverside.save()
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    url = f"/my-offers/{offer.pk}/"
    assert EASY_READ not in client.get(url).content.decode()

    reads_easy_read_first(expert_at_riverside.user)
    page = client.get(url).content.decode()
    assert page.index(EASY_READ) < page.index('id="ok-to-say-no"')
    easy = page[page.index(EASY_READ) : page.index("All the details")]
    for heading in ("The key facts", "What<", "Where<", "When<", "Money<", "Who to ask<"):
        assert f">{heading}" in easy, heading
    assert "render/?format=easy-read" in easy


def test_an_offer_shows_easy_read_first_for_a_person_whose_profile_asks_for_it(
    client, riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.formats = ["easy_read"]
    expert_at_riverside.save()
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, expert_at_riverside.user).get(f"/my-offers/{offer.pk}/")
    assert EASY_READ in page.content.decode()


def test_a_consent_receipt_shows_its_easy_read_words_first(client, expert_at_riverside, riverside):
    grant_consent(
        person=expert_at_riverside, scope="publish", actor=own(expert_at_riverside, riverside.pk)
    )
    event = ConsentEvent.objects.filter(person=expert_at_riverside).last()
    assert event is not None
    logged_in(client, expert_at_riverside.user)
    url = f"/consent-receipts/{event.pk}/"
    standard = client.get(url).content.decode()
    assert EASY_READ not in standard

    reads_easy_read_first(expert_at_riverside.user)
    page = client.get(url).content.decode()
    assert '<h1 class="govuk-heading-l">Your consent receipt</h1>' in page
    assert (
        page.index(EASY_READ)
        < page.index("You do not have to say why.")
        < page.index("All the details")
    )
    assert page.index("All the details") < page.index("Check code</dt>")


def test_a_learning_summary_shows_its_easy_read_version_first(
    client, riverside, riverside_coordinator
):
    offer, _zephyrine, quillon = work_with_two_experts(riverside_coordinator, riverside)
    summary = drafted(riverside_coordinator, offer)
    assert quillon.user is not None
    logged_in(client, quillon.user)
    url = f"/learning/summaries/{summary.pk}/"
    assert EASY_READ not in client.get(url).content.decode()

    reads_easy_read_first(quillon.user)
    page = client.get(url).content.decode()
    assert page.index(EASY_READ) < page.index("What was done")
    easy = page[page.index(EASY_READ) : page.index("All the details")]
    for words in ("What we learned", "How we worked together", "Next time we will"):
        assert words in easy, words
