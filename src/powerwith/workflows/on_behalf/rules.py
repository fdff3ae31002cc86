"""Who may act on a person's word, the record of it, and the confirmation the person
is sent (powerwith.workflows.on_behalf)."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import models

from powerwith.accounts.models import Membership, User
from powerwith.core import mail
from powerwith.core.errors import NotAllowed
from powerwith.engagements.models import Adjustment, StopEvent, WellbeingCheck
from powerwith.engagements.services.wellbeing import contacts_of
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.messaging.routing import why_unreachable
from powerwith.offers.models import Offer, OfferEvent

# Who may act on a person's word is read from their offers; pages below the workflows ask it
# there too.
from powerwith.offers.queries import refusal_for as refusal_for
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import ActedFor, Person
from powerwith.people.services.acting import OnBehalf, record_acted_for


def require_may_act(by: Membership, person: Person) -> None:
    refusal = refusal_for(by, person)
    if refusal is not None:
        raise NotAllowed(refusal)


def told(by: Membership, word: OnBehalf) -> str:
    """ "You told Hannah Clarke on the phone": the start of every confirmation."""
    how = {
        "in_person": "in person",
        "phone": "on the phone",
        "letter": "in your letter",
        "supporter": "through your supporter",
    }[word.method]
    return f"You told {by.user.full_name or 'us'} {how}"


def record(
    by: Membership,
    person: Person,
    word: OnBehalf,
    *,
    subject: str,
    subject_id: int,
    that: str,
    link: str,
) -> ActedFor:
    acted = record_acted_for(
        by=by,
        person=person,
        method=word.method,
        note=word.note,
        subject=subject,
        subject_id=subject_id,
        words=f"{told(by, word)} that {that}.",
    )
    confirm(acted, link=link)
    return acted


# What each kind of record a supporter can make is about, and the path from it to the
# work: its contact people tell the person when the confirmation cannot reach them.
WORK_OF: dict[str, tuple[type[models.Model], str]] = {
    "offer_event": (OfferEvent, "offer__opportunity"),
    "wellbeing_check": (WellbeingCheck, "attendance__session__opportunity"),
    "stop_event": (StopEvent, "opportunity"),
    "adjustment": (Adjustment, "opportunity"),
    "feedback": (Offer, "opportunity"),
}


def staff_for(acted: ActedFor) -> list[User]:
    """Who hears when the confirmation needs hands: the member of staff who recorded it,
    or, for an answer the person's supporter gave through their own login, the contact
    people of the work it was about."""
    if acted.supporter_id is None:
        return [acted.recorded_by]
    if acted.subject not in WORK_OF:
        return []
    model, path = WORK_OF[acted.subject]
    work = model._default_manager.filter(pk=acted.subject_id).values_list(path, flat=True)
    opportunity = Opportunity.objects.filter(pk__in=list(work)).first()
    return contacts_of(opportunity) if opportunity is not None else []


def confirm(acted: ActedFor, *, link: str = "") -> None:
    """Send the person the confirmation of what was recorded for them.

    The one place that decides how it reaches them: by the channel they chose (e-mail,
    text, letter, a call, their supporter), through the worker and the messaging router,
    when their profile lets it reach them; otherwise a task on the recorder's
    action-needed list to tell them another way, with the words to use.
    """
    person = acted.person
    if why_unreachable(person) is None:
        mail.send_on_commit(confirmation, acted.pk)
        return
    raise_action(
        organisation=acted.organisation,
        assignees=list(staff_for(acted)),
        kind=ActionKind.TELL_PERSON,
        key=f"tell:{acted.pk}",
        title=f"Tell {person.preferred_name} what you recorded for them, in these words: "
        f"“{acted.words}”"[:300],
        link=link,
        person=person,
    )


@mail.message
def confirmation(acted_id: int) -> mail.Letter | None:
    acted = ActedFor.objects.select_related(
        "person", "organisation", "recorded_by", "supporter"
    ).get(pk=acted_id)
    person = acted.person
    staff = tuple(user.pk for user in staff_for(acted))
    tell = acted.supporter.name if acted.supporter else acted.recorded_by.full_name or "us"
    return mail.Letter(
        EmailMessage(
            subject=f"What you told {acted.organisation.name}",
            body=f"Dear {person.preferred_name},\n\n{acted.words}\n\n"
            f"If this is not what you meant, tell {tell} "
            f"or your contact person at {acted.organisation.name}. You can change your "
            "mind.\n",
            to=[person.email] if person.email else [],
        ),
        mail.Undelivered(
            organisation_id=acted.organisation_id,
            assignee_ids=staff,
            about="what they told you",
            to=person.preferred_name,
            person_id=person.pk,
        ),
        mail.Recipient(person.pk, "what_you_told_us", link="/", contact_ids=staff),
    )
