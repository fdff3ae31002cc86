"""Time claimed from recorded attendance, in one step.

Staff record who took part in each session; the person's "Time to claim" list
(``payments.time_to_claim``) shows those sessions with what each comes to, and the person
confirms the ones to claim for. Each becomes a time claim through the same path as a
claim made by hand (``submit_time_claim``): one claim per session, all of them or none,
and a session is only ever claimed once. Nothing is claimed without the person.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, DomainError, InvalidInput
from powerwith.payments import queries
from powerwith.payments.models import Claim, ClaimKind
from powerwith.payments.services.claim_rules import day_of, lock_person, require_person
from powerwith.payments.services.claims import submit_time_claim
from powerwith.payments.time_to_claim import time_to_claim
from powerwith.people.models import Person

MOST_AT_ONCE = 100


def _not_on_the_list(person: Person, session_id: int) -> DomainError:
    """Why a session the person chose is not one to claim for from attendance."""
    booking = queries.booking_of(person, session_id)
    if booking is None:
        return Conflict("You were not booked into one of those sessions.", field="session_ids")
    day = day_of(booking.session)
    if queries.live_claim_for_session(person, session_id, ClaimKind.TIME) is not None:
        return Conflict(
            f"You have already claimed for your time at the session on {day}.",
            field="session_ids",
        )
    if not booking.attended:
        return Conflict(
            f"Your attendance at the session on {day} is not recorded, so its time is not "
            "claimed from attendance. You can claim for it by hand.",
            field="session_ids",
        )
    return Conflict(
        f"There is no time to claim for the session on {day}: the work is not paid by the "
        "hour, day or session, or you chose not to be paid for it.",
        field="session_ids",
    )


@transaction.atomic
def claim_time_from_attendance(
    *, person: Person, by: Membership, session_ids: Iterable[int]
) -> list[Claim]:
    """A time claim for each of the sessions, as the person's "Time to claim" list shows
    them: the booked minutes at the agreed rate (or the lower amount they chose)."""
    require_person(person, by)
    assert person.user is not None  # require_person
    chosen = list(dict.fromkeys(session_ids))
    if not chosen:
        raise InvalidInput("Choose at least one session to claim for.", field="session_ids")
    if len(chosen) > MOST_AT_ONCE:
        raise InvalidInput(
            f"Claim for {MOST_AT_ONCE} sessions or fewer at a time.", field="session_ids"
        )
    lock_person(person)
    listed = {row.session.pk: row for row in time_to_claim(person.user, timezone.now())}
    for session_id in chosen:
        if session_id not in listed:
            raise _not_on_the_list(person, session_id)
    return [
        submit_time_claim(
            person=person, offer=listed[session_id].offer, session_id=session_id, by=by
        )
        for session_id in chosen
    ]
