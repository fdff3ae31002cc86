"""Development plans: an organisation offers a person an action for their development and
records how it is going; the person comments on their own. Every entry is appended,
with who wrote it and when; nothing is edited away."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from powerwith.accounts.audit import record
from powerwith.accounts.models import Membership, User
from powerwith.core import mail
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.evaluation.models.development import (
    ActionCode,
    DevelopmentAction,
    DevelopmentNote,
    Progress,
    current_progress,
)
from powerwith.people.models import OrganisationLink, Person

TEXT_LENGTH = 2000


def _text(value: str, field: str, what: str) -> str:
    value = value.strip()
    if len(value) > TEXT_LENGTH:
        raise InvalidInput(
            f"{what.capitalize()} must be {TEXT_LENGTH} characters or fewer.", field=field
        )
    return value


def _require_staff(by: Membership) -> None:
    if not can(by, Capability.KEEP_DEVELOPMENT_PLANS):
        raise NotAllowed("Only coordinators and admins can change development plans.")


def offer_action(
    *, by: Membership, person: Person, code: str, details: str = "", note: str = ""
) -> DevelopmentAction:
    """The organisation offers the person an action for their development."""
    _require_staff(by)
    if not OrganisationLink.objects.filter(
        person=person, organisation_id=by.organisation_id
    ).exists():
        raise InvalidInput("That person does not work with your organisation.")
    if code not in ActionCode.values:
        raise InvalidInput(
            f"{code or 'That'} is not one of the actions we offer. Choose one from the list.",
            field="code",
        )
    details = _text(details, "details", "the details")
    if code == ActionCode.OTHER and not details:
        raise InvalidInput("Say what the action is.", field="details")
    note = _text(note, "note", "the note")
    with transaction.atomic():
        action = DevelopmentAction.objects.create(
            organisation_id=by.organisation_id,
            person=person,
            code=code,
            details=details,
            offered_by=by.user,
        )
        if note:
            DevelopmentNote.objects.create(action=action, text=note, written_by=by.user)
        record(
            actor=by.user,
            action="development.action_offered",
            organisation=by.organisation,
            target=action,
            code=code,
        )
    return action


def record_progress(
    *, by: Membership, action: DevelopmentAction, status: str, note: str = ""
) -> DevelopmentNote:
    """Staff of the organisation that offered the action record how it is going."""
    _require_staff(by)
    if action.organisation_id != by.organisation_id:
        raise InvalidInput("That action was not offered by your organisation.")
    if status not in Progress.values:
        raise InvalidInput("Choose not started, under way or done.", field="status")
    note = _text(note, "note", "the note")
    with transaction.atomic():
        locked = DevelopmentAction.objects.select_for_update().get(pk=action.pk)
        now = current_progress(list(locked.notes.order_by("written_at", "id")))
        if status == now and not note:
            raise InvalidInput("Change the progress, or write a note.", field="note")
        entry = DevelopmentNote.objects.create(
            action=locked,
            status=status if status != now else "",
            text=note,
            written_by=by.user,
        )
        record(
            actor=by.user,
            action="development.progress_recorded",
            organisation=by.organisation,
            target=action,
            status=status,
        )
    return entry


def comment_on_action(*, user: User, action: DevelopmentAction, text: str) -> DevelopmentNote:
    """The person writes on one of their own actions."""
    if action.person.user_id is None or action.person.user_id != user.pk:
        raise NotAllowed("You can comment only on your own development plan.")
    text = _text(text, "text", "your comment")
    if not text:
        raise InvalidInput("Write your comment.", field="text")
    with transaction.atomic():
        entry = DevelopmentNote.objects.create(
            action=action, text=text, by_person=True, written_by=user
        )
        record(
            actor=user,
            action="development.person_commented",
            organisation=action.organisation,
            target=action,
        )
        mail.send_on_commit(comment_written, action.pk)
    return entry


@mail.message
def comment_written(action_id: int) -> mail.Letter | None:
    """Let the member of staff who offered the action know there is a comment to read. The
    comment itself stays in the product, not in an e-mail."""
    action = DevelopmentAction.objects.select_related("offered_by", "person", "organisation").get(
        pk=action_id
    )
    staff = action.offered_by
    if not staff.is_active or not staff.email:
        return None
    page = reverse("evaluation:person_development_action", args=[action.person_id, action.pk])
    name = action.person.preferred_name
    return mail.Letter(
        EmailMessage(
            subject=f"{name} commented on their development plan",
            body=(
                f"{name} added a comment about “{action.get_code_display()}”, which "
                f"{action.organisation.name} offered.\n\nRead it here:\n{settings.SITE_URL}{page}\n"
            ),
            to=[staff.email],
        ),
        mail.Undelivered(
            organisation_id=action.organisation_id,
            assignee_ids=(staff.pk,),
            about=f"a comment on {name}'s development plan",
            to="you",
            link=page,
            person_id=action.person_id,
        ),
    )
