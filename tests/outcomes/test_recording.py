"""Recording a month's figures, correcting them, and the rules every figure keeps."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.outcomes import services
from powerwith.outcomes.models import InterventionCount
from powerwith.outcomes.services import Entry
from tests.outcomes.factories import ago, figures, this_month, ward


def test_a_coordinator_records_a_month_and_it_is_audited(riverside_coordinator):
    service = ward(riverside_coordinator)
    changes = figures(riverside_coordinator, service, ago(1), physical_restraint=4, seclusion=0)
    assert [c.kind for c in changes] == ["added", "added"]
    stored = dict(
        InterventionCount.objects.filter(service=service).values_list("intervention", "count")
    )
    assert stored == {"physical_restraint": 4, "seclusion": 0}
    event = AuditEvent.objects.get(action="outcomes.counts_recorded")
    assert event.details["added"] == 2
    assert event.actor == riverside_coordinator.user


def test_a_correction_replaces_the_figure_and_keeps_old_and_new_in_the_audit(
    riverside_coordinator, riverside_admin
):
    service = ward(riverside_coordinator)
    figures(riverside_coordinator, service, ago(1), physical_restraint=4)
    changes = figures(riverside_admin, service, ago(1), physical_restraint=6)
    assert changes[0].kind == "changed"
    assert changes[0].old == 4
    count = InterventionCount.objects.get(service=service)
    assert count.count == 6
    assert count.recorded_by == riverside_admin.user
    event = AuditEvent.objects.get(action="outcomes.count_corrected")
    assert (event.details["old"], event.details["new"]) == (4, 6)
    assert event.actor == riverside_admin.user


def test_recording_the_same_figure_again_changes_nothing(riverside_coordinator):
    service = ward(riverside_coordinator)
    figures(riverside_coordinator, service, ago(1), seclusion=2)
    changes = figures(riverside_coordinator, service, ago(1), seclusion=2)
    assert changes[0].kind == "unchanged"
    assert not AuditEvent.objects.filter(action="outcomes.count_corrected").exists()


def test_the_current_month_can_be_recorded_but_not_a_month_still_to_come(
    riverside_coordinator,
):
    service = ward(riverside_coordinator)
    figures(riverside_coordinator, service, this_month(), seclusion=1)
    with pytest.raises(InvalidInput, match="has not started yet"):
        figures(riverside_coordinator, service, ago(-1), seclusion=1)
    assert InterventionCount.objects.count() == 1


def test_a_negative_count_or_unknown_type_is_refused(riverside_coordinator):
    service = ward(riverside_coordinator)
    with pytest.raises(InvalidInput, match="0 or more"):
        figures(riverside_coordinator, service, ago(1), seclusion=-1)
    with pytest.raises(InvalidInput, match="not a type of restrictive intervention"):
        figures(riverside_coordinator, service, ago(1), hugging=1)
    assert not InterventionCount.objects.exists()


def test_the_database_refuses_a_negative_count(riverside_coordinator):
    service = ward(riverside_coordinator)
    with pytest.raises(IntegrityError), transaction.atomic():
        InterventionCount.objects.create(
            service=service,
            month=ago(1),
            intervention="seclusion",
            count=-1,
            recorded_by=riverside_coordinator.user,
        )


def test_one_bad_figure_means_none_is_recorded(riverside_coordinator):
    service = ward(riverside_coordinator)
    with pytest.raises(InvalidInput):
        services.record_figures(
            by=riverside_coordinator,
            entries=[
                Entry(service, ago(1), "seclusion", 1),
                Entry(service, ago(-2), "seclusion", 1),
            ],
        )
    assert not InterventionCount.objects.exists()


def test_service_names_are_unique_in_an_organisation_whatever_the_case(
    riverside_coordinator, hillview_coordinator
):
    ward(riverside_coordinator, "Willow Ward")
    with pytest.raises(Conflict):
        ward(riverside_coordinator, "willow  ward")
    ward(hillview_coordinator, "Willow Ward")  # another organisation may use the name


@pytest.mark.parametrize("role", ["riverside_auditor", "riverside_contact"])
def test_only_coordinators_and_admins_write(request, riverside_coordinator, role):
    member = request.getfixturevalue(role)
    service = ward(riverside_coordinator)
    with pytest.raises(PermissionDenied):
        ward(member, "Oak Ward")
    with pytest.raises(PermissionDenied):
        figures(member, service, ago(1), seclusion=1)


def test_another_organisations_service_cannot_be_written(
    riverside_coordinator, hillview_coordinator
):
    service = ward(riverside_coordinator)
    with pytest.raises(Http404):
        figures(hillview_coordinator, service, ago(1), seclusion=1)
