"""The person's data rights: erasure, and the retention policy an admin sets.

What erasure keeps, and why, is declared once here (``KEPT``): the page shows it to the
person before they confirm, and the ErasureRecord stores it afterwards.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.accounts.services import revoke_every_api_token
from powerwith.accounts.sessions import end_every_session_of
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, roles_with
from powerwith.engagements.models import Adjustment, CalendarFeed, WellbeingCheck
from powerwith.engagements.services.booking import cancel_future_bookings
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.evaluation.models.development import DevelopmentAction
from powerwith.inbox.models import ActionNeeded
from powerwith.messaging.models import Message
from powerwith.people.models import (
    ActedFor,
    BenefitsSituation,
    EarningsLimit,
    ExperienceEntry,
    Person,
    PersonStatus,
    Supporter,
    WellnessActionPlan,
)
from powerwith.privacy.models import (
    AUDIT_MONTHS_MINIMUM,
    PAYMENT_MONTHS_MINIMUM,
    ErasureReason,
    ErasureRecord,
    InformationCopy,
    RetentionPolicy,
)
from powerwith.privacy.queries import retention_policy_for
from powerwith.safe_to_work.models import CheckRecord

PSEUDONYM = "Former expert by experience"

REMOVED = [
    "Your name, pronouns, e-mail address, phone number, postal address and town",
    "Your supporters, and the words of the messages sent to you",
    "What you wrote about yourself, your goals, skills, interests and how you like to work",
    "Your Schedule of Experience and its notes",
    "Your Wellness Action Plan",
    "The details of your reasonable adjustments",
    "Your wellbeing check answers and notes",
    "Your development plan, any earnings limit you recorded and which benefit you said you get",
    "Your name on feedback you gave (the feedback stays, without your name)",
    "Your login: you will not be able to log in again",
    "Your bookings into sessions that have not happened yet (they are cancelled)",
    "Any copy of your information waiting to be downloaded",
]

KEPT = [
    "Payment records (claims, their history and your reward choices): the law says "
    "organisations must keep them for six years after payment (HMRC).",
    "The consent ledger: the proof of what you agreed to and when. It holds numbers "
    "and codes, not your name, and cannot be changed without breaking its proof.",
    "Offers of work you accepted: they are the agreement your payments were made under.",
    "The record of who looked at your information, and the audit log, under a number "
    "instead of your name.",
]


def _blank_profile(person: Person) -> None:
    person.preferred_name = PSEUDONYM
    for name in (
        "full_name",
        "pronouns",
        "email",
        "phone",
        "preferred_channel",
        "postal_address",
        "reminder_time",
        "town",
        "about",
        "personal_goals",
        "professional_goals",
        "payment_preference",
        "benefits_advice",
    ):
        setattr(person, name, "")
    person.formats = []
    person.adjustments = {}
    person.available_days = []
    person.available_modes = []
    person.skills = []
    person.interests = []
    person.status = PersonStatus.LEFT
    person.updated_at = timezone.now()
    person.save()


def _close_account(person: Person, actor: User | None) -> None:
    user = person.user
    if user is None:
        return
    user.email = f"erased-{person.pk}@erased.invalid"
    user.full_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    revoke_every_api_token(user, actor=actor or user, reason="erasure")
    if actor is not None:
        end_every_session_of(user, actor=actor)


def _cancel_bookings(person: Person, actor: User) -> None:
    for organisation in Organisation.objects.filter(people_links__person=person):
        cancel_future_bookings(
            person=person,
            organisation=organisation,
            opportunity_id=None,
            by=actor,
            reason="The person asked for their information to be erased.",
        )


def _remove_details(person: Person, old_name: str) -> None:
    ExperienceEntry.objects.filter(person=person).delete()
    WellnessActionPlan.objects.filter(person=person).delete()
    EarningsLimit.objects.filter(person=person).delete()
    BenefitsSituation.objects.filter(person=person).delete()
    Supporter.objects.filter(person=person).delete()
    # What was sent and how it went stays (it is the organisation's record of trying);
    # the words, the address and what was said on a call go.
    Message.objects.filter(person=person).update(
        body="", call_note="", to="", postal_address="", subject=""
    )
    DevelopmentAction.objects.filter(person=person).delete()
    # Safe-to-work checks, with their certificate numbers: no one books an erased person.
    CheckRecord.objects.filter(person=person).delete()
    InformationCopy.objects.filter(person=person).delete()
    Adjustment.objects.filter(person=person).update(details="")
    WellbeingCheck.objects.filter(attendance__person=person).update(note="", feeling=None)
    FeedbackAnswer.objects.filter(person=person).update(person=None)
    # What the person told staff stays as a fact that it was recorded, without their words.
    ActedFor.objects.filter(person=person).update(note="", words="")
    # Tasks for staff name the person in their title.
    for item in ActionNeeded.objects.filter(person=person):
        if old_name and old_name in item.title:
            item.title = item.title.replace(old_name, PSEUDONYM)
            item.save(update_fields=["title"])


HAS_LOGIN = (
    "This person has a login of their own: they can erase their own information from their "
    "account (My information). Ask them to do it there."
)
ALREADY_ERASED = "This person's information has already been erased."


def erasure_refusal(person: Person) -> str | None:
    """Why an organisation's admin may not erase the person's information, or None.

    Erasure removes the person's whole record, which belongs to the person, not to any one
    organisation that works with them. So an admin of any organisation the person is linked
    to may erase it for them only when the person has no login of their own (someone on the
    register who asked by phone, letter or in person). A person with a login can do it
    themself, and every organisation they work with then sees the same outcome; an admin
    acting for them could erase a record another organisation relies on, on a request that
    organisation never heard. So the admin is told to ask the person instead."""
    if ErasureRecord.objects.filter(person_id=person.pk).exists():
        return ALREADY_ERASED
    if person.user_id is not None:
        return HAS_LOGIN
    return None


def _check_request(
    person: Person, actor: User | None, organisation: Organisation | None, how_asked: str
) -> None:
    """The person asked: either they act themself, or an admin of an organisation linked
    to them acts on a request made another way (``how_asked``)."""
    if actor is not None and person.user_id == actor.pk:
        return
    may_erase = (
        actor is not None
        and organisation is not None
        and Membership.objects.filter(
            user=actor, organisation=organisation, role__in=roles_with(Capability.ERASE_PEOPLE)
        ).exists()
        and person.links.filter(organisation=organisation).exists()
    )
    if not may_erase:
        raise NotAllowed(
            "Only the person themself or an organisation admin can erase their information."
        )
    if person.user_id is not None:
        raise Conflict(HAS_LOGIN)
    if not how_asked.strip():
        raise InvalidInput(
            "Enter how the person asked for their information to be erased", field="how_asked"
        )


def erase_person(
    person: Person,
    actor: User | None,
    *,
    reason: str = ErasureReason.REQUEST,
    organisation: Organisation | None = None,
    how_asked: str = "",
) -> ErasureRecord:
    """Remove or pseudonymise everything about the person that the law does not require
    the organisations to keep. ``actor`` is the person themself, or an admin of
    ``organisation`` erasing on the person's request made by phone, letter or in person
    (``how_asked``, see ``erasure_refusal``); None when the retention policy erases
    someone who left long ago. Refused (nothing changes) a second time."""
    how_asked = how_asked.strip()
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        if ErasureRecord.objects.filter(person_id=person.pk).exists():
            raise Conflict(ALREADY_ERASED)
        if reason == ErasureReason.REQUEST:
            _check_request(person, actor, organisation, how_asked)
            assert actor is not None  # checked above
            _cancel_bookings(person, actor)
        old_name = person.preferred_name
        _remove_details(person, old_name)
        _blank_profile(person)
        _close_account(person, actor)
        record = ErasureRecord.objects.create(
            person_id=person.pk, erased_by=actor, reason=reason, kept=KEPT, how_asked=how_asked
        )
        if actor is not None:
            details = {"how_asked": how_asked} if how_asked else {}
            audit.record(
                actor=actor,
                action="privacy.erased",
                organisation=organisation,
                target=person,
                reason=reason,
                **details,
            )
    return record


def set_retention(
    membership: Membership,
    *,
    wellbeing_note_months: int,
    access_log_months: int,
    left_person_months: int,
    feedback_text_months: int,
    payment_months: int,
    audit_log_months: int | None = None,
) -> RetentionPolicy:
    """An admin sets how long their organisation keeps what it holds (the audit log's
    period stays as it was when not given)."""
    current = retention_policy_for(membership)  # admins only
    if audit_log_months is None:
        audit_log_months = current.audit_log_months
    if payment_months < PAYMENT_MONTHS_MINIMUM:
        raise InvalidInput(
            "Payment records must be kept for at least 72 months (six years after payment): "
            "HMRC requires it.",
            field="payment_months",
        )
    if audit_log_months < AUDIT_MONTHS_MINIMUM:
        raise InvalidInput(
            "The audit log must be kept for at least 72 months (six years): it shows who "
            "approved and paid each claim, so it is kept as long as payment records.",
            field="audit_log_months",
        )
    values = {
        "wellbeing_note_months": wellbeing_note_months,
        "access_log_months": access_log_months,
        "left_person_months": left_person_months,
        "feedback_text_months": feedback_text_months,
        "payment_months": payment_months,
        "audit_log_months": audit_log_months,
    }
    for name, months in values.items():
        if months < 1 or months > 1200:
            raise InvalidInput("Enter a number of months from 1 to 1200.", field=name)
    with transaction.atomic():
        policy, _ = RetentionPolicy.objects.update_or_create(
            organisation_id=membership.organisation_id,
            defaults={**values, "updated_at": timezone.now()},
        )
        audit.record(
            actor=membership.user,
            action="privacy.retention_set",
            organisation=membership.organisation,
            target=policy,
            **values,
        )
    return policy


def record_download(person: Person, user: User, *, fmt: str) -> None:
    """The person downloaded their information: written to the audit log, not to the
    access log, which is for other people looking."""
    audit.record(actor=user, action="privacy.downloaded", target=person, format=fmt)
