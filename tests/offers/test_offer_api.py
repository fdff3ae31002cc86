"""Offers over the API: the contract's paths and fields, the lifecycle, and who may do
what (403 for a role that may not, 404 across organisations and between experts)."""

from __future__ import annotations

import pytest
from django.core import mail

from powerwith.offers.models import Offer, OfferStatus, OfferVersion
from tests.conftest import api_client_for, make_expert
from tests.offers.factories import (
    BLOCKED_MESSAGE,
    STYLE_WARNING_MESSAGE,
    complete_opportunity,
    draft_offer,
    sent_offer,
)

pytestmark = pytest.mark.django_db

JSON = "application/json"


def post(client, path: str, body: dict[str, object] | None = None):
    return client.post(path, body or {}, content_type=JSON)


def test_it_makes_a_draft_offer_for_a_person_on_the_register(
    riverside_coordinator, expert_at_riverside
):
    opportunity = complete_opportunity(riverside_coordinator)
    response = post(
        api_client_for(riverside_coordinator),
        f"/api/v1/opportunities/{opportunity.pk}/offers",
        {"person_id": expert_at_riverside.pk},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    assert body["version"] == 0
    assert body["person_id"] == expert_at_riverside.pk
    assert body["opportunity_id"] == opportunity.pk
    # Nothing is written for the person yet: the adjustments and payment method.
    assert body["missing"] == ["payment_method", "adjustments"]


def test_a_second_live_offer_is_a_conflict(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    response = post(
        api_client_for(riverside_coordinator),
        f"/api/v1/opportunities/{offer.opportunity_id}/offers",
        {"person_id": expert_at_riverside.pk},
    )
    assert response.status_code == 409
    assert "already has an offer" in response.json()["detail"]
    assert Offer.objects.count() == 1


def test_another_organisations_person_or_opportunity_is_not_found(
    riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    kim = make_expert("kim@people.example", "Kim", hillview_coordinator.organisation)
    ours = complete_opportunity(riverside_coordinator)
    theirs = complete_opportunity(hillview_coordinator)
    client = api_client_for(riverside_coordinator)
    path = "/api/v1/opportunities/{}/offers"
    assert post(client, path.format(ours.pk), {"person_id": kim.pk}).status_code == 404
    assert (
        post(client, path.format(theirs.pk), {"person_id": expert_at_riverside.pk}).status_code
        == 404
    )
    assert Offer.objects.count() == 0


def test_an_auditor_cannot_make_offers(
    riverside_auditor, riverside_coordinator, expert_at_riverside
):
    opportunity = complete_opportunity(riverside_coordinator)
    response = post(
        api_client_for(riverside_auditor),
        f"/api/v1/opportunities/{opportunity.pk}/offers",
        {"person_id": expert_at_riverside.pk},
    )
    assert response.status_code == 403
    assert "coordinators and admins" in response.json()["detail"]


def test_reading_an_offer_has_the_contracts_fields(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(riverside_coordinator)
    client.patch(f"/api/v1/offers/{offer.pk}", {"message": BLOCKED_MESSAGE}, content_type=JSON)
    body = client.get(f"/api/v1/offers/{offer.pk}").json()
    assert {"id", "status", "version", "missing", "clarity"} <= set(body)
    assert body["missing"] == []
    [finding] = body["clarity"]
    assert {"rule", "severity", "message", "excerpt"} <= set(finding)
    assert (finding["rule"], finding["severity"], finding["excerpt"]) == (
        "speculative",
        "warning",
        "hopefully",
    )
    assert (finding["field"], finding["blocks"]) == ("message", True)
    assert finding["href"] == f"/offers/{offer.pk}/#id_message"
    assert body["terms"]["message"] == BLOCKED_MESSAGE
    assert body["content"]["message"] == BLOCKED_MESSAGE


def test_patch_changes_only_the_terms_it_sends_and_refuses_unknown_ones(
    riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(riverside_coordinator)
    path = f"/api/v1/offers/{offer.pk}"
    response = client.patch(path, {"support": "A debrief after."}, content_type=JSON)
    assert response.status_code == 200
    assert response.json()["terms"]["support"] == "A debrief after."
    assert response.json()["terms"]["adjustments"] == "None needed."
    assert client.patch(path, {"salary": "lots"}, content_type=JSON).status_code == 422
    refused = client.patch(path, {"payment_method": "cash"}, content_type=JSON)
    assert refused.status_code == 422
    assert "Unknown payment method" in refused.json()["detail"]


def test_send_answers_409_with_style_warnings_until_they_are_acknowledged(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(riverside_coordinator)
    path = f"/api/v1/offers/{offer.pk}"
    client.patch(path, {"message": STYLE_WARNING_MESSAGE}, content_type=JSON)
    refused = post(client, f"{path}/send", {"acknowledge_warnings": False})
    assert refused.status_code == 409
    body = refused.json()
    assert isinstance(body["detail"], str)
    assert (body["missing"], body["blocking"]) == ([], [])
    assert [(w["rule"], w["excerpt"], w["blocks"]) for w in body["warnings"]] == [
        ("unexplained_acronym", "DBS", False)
    ]
    assert OfferVersion.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        sent = post(client, f"{path}/send", {"acknowledge_warnings": True})
    assert sent.status_code == 200
    assert (sent.json()["status"], sent.json()["version"]) == ("sent", 1)
    assert mail.outbox[0].to == ["alex@people.example"]


def test_speculation_is_never_sent_even_with_the_warnings_acknowledged(
    riverside_coordinator, expert_at_riverside
):
    """The rule changed in issue 15: acknowledging warnings used to send this."""
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(riverside_coordinator)
    path = f"/api/v1/offers/{offer.pk}"
    client.patch(path, {"message": BLOCKED_MESSAGE}, content_type=JSON)
    for acknowledged in (False, True):
        refused = post(client, f"{path}/send", {"acknowledge_warnings": acknowledged})
        assert refused.status_code == 409
        body = refused.json()
        assert body["missing"] == []
        [finding] = body["blocking"]
        assert (finding["rule"], finding["excerpt"], finding["field"]) == (
            "speculative",
            "hopefully",
            "message",
        )
        assert finding["href"] == f"/offers/{offer.pk}/#id_message"
        assert "“hopefully” is speculative in this offer's message to the person" in body["detail"]
    assert OfferVersion.objects.count() == 0
    offer.refresh_from_db()
    assert (offer.status, offer.version) == (OfferStatus.DRAFT, 0)


@pytest.mark.parametrize(
    ("field", "text", "rule", "excerpt"),
    [
        ("purpose", "We might run the course again next spring.", "speculative", "might"),
        ("input_expected", "You will definitely get a paid role after this.", "promise", None),
        ("success_measures", "Staff use the course soon.", "vague_time", "soon"),
        ("ground_rules", "Breaks are paid, up to £5 each.", "vague_amount", "up to £5"),
    ],
)
def test_blocking_text_on_the_opportunity_is_named_with_its_field_and_shared(
    riverside_coordinator, expert_at_riverside, field, text, rule, excerpt
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside, **{field: text})
    client = api_client_for(riverside_coordinator)
    refused = post(client, f"/api/v1/offers/{offer.pk}/send", {"acknowledge_warnings": True})
    assert refused.status_code == 409
    body = refused.json()
    found = [f for f in body["blocking"] if f["rule"] == rule]
    assert found, body
    assert {f["field"] for f in body["blocking"]} == {field}
    assert all(f["on_opportunity"] for f in body["blocking"])
    if excerpt:
        assert found[0]["excerpt"] == excerpt
    assert found[0]["href"] == f"/opportunities/{offer.opportunity_id}/edit/#id_{field}"
    assert "shared by every offer of this opportunity" in body["detail"]
    assert OfferVersion.objects.count() == 0


def test_missing_elements_and_blocking_words_are_refused_together(
    riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside, contact_user=None)
    client = api_client_for(riverside_coordinator)
    client.patch(f"/api/v1/offers/{offer.pk}", {"message": BLOCKED_MESSAGE}, content_type=JSON)
    body = post(client, f"/api/v1/offers/{offer.pk}/send", {"acknowledge_warnings": True}).json()
    assert body["missing"] == ["contact_person"]
    assert [f["excerpt"] for f in body["blocking"]] == ["hopefully"]
    assert "The appointed contact person" in body["detail"]
    assert "“hopefully” is speculative" in body["detail"]


def test_a_malformed_send_body_is_422(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(riverside_coordinator)
    response = post(client, f"/api/v1/offers/{offer.pk}/send", {"acknowledge_warnings": "maybe"})
    assert response.status_code == 422
    assert OfferVersion.objects.count() == 0


def test_the_person_accepts_once(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(expert_at_riverside.user.memberships.get())
    accepted = client.post(f"/api/v1/offers/{offer.pk}/accept")
    assert accepted.status_code == 200
    body = accepted.json()
    assert (body["status"], body["accepted_version"]) == ("accepted", 1)
    assert body["content_hash"] == OfferVersion.objects.get(offer=offer).content_hash
    again = client.post(f"/api/v1/offers/{offer.pk}/accept")
    assert again.status_code == 409
    assert again.json() == {"detail": "This offer has already been accepted. You cannot accept it."}


def test_a_version_not_read_is_not_accepted(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    coordinator = api_client_for(riverside_coordinator)
    coordinator.patch(f"/api/v1/offers/{offer.pk}", {"message": "New dates."}, content_type=JSON)
    post(coordinator, f"/api/v1/offers/{offer.pk}/send")
    client = api_client_for(expert_at_riverside.user.memberships.get())
    assert client.post(f"/api/v1/offers/{offer.pk}/accept?version=1").status_code == 409
    assert client.post(f"/api/v1/offers/{offer.pk}/accept?version=2").status_code == 200


def test_a_withdrawn_offer_cannot_be_accepted(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    withdrawn = api_client_for(riverside_coordinator).post(f"/api/v1/offers/{offer.pk}/withdraw")
    assert withdrawn.json()["status"] == "withdrawn"
    client = api_client_for(expert_at_riverside.user.memberships.get())
    response = client.post(f"/api/v1/offers/{offer.pk}/accept")
    assert response.status_code == 409
    assert "withdrawn" in response.json()["detail"]


def test_declining_needs_no_body_and_no_reason(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(expert_at_riverside.user.memberships.get())
    response = client.post(f"/api/v1/offers/{offer.pk}/decline")
    assert response.status_code == 200
    assert response.json()["status"] == "declined"


def test_accept_and_decline_belong_to_the_person_offered(
    riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    coordinator = api_client_for(riverside_coordinator)
    other_expert = api_client_for(
        expert_at_both.user.memberships.get(organisation__slug="riverside")
    )
    for action in ("accept", "decline"):
        forbidden = coordinator.post(f"/api/v1/offers/{offer.pk}/{action}")
        assert forbidden.status_code == 403
        assert "Only the person" in forbidden.json()["detail"]
        assert other_expert.post(f"/api/v1/offers/{offer.pk}/{action}").status_code == 404
    assert other_expert.get(f"/api/v1/offers/{offer.pk}").status_code == 404
    offer.refresh_from_db()
    assert offer.status == "sent"


def test_another_organisation_cannot_see_or_touch_an_offer(
    riverside_coordinator, hillview_coordinator, expert_at_both
):
    offer = draft_offer(riverside_coordinator, expert_at_both)
    client = api_client_for(hillview_coordinator)
    assert client.get(f"/api/v1/offers/{offer.pk}").json() == {"detail": "Not found."}
    for action in ("send", "withdraw", "accept", "decline"):
        assert post(client, f"/api/v1/offers/{offer.pk}/{action}").status_code == 404
    assert client.patch(f"/api/v1/offers/{offer.pk}", {}, content_type=JSON).status_code == 404


def test_the_person_reads_only_what_was_sent_to_them(riverside_coordinator, expert_at_both):
    offer = draft_offer(riverside_coordinator, expert_at_both)
    riverside = api_client_for(expert_at_both.user.memberships.get(organisation__slug="riverside"))
    assert riverside.get(f"/api/v1/offers/{offer.pk}").status_code == 404  # a draft never sent
    coordinator = api_client_for(riverside_coordinator)
    post(coordinator, f"/api/v1/offers/{offer.pk}/send")
    coordinator.patch(f"/api/v1/offers/{offer.pk}", {"message": "Not sent yet."}, content_type=JSON)
    body = riverside.get(f"/api/v1/offers/{offer.pk}").json()
    assert (body["status"], body["version"]) == ("draft", 1)
    assert body["content"]["message"] != "Not sent yet."
    assert body["terms"] is None
    assert riverside.get("/api/v1/offers").json()["count"] == 1
    # The same person acting for Hillview sees nothing of Riverside's offer.
    hillview = api_client_for(expert_at_both.user.memberships.get(organisation__slug="hillview"))
    assert hillview.get(f"/api/v1/offers/{offer.pk}").status_code == 404
    assert hillview.get("/api/v1/offers").json() == {"items": [], "count": 0}


def test_questions_and_answers(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    mail.outbox.clear()
    person = api_client_for(expert_at_riverside.user.memberships.get())
    coordinator = api_client_for(riverside_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        asked = post(person, f"/api/v1/offers/{offer.pk}/questions", {"text": "Is lunch provided?"})
    assert asked.status_code == 201
    assert (asked.json()["kind"], asked.json()["text"]) == ("question", "Is lunch provided?")
    assert mail.outbox[0].to == ["coordinator@riverside.example"]
    assert post(person, f"/api/v1/offers/{offer.pk}/questions", {"text": " "}).status_code == 422
    assert (
        post(coordinator, f"/api/v1/offers/{offer.pk}/questions", {"text": "?"}).status_code == 403
    )
    answered = post(coordinator, f"/api/v1/offers/{offer.pk}/answers", {"text": "Yes."})
    assert answered.status_code == 201
    questions = person.get(f"/api/v1/offers/{offer.pk}").json()["questions"]
    assert [(q["kind"], q["text"]) for q in questions] == [
        ("question", "Is lunch provided?"),
        ("answer", "Yes."),
    ]


def test_staff_list_their_organisations_offers(
    riverside_coordinator, hillview_coordinator, riverside_auditor, expert_at_both
):
    draft_offer(riverside_coordinator, expert_at_both)
    draft_offer(hillview_coordinator, expert_at_both)
    body = api_client_for(riverside_coordinator).get("/api/v1/offers").json()
    assert body["count"] == 1
    assert body["items"][0]["person_id"] == expert_at_both.pk


@pytest.mark.parametrize("body", [b"not json", b"\xff\xfe", b'{"acknowledge_warnings": "maybe"}'])
def test_a_send_with_a_body_that_is_not_the_schema_is_a_clear_422_and_sends_nothing(
    riverside_coordinator, expert_at_riverside, body
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    response = api_client_for(riverside_coordinator).post(
        f"/api/v1/offers/{offer.pk}/send", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert "detail" in response.json()
    offer.refresh_from_db()
    assert offer.status == "draft"
