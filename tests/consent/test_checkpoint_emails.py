"""Checkpoints e-mailed to the organisation's auditors: off unless an admin turns it on;
then the worker's checkpoint goes, through the mail queue, to each auditor of that
organisation only, with the head hash, the event count, the time and the signature (the
signed file attached) and no one's personal details."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail as django_mail
from django.test import Client

from powerwith.accounts.models import AuditEvent, Membership, Organisation
from powerwith.accounts.services import set_checkpoints_to_auditors
from powerwith.consent import anchoring, ledger
from powerwith.consent.emails import checkpoint_to_auditor, stamp_of
from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent
from powerwith.core.errors import NotAllowed
from powerwith.people.models import Person
from tests.conftest import logged_in, make_member

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 4, 9, 30, tzinfo=UTC)


@pytest.fixture
def ledger_events(expert_at_riverside: Person, riverside: Organisation) -> list[ConsentEvent]:
    assert expert_at_riverside.user is not None
    me = expert_at_riverside.user.memberships.get(organisation=riverside)
    for scope in ("take_part", "publish"):
        grant_consent(person=expert_at_riverside, scope=scope, actor=me)
    return list(ConsentEvent.objects.order_by("id"))


@pytest.fixture
def hillview_auditor(hillview: Organisation) -> Membership:
    return make_member(hillview, "auditor@hillview.example", "auditor")


def _turn_on(organisation: Organisation) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(checkpoints_to_auditors=True)


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """The worker's sweep, its messages queued as the worker's own commit queues them."""

    def run(now: datetime) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return anchoring.sweep(now)

    return run


def checkpoint_mails() -> list[django_mail.EmailMessage]:
    return [m for m in django_mail.outbox if "Consent ledger checkpoint" in m.subject]


def test_it_is_off_unless_an_admin_turns_it_on(
    sweep: Callable[[datetime], int],
    ledger_events: list[ConsentEvent],
    riverside_auditor: Membership,
) -> None:
    assert not Organisation.objects.get(
        pk=riverside_auditor.organisation_id
    ).checkpoints_to_auditors
    assert not Organisation().checkpoints_to_auditors
    assert sweep(NOW) == 1  # the checkpoint is written all the same
    assert checkpoint_mails() == []


def test_the_workers_checkpoint_goes_to_each_auditor_of_the_organisation(
    sweep: Callable[[datetime], int],
    ledger_events: list[ConsentEvent],
    riverside_auditor: Membership,
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    hillview_auditor: Membership,
    expert_at_riverside: Person,
) -> None:
    _turn_on(riverside_auditor.organisation)
    second = make_member(riverside_auditor.organisation, "auditor2@riverside.example", "auditor")
    assert sweep(NOW) == 1
    sent = checkpoint_mails()
    # One message each, so neither auditor sees the other's address; no one else.
    assert sorted(m.to[0] for m in sent) == sorted(
        [riverside_auditor.user.email, second.user.email]
    )
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in sent)
    newest = ledger_events[-1]
    body = sent[0].body
    assert newest.hash in body
    assert f"Events in the ledger: {len(ledger_events)}" in body
    assert "4 March 2027, 09:30:00 UTC" in body
    (name, content, kind) = sent[0].attachments[0]
    signed = json.loads(content)
    assert kind == "application/json"
    assert signed["hash"] == newest.hash
    assert signed["signature"] in body
    # The attachment is the very file the ledger verifies against.
    (checkpoint,) = ledger.checkpoints()
    assert checkpoint.signed
    assert checkpoint.path.name == name
    assert checkpoint.path.read_text(encoding="utf-8") == content
    # Nothing about the person whose consent it is.
    person = expert_at_riverside
    assert person.user is not None
    for detail in (person.preferred_name, person.user.email):
        assert detail not in body
        assert detail not in content


def test_another_organisations_auditors_follow_their_own_setting(
    sweep: Callable[[datetime], int],
    ledger_events: list[ConsentEvent],
    riverside_auditor: Membership,
    hillview_auditor: Membership,
) -> None:
    _turn_on(hillview_auditor.organisation)
    sweep(NOW)
    assert [m.to for m in checkpoint_mails()] == [[hillview_auditor.user.email]]


def test_a_checkpoint_not_written_sends_nothing(
    sweep: Callable[[datetime], int],
    ledger_events: list[ConsentEvent],
    riverside_auditor: Membership,
) -> None:
    _turn_on(riverside_auditor.organisation)
    assert sweep(NOW) == 1
    assert sweep(NOW + timedelta(hours=2)) == 0  # nothing changed since
    assert len(checkpoint_mails()) == 1


def test_turned_off_before_the_message_goes_it_is_not_sent(
    ledger_events: list[ConsentEvent], riverside_auditor: Membership
) -> None:
    ledger.write_checkpoint(NOW)
    assert checkpoint_to_auditor.call(riverside_auditor.pk, stamp_of(NOW)) == "nothing to send"
    _turn_on(riverside_auditor.organisation)
    assert checkpoint_to_auditor.call(riverside_auditor.pk, stamp_of(NOW)) == "sent"
    # A member who is no longer an auditor is not sent it either.
    Membership.objects.filter(pk=riverside_auditor.pk).update(role="coordinator")
    assert checkpoint_to_auditor.call(riverside_auditor.pk, stamp_of(NOW)) == "nothing to send"


def test_an_admin_turns_it_on_and_off_on_the_settings_page(
    client: Client, riverside_admin: Membership
) -> None:
    logged_in(client, riverside_admin.user)
    page = client.get("/organisation/settings/").content.decode()
    assert "E-mail each consent ledger checkpoint to our auditors" in page
    response = client.post(
        "/organisation/settings/",
        {"settings": "checkpoints", "checkpoints_to_auditors": "on"},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(pk=riverside_admin.organisation_id).checkpoints_to_auditors
    client.post("/organisation/settings/", {"settings": "checkpoints"})
    assert not Organisation.objects.get(pk=riverside_admin.organisation_id).checkpoints_to_auditors
    assert (
        AuditEvent.objects.filter(action="organisation.checkpoints_to_auditors_changed").count()
        == 2
    )


@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_auditor"])
def test_only_an_admin_may_change_it(
    client: Client, role: str, request: pytest.FixtureRequest
) -> None:
    membership: Membership = request.getfixturevalue(role)
    logged_in(client, membership.user)
    response = client.post(
        "/organisation/settings/",
        {"settings": "checkpoints", "checkpoints_to_auditors": "on"},
    )
    assert response.status_code == 403
    with pytest.raises(NotAllowed):
        set_checkpoints_to_auditors(by=membership, on=True)
    assert not Organisation.objects.get(pk=membership.organisation_id).checkpoints_to_auditors
