"""Reminders about consents that are about to lapse, or have lapsed.

A consent holds for the organisation's ``reconfirm_months``. Within 30 days of that, the
person is e-mailed once, with a link to reconfirm it on their "Your consents" page. Once
it has lapsed (it now counts as not given), the contact person gets a "reconfirm" task on
their action-needed list. Each is noted in ``ConsentReminder`` against the event that
started the period, so the sweep is idempotent; a reconfirmation is a new event and
starts a new period.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts.models import Organisation, User
from powerwith.consent.models import Action, ConsentEvent, ConsentReminder, ReminderKind
from powerwith.consent.queries import months_before
from powerwith.consent.wording import Scope
from powerwith.core import mail
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers.models import Offer

WARN_BEFORE = timedelta(days=30)


def _lapses_on(event: ConsentEvent, months: int) -> datetime:
    """The moment the event's consent lapses: ``months`` calendar months after it."""
    return months_before(event.created_at, -months)


def _last_given_events(organisation: Organisation, before: datetime) -> list[ConsentEvent]:
    """The last event of each consent context, where it is a grant or reconfirmation
    recorded before ``before``."""
    last: dict[tuple[int, str, int | None, int | None], int] = {}
    rows = (
        ConsentEvent.objects.filter(organisation=organisation)
        .order_by("id")
        .values_list("id", "person_id", "scope", "opportunity_id", "output_id")
    )
    for event_id, person_id, scope, opportunity_id, output_id in rows:
        last[(person_id, scope, opportunity_id, output_id)] = event_id
    return list(
        ConsentEvent.objects.select_related("person", "opportunity__contact_user")
        .filter(pk__in=last.values(), created_at__lt=before)
        .exclude(action=Action.WITHDRAW)
        .order_by("id")
    )


def _contacts_for(event: ConsentEvent) -> list[User | None]:
    if event.opportunity is not None and event.opportunity.contact_user is not None:
        return [event.opportunity.contact_user]
    offers = Offer.objects.filter(
        person_id=event.person_id, organisation_id=event.organisation_id
    ).select_related("opportunity__contact_user")
    return [o.opportunity.contact_user for o in offers]


@mail.message
def consent_ends_soon(event_id: int) -> mail.Letter | None:
    event = ConsentEvent.objects.select_related(
        "person", "organisation", "opportunity__contact_user"
    ).get(pk=event_id)
    person = event.person
    organisation = event.organisation
    lapses = _lapses_on(event, organisation.reconfirm_months)
    link = settings.SITE_URL + reverse("consent:my_consents")
    body = (
        f"Hello {person.preferred_name},\n\n"
        f"You agreed with {organisation.name} to this: {Scope(event.scope).label}.\n"
        f"That agreement ends on {date_format(timezone.localtime(lapses), 'j F Y')}.\n\n"
        "If you still agree, you can say so again here. If you do not, you need do nothing, "
        f"or you can withdraw it now. You do not have to give a reason.\n{link}\n"
    )
    return mail.Letter(
        EmailMessage(
            subject=f"Your consent with {organisation.name} ends soon",
            body=body,
            to=[person.email],
        ),
        mail.Undelivered(
            organisation_id=organisation.pk,
            assignee_ids=tuple(user.pk for user in _contacts_for(event) if user is not None),
            about="a consent that ends soon",
            to=person.preferred_name,
            link=reverse("consent:receipt", args=[event.pk]),
            person_id=person.pk,
        ),
        # Not a reminder the person may stop: without it their agreement lapses unseen.
        mail.Recipient(person.pk, "consent_ends_soon", link=link),
    )


def _remind(organisation: Organisation, now: datetime) -> int:
    months = organisation.reconfirm_months
    lapsed_before = months_before(now, months)
    warn_before = months_before(now + WARN_BEFORE, months)
    events = _last_given_events(organisation, warn_before)
    done = set(ConsentReminder.objects.filter(event__in=events).values_list("event_id", "kind"))
    count = 0
    for event in events:
        lapsed = event.created_at < lapsed_before
        kind = ReminderKind.LAPSED if lapsed else ReminderKind.LAPSING
        if (event.pk, kind) in done:
            continue
        with transaction.atomic():
            if lapsed:
                raise_action(
                    organisation=organisation,
                    assignees=_contacts_for(event),
                    kind=ActionKind.RECONFIRM,
                    key=f"reconfirm:consent:{event.pk}",
                    title=(
                        f"{event.person.preferred_name}'s consent has lapsed: "
                        f"{Scope(event.scope).label}. Ask whether they still agree."
                    ),
                    link=reverse("consent:receipt", args=[event.pk]),
                    person=event.person,
                )
            else:
                mail.send_on_commit(consent_ends_soon, event.pk)
            ConsentReminder.objects.create(event=event, kind=kind, sent_at=now)
        count += 1
    return count


def sweep(now: datetime) -> int:
    """Send the reminders and raise the tasks that are due at ``now``; how many."""
    return sum(
        _remind(organisation, now)
        for organisation in Organisation.objects.filter(
            Q(pk__in=ConsentEvent.objects.values("organisation_id"))
        )
    )
