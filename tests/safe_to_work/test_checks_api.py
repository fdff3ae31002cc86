"""GET and PUT /api/v1/people/{id}/checks: staff of the person's organisation read and
replace, the person reads their own, bad input writes nothing, others get a 404."""

from __future__ import annotations

import json

import pytest
import time_machine

from powerwith.safe_to_work.models import CheckRecord
from tests.conftest import api_client_for
from tests.engagements.factories import expert_membership
from tests.safe_to_work.factories import ENHANCED_DBS, INDUCTION, requires

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today_is_7_december_2026():
    with time_machine.travel("2026-12-07 12:00Z", tick=False):
        yield


DBS = {
    "kind": "dbs",
    "level": "enhanced",
    "done_on": "2024-03-03",
    "expires_on": "2026-12-20",
    "certificate_number": "001234567890",
}
RRN = {
    "kind": "training",
    "name": "RRN-certified restraint reduction training",
    "done_on": "2026-01-10",
}


def _put(client, person, items):
    return client.put(
        f"/api/v1/people/{person.pk}/checks",
        data=json.dumps({"items": items}),
        content_type="application/json",
    )


def test_staff_record_checks_and_read_each_in_its_state(riverside_coordinator, expert_at_riverside):
    client = api_client_for(riverside_coordinator)
    assert _put(client, expert_at_riverside, [DBS, RRN]).status_code == 200
    items = client.get(f"/api/v1/people/{expert_at_riverside.pk}/checks").json()["items"]
    by_kind = {item["kind"]: item for item in items}
    assert by_kind["dbs"]["state"] == "expiring"
    assert by_kind["dbs"]["level"] == "enhanced"
    assert by_kind["dbs"]["done_on"] == "2024-03-03"
    assert by_kind["dbs"]["expires_on"] == "2026-12-20"
    assert by_kind["dbs"]["certificate_number"] == "001234567890"
    assert by_kind["training"]["state"] == "valid"
    assert by_kind["training"]["expires_on"] is None


def test_a_check_the_organisation_requires_and_the_person_lacks_is_missing(
    riverside_coordinator, expert_at_riverside
):
    requires(riverside_coordinator, ENHANCED_DBS, INDUCTION)
    client = api_client_for(riverside_coordinator)
    _put(client, expert_at_riverside, [DBS])
    items = client.get(f"/api/v1/people/{expert_at_riverside.pk}/checks").json()["items"]
    assert [(i["kind"], i["state"], i["required"]) for i in items] == [
        ("dbs", "expiring", True),
        ("induction", "missing", True),
    ]


def test_the_certificate_number_is_encrypted_at_rest(riverside_coordinator, expert_at_riverside):
    _put(api_client_for(riverside_coordinator), expert_at_riverside, [DBS])
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT certificate_number FROM safe_to_work_checkrecord")
        (stored,) = cursor.fetchone()
    assert "001234567890" not in stored


def test_putting_a_new_set_appends_records_and_keeps_the_old_ones(
    riverside_coordinator, expert_at_riverside
):
    client = api_client_for(riverside_coordinator)
    _put(client, expert_at_riverside, [DBS, RRN])
    renewed = {**DBS, "done_on": "2026-12-01", "expires_on": "2029-12-01"}
    items = _put(client, expert_at_riverside, [renewed]).json()["items"]
    assert [(i["kind"], i["state"], i["expires_on"]) for i in items] == [
        ("dbs", "valid", "2029-12-01")
    ]
    # Two first records, the renewal, and the training marked as no longer held.
    assert CheckRecord.objects.filter(person=expert_at_riverside).count() == 4


def test_putting_the_same_set_again_writes_nothing(riverside_coordinator, expert_at_riverside):
    client = api_client_for(riverside_coordinator)
    _put(client, expert_at_riverside, [DBS, RRN])
    _put(client, expert_at_riverside, [DBS, RRN])
    assert CheckRecord.objects.filter(person=expert_at_riverside).count() == 2


@pytest.mark.parametrize(
    "bad",
    [
        {**DBS, "expires_on": "2024-03-01"},  # expires before it was done
        {**DBS, "level": "super"},
        {**DBS, "level": ""},
        {**DBS, "kind": "passport"},
        {**DBS, "done_on": "2026-02-30"},
        {**DBS, "done_on": "2027-01-01"},  # in the future
        {"kind": "training", "name": "  ", "done_on": "2026-01-10"},
        {"kind": "induction", "level": "basic", "done_on": "2026-01-10"},
        {"kind": "dbs", "level": "basic"},  # no date
    ],
)
def test_one_bad_item_answers_422_with_a_detail_and_writes_nothing(
    riverside_coordinator, expert_at_riverside, bad
):
    client = api_client_for(riverside_coordinator)
    response = _put(client, expert_at_riverside, [RRN, bad])
    assert response.status_code == 422
    assert response.json()["detail"]
    assert not CheckRecord.objects.exists()


def test_the_same_check_twice_is_refused(riverside_coordinator, expert_at_riverside):
    response = _put(api_client_for(riverside_coordinator), expert_at_riverside, [DBS, DBS])
    assert response.status_code == 422
    assert "listed twice" in response.json()["detail"]


def test_another_organisations_person_is_not_found(hillview_coordinator, expert_at_riverside):
    client = api_client_for(hillview_coordinator)
    assert client.get(f"/api/v1/people/{expert_at_riverside.pk}/checks").status_code == 404
    assert _put(client, expert_at_riverside, [DBS]).status_code == 404
    assert not CheckRecord.objects.exists()


def test_checks_with_one_organisation_are_not_shown_to_another(
    riverside_coordinator, hillview_coordinator, expert_at_both
):
    _put(api_client_for(riverside_coordinator), expert_at_both, [DBS])
    hillview = api_client_for(hillview_coordinator)
    assert hillview.get(f"/api/v1/people/{expert_at_both.pk}/checks").json()["items"] == []


def test_the_person_reads_their_own_checks_and_cannot_change_them(
    riverside_coordinator, expert_at_riverside
):
    _put(api_client_for(riverside_coordinator), expert_at_riverside, [DBS])
    own = api_client_for(
        expert_membership(expert_at_riverside, riverside_coordinator.organisation_id)
    )
    response = own.get(f"/api/v1/people/{expert_at_riverside.pk}/checks")
    assert response.status_code == 200
    assert response.json()["items"][0]["state"] == "expiring"
    assert _put(own, expert_at_riverside, []).status_code == 403
    assert CheckRecord.objects.count() == 1


def test_a_contact_person_cannot_read_the_checks(riverside_contact, expert_at_riverside):
    client = api_client_for(riverside_contact)
    assert client.get(f"/api/v1/people/{expert_at_riverside.pk}/checks").status_code == 404


def test_what_an_opportunity_requires_defaults_to_the_organisations(riverside_coordinator):
    from tests.opportunities.factories import opportunity

    work = opportunity(riverside_coordinator)
    client = api_client_for(riverside_coordinator)
    response = client.put(
        "/api/v1/required-checks",
        data=json.dumps({"items": [ENHANCED_DBS]}),
        content_type="application/json",
    )
    assert response.status_code == 200
    path = f"/api/v1/opportunities/{work.pk}/required-checks"
    assert client.get(path).json() == {
        "items": [{"kind": "dbs", "level": "enhanced", "name": ""}],
        "own": False,
    }
    client.put(path, data=json.dumps({"items": [INDUCTION]}), content_type="application/json")
    assert client.get(path).json()["items"] == [{"kind": "induction", "level": "", "name": ""}]
    client.put(path, data=json.dumps({"items": None}), content_type="application/json")
    assert client.get(path).json()["own"] is False
    bad = client.put(
        path, data=json.dumps({"items": [{"kind": "dbs"}]}), content_type="application/json"
    )
    assert bad.status_code == 422


def test_the_opportunity_carries_its_required_checks(riverside_coordinator):
    from tests.opportunities.factories import opportunity

    work = opportunity(riverside_coordinator)
    client = api_client_for(riverside_coordinator)
    path = f"/api/v1/opportunities/{work.pk}"
    assert client.get(path).json()["required_checks"] == []
    requires(riverside_coordinator, INDUCTION)
    assert client.get("/api/v1/opportunities").json()["items"][0]["required_checks"] == [
        {"kind": "induction", "level": "", "name": ""}
    ]
    changed = client.patch(
        path,
        data=json.dumps({"required_checks": [ENHANCED_DBS]}),
        content_type="application/json",
    )
    assert changed.json()["required_checks"] == [{"kind": "dbs", "level": "enhanced", "name": ""}]
    refused = client.patch(
        path,
        data=json.dumps({"title": "Renamed", "required_checks": [{"kind": "dbs"}]}),
        content_type="application/json",
    )
    assert refused.status_code == 422
    again = client.get(path).json()
    assert again["title"] != "Renamed"
    assert again["required_checks"] == [{"kind": "dbs", "level": "enhanced", "name": ""}]
    client.patch(path, data=json.dumps({"required_checks": None}), content_type="application/json")
    assert client.get(path).json()["required_checks"][0]["kind"] == "induction"
