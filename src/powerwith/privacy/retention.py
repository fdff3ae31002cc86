"""Applying each organisation's retention policy: run by the worker with the reminders
(``powerwith.reminders.SWEEPS``).

Idempotent: each pass removes only what is past its period and still there, so a second
run finds nothing. Never touches the consent ledger, and never a payment record or an
audit event younger than six years whatever the policy says (the model refuses a shorter
period too). Audit events and access-log entries leave through their tables' one guarded
removal (``expire``, see powerwith.core.triggers); any other DELETE is refused.
"""

from __future__ import annotations

import calendar
import datetime as dt

from powerwith.accounts.models import AuditEvent, Organisation
from powerwith.engagements.models import WellbeingCheck
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.payments.models import Claim
from powerwith.people.models import Person, PersonStatus
from powerwith.privacy.models import (
    AUDIT_MONTHS_MINIMUM,
    PAYMENT_MONTHS_MINIMUM,
    AccessLogEntry,
    ErasureReason,
    ErasureRecord,
    RetentionPolicy,
)
from powerwith.privacy.queries import retention_policy_of
from powerwith.privacy.services import erase_person


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """The same day and time ``months`` calendar months earlier (the last day of the
    month when that month is shorter)."""
    years, month_index = divmod(moment.month - 1 - months, 12)
    year, month = moment.year + years, month_index + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _wellbeing_notes(organisation: Organisation, before: dt.datetime) -> int:
    # Notes may be encrypted, so which are empty is seen in Python, not in SQL.
    checks = WellbeingCheck.objects.filter(
        attendance__session__opportunity__organisation=organisation,
        attendance__session__starts_at__lt=before,
    ).only("id", "note")
    with_notes = [check.pk for check in checks if check.note]
    return WellbeingCheck.objects.filter(pk__in=with_notes).update(note="")


def _feedback_words(organisation: Organisation, before: dt.datetime) -> int:
    answers = FeedbackAnswer.objects.filter(
        organisation=organisation, given_in__lt=before.date()
    ).only("id", "comments")
    with_words = [answer.pk for answer in answers if answer.comments]
    return FeedbackAnswer.objects.filter(pk__in=with_words).update(comments="")


def _access_log(organisation: Organisation, before: dt.datetime) -> int:
    return AccessLogEntry.objects.filter(organisation=organisation, created_at__lt=before).expire()


def _audit_log(organisation: Organisation, before: dt.datetime) -> int:
    return AuditEvent.objects.filter(organisation=organisation, created_at__lt=before).expire()


def _audit_log_of_no_organisation(now: dt.datetime) -> int:
    """Events no organisation owns (a person's own actions, signing in) are kept as long
    as the longest period any organisation keeps its audit log."""
    longest = max(
        RetentionPolicy.objects.values_list("audit_log_months", flat=True),
        default=AUDIT_MONTHS_MINIMUM,
    )
    before = months_before(now, max(longest, AUDIT_MONTHS_MINIMUM))
    return AuditEvent.objects.filter(organisation=None, created_at__lt=before).expire()


def _payments(organisation: Organisation, before: dt.date) -> int:
    """Past the period, a paid claim keeps its amount and dates but loses its words,
    receipt and the places a mileage claim's journey went from and to."""
    claims = Claim.objects.filter(organisation=organisation, paid_on__lt=before).exclude(
        description="", receipt="", journey_from="", journey_to=""
    )
    done = 0
    for claim in claims:
        if claim.receipt:
            claim.receipt.delete(save=False)
        claim.description = ""
        claim.receipt = ""
        claim.journey_from = claim.journey_to = ""
        claim.save(update_fields=["description", "receipt", "journey_from", "journey_to"])
        done += 1
    return done


def _people_who_left(now: dt.datetime) -> int:
    """A person who left is erased once every organisation they worked with has kept
    them as long as its policy says (the longest period wins). When they left is the
    last change to their profile, which marking them as left was."""
    default = RetentionPolicy().left_person_months
    chosen = dict(RetentionPolicy.objects.values_list("organisation_id", "left_person_months"))
    erased = ErasureRecord.objects.values("person_id")
    people = (
        Person.objects.filter(status=PersonStatus.LEFT)
        .exclude(pk__in=erased)
        .prefetch_related("links")
    )
    done = 0
    for person in people:
        periods = [chosen.get(link.organisation_id, default) for link in person.links.all()]
        if person.updated_at < months_before(now, max(periods, default=default)):
            erase_person(person, None, reason=ErasureReason.RETENTION)
            done += 1
    return done


def sweep(now: dt.datetime) -> int:
    """Apply every organisation's policy; answers how many rows it changed."""
    done = 0
    for organisation in Organisation.objects.all():
        policy = retention_policy_of(organisation)
        done += _wellbeing_notes(organisation, months_before(now, policy.wellbeing_note_months))
        done += _feedback_words(organisation, months_before(now, policy.feedback_text_months))
        done += _access_log(organisation, months_before(now, policy.access_log_months))
        payment_months = max(policy.payment_months, PAYMENT_MONTHS_MINIMUM)
        done += _payments(organisation, months_before(now, payment_months).date())
        audit_months = max(policy.audit_log_months, AUDIT_MONTHS_MINIMUM)
        done += _audit_log(organisation, months_before(now, audit_months))
    done += _audit_log_of_no_organisation(now)
    return done + _people_who_left(now)
