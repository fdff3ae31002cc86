"""The outputs API: add, read, list; usable and blocked_reasons from the ledger;
isolation between organisations; bad input answered with a clear 4xx and nothing written."""

from __future__ import annotations

from powerwith.consent.models import Output
from powerwith.consent.services import grant_consent, withdraw_consent
from tests.conftest import api_client_for
from tests.consent.factories import opportunity_of, output_of, own

JSON = "application/json"


def body(opportunity, *people, **changes):
    return {
        "opportunity_id": opportunity.pk,
        "title": "Ward stories",
        "kind": "narrative",
        "contributors": [p.pk for p in people],
        "uses": ["share_internally", "publish"],
        **changes,
    }


def test_a_coordinator_adds_an_output_and_reads_what_it_may_be_used_for(
    expert_at_riverside, riverside_coordinator
):
    client = api_client_for(riverside_coordinator)
    opportunity = opportunity_of(riverside_coordinator)
    answer = client.post(
        "/api/v1/outputs", body(opportunity, expert_at_riverside), content_type=JSON
    )
    assert answer.status_code == 201, answer.json()
    created = answer.json()
    assert created["contributors"] == [expert_at_riverside.pk]
    assert created["usable"] == {
        "share_internally": False,
        "publish": False,
        "distribute": False,
        "monetise": False,
    }
    grant_consent(
        person=expert_at_riverside,
        scope="publish",
        actor=own(expert_at_riverside, opportunity.organisation_id),
        opportunity=opportunity,
    )
    read = client.get(f"/api/v1/outputs/{created['id']}").json()
    assert read["usable"]["publish"] is True
    assert read["usable"]["share_internally"] is False
    assert (
        "Alex has not given consent to share it inside the organisation." in read["blocked_reasons"]
    )


def test_the_list_can_leave_out_what_is_not_usable_for_a_use(
    expert_at_riverside, riverside_coordinator
):
    output = output_of(riverside_coordinator, expert_at_riverside)
    me = own(expert_at_riverside, output.organisation_id)
    grant_consent(
        person=expert_at_riverside, scope="publish", actor=me, opportunity=output.opportunity
    )
    client = api_client_for(riverside_coordinator)
    assert client.get("/api/v1/outputs?usable_for=publish").json()["count"] == 1
    withdraw_consent(
        person=expert_at_riverside, scope="publish", actor=me, opportunity=output.opportunity
    )
    assert client.get("/api/v1/outputs?usable_for=publish").json()["items"] == []
    assert client.get("/api/v1/outputs").json()["count"] == 1
    assert client.get("/api/v1/outputs?usable_for=sell").status_code == 422


def test_another_organisations_output_is_a_404(
    expert_at_riverside, riverside_coordinator, hillview_admin
):
    output = output_of(riverside_coordinator, expert_at_riverside)
    assert api_client_for(hillview_admin).get(f"/api/v1/outputs/{output.pk}").status_code == 404
    assert api_client_for(hillview_admin).get("/api/v1/outputs").json()["items"] == []


def test_an_expert_cannot_list_or_add_outputs(
    expert_at_riverside, riverside, riverside_coordinator
):
    client = api_client_for(own(expert_at_riverside, riverside.pk))
    assert client.get("/api/v1/outputs").status_code == 403
    opportunity = opportunity_of(riverside_coordinator)
    answer = client.post("/api/v1/outputs", body(opportunity), content_type=JSON)
    assert answer.status_code == 403
    assert not Output.objects.exists()


def test_bad_input_is_a_422_and_nothing_is_written(
    expert_at_riverside, riverside_coordinator, hillview_coordinator, expert_at_both
):
    client = api_client_for(riverside_coordinator)
    opportunity = opportunity_of(riverside_coordinator)
    elsewhere = opportunity_of(hillview_coordinator)
    from tests.conftest import make_expert

    stranger = make_expert("kim@people.example", "Kim", hillview_coordinator.organisation)
    cases = [
        (body(opportunity, uses=["sell"]), "share_internally"),
        (body(opportunity, kind="poem"), "narrative"),
        (body(opportunity, stranger), "does not work with this organisation"),
        (body(elsewhere), "opportunities"),
        (body(opportunity, title="  "), "title"),
        (body(opportunity, uses=[]), "intended use"),
    ]
    for payload, words in cases:
        answer = client.post("/api/v1/outputs", payload, content_type=JSON)
        assert answer.status_code == 422, payload
        assert words in answer.json()["detail"]
    assert client.post("/api/v1/outputs", {"title": 3}, content_type=JSON).status_code == 422
    assert not Output.objects.exists()


def test_withdrawing_a_consent_never_given_is_a_409_and_writes_nothing(
    expert_at_riverside, riverside
):
    client = api_client_for(own(expert_at_riverside, riverside.pk))
    answer = client.post(
        f"/api/v1/people/{expert_at_riverside.pk}/consents",
        {"scope": "publish", "action": "withdraw"},
        content_type=JSON,
    )
    assert answer.status_code == 409
    from powerwith.consent.models import ConsentEvent

    assert not ConsentEvent.objects.exists()


def test_ids_too_large_for_the_database_are_a_422_not_a_500(riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    assert [
        client.get(f"/api/v1/outputs/{2**64}").status_code,
        client.get(f"/api/v1/consent-receipts/{2**64}").status_code,
    ] == [422, 422]
    answer = client.post(
        "/api/v1/outputs",
        {"opportunity_id": 2**64, "title": "x", "kind": "other", "uses": ["publish"]},
        content_type=JSON,
    )
    assert answer.status_code == 422
