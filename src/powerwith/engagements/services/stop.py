"""The power to stop, take time out or ask for support, at any time.

Recording one tells the contact person at once. It never asks for a reason, and it
never touches the booking: the booked time is paid as agreed whatever happens, so a
person never loses money for looking after themselves.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core import mail
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.core.times import day_and_clock
from powerwith.engagements.models import Attendance, BookingStatus, Session, StopEvent, StopKind
from powerwith.engagements.queries.wellbeing import contact_for
from powerwith.engagements.services.wellbeing import alert_staff, contacts_of
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person

WHAT_HAPPENED = {
    StopKind.TIME_OUT: "is taking time out",
    StopKind.STOP: "has stopped",
    StopKind.SUPPORT: "has asked for support",
}


def _involved(person: Person, opportunity: Opportunity, session: Session | None) -> bool:
    if session is not None:
        return Attendance.objects.filter(
            session=session, person=person, status=BookingStatus.BOOKED
        ).exists()
    return Offer.objects.filter(taking_part(), person=person, opportunity=opportunity).exists()


def _may_record(person: Person, opportunity: Opportunity, by: Membership) -> bool:
    if not can(by, Capability.WORK_AS_STAFF):
        return person.user_id == by.user_id
    if not can(by, Capability.CARE_FOR_PEOPLE):
        return False
    return (
        can(by, Capability.OVERSEE_ALL_WORK)
        or Opportunity.objects.filter(contact_for(by.user_id), pk=opportunity.pk).exists()
    )


def staff_link(event: StopEvent) -> str:
    if event.session_id is not None:
        session_page = reverse("engagements:session", kwargs={"session_id": event.session_id})
        return f"{session_page}#wellbeing"
    return reverse("inbox:action_needed")


@transaction.atomic
def stop_or_time_out(
    *,
    person: Person,
    opportunity: Opportunity,
    by: Membership,
    session: Session | None = None,
    kind: str = StopKind.TIME_OUT,
) -> StopEvent:
    """Record that the person stopped, took time out or asked for support, and tell their
    contact person. No reason is asked for, and pay for the booked time is unchanged."""
    if opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That work belongs to another organisation.")
    if not _may_record(person, opportunity, by):
        raise NotAllowed("You cannot record this for that person.")
    return _record(
        person=person,
        opportunity=opportunity,
        user=by.user,
        session=session,
        kind=kind,
        on_behalf=person.user_id != by.user_id,
    )


@transaction.atomic
def stop_or_time_out_for_person(
    *,
    person: Person,
    opportunity: Opportunity,
    user: User,
    session: Session | None = None,
    kind: str = StopKind.TIME_OUT,
) -> StopEvent:
    """The person's time out, stop or request for support, given by their supporter
    through their own login, which has no membership of the organisation: called only by
    powerwith.workflows.on_behalf.supporters, once it has checked that the person lets
    this supporter answer for them. The same steps as the person's own."""
    return _record(
        person=person,
        opportunity=opportunity,
        user=user,
        session=session,
        kind=kind,
        on_behalf=True,
    )


def _record(
    *,
    person: Person,
    opportunity: Opportunity,
    user: User,
    session: Session | None,
    kind: str,
    on_behalf: bool,
) -> StopEvent:
    if kind not in StopKind.values:
        raise InvalidInput("Choose take time out, stop, or ask for support.", field="kind")
    if session is not None and session.opportunity_id != opportunity.pk:
        raise InvalidInput("That session is not part of this work.", field="session")
    if not _involved(person, opportunity, session):
        raise InvalidInput(f"{person.preferred_name} is not booked into this work.", field="person")
    event = StopEvent.objects.create(
        person=person,
        organisation=opportunity.organisation,
        opportunity=opportunity,
        session=session,
        kind=kind,
        recorded_by=user,
    )
    happened = WHAT_HAPPENED[StopKind(kind)]
    raise_action(
        organisation=opportunity.organisation,
        assignees=contacts_of(opportunity),
        kind=ActionKind.STOPPED,
        key=f"stop:{event.pk}",
        title=f"{person.preferred_name} {happened}: {opportunity.title}",
        link=staff_link(event),
        person=person,
    )
    mail.send_on_commit(stop_recorded, event.pk)
    audit.record(
        actor=user,
        action="wellbeing.stopped",
        organisation=opportunity.organisation,
        target=event,
        kind=kind,
        person_id=person.pk,
        session_id=session.pk if session else None,
        on_behalf=on_behalf,
    )
    return event


@mail.message
def stop_recorded(event_id: int) -> mail.Letter | None:
    """Tell the contact person at once; the task on their list holds it too."""
    event = StopEvent.objects.select_related("person", "opportunity", "session").get(pk=event_id)
    happened = WHAT_HAPPENED[StopKind(event.kind)]
    name = event.person.preferred_name
    when = f"Session: {day_and_clock(event.session.starts_at)}\n" if event.session else ""
    body = (
        f"{name} {happened}.\n\n"
        f"Work: {event.opportunity.title}\n{when}\n"
        "Please check in with them as soon as you can, in the way they prefer. Do not ask "
        "them for a reason. Their pay for the booked time is not affected.\n\n"
        f"{settings.SITE_URL}{staff_link(event)}\n"
    )
    return alert_staff(contacts_of(event.opportunity), subject=f"{name} {happened}", body=body)
