"""The network library: published summaries of organisations that share them, searchable
by focus, setting and level; and importing a summary's JSON document from another
installation, all or nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from powerwith.learning import services
from powerwith.learning.models import ImportedSummary
from powerwith.opportunities.models import RequiredExperience
from powerwith.people.schedule import ITEMS
from tests.conftest import api_client_for, logged_in
from tests.learning.factories import drafted, withdraw, work_with_two_experts

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(riverside, riverside_coordinator, riverside_admin):
    offer, zephyrine, _quillon = work_with_two_experts(riverside_coordinator, riverside)
    summary = drafted(
        riverside_coordinator,
        offer,
        title="What we learned co-designing the course",
        what_worked="Zephyrine chaired the panel.",
    )
    services.publish_summary(by=riverside_coordinator, summary=summary)
    services.set_network_sharing(by=riverside_admin, share_summaries=True, contribute_figures=False)
    return summary, offer, zephyrine


def test_the_library_lists_summaries_of_organisations_that_share_them(
    client, published, hillview_coordinator
):
    summary, _offer, _z = published
    page = logged_in(client, hillview_coordinator.user).get("/network/library/")
    assert page.status_code == 200
    assert "What we learned co-designing the course" in page.text
    assert "Riverside Care Partnership" in page.text
    # Another organisation reads the published summary itself.
    read = client.get(f"/learning/summaries/{summary.pk}/")
    assert read.status_code == 200
    assert "Zephyrine chaired the panel." in read.text


def test_an_organisation_that_does_not_share_is_not_in_the_library(
    client, published, riverside_admin, hillview_coordinator
):
    summary, _offer, _z = published
    services.set_network_sharing(
        by=riverside_admin, share_summaries=False, contribute_figures=False
    )
    logged_in(client, hillview_coordinator.user)
    assert "co-designing the course" not in client.get("/network/library/").text
    assert client.get(f"/learning/summaries/{summary.pk}/").status_code == 404


def test_a_draft_is_never_in_the_library(
    client, riverside, riverside_coordinator, riverside_admin, hillview_coordinator
):
    offer, _z, _q = work_with_two_experts(riverside_coordinator, riverside)
    drafted(riverside_coordinator, offer, title="A draft nobody else sees")
    services.set_network_sharing(by=riverside_admin, share_summaries=True, contribute_figures=False)
    page = logged_in(client, hillview_coordinator.user).get("/network/library/")
    assert "A draft nobody else sees" not in page.text


def test_the_library_names_no_expert_without_consent(client, published, hillview_coordinator):
    summary, offer, zephyrine = published
    logged_in(client, hillview_coordinator.user)
    assert "Zephyrine" in client.get(f"/learning/summaries/{summary.pk}/").text
    withdraw(zephyrine, offer, "be_quoted")
    for path in ("/network/library/", f"/learning/summaries/{summary.pk}/"):
        assert "Zephyrine" not in client.get(path).text, path


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("", True),
        ("level=co_production", True),
        ("level=consultation", False),
        ("focus=designing_training", True),
        ("focus=peer_support", False),
    ],
)
def test_the_library_is_searched_by_focus_setting_and_level(
    client, published, hillview_coordinator, query, found
):
    _summary, offer, _z = published
    opportunity = offer.opportunity
    opportunity.level = "co_production"
    opportunity.focus = ["designing_training"]
    opportunity.save()
    page = logged_in(client, hillview_coordinator.user).get(f"/network/library/?{query}")
    assert page.status_code == 200
    assert ("co-designing the course" in page.text) is found


def test_the_library_is_searched_by_setting(client, published, hillview_coordinator):
    _summary, offer, _z = published
    RequiredExperience.objects.create(
        opportunity=offer.opportunity, code=ITEMS[0].code, setting="mental_health"
    )
    logged_in(client, hillview_coordinator.user)
    assert "co-designing" in client.get("/network/library/?setting=mental_health").text
    assert "co-designing" not in client.get("/network/library/?setting=prison_justice").text


def test_a_valid_document_from_another_installation_is_imported(
    client, published, riverside_coordinator, hillview_coordinator
):
    summary, _offer, _z = published
    document = (
        api_client_for(riverside_coordinator)
        .get(f"/api/v1/learning-summaries/{summary.pk}?format=json")
        .content
    )
    logged_in(client, hillview_coordinator.user)
    response = client.post(
        "/network/library/import/",
        {"document": SimpleUploadedFile("summary.json", document, "application/json")},
    )
    assert response.status_code == 302
    imported = ImportedSummary.objects.get()
    assert imported.source_organisation == "Riverside Care Partnership"
    assert client.get(response["Location"]).status_code == 200


def test_a_bad_file_gets_a_clear_report_and_nothing_is_stored(client, hillview_coordinator):
    bad = {"schema_version": "1", "title": "", "organisation": "X", "sections": {}}
    logged_in(client, hillview_coordinator.user)
    response = client.post(
        "/network/library/import/",
        {"document": SimpleUploadedFile("bad.json", json.dumps(bad).encode(), "application/json")},
    )
    assert response.status_code == 400
    assert "The file was not imported" in response.text
    assert "title: String should have at least 1 character" in response.text
    assert "sections.what_was_done: Field required" in response.text
    assert "id: Field required" in response.text
    assert not ImportedSummary.objects.exists()


def test_a_file_that_is_not_json_is_reported(client, hillview_coordinator):
    logged_in(client, hillview_coordinator.user)
    response = client.post(
        "/network/library/import/",
        {"document": SimpleUploadedFile("bad.json", b"not json {", "application/json")},
    )
    assert response.status_code == 400
    assert "The file is not JSON" in response.text
    assert not ImportedSummary.objects.exists()


def test_only_admins_choose_what_is_shared(client, riverside_coordinator, riverside_admin):
    logged_in(client, riverside_coordinator.user)
    assert client.get("/network/settings/").status_code == 403
    logged_in(client, riverside_admin.user)
    assert client.get("/network/settings/").status_code == 200
    response = client.post("/network/settings/", {"share_summaries": "on"})
    assert response.status_code == 302
