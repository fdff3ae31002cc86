"""Completing wellbeing checks, and bringing a person's wish for support to their contact
person at once.

A check asks how the person is, on a five-point scale, with an optional note and "I would
like support". The person answers their own; a coordinator, admin or the contact person
can record the answer on their behalf (for example after a phone call). Nobody is ever
asked to explain an answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.core.times import day_and_clock
from powerwith.engagements.models import CheckKind, Feeling, WellbeingCheck
from powerwith.engagements.queries.wellbeing import checks_visible_to, opens_at
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import close_actions, raise_action
from powerwith.opportunities.models import Opportunity

NOTE_LENGTH = 2000


def contacts_of(opportunity: Opportunity) -> list[User]:
    """Who is told when the person needs support: the appointed contact person and the
    backup. With neither appointed, the coordinator who set up the work, so that no
    request for support goes unseen."""
    found = [u for u in (opportunity.contact_user, opportunity.backup_contact_user) if u]
    return found or [opportunity.created_by]


def alert_staff(users: Iterable[User], *, subject: str, body: str) -> mail.Letter | None:
    """An alert to staff by e-mail. One that cannot be sent is only logged, since the task
    on their "action needed" list already holds the alert."""
    to = [u.email for u in users if u.email]
    if not to:
        return None
    return mail.Letter(EmailMessage(subject=subject, body=body, to=to))


def check_key(check: WellbeingCheck) -> str:
    return f"check:{check.pk}"


def overdue_key(check: WellbeingCheck) -> str:
    return f"check_overdue:{check.pk}"


def staff_check_link(check: WellbeingCheck) -> str:
    return reverse("engagements:wellbeing_check_staff", kwargs={"check_id": check.pk})


def _may_complete(check: WellbeingCheck, by: Membership) -> bool:
    if not checks_visible_to(by).filter(pk=check.pk).exists():
        return False
    person_user = check.attendance.person.user_id
    return person_user == by.user_id or can(by, Capability.CARE_FOR_PEOPLE)


def _alert_support(check: WellbeingCheck) -> None:
    opportunity = check.attendance.session.opportunity
    person = check.attendance.person
    raise_action(
        organisation=opportunity.organisation,
        assignees=contacts_of(opportunity),
        kind=ActionKind.WANTS_SUPPORT,
        key=f"support:{check_key(check)}",
        title=f"{person.preferred_name} would like support ({check.get_kind_display().lower()})",
        link=staff_check_link(check),
        person=person,
    )
    mail.send_on_commit(support_wanted, check.pk)


@mail.message
def support_wanted(check_id: int) -> mail.Letter | None:
    check = WellbeingCheck.objects.select_related(
        "attendance__person", "attendance__session__opportunity"
    ).get(pk=check_id)
    session = check.attendance.session
    person = check.attendance.person
    body = (
        f"{person.preferred_name} said in a wellbeing check that they would like support.\n\n"
        f"Work: {session.opportunity.title}\n"
        f"Session: {day_and_clock(session.starts_at)}\n\n"
        "Please get in touch with them as soon as you can. You can see the check here:\n"
        f"{settings.SITE_URL}{staff_check_link(check)}\n"
    )
    return alert_staff(
        contacts_of(session.opportunity),
        subject=f"{person.preferred_name} would like support",
        body=body,
    )


@transaction.atomic
def complete_check(
    check: WellbeingCheck,
    *,
    by: Membership,
    feeling: int,
    note: str = "",
    wants_support: bool = False,
) -> WellbeingCheck:
    """Record the answer to a check, once. Refused (nothing written) before the day it
    falls due, a second time, or with a feeling off the scale."""
    if not _may_complete(check, by):
        raise NotAllowed("You cannot answer this wellbeing check.")
    return _answer(
        check,
        user=by.user,
        feeling=feeling,
        note=note,
        wants_support=wants_support,
        on_behalf=check.attendance.person.user_id != by.user_id,
    )


@transaction.atomic
def complete_check_for_person(
    check: WellbeingCheck,
    *,
    user: User,
    feeling: int,
    note: str = "",
    wants_support: bool = False,
) -> WellbeingCheck:
    """The answer the person's supporter gives for them through their own login, which
    has no membership of the organisation: called only by
    powerwith.workflows.on_behalf.supporters, once it has checked that the person lets
    this supporter answer for them."""
    return _answer(
        check, user=user, feeling=feeling, note=note, wants_support=wants_support, on_behalf=True
    )


def _answer(
    check: WellbeingCheck,
    *,
    user: User,
    feeling: int,
    note: str,
    wants_support: bool,
    on_behalf: bool,
) -> WellbeingCheck:
    if feeling not in Feeling.values:
        raise InvalidInput("Choose how you are feeling, from 1 to 5.", field="feeling")
    if len(note) > NOTE_LENGTH:
        raise InvalidInput(f"The note must be {NOTE_LENGTH} characters or fewer.", field="note")
    now = timezone.now()
    opens = opens_at(check.due_at)
    if now < opens:
        raise Conflict(
            f"This check opens on {timezone.localtime(opens):%A %d %B %Y}. You can answer it then."
        )
    locked = WellbeingCheck.objects.select_for_update().get(pk=check.pk)
    if locked.completed_at is not None:
        raise Conflict("This wellbeing check has already been answered.")
    check.completed_at = now
    check.completed_by = user
    check.feeling = feeling
    check.note = note.strip()
    check.wants_support = wants_support
    check.save(update_fields=["completed_at", "completed_by", "feeling", "note", "wants_support"])
    close_actions(key=overdue_key(check), by=user)
    if wants_support:
        _alert_support(check)
    audit.record(
        actor=user,
        action="wellbeing.check_completed",
        organisation=check.attendance.session.opportunity.organisation,
        target=check,
        kind=check.kind,
        on_behalf=on_behalf,
        wants_support=wants_support,
    )
    return check


def kind_words(kind: str) -> str:
    words: dict[str, str] = {
        CheckKind.BEFORE: "before your session",
        CheckKind.END: "at the end of your session",
        CheckKind.FOLLOW_UP: "a few days after your session",
    }
    return words.get(kind, "")
