"""Nothing sensitive in plain text at rest, swept from the model registry.

Two halves. First, every free-text column of every model is either encrypted or named
below with the reason it may be kept in the clear: a new text field fails here until
someone decides which it is. Second, a canary is written through the real services into
every encrypted field (the plantings of ``test_encryption``), with messages queued in
the database and sent by the worker as in production; then every column of every table
(the task table, sessions and cache included) is read raw, and every log record made on
the way is read, and none may hold the canary.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models

from powerwith.accounts.models import Membership
from powerwith.core.encryption import encrypted_fields
from powerwith.people.models import Person
from tests.security.test_encryption import (
    CANARY,
    PLANTED_BY,
    plant_evaluation,
    plant_offer,
    plant_reward_choice,
    plant_sessions,
)

# Why each unencrypted free-text column may be stored as it is. "Contact" details are
# needed in the clear to reach the person (a text message cannot be sent to ciphertext);
# they are protected by tenancy and access control, and listed in docs/data-inventory.md.
CLEAR_BY_DESIGN: dict[str, str] = {
    "accounts.User.password": "a salted Argon2 hash, never the password",
    "accounts.User.email": "the login: looked up on every sign-in",
    "accounts.User.full_name": "the staff member's name, shown to colleagues",
    "accounts.Organisation.name": "the organisation's public name",
    "accounts.Organisation.slug": "the organisation's address in links",
    "accounts.Organisation.benefits_advice": "the organisation's own signposting text",
    "accounts.Invitation.email": "where an invitation is sent: looked up on acceptance",
    "accounts.Invitation.token_hash": "a hash, never the token",
    "accounts.ApiToken.name": "a label staff give a token",
    "accounts.ApiToken.prefix": "the first characters of a token, to tell tokens apart",
    "accounts.ApiToken.secret_hash": "a hash, never the secret",
    "accounts.AuditEvent.action": "a code such as consent.withdrawn, no free text",
    "accounts.AuditEvent.target_type": "a model label",
    "accounts.AuditEvent.target_id": "a row id",
    "accounts.UserSession.session_key": "the session's key, needed to end it",
    "accounts.UserSession.user_agent": "the browser's name, shown so a person knows a login",
    "accounts.RecoveryCodeDevice.name": "a label",
    "accounts.RecoveryCode.code_hash": "a hash, never the code",
    "people.Person.preferred_name": "contact: how the person is addressed everywhere",
    "people.Person.full_name": "contact: needed for payment",
    "people.Person.pronouns": "contact: how the person is addressed",
    "people.Person.email": "contact: where messages go; looked up to link a login",
    "people.Person.phone": "contact: where text messages and calls go",
    "people.Person.postal_address": "contact: where letters go",
    "people.Person.town": "contact: used to match in-person work nearby",
    "people.Person.personal_goals": "goals the person writes to be read by staff they share with",
    "people.Person.professional_goals": "goals the person writes to be read by staff",
    "people.ActedFor.subject": "a code naming what was recorded",
    "people.Supporter.name": "contact: who to send to",
    "people.Supporter.relationship": "contact: how the supporter is introduced",
    "people.Supporter.email": "contact: where messages go",
    "people.Supporter.phone": "contact: where messages go",
    "people.SupporterLogin.email": "where a supporter's invitation is sent: checked on acceptance",
    "people.SupporterLogin.token_hash": "a hash, never the token",
    "people.EarningsLimit.note": "the person's own reminder of a limit, no diagnosis",
    "inbox.ActionNeeded.key": "a code that keeps an item from being raised twice",
    "inbox.ActionNeeded.title": "a title written by the code, naming no experience",
    "inbox.ActionNeeded.link": "a path",
    "messaging.Message.about": "a subject line written by the code",
    "messaging.Message.topic": "a code",
    "messaging.Message.detail": "the channel's delivery status",
    "messaging.Message.key": "a code that keeps a message from being sent twice",
    "messaging.Message.to": "contact: where the message went",
    "messaging.Message.postal_address": "contact: where the letter went",
    "messaging.Message.subject": "a subject line written by the code",
    "messaging.Message.link": "a path",
    "messaging.Message.enclosure": "a kind and an id naming a document printed with a letter",
    "messaging.Message.provider_id": "GOV.UK Notify's reference",
    "opportunities.Opportunity.title": "the organisation's description of the work",
    "opportunities.Opportunity.purpose": "the organisation's description of the work",
    "opportunities.Opportunity.success_measures": "the organisation's description of the work",
    "opportunities.Opportunity.input_expected": "the organisation's description of the work",
    "opportunities.Opportunity.location_address": "where the work happens",
    "opportunities.Opportunity.location_details": "where the work happens",
    "opportunities.Opportunity.ground_rules": "the organisation's description of the work",
    "opportunities.RateCard.note": "the organisation's note on its rates",
    "offers.OfferVersion.content_hash": "a hash",
    "offers.OfferEvent.content_hash": "a hash",
    "offers.OfferEvent.text": "a question about the offer and its answer, read by both sides",
    "offers.Recording.content_hash": "a hash",
    "offers.Recording.content_type": "a media type",
    "engagements.Session.place": "where a session happens",
    "engagements.Attendance.cancel_reason": "why a booking was cancelled (not in audit rows)",
    "engagements.Adjustment.category": "a code",
    "engagements.CalendarFeed.token_hash": "a hash, never the token",
    "consent.ConsentChainHead.last_hash": "a hash",
    "consent.ConsentEvent.wording_hash": "a hash",
    "consent.ConsentEvent.previous_hash": "a hash",
    "consent.ConsentEvent.hash": "a hash",
    "consent.ConsentEvent.key_id": "the name of a key, never the key",
    "consent.ConsentEvent.mac": "a seal",
    "consent.Output.title": "the organisation's name for what the work produced",
    "payments.RewardChoice.words_seen": "the organisation's own wording the person was shown",
    "payments.Claim.description": "what an expense was for, read by the approver",
    "payments.Claim.journey_from": "a journey's start, needed to check mileage",
    "payments.Claim.journey_to": "a journey's end, needed to check mileage",
    "payments.ClaimEvent.note": "an approver's note on a claim",
    "payments.PayRouteChoice.charity": "the charity a person gives their fee to",
    "payments.EmploymentStatusDecision.reasons": "the organisation's reasons for its decision",
    "evaluation.TeamReflection.went_well": "the team's own reflection",
    "evaluation.TeamReflection.to_change": "the team's own reflection",
    "evaluation.TeamReflection.principles_note": "the team's own reflection",
    "evaluation.ImpactEntry.you_said": "published 'you said, we did', shown only with consent",
    "evaluation.ImpactEntry.we_did": "what the organisation did",
    "evaluation.ReadinessAssessment.summary": "the organisation's self-assessment",
    "evaluation.ReadinessAnswer.note": "the organisation's self-assessment",
    "evaluation.ReadinessAction.what": "the organisation's action plan",
    "evaluation.ReviewReminder.key": "a code",
    "evaluation.TrainingCourseEvidence.how": "the organisation's evidence for the Standard",
    "outcomes.Service.name": "a ward or service's name",
    "privacy.AccessLogEntry.viewer_role": "a role code",
    "privacy.AccessLogEntry.where": "the page or API path that was read",
    "privacy.ErasureRecord.how_asked": "how a person asked to be erased, kept as proof",
    "learning.LearningSummary.title": "written to be published",
    "learning.LearningSummary.what_was_done": "written to be published",
    "learning.LearningSummary.what_worked": "written to be published",
    "learning.LearningSummary.what_did_not": "written to be published",
    "learning.LearningSummary.do_differently": "written to be published",
    "learning.LearningSummary.focus": "a code naming the focus of the work",
    "learning.ImportedSummary.title": "a published summary from elsewhere",
    "learning.ImportedSummary.source_organisation": "a published summary from elsewhere",
    "learning.NetworkFigure.name": "a code",
    "safe_to_work.CheckRecord.name": "the name of a training course the organisation requires",
}


def free_text_fields() -> Iterator[str]:
    for model in apps.get_models():
        if not model.__module__.startswith("powerwith."):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField) and not field.choices:
                yield f"{model._meta.label}.{field.name}"


def encrypted_labels() -> set[str]:
    return {
        f"{model._meta.label}.{field.name}"
        for model, fields in encrypted_fields()
        for field in fields
    }


def test_every_free_text_field_is_encrypted_or_has_a_reason_to_be_in_the_clear() -> None:
    unexplained = set(free_text_fields()) - encrypted_labels() - set(CLEAR_BY_DESIGN)
    assert not unexplained, (
        "Encrypt these fields, or say in CLEAR_BY_DESIGN why they may be kept in the "
        f"clear: {sorted(unexplained)}"
    )


def test_no_reason_is_kept_for_a_field_that_is_gone_or_now_encrypted() -> None:
    stale = set(CLEAR_BY_DESIGN) - (set(free_text_fields()) - encrypted_labels())
    assert not stale


def every_raw_value() -> Iterator[tuple[str, str]]:
    """Every value of every column of every table, as the database holds it."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        yield table, bytes(value).decode("utf-8", "replace")
                    elif value is not None:
                        yield table, str(value)


# Plantings whose messages are then queued in the database and sent by the worker, as in
# production, so that the task table's arguments, results and tracebacks are swept too.
QUEUED_FOR_THE_WORKER = (plant_offer, plant_sessions, plant_evaluation, plant_reward_choice)


@pytest.fixture
def swept(
    transactional_db: None,
    settings: Any,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    caplog: pytest.LogCaptureFixture,
) -> tuple[list[str], list[str]]:
    """Plant the canary, let the worker send everything queued, and say which tables hold
    the canary and which log records mention it."""
    caplog.set_level(logging.DEBUG)
    for plant in dict.fromkeys(PLANTED_BY.values()):
        plant(expert_at_riverside, riverside_coordinator)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for plant in QUEUED_FOR_THE_WORKER:
        plant(expert_at_riverside, riverside_coordinator)
    call_command("db_worker", batch=True, interval=0, verbosity=0)
    tables = sorted({table for table, value in every_raw_value() if CANARY in value})
    records = [
        record.name
        for record in caplog.records
        if CANARY in record.getMessage() or CANARY in repr(record.__dict__)
    ]
    return tables, records


def test_after_the_worker_has_sent_everything_no_table_and_no_log_holds_the_canary(
    swept: tuple[list[str], list[str]],
) -> None:
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.exists(), "the messages were not queued for the worker"
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
    tables, records = swept
    assert tables == []
    assert records == []


def test_the_sweep_would_find_plain_text(
    transactional_db: None, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    """The control: a field kept in the clear is found by the same sweep."""
    Person.objects.filter(pk=expert_at_riverside.pk).update(town=CANARY)
    assert "people_person" in {table for table, value in every_raw_value() if CANARY in value}
