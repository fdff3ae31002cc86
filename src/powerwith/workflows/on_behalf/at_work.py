"""A wellbeing check, time out and an adjustment, on the person's word."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.engagements.models import (
    Adjustment,
    Session,
    StopEvent,
    StopKind,
    WellbeingCheck,
)
from powerwith.engagements.services import stop
from powerwith.engagements.services.adjustments import request_adjustment
from powerwith.engagements.services.wellbeing import complete_check, kind_words
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.people.services.acting import OnBehalf
from powerwith.workflows.on_behalf.rules import record, require_may_act


def _check_link(check: WellbeingCheck) -> str:
    return reverse("engagements:wellbeing_check_staff", kwargs={"check_id": check.pk})


@transaction.atomic
def answer_wellbeing_check(
    check: WellbeingCheck,
    *,
    by: Membership,
    word: OnBehalf,
    feeling: int,
    note: str = "",
    wants_support: bool = False,
) -> WellbeingCheck:
    """The person's answer to a wellbeing check, as they gave it. The confirmation says
    only that it was answered: how they feel is not repeated in a message."""
    word = word.cleaned()
    person = check.attendance.person
    require_may_act(by, person)
    complete_check(check, by=by, feeling=feeling, note=note, wants_support=wants_support)
    support = " and that you would like support" if wants_support else ""
    record(
        by,
        person,
        word,
        subject="wellbeing_check",
        subject_id=check.pk,
        that=f"you answered your wellbeing check {kind_words(check.kind)}{support}",
        link=_check_link(check),
    )
    return check


STOP_WORDS = {
    StopKind.TIME_OUT: "you want to take time out",
    StopKind.STOP: "you want to stop",
    StopKind.SUPPORT: "you would like support",
}


@transaction.atomic
def stop_or_time_out(
    *,
    person: Person,
    opportunity: Opportunity,
    by: Membership,
    word: OnBehalf,
    session: Session | None = None,
    kind: str = StopKind.TIME_OUT,
) -> StopEvent:
    word = word.cleaned()
    require_may_act(by, person)
    event = stop.stop_or_time_out(
        person=person, opportunity=opportunity, by=by, session=session, kind=kind
    )
    record(
        by,
        person,
        word,
        subject="stop_event",
        subject_id=event.pk,
        that=f"{STOP_WORDS[StopKind(kind)]} from the work: {opportunity.title}. "
        "You do not need to give a reason, and your pay for the time booked does not change",
        link=stop.staff_link(event),
    )
    return event


@transaction.atomic
def ask_for_adjustment(
    *,
    person: Person,
    opportunity: Opportunity,
    by: Membership,
    word: OnBehalf,
    category: str = "",
    details: str = "",
    session: Session | None = None,
) -> Adjustment:
    word = word.cleaned()
    require_may_act(by, person)
    adjustment = request_adjustment(
        person=person,
        opportunity=opportunity,
        by=by.user,
        category=category,
        details=details,
        session=session,
    )
    record(
        by,
        person,
        word,
        subject="adjustment",
        subject_id=adjustment.pk,
        that=f"you would like an adjustment for the work: {opportunity.title}. "
        "We will tell you when it is in place",
        link=reverse("opportunities:detail", args=[opportunity.pk]),
    )
    return adjustment
