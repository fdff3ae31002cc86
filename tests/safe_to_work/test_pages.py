"""The safe-to-work pages: staff record a check, the person reads their own, and
coordinators set what the work requires."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.privacy.services import erase_person
from powerwith.safe_to_work.models import CheckRecord
from powerwith.safe_to_work.queries import default_requirements, requirements_of
from tests.conftest import logged_in
from tests.opportunities.factories import opportunity
from tests.safe_to_work.factories import RRN, dbs, requires

pytestmark = pytest.mark.django_db


def _date(prefix: str, day) -> dict[str, object]:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_staff_record_a_check_and_see_it(client, riverside_coordinator, expert_at_riverside):
    logged_in(client, riverside_coordinator.user)
    today = timezone.localdate()
    path = f"/people/{expert_at_riverside.pk}/checks/"
    response = client.post(
        path,
        {
            "kind": "dbs",
            "level": "enhanced_barred",
            **_date("done_on", today),
            **_date("expires_on", today + timedelta(days=20)),
            "certificate_number": "0099",
        },
    )
    assert response.status_code == 302
    page = client.get(path).content.decode()
    assert "Enhanced with barred lists DBS check" in page
    assert "Expires soon" in page
    assert "0099" in page


def test_a_bad_check_shows_the_error_summary_and_writes_nothing(
    client, riverside_coordinator, expert_at_riverside
):
    logged_in(client, riverside_coordinator.user)
    today = timezone.localdate()
    response = client.post(
        f"/people/{expert_at_riverside.pk}/checks/",
        {"kind": "dbs", "level": "", **_date("done_on", today)},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "a DBS check needs a level" in body
    assert not CheckRecord.objects.exists()


def test_an_empty_post_binds_the_form(client, riverside_coordinator, expert_at_riverside):
    logged_in(client, riverside_coordinator.user)
    response = client.post(f"/people/{expert_at_riverside.pk}/checks/", {})
    assert response.status_code == 400
    assert "Choose the kind of check" in response.content.decode()


def test_another_organisations_person_is_not_found(
    client, hillview_coordinator, expert_at_riverside
):
    logged_in(client, hillview_coordinator.user)
    assert client.get(f"/people/{expert_at_riverside.pk}/checks/").status_code == 404


def test_the_person_sees_their_checks_and_who_to_ask(
    client, riverside_coordinator, expert_at_riverside
):
    expired_on = timezone.localdate() - timedelta(days=2)
    dbs(
        riverside_coordinator,
        expert_at_riverside,
        done_on=expired_on - timedelta(days=1000),
        expires_on=expired_on,
    )
    assert expert_at_riverside.user is not None
    logged_in(client, expert_at_riverside.user)
    page = client.get("/my-profile/checks/").content.decode()
    assert "Enhanced DBS check" in page
    assert "Expired" in page
    assert "coordinator@riverside.example" in page
    assert "Record the check" not in page
    assert "/my-profile/checks/" in client.get("/my-profile/").content.decode()


def test_coordinators_set_what_all_the_work_requires(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        "/checks/required/", {"dbs_level": "enhanced", "induction": "on", "trainings": RRN}
    )
    assert response.status_code == 302
    assert [r.label for r in default_requirements(riverside_coordinator.organisation_id)] == [
        "enhanced DBS check",
        "induction",
        RRN,
    ]


def test_an_opportunity_chooses_its_own_checks_or_the_organisations(client, riverside_coordinator):
    work = opportunity(riverside_coordinator)
    requires(riverside_coordinator, {"kind": "induction"})
    logged_in(client, riverside_coordinator.user)
    path = f"/opportunities/{work.pk}/checks/"
    assert "Induction" in client.get(path).content.decode()
    client.post(path, {"source": "own", "dbs_level": "basic"})
    assert [r.label for r in requirements_of(work)] == ["basic DBS check"]
    client.post(path, {"source": "default"})
    assert [r.label for r in requirements_of(work)] == ["induction"]


def test_an_auditor_reads_what_the_work_requires_and_cannot_change_it(
    client, riverside_coordinator, riverside_auditor
):
    requires(riverside_coordinator, {"kind": "induction"})
    logged_in(client, riverside_auditor.user)
    assert "Induction" in client.get("/checks/required/").content.decode()
    assert client.post("/checks/required/", {"dbs_level": "basic"}).status_code == 403
    assert [r.kind for r in default_requirements(riverside_coordinator.organisation_id)] == [
        "induction"
    ]


def test_erasing_the_person_removes_their_checks(riverside_coordinator, expert_at_riverside):
    dbs(riverside_coordinator, expert_at_riverside, done_on=timezone.localdate())
    erase_person(expert_at_riverside, expert_at_riverside.user)
    assert not CheckRecord.objects.filter(person=expert_at_riverside).exists()
