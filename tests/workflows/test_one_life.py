"""A person who works with several organisations has one life on their own pages: offers,
sessions, claims, feedback and their information show every organisation together, each
item named with its organisation, with a filter that shows all by default; and they act
on either organisation's things whatever organisation is current, without switching.
Another person's things, and the other organisation's staff, still get a 404."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from powerwith.accounts.models import Organisation
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.offers.models import Offer, OfferStatus
from powerwith.payments.models import Claim
from powerwith.people.models import Person
from powerwith.privacy.access import record_read
from powerwith.privacy.models import What
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.evaluation.factories import ALL_AGREE, finished
from tests.offers.factories import sent_offer
from tests.payments.factories import offer_of, worked

pytestmark = pytest.mark.django_db


def working_in(client: Client, person: Person, organisation: Organisation) -> Client:
    """Logged in as the person, with ``organisation`` the current one."""
    assert person.user is not None
    logged_in(client, person.user)
    client.post("/organisation/switch/", {"organisation": organisation.pk})
    return client


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def filter_links(html: str) -> list[str]:
    """The organisations the page's filter offers, in order."""
    block = html.split('id="organisation-filter"', 1)[1].split("</form>", 1)[0]
    return [re.sub(r"\s+", " ", o).strip() for o in re.findall(r"<option[^>]*>([^<]+)<", block)]


# Offers


def test_offers_from_both_organisations_are_listed_each_with_its_organisation(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    ours = sent_offer(riverside_coordinator, expert_at_both, title="River walk")
    theirs = sent_offer(hillview_coordinator, expert_at_both, title="Hill walk")
    html = working_in(client, expert_at_both, hillview).get("/my-offers/").text
    rows = text_of(html)
    # Each row's organisation follows its work (labelled "From" for a phone's stacked rows).
    assert "River walk From Riverside Care Partnership" in rows
    assert "Hill walk From Hillview Health NHS Foundation Trust" in rows
    assert f'href="/my-offers/{ours.pk}/"' in html
    assert f'href="/my-offers/{theirs.pk}/"' in html
    assert filter_links(html) == [
        "All organisations",
        "Hillview Health NHS Foundation Trust",
        "Riverside Care Partnership",
    ]


def test_the_offers_filter_shows_one_organisation_and_all_again_by_a_link(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    sent_offer(riverside_coordinator, expert_at_both, title="River walk")
    sent_offer(hillview_coordinator, expert_at_both, title="Hill walk")
    working_in(client, expert_at_both, hillview)
    html = client.get(f"/my-offers/?organisation={riverside.pk}").text
    assert "River walk" in html
    assert "Hill walk" not in html
    assert "Showing offers from Riverside Care Partnership" in text_of(html)
    assert 'href="/my-offers/"' in html  # show everything again, without JavaScript
    # Anything else shows all, never an error.
    for junk in ("nope", "99999999", ""):
        shown = client.get(f"/my-offers/?organisation={junk}")
        assert shown.status_code == 200
        assert "River walk" in shown.text
        assert "Hill walk" in shown.text


def test_someone_with_one_organisation_is_not_offered_a_filter(
    client, riverside, riverside_coordinator, expert_at_riverside
):
    sent_offer(riverside_coordinator, expert_at_riverside)
    html = logged_in(client, expert_at_riverside.user).get("/my-offers/").text
    assert 'id="organisation-filter"' not in html


def test_the_person_accepts_and_declines_either_organisations_offer_without_switching(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    river = sent_offer(riverside_coordinator, expert_at_both)
    hill = sent_offer(hillview_coordinator, expert_at_both)
    working_in(client, expert_at_both, hillview)
    assert client.get(f"/my-offers/{river.pk}/").status_code == 200
    accepted = client.post(f"/my-offers/{river.pk}/accept/", {"version": river.version})
    assert accepted.status_code == 302
    working_in(client, expert_at_both, riverside)
    assert client.post(f"/my-offers/{hill.pk}/decline/").status_code == 302
    river.refresh_from_db()
    hill.refresh_from_db()
    assert (river.status, hill.status) == (OfferStatus.ACCEPTED, OfferStatus.DECLINED)


def test_another_persons_offer_and_the_other_organisations_staff_get_404(
    client,
    riverside,
    hillview,
    riverside_coordinator,
    hillview_coordinator,
    expert_at_both,
    expert_at_riverside,
):
    someone_elses = sent_offer(riverside_coordinator, expert_at_riverside)
    sams = sent_offer(riverside_coordinator, expert_at_both)
    working_in(client, expert_at_both, riverside)
    assert client.get(f"/my-offers/{someone_elses.pk}/").status_code == 404
    refused = client.post(f"/my-offers/{someone_elses.pk}/accept/", {"version": 1})
    assert refused.status_code == 404
    staff = logged_in(Client(), hillview_coordinator.user)
    assert staff.get(f"/offers/{sams.pk}/").status_code == 404
    assert Offer.objects.get(pk=someone_elses.pk).status == OfferStatus.SENT


# Sessions


def test_sessions_of_both_organisations_are_listed_labelled_and_filtered(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    river = booked(riverside_coordinator, expert_at_both, title="River walk")
    hill = booked(hillview_coordinator, expert_at_both, title="Hill walk")
    working_in(client, expert_at_both, hillview)
    html = client.get("/my-sessions/").text
    rows = text_of(html)
    assert "River walk With Riverside Care Partnership" in rows
    assert "Hill walk With Hillview Health NHS Foundation Trust" in rows
    assert len(filter_links(html)) == 3
    only = client.get(f"/my-sessions/?organisation={hillview.pk}").text
    assert "Hill walk" in only
    assert "River walk" not in only
    # Open either session from Hillview.
    assert client.get(f"/my-sessions/{river.session_id}/").status_code == 200
    assert client.get(f"/my-sessions/{hill.session_id}/").status_code == 200


def test_another_persons_session_is_not_found(
    client, riverside, riverside_coordinator, expert_at_both, expert_at_riverside
):
    theirs = booked(riverside_coordinator, expert_at_riverside)
    working_in(client, expert_at_both, riverside)
    assert client.get(f"/my-sessions/{theirs.session_id}/").status_code == 404


# Claims


def test_claims_of_both_organisations_are_listed_labelled_and_filtered(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    river = worked(riverside_coordinator, expert_at_both, title="River walk")
    hill = worked(hillview_coordinator, expert_at_both, title="Hill walk")
    working_in(client, expert_at_both, hillview)
    for booking in (river, hill):
        offer = offer_of(booking)
        response = client.post(
            "/my-claims/expenses/",
            {
                "offer_id": offer.pk,
                "category": "subsistence",
                "amount": "4.50",
                "description": f"Lunch at {offer.opportunity.title}",
            },
        )
        assert response.status_code == 302, response.text
    claims = {c.description: c.organisation_id for c in Claim.objects.all()}
    assert claims == {"Lunch at River walk": riverside.pk, "Lunch at Hill walk": hillview.pk}
    html = client.get("/my-claims/").text
    rows = text_of(html)
    assert "Riverside Care Partnership" in rows.split("Your claims", 1)[1]
    assert "Hillview Health NHS Foundation Trust" in rows.split("Your claims", 1)[1]
    assert len(filter_links(html)) == 3
    only = text_of(client.get(f"/my-claims/?organisation={riverside.pk}").text)
    assert "River walk" in only
    assert "Hill walk" not in only


def test_the_person_claims_time_for_the_other_organisations_session_without_switching(
    client, riverside, hillview, riverside_coordinator, expert_at_both
):
    booking = worked(riverside_coordinator, expert_at_both)
    working_in(client, expert_at_both, hillview)
    response = client.post(
        "/my-claims/time/", {"session_id": booking.session_id, "minutes": booking.session.minutes}
    )
    assert response.status_code == 302, response.text
    claim = Claim.objects.get()
    assert (claim.organisation_id, claim.session_id) == (riverside.pk, booking.session_id)
    # The claim opens from Hillview too, and no one else's does.
    assert client.get(f"/my-claims/{claim.pk}/").status_code == 200


def test_another_persons_claim_is_not_found(
    client, riverside, riverside_coordinator, expert_at_both, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    working_in(client, expert_at_riverside, riverside)
    client.post("/my-claims/time/", {"session_id": booking.session_id, "minutes": 60})
    claim = Claim.objects.get()
    working_in(client, expert_at_both, riverside)
    assert client.get(f"/my-claims/{claim.pk}/").status_code == 404
    assert client.post(f"/my-claims/{claim.pk}/withdraw/").status_code == 404


# Feedback


def test_feedback_for_both_organisations_is_listed_labelled_filtered_and_given(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    river = finished(riverside_coordinator, expert_at_both, title="River walk")
    hill = finished(hillview_coordinator, expert_at_both, title="Hill walk")
    working_in(client, expert_at_both, riverside)
    html = client.get("/my-feedback/").text
    rows = text_of(html)
    assert "River walk , Riverside Care Partnership" in rows
    assert "Hill walk , Hillview Health NHS Foundation Trust" in rows
    assert len(filter_links(html)) == 3
    only = text_of(client.get(f"/my-feedback/?organisation={hillview.pk}").text)
    assert "Hill walk" in only
    assert "River walk" not in only
    # Hillview's feedback, given while Riverside is current.
    assert client.post(f"/my-feedback/{hill.pk}/", ALL_AGREE).status_code == 302
    assert FeedbackAnswer.objects.filter(opportunity_id=hill.opportunity_id).exists()
    assert not FeedbackAnswer.objects.filter(opportunity_id=river.opportunity_id).exists()


# Your information


def test_the_information_page_names_every_organisation_holding_information(
    client, riverside, hillview, expert_at_both
):
    html = working_in(client, expert_at_both, hillview).get("/my-information/").text
    held = text_of(html.split('id="organisations-holding"', 1)[1].split("</ul>", 1)[0])
    assert "Hillview Health NHS Foundation Trust" in held
    assert "Riverside Care Partnership" in held
    assert f'href="/my-information/who-looked/?organisation={riverside.pk}"' in html


def test_who_looked_shows_both_organisations_labelled_and_filtered(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator, expert_at_both
):
    record_read(viewer=riverside_coordinator, person=expert_at_both, what=What.PROFILE, where="/")
    record_read(viewer=hillview_coordinator, person=expert_at_both, what=What.PROFILE, where="/")
    working_in(client, expert_at_both, hillview)
    html = client.get("/my-information/who-looked/").text
    rows = text_of(html)
    assert "Riverside Care Partnership" in rows
    assert "Hillview Health NHS Foundation Trust" in rows
    assert len(filter_links(html)) == 3
    only = client.get(f"/my-information/who-looked/?organisation={riverside.pk}").text
    body = text_of(only.split("<tbody", 1)[1])
    assert "Riverside Care Partnership" in body
    assert "Hillview Health NHS Foundation Trust" not in body
