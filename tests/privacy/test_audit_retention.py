"""The audit log past the organisation's retention: the worker's sweep removes an event
the day after its period ends, never before, each organisation by its own setting, never
sooner than six years; it does so through the one guarded removal, and every other DELETE
or UPDATE of an audit event, an access-log entry or a consent event is still refused by
the database itself, on SQLite as on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client

from powerwith.accounts.models import AuditEvent, Membership
from powerwith.accounts.triggers import AUDIT_EVENTS
from powerwith.consent.models import ConsentEvent
from powerwith.consent.triggers import CONSENT_EVENTS
from powerwith.core.triggers import SQLITE_GUARD_TABLE
from powerwith.people.models import Person
from powerwith.privacy.models import AccessLogEntry, RetentionPolicy, What
from powerwith.privacy.retention import months_before, sweep
from tests.conftest import api_client_for, logged_in
from tests.privacy.factories import booking_with_note

pytestmark = pytest.mark.django_db(transaction=True)

NOW = dt.datetime(2027, 6, 15, 12, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def just_inside(months: int) -> dt.datetime:
    return months_before(NOW, months) + DAY


def just_outside(months: int) -> dt.datetime:
    return months_before(NOW, months) - DAY


def _event(membership: Membership, at: dt.datetime, *, organisation: bool = True) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=membership.user,
        action="member.added",
        organisation=membership.organisation if organisation else None,
        created_at=at,
    )


def _ids(**filters: object) -> set[int]:
    return set(AuditEvent.objects.filter(**filters).values_list("pk", flat=True))


def test_an_audit_event_goes_the_day_after_six_years_and_not_before(
    riverside_admin: Membership,
) -> None:
    kept = _event(riverside_admin, just_inside(72))
    gone = _event(riverside_admin, just_outside(72))
    sweep(NOW)
    assert kept.pk in _ids()
    assert gone.pk not in _ids()


def test_each_organisation_keeps_its_audit_log_by_its_own_setting(
    riverside_admin: Membership, hillview_admin: Membership
) -> None:
    RetentionPolicy.objects.create(organisation=riverside_admin.organisation, audit_log_months=96)
    riverside_old = _event(riverside_admin, just_outside(72))
    riverside_older = _event(riverside_admin, just_outside(96))
    hillview_old = _event(hillview_admin, just_outside(72))
    sweep(NOW)
    assert riverside_old.pk in _ids()  # Riverside keeps eight years
    assert riverside_older.pk not in _ids()
    assert hillview_old.pk not in _ids()  # Hillview keeps the six-year default


def test_events_of_no_organisation_are_kept_as_long_as_the_longest_setting(
    riverside_admin: Membership, hillview_admin: Membership
) -> None:
    RetentionPolicy.objects.create(organisation=riverside_admin.organisation, audit_log_months=96)
    kept = _event(riverside_admin, just_outside(72), organisation=False)
    gone = _event(riverside_admin, just_outside(96), organisation=False)
    sweep(NOW)
    assert kept.pk in _ids()
    assert gone.pk not in _ids()


def test_the_sweep_removes_audit_events_and_never_a_consent_event(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking_with_note(riverside_coordinator, expert_at_riverside)  # records consent
    consent = list(ConsentEvent.objects.values_list("id", "hash"))
    assert consent
    _event(riverside_coordinator, just_outside(72))
    sweep(NOW)
    assert list(ConsentEvent.objects.values_list("id", "hash")) == consent
    assert sweep(NOW) == 0


def test_a_second_sweep_finds_nothing_more(riverside_admin: Membership) -> None:
    _event(riverside_admin, just_outside(72))
    assert sweep(NOW) >= 1
    assert sweep(NOW) == 0


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM accounts_auditevent WHERE id = %s",
        "DELETE FROM accounts_auditevent",
        "UPDATE accounts_auditevent SET action = 'nothing.happened' WHERE id = %s",
        "UPDATE accounts_auditevent SET created_at = '2000-01-01' WHERE id = %s",
    ],
)
def test_the_database_refuses_any_other_change_to_an_audit_event(
    riverside_admin: Membership, sql: str
) -> None:
    event = _event(riverside_admin, just_outside(72))
    params = [event.pk] if "%s" in sql else []
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)
    assert event.pk in _ids(action="member.added")


def test_an_update_is_refused_even_inside_the_sweeps_guard(riverside_admin: Membership) -> None:
    event = _event(riverside_admin, just_outside(72))
    with pytest.raises(DatabaseError, match="append-only"), AUDIT_EVENTS.deleting():
        AuditEvent.objects.filter(pk=event.pk).update(action="nothing.happened")
    assert event.pk in _ids(action="member.added")


def test_the_guard_ends_with_the_sweeps_transaction(riverside_admin: Membership) -> None:
    first = _event(riverside_admin, just_outside(72))
    second = _event(riverside_admin, just_outside(72))
    assert AuditEvent.objects.filter(pk=first.pk).expire() == 1
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent WHERE id = %s", [second.pk])
    assert second.pk in _ids()
    if connection.vendor == "sqlite":
        assert SQLITE_GUARD_TABLE == "powerwith_delete_guard"
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM powerwith_delete_guard")
            assert cursor.fetchone()[0] == 0


def test_a_sweep_that_fails_leaves_no_opening_behind(riverside_admin: Membership) -> None:
    event = _event(riverside_admin, just_outside(72))
    with pytest.raises(RuntimeError), AUDIT_EVENTS.deleting():
        raise RuntimeError("the worker stopped half way")
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent WHERE id = %s", [event.pk])
    assert event.pk in _ids()


def test_the_audit_logs_guard_opens_no_other_table(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking_with_note(riverside_coordinator, expert_at_riverside)
    entry = AccessLogEntry.objects.create(
        person=expert_at_riverside,
        organisation=riverside_coordinator.organisation,
        viewer=riverside_coordinator.user,
        viewer_role=riverside_coordinator.role,
        what=What.PROFILE,
        where="/people/",
    )
    for sql in ("DELETE FROM consent_consentevent", "DELETE FROM privacy_accesslogentry"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            AUDIT_EVENTS.deleting(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert ConsentEvent.objects.exists()
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_consent_events_have_no_sanctioned_removal_at_all() -> None:
    with pytest.raises(ValueError, match="never deleted"), CONSENT_EVENTS.deleting():
        pass


def test_the_access_log_refuses_a_raw_delete_on_every_database(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    entry = AccessLogEntry.objects.create(
        person=expert_at_riverside,
        organisation=riverside_coordinator.organisation,
        viewer=riverside_coordinator.user,
        viewer_role=riverside_coordinator.role,
        what=What.PROFILE,
        where="/people/",
        created_at=just_outside(24),
    )
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM privacy_accesslogentry WHERE id = %s", [entry.pk])
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()
    sweep(NOW)  # its period has ended: the sweep's guarded removal takes it
    assert not AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_the_audit_log_setting_is_on_the_retention_page(
    client: Client, riverside_admin: Membership
) -> None:
    logged_in(client, riverside_admin.user)
    page = client.get("/organisation/retention/").content.decode()
    assert "Months to keep the audit log of who did what" in page


def test_an_admin_sets_a_longer_audit_period_on_the_page(
    client: Client, riverside_admin: Membership
) -> None:
    logged_in(client, riverside_admin.user)
    response = client.post("/organisation/retention/", _form(audit_log_months="96"))
    assert response.status_code == 302
    assert RetentionPolicy.objects.get().audit_log_months == 96


@pytest.mark.parametrize(
    ("months", "message"),
    [("71", "at least 72 months"), ("", "Enter a number of months"), ("1201", "1200 months")],
)
def test_a_bad_audit_period_on_the_page_is_refused_and_changes_nothing(
    client: Client, riverside_admin: Membership, months: str, message: str
) -> None:
    logged_in(client, riverside_admin.user)
    response = client.post("/organisation/retention/", _form(audit_log_months=months))
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert message in page
    assert not RetentionPolicy.objects.exists()


def _form(**changes: str) -> dict[str, str]:
    return {
        "wellbeing_note_months": "6",
        "access_log_months": "12",
        "left_person_months": "18",
        "feedback_text_months": "24",
        "payment_months": "84",
        "audit_log_months": "72",
        **changes,
    }


PERIODS = {
    "wellbeing_note_months": 6,
    "access_log_months": 12,
    "left_person_months": 18,
    "feedback_text_months": 24,
    "payment_months": 84,
}


def test_the_api_reads_and_sets_the_audit_period(riverside_admin: Membership) -> None:
    api = api_client_for(riverside_admin)
    assert api.get("/api/v1/organisation/retention").json()["audit_log_months"] == 72
    body = {**PERIODS, "audit_log_months": 120}
    response = api.put("/api/v1/organisation/retention", body, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == body
    # A client that does not know the setting leaves it as it was.
    response = api.put("/api/v1/organisation/retention", PERIODS, content_type="application/json")
    assert response.json()["audit_log_months"] == 120


@pytest.mark.parametrize("months", [71, 0, -1, 1201, "six"])
def test_the_api_refuses_a_bad_audit_period_with_a_clear_message(
    riverside_admin: Membership, months: object
) -> None:
    api = api_client_for(riverside_admin)
    body = {**PERIODS, "audit_log_months": months}
    response = api.put("/api/v1/organisation/retention", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"]
    if months == 71:
        assert "at least 72 months" in response.json()["detail"]
    assert not RetentionPolicy.objects.exists()
