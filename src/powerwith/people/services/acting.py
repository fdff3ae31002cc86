"""Recording that staff acted on a person's word, and the person's own choice to allow it
when they have a login. The rules about who may act, and what each action does, live in
powerwith.workflows.on_behalf, which is the only caller of ``record_acted_for``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.people.choices import ToldBy
from powerwith.people.models import ActedFor, Person, Supporter

NOTE_LENGTH = 1000


def clean_method(method: str) -> str:
    if method not in ToldBy.values:
        raise InvalidInput(
            f"Say how the person told you: one of {', '.join(ToldBy.values)}.", field="method"
        )
    return method


def clean_note(note: str) -> str:
    cleaned = note.strip()
    if len(cleaned) > NOTE_LENGTH:
        raise InvalidInput(f"Keep the note to {NOTE_LENGTH} characters or fewer.", field="note")
    return cleaned


@dataclass(frozen=True)
class OnBehalf:
    """How the person told the member of staff (a ``ToldBy`` code) and an optional note:
    what the API's ``on_behalf`` and every "Record what <name> told you" form carry."""

    method: str
    note: str = ""

    def cleaned(self) -> OnBehalf:
        return OnBehalf(clean_method(self.method), clean_note(self.note))


@transaction.atomic
def record_acted_for(
    *,
    by: Membership,
    person: Person,
    method: str,
    note: str,
    subject: str,
    subject_id: int,
    words: str,
) -> ActedFor:
    acted = ActedFor.objects.create(
        person=person,
        organisation=by.organisation,
        method=clean_method(method),
        note=clean_note(note),
        subject=subject,
        subject_id=subject_id,
        words=words,
        recorded_by=by.user,
    )
    audit.record(
        actor=by.user,
        action="person.acted_for",
        organisation=by.organisation,
        target=person,
        subject=subject,
        subject_id=subject_id,
        method=acted.method,
    )
    return acted


@transaction.atomic
def record_supporter_answer(
    *,
    supporter: Supporter,
    user: User,
    organisation: Organisation,
    subject: str,
    subject_id: int,
    words: str,
) -> ActedFor:
    """The person's supporter answered for them through their own login: the same record
    as staff acting on the person's word, with the supporter's account as who recorded it
    and the supporter named."""
    acted = ActedFor.objects.create(
        person=supporter.person,
        organisation=organisation,
        method=ToldBy.SUPPORTER,
        subject=subject,
        subject_id=subject_id,
        words=words,
        recorded_by=user,
        supporter=supporter,
    )
    audit.record(
        actor=user,
        action="person.acted_for",
        organisation=organisation,
        target=supporter.person,
        subject=subject,
        subject_id=subject_id,
        method=acted.method,
        supporter_id=supporter.pk,
    )
    return acted


@transaction.atomic
def allow_staff_to_act(person: Person, *, user: User, allowed: bool) -> Person:
    """The person's own choice: only they can make it, from their own profile."""
    if person.user_id is None or person.user_id != user.pk:
        raise NotAllowed("Only the person themself can choose this.")
    if person.staff_may_act_for_me == allowed:
        return person
    person.staff_may_act_for_me = allowed
    person.updated_at = timezone.now()
    person.save(update_fields=["staff_may_act_for_me", "updated_at"])
    audit.record(actor=user, action="person.staff_may_act_for_me", target=person, allowed=allowed)
    return person
