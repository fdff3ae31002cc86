from __future__ import annotations

from powerwith.consent.models import ConsentEvent
from tests.conftest import api_client_for
from tests.consent.factories import opportunity_of, output_of
from tests.consent.tampering import raw_execute

JSON = "application/json"


def own_client(person, organisation):
    return api_client_for(person.user.memberships.get(organisation=organisation))


def post(client, person, **body):
    return client.post(f"/api/v1/people/{person.pk}/consents", body, content_type=JSON)


def test_an_expert_gives_and_reads_their_own_consent(expert_at_riverside, riverside):
    client = own_client(expert_at_riverside, riverside)
    answer = post(client, expert_at_riverside, scope="publish", action="grant")
    assert answer.status_code == 200
    assert answer.json() == {
        "scope": "publish",
        "opportunity_id": None,
        "output_id": None,
        "state": "given",
    }
    listed = client.get(f"/api/v1/people/{expert_at_riverside.pk}/consents")
    assert listed.json()["items"] == [answer.json()]


def test_a_consent_can_be_tied_to_an_opportunity_and_an_output(
    expert_at_riverside, riverside, riverside_coordinator
):
    opportunity = opportunity_of(riverside_coordinator)
    output = output_of(riverside_coordinator, expert_at_riverside, opportunity=opportunity)
    client = own_client(expert_at_riverside, riverside)
    answer = post(
        client,
        expert_at_riverside,
        scope="be_quoted",
        action="grant",
        opportunity_id=opportunity.pk,
        output_id=output.pk,
    )
    assert answer.json()["opportunity_id"] == opportunity.pk
    assert answer.json()["output_id"] == output.pk
    # Tied to an output alone, the consent carries the output's opportunity too.
    alone = post(client, expert_at_riverside, scope="publish", action="grant", output_id=output.pk)
    assert alone.json()["opportunity_id"] == opportunity.pk
    unknown = post(client, expert_at_riverside, scope="publish", action="grant", output_id=99999)
    assert unknown.status_code == 422


def test_staff_record_a_withdrawal_on_the_persons_behalf(
    expert_at_riverside, riverside_coordinator
):
    client = api_client_for(riverside_coordinator)
    post(client, expert_at_riverside, scope="publish", action="grant", method="written")
    answer = post(client, expert_at_riverside, scope="publish", action="withdraw", method="verbal")
    assert answer.json()["state"] == "withdrawn"


def test_staff_without_a_method_are_asked_for_one(expert_at_riverside, riverside_coordinator):
    answer = post(
        api_client_for(riverside_coordinator), expert_at_riverside, scope="publish", action="grant"
    )
    assert answer.status_code == 422
    assert "verbal" in answer.json()["detail"]


def test_an_unknown_scope_is_a_422_naming_the_valid_ones(expert_at_riverside, riverside):
    answer = post(
        own_client(expert_at_riverside, riverside), expert_at_riverside, scope="x", action="grant"
    )
    assert answer.status_code == 422
    assert "take_part" in answer.json()["detail"]
    assert not ConsentEvent.objects.exists()


def test_an_unknown_action_is_a_422(expert_at_riverside, riverside):
    answer = post(
        own_client(expert_at_riverside, riverside),
        expert_at_riverside,
        scope="publish",
        action="revoke",
    )
    assert answer.status_code == 422


def test_withdrawing_a_consent_never_given_is_a_409(expert_at_riverside, riverside):
    answer = post(
        own_client(expert_at_riverside, riverside),
        expert_at_riverside,
        scope="publish",
        action="withdraw",
    )
    assert answer.status_code == 409
    assert "no consent to withdraw" in answer.json()["detail"]
    assert not ConsentEvent.objects.exists()


def test_another_organisations_person_is_not_found(expert_at_riverside, hillview_coordinator):
    client = api_client_for(hillview_coordinator)
    assert client.get(f"/api/v1/people/{expert_at_riverside.pk}/consents").status_code == 404
    answer = post(client, expert_at_riverside, scope="publish", action="grant", method="verbal")
    assert answer.status_code == 404
    assert not ConsentEvent.objects.exists()


def test_an_expert_cannot_see_or_change_another_persons_consents(
    expert_at_riverside, expert_at_both, riverside
):
    client = own_client(expert_at_both, riverside)
    assert client.get(f"/api/v1/people/{expert_at_riverside.pk}/consents").status_code == 404
    assert post(client, expert_at_riverside, scope="publish", action="grant").status_code == 404


def test_an_opportunity_of_another_organisation_is_a_422(
    expert_at_both, hillview, riverside_coordinator
):
    opportunity = opportunity_of(riverside_coordinator)
    answer = post(
        own_client(expert_at_both, hillview),
        expert_at_both,
        scope="take_part",
        action="grant",
        opportunity_id=opportunity.pk,
    )
    assert answer.status_code == 422


def test_admins_and_auditors_verify_the_ledger(
    expert_at_riverside, riverside, riverside_admin, riverside_auditor
):
    post(
        own_client(expert_at_riverside, riverside),
        expert_at_riverside,
        scope="publish",
        action="grant",
    )
    for membership in (riverside_admin, riverside_auditor):
        answer = api_client_for(membership).get("/api/v1/consent-ledger/verify")
        assert answer.status_code == 200
        assert answer.json() == {"ok": True, "events": 1}


def test_a_coordinator_may_not_verify_the_ledger(riverside_coordinator):
    answer = api_client_for(riverside_coordinator).get("/api/v1/consent-ledger/verify")
    assert answer.status_code == 403
    assert "admins and auditors" in answer.json()["detail"]


def test_a_broken_ledger_names_the_first_bad_event(expert_at_riverside, riverside, riverside_admin):
    client = own_client(expert_at_riverside, riverside)
    post(client, expert_at_riverside, scope="publish", action="grant")
    post(client, expert_at_riverside, scope="monetise", action="grant")
    bad = ConsentEvent.objects.order_by("id").first()
    assert bad is not None
    raw_execute("UPDATE consent_consentevent SET method = %s WHERE id = %s", ["written", bad.pk])
    answer = api_client_for(riverside_admin).get("/api/v1/consent-ledger/verify")
    assert answer.json() == {
        "ok": False,
        "first_bad_event": bad.pk,
        "problem": f"Event {bad.pk}: its contents no longer match its hash.",
    }
