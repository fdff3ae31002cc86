"""The pages where staff record what a person told them, and where a person with a login
chooses whether staff may."""

from __future__ import annotations

import pytest
from django.urls import reverse

from powerwith.offers.models import OfferStatus
from powerwith.people.models import ActedFor
from tests.conftest import logged_in
from tests.offers.factories import sent_offer
from tests.workflows.factories import no_login

pytestmark = pytest.mark.django_db


def test_the_offer_page_links_to_record_what_the_person_said(client, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    page = logged_in(client, riverside_coordinator.user).get(
        reverse("offers:offer", args=[offer.pk])
    )
    assert "Record what Nia told you" in page.content.decode()


def test_the_offer_page_offers_no_such_link_for_a_person_with_a_login(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, riverside_coordinator.user).get(
        reverse("offers:offer", args=[offer.pk])
    )
    assert "told you</a>" not in page.content.decode()


def test_a_coordinator_records_an_acceptance_from_a_letter(client, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    browser = logged_in(client, riverside_coordinator.user)
    assert browser.get(url).status_code == 200
    response = browser.post(url, {"answer": "accept", "method": "letter", "note": "Reply slip"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED
    acted = ActedFor.objects.get()
    assert (acted.method, acted.note) == ("letter", "Reply slip")
    page = browser.get(reverse("offers:offer", args=[offer.pk])).content.decode()
    assert "Recorded for Nia, who told them by letter: Reply slip" in page


def test_an_empty_form_says_what_is_missing(client, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    response = logged_in(client, riverside_coordinator.user).post(url, {})
    assert response.status_code == 400
    assert "Choose what the person said" in response.content.decode()
    assert "Choose how the person told you" in response.content.decode()


def test_the_page_refuses_for_a_person_with_a_login_who_has_not_allowed_it(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    browser = logged_in(client, riverside_coordinator.user)
    assert "has a login of their own" in browser.get(url).content.decode()
    response = browser.post(url, {"answer": "accept", "method": "phone"})
    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_another_organisations_offer_is_not_found(
    client, riverside_coordinator, hillview_coordinator
):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    response = logged_in(client, hillview_coordinator.user).post(
        url, {"answer": "accept", "method": "phone"}
    )
    assert response.status_code == 404


def test_a_person_allows_staff_to_record_their_answers(client, expert_at_riverside):
    browser = logged_in(client, expert_at_riverside.user)
    profile = browser.get(reverse("people:my_profile")).content.decode()
    assert "No, you answer yourself" in profile
    response = browser.post(reverse("people:my_staff_may_act"), {"allowed": "yes"})
    assert response.status_code == 302
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.staff_may_act_for_me
    profile = browser.get(reverse("people:my_profile")).content.decode()
    assert "Yes, when you tell them another way" in profile


def test_choosing_nothing_says_so(client, expert_at_riverside):
    response = logged_in(client, expert_at_riverside.user).post(
        reverse("people:my_staff_may_act"), {}
    )
    assert response.status_code == 400
    assert "Choose yes or no" in response.content.decode()
