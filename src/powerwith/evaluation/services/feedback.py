"""Asking experts by experience how the work went, and keeping what they say.

An anonymous answer is written without the person (see ``evaluation.models``); the audit
record and the request row say only that the person answered, never which answer is theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.audit import record
from powerwith.accounts.models import User
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.evaluation.completion import FINISHED_STATUSES
from powerwith.evaluation.models import QUESTIONS, FeedbackAnswer, FeedbackRequest, Rating
from powerwith.evaluation.queries import MyEngagement, completed_in, prefers_easy_read
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person

COMMENTS_LENGTH = 4000


def _clean(answers: Mapping[str, int | None], comments: str) -> dict[str, int | None]:
    unknown = set(answers) - set(QUESTIONS)
    if unknown:
        raise InvalidInput(f"There is no question called {sorted(unknown)[0]}.")
    cleaned: dict[str, int | None] = {}
    for name in QUESTIONS:
        value = answers.get(name)
        if value is not None and (isinstance(value, bool) or value not in Rating.values):
            raise InvalidInput("Each answer must be a number from 1 to 5.", field=name)
        cleaned[name] = value
    if len(comments) > COMMENTS_LENGTH:
        raise InvalidInput(
            f"Your comments must be {COMMENTS_LENGTH} characters or fewer.", field="comments"
        )
    if all(v is None for v in cleaned.values()) and not comments.strip():
        raise InvalidInput("Answer at least one question, or write a comment.")
    return cleaned


def give_feedback(
    *,
    engagement: MyEngagement,
    user: User,
    answers: Mapping[str, int | None],
    comments: str = "",
    anonymous: bool = False,
    on_persons_word: bool = False,
) -> None:
    """The person says how the work went. ``engagement`` comes from
    ``queries.get_own_engagement`` so it is always the user's own; or staff record what
    the person told them (``on_persons_word``, passed by powerwith.workflows.on_behalf
    alone, with the engagement from ``queries.engagement_of``)."""
    offer = engagement.offer
    if not on_persons_word and offer.person.user_id != user.pk:
        raise Conflict("You can only give feedback on your own work.")
    if not engagement.complete:
        raise Conflict("You can tell us how it went once your part in the work is finished.")
    cleaned = _clean(answers, comments)
    try:
        with transaction.atomic():
            request, _ = FeedbackRequest.objects.select_for_update().get_or_create(
                opportunity_id=offer.opportunity_id,
                person_id=offer.person_id,
                defaults={"organisation_id": offer.organisation_id},
            )
            if request.answered:
                raise Conflict("You have already told us how this work went. Thank you.")
            request.answered = True
            request.save(update_fields=["answered"])
            FeedbackAnswer.objects.create(
                organisation_id=offer.organisation_id,
                opportunity_id=offer.opportunity_id,
                person=None if anonymous else offer.person,
                comments=comments.strip(),
                **cleaned,
            )
            record(
                actor=user,
                action="feedback.given",
                organisation=offer.organisation,
                target=request,
                anonymous=anonymous,
            )
    except IntegrityError as error:
        raise Conflict("You have already told us how this work went. Thank you.") from error


@mail.message
def feedback_asked(person_id: int, offer_id: int) -> mail.Letter | None:
    person = Person.objects.select_related("user").get(pk=person_id)
    offer = Offer.objects.select_related("opportunity").get(pk=offer_id)
    easy = prefers_easy_read(person)
    link = f"{settings.SITE_URL}/my-feedback/{offer_id}/{'easy-read/' if easy else ''}"
    return mail.Letter(
        EmailMessage(
            subject="Tell us how it went",
            body=(
                f"Hello {person.preferred_name},\n\n"
                "Thank you for working with us. We would like to know how it went for you: "
                "if you felt respected, safe and listened to, and if the pay was fair.\n\n"
                "You can answer without giving your name. You do not have to answer.\n\n"
                f"{link}\n"
            ),
            to=[person.email],
        ),
        mail.Undelivered(
            organisation_id=offer.organisation_id,
            assignee_ids=(offer.opportunity.contact_user_id, offer.created_by_id),
            about=f"feedback on {offer.opportunity.title}",
            to=person.preferred_name,
            link=reverse("offers:offer", args=[offer.pk]),
            person_id=person.pk,
        ),
        mail.Recipient(
            person.pk,
            "feedback_asked",
            link=link,
            contact_ids=(offer.opportunity.contact_user_id,),
        ),
    )


def ask_for_feedback(opportunity: Opportunity, *, now: datetime, by: User | None = None) -> int:
    """Ask everyone whose part is complete and who has not been asked. Returns how many."""
    done = completed_in(opportunity, now)
    already = set(
        FeedbackRequest.objects.filter(opportunity=opportunity).values_list("person_id", flat=True)
    )
    to_ask = sorted(done - already)
    if not to_ask:
        return 0
    offers = dict(
        Offer.objects.filter(
            taking_part(), opportunity=opportunity, person_id__in=to_ask
        ).values_list("person_id", "pk")
    )
    with transaction.atomic():
        for person_id in to_ask:
            FeedbackRequest.objects.create(
                organisation_id=opportunity.organisation_id,
                opportunity=opportunity,
                person_id=person_id,
                asked_at=now,
            )
            mail.send_on_commit(feedback_asked, person_id, offers[person_id])
        if by is not None:
            record(
                actor=by,
                action="feedback.asked",
                organisation=opportunity.organisation,
                target=opportunity,
                people=len(to_ask),
            )
    return len(to_ask)


def sweep(now: datetime | None = None) -> int:
    """Ask for feedback wherever someone's part has finished. Idempotent: one request per
    person and opportunity."""
    now = now or timezone.now()
    opportunities = Opportunity.objects.filter(
        Q(sessions__starts_at__lte=now) | Q(status__in=FINISHED_STATUSES),
        taking_part("offers__"),
    ).distinct()
    return sum(ask_for_feedback(o, now=now) for o in opportunities)
