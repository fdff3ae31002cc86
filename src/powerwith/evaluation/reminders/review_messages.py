"""The review reminders themselves: each a message the worker sends, read afresh from the
database when it goes (``reviews.sweep`` decides what is due and queues it)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts.models import User
from powerwith.core import mail
from powerwith.core.choices import Commitment
from powerwith.evaluation.models.readiness import ReadinessAction, ReadinessAssessment
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import WellnessActionPlan


def _when(day: date, today: date) -> str:
    words = date_format(day, "j F Y")
    return f"was due on {words}" if day < today else f"is due on {words}"


def address_of(user: User) -> str:
    return user.email if user.is_active else ""


def _to_staff(
    user: User, organisation_id: int, about: str, link: str, subject: str, body: str
) -> mail.Letter | None:
    """A reminder to a member of staff; one that cannot be sent goes on their own list."""
    if not address_of(user):
        return None
    return mail.Letter(
        EmailMessage(subject=subject, body=body, to=[user.email]),
        mail.Undelivered(
            organisation_id=organisation_id,
            assignee_ids=(user.pk,),
            about=about,
            to="you",
            link=link,
        ),
    )


@mail.message
def plan_review_due(plan_id: int) -> mail.Letter | None:
    """To the person alone: nobody else hears of it, even when it cannot be sent."""
    plan = WellnessActionPlan.objects.select_related("person").get(pk=plan_id)
    person = plan.person
    if plan.review_date is None or not person.email:
        return None
    link = settings.SITE_URL + reverse("people:my_wellness_plan")
    body = (
        f"Hello {person.preferred_name},\n\n"
        f"You chose to look again at your Wellness Action Plan: the review "
        f"{_when(plan.review_date, timezone.localdate())}.\n\n"
        "You can read it, change anything that has changed for you, and choose "
        f"a new review date here:\n{link}\n\n"
        "Your plan is yours. Only you, and the people you chose, can read it.\n"
    )
    subject = "Time to review your Wellness Action Plan"
    return mail.Letter(EmailMessage(subject=subject, body=body, to=[person.email]))


@mail.message
def opportunity_review_due(opportunity_id: int) -> mail.Letter | None:
    opportunity = Opportunity.objects.select_related("created_by", "organisation").get(
        pk=opportunity_id
    )
    if opportunity.review_date is None:
        return None
    what = "enduring role" if opportunity.commitment == Commitment.ENDURING_ROLE else "opportunity"
    edit = reverse("opportunities:edit", args=[opportunity.pk])
    body = (
        f"The review of the {what} “{opportunity.title}” at "
        f"{opportunity.organisation.name} "
        f"{_when(opportunity.review_date, timezone.localdate())}.\n\n"
        "Look again at how it is going with the experts by experience involved, "
        "then mark it reviewed or set the next review date:\n"
        f"{settings.SITE_URL}{edit}\n\n"
        f"All reviews due: {settings.SITE_URL}{reverse('evaluation:reviews')}\n"
    )
    return _to_staff(
        opportunity.created_by,
        opportunity.organisation_id,
        f"the review of {opportunity.title}",
        edit,
        f"Review due: {opportunity.title}",
        body,
    )


@mail.message
def readiness_review_due(assessment_id: int) -> mail.Letter | None:
    a = ReadinessAssessment.objects.select_related("completed_by", "organisation").get(
        pk=assessment_id
    )
    detail = reverse("evaluation:readiness_detail", args=[a.pk])
    body = (
        f"The review of {a.organisation.name}'s readiness self-assessment "
        f"{_when(a.review_date, timezone.localdate())}.\n\n"
        "Look again at the barriers, enablers and grow factors, and at the action "
        "plan, then start a new self-assessment:\n"
        f"{settings.SITE_URL}{detail}\n"
    )
    return _to_staff(
        a.completed_by,
        a.organisation_id,
        "the review of the readiness self-assessment",
        detail,
        "Review due: your readiness self-assessment",
        body,
    )


@mail.message
def readiness_action_overdue(action_id: int) -> mail.Letter | None:
    action = ReadinessAction.objects.select_related("owner", "assessment__organisation").get(
        pk=action_id
    )
    organisation = action.assessment.organisation
    detail = reverse("evaluation:readiness_detail", args=[action.assessment_id])
    body = (
        f"An action you own in {organisation.name}'s readiness "
        f"plan {_when(action.due_date, timezone.localdate())} and is not marked done:\n\n"
        f"{action.what}\n\n"
        "Mark it done, or talk to the team about it:\n"
        f"{settings.SITE_URL}{detail}\n"
    )
    return _to_staff(
        action.owner,
        organisation.pk,
        "an overdue action in the readiness plan",
        detail,
        "Overdue: an action in your readiness plan",
        body,
    )
