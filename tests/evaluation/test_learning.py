"""The team's reflection and the impact log ("you said, we did")."""

from __future__ import annotations

from powerwith.evaluation.models import ImpactEntry, TeamReflection
from tests.conftest import logged_in
from tests.evaluation.factories import finished
from tests.offers.factories import complete_opportunity

REFLECTION = {
    "went_well": "People shaped the agenda.",
    "to_change": "Send papers a week earlier.",
    "lived_up": "partly",
}


def test_a_coordinator_records_the_teams_reflection(client, riverside_coordinator):
    opportunity = complete_opportunity(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    response = client.post(f"/opportunities/{opportunity.pk}/reflection/", REFLECTION)
    assert response.status_code == 302
    reflection = TeamReflection.objects.get()
    assert reflection.lived_up == "partly"
    assert reflection.written_by == riverside_coordinator.user
    page = client.get(f"/opportunities/{opportunity.pk}/reflection/").content.decode()
    assert "Send papers a week earlier." in page


def test_a_reflection_missing_an_answer_is_not_saved(client, riverside_coordinator):
    opportunity = complete_opportunity(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/opportunities/{opportunity.pk}/reflection/", {**REFLECTION, "went_well": ""}
    )
    assert response.status_code == 400
    assert "Enter what went well" in response.content.decode()
    assert not TeamReflection.objects.exists()


def test_an_auditor_reads_reflections_but_cannot_write_one(
    client, riverside_coordinator, riverside_auditor
):
    opportunity = complete_opportunity(riverside_coordinator)
    logged_in(client, riverside_auditor.user)
    page = client.get(f"/opportunities/{opportunity.pk}/reflection/")
    assert page.status_code == 200
    assert "Save the reflection" not in page.content.decode()
    client.post(f"/opportunities/{opportunity.pk}/reflection/", REFLECTION)
    assert not TeamReflection.objects.exists()


def test_another_organisations_reflection_page_is_not_found(
    client, riverside_coordinator, hillview_coordinator
):
    opportunity = complete_opportunity(riverside_coordinator)
    logged_in(client, hillview_coordinator.user)
    assert client.get(f"/opportunities/{opportunity.pk}/reflection/").status_code == 404
    assert (
        client.post(f"/opportunities/{opportunity.pk}/reflection/", REFLECTION).status_code == 404
    )
    assert not TeamReflection.objects.exists()


def _impact(offer, **extra):
    return {
        "you_said": "The waiting room felt unsafe.",
        "we_did": "We moved the meeting to a quiet room.",
        "contributors": [offer.person_id],
        "standards": ["working_together", "impact"],
        **extra,
    }


def test_an_impact_entry_shared_with_a_contributor_is_on_their_page(
    client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/opportunities/{offer.opportunity_id}/impact/", _impact(offer, share="on")
    )
    assert response.status_code == 302
    entry = ImpactEntry.objects.get()
    assert entry.standards == ["working_together", "impact"]
    assert entry.is_shared
    mine = logged_in(client, expert_at_riverside.user).get("/you-said-we-did/").content.decode()
    assert "We moved the meeting to a quiet room." in mine
    other = logged_in(client, expert_at_both.user).get("/you-said-we-did/").content.decode()
    assert "quiet room" not in other


def test_an_entry_is_not_seen_by_contributors_until_it_is_shared(
    client, riverside_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    client.post(f"/opportunities/{offer.opportunity_id}/impact/", _impact(offer))
    entry = ImpactEntry.objects.get()
    assert not entry.is_shared
    expert = logged_in(client, expert_at_riverside.user)
    assert "quiet room" not in expert.get("/you-said-we-did/").content.decode()
    logged_in(client, riverside_coordinator.user).post(
        f"/opportunities/{offer.opportunity_id}/impact/{entry.pk}/share/"
    )
    expert = logged_in(client, expert_at_riverside.user)
    assert "quiet room" in expert.get("/you-said-we-did/").content.decode()


def test_a_contributor_must_have_taken_part(
    client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    # Sam took no part, so is not even offered as a choice.
    response = client.post(
        f"/opportunities/{offer.opportunity_id}/impact/",
        _impact(offer, contributors=[expert_at_both.pk]),
    )
    assert response.status_code == 400
    assert not ImpactEntry.objects.exists()


def test_an_unknown_standard_is_refused(client, riverside_coordinator, expert_at_riverside):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/opportunities/{offer.opportunity_id}/impact/", _impact(offer, standards=["fame"])
    )
    assert response.status_code == 400
    assert not ImpactEntry.objects.exists()


def test_the_organisation_counts_entries_per_uk_standard(
    client, riverside_coordinator, riverside_auditor, expert_at_riverside, hillview_coordinator
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    client.post(f"/opportunities/{offer.opportunity_id}/impact/", _impact(offer))
    client.post(
        f"/opportunities/{offer.opportunity_id}/impact/", _impact(offer, standards=["impact"])
    )
    page = logged_in(client, riverside_auditor.user).get("/impact/standards/")
    rows = page.context["rows"]
    counts = {code: count for code, _, count in rows}
    assert counts["impact"] == 2
    assert counts["working_together"] == 1
    assert counts["governance"] == 0
    elsewhere = logged_in(client, hillview_coordinator.user).get("/impact/standards/")
    assert {code: count for code, _, count in elsewhere.context["rows"]}["impact"] == 0


def test_another_organisations_impact_log_is_not_found(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, hillview_coordinator.user)
    assert client.get(f"/opportunities/{offer.opportunity_id}/impact/").status_code == 404
    assert (
        client.post(f"/opportunities/{offer.opportunity_id}/impact/", _impact(offer)).status_code
        == 404
    )
    assert not ImpactEntry.objects.exists()


def test_an_expert_cannot_open_staff_evaluation_pages(
    client, riverside_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    for page in ("feedback", "reflection", "impact"):
        assert client.get(f"/opportunities/{offer.opportunity_id}/{page}/").status_code == 403
    assert client.get("/impact/standards/").status_code == 403
