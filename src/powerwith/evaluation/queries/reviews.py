"""What is due for review: opportunities and enduring roles, Wellness Action Plans and
consents to reconfirm. Overdue, or due within ``DUE_WITHIN_DAYS``.

Who sees what:

- who oversees all the work (coordinators and admins): their organisation's
  opportunities and enduring roles (by review date), consents about to lapse (by the
  organisation's ``reconfirm_months``), the latest readiness self-assessment's review
  date and its plan's open actions;
- any member of staff who cares for people: the Wellness Action Plans they were chosen to
  read, and no other. A plan is the person's: its review, even its existence, is never
  shown to staff by their role;
- the person: their own plan's review and their own consents to reconfirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.consent.models import Action, ConsentEvent
from powerwith.consent.queries import WITHDRAWN, consents_of, months_before
from powerwith.consent.wording import Scope
from powerwith.core.choices import Commitment
from powerwith.core.permissions import Capability, can, require
from powerwith.evaluation.models.readiness import (
    ActionStatus,
    ReadinessAction,
    ReadinessAssessment,
)
from powerwith.opportunities.models import Opportunity, OpportunityStatus
from powerwith.people.models import Person, WellnessActionPlan

DUE_WITHIN_DAYS = 30
# A draft has not started, and finished work has been reviewed or stopped.
NOTHING_TO_REVIEW = frozenset(
    {OpportunityStatus.DRAFT, OpportunityStatus.REVIEWED, OpportunityStatus.CANCELLED}
)

OPPORTUNITY = "opportunity"
ENDURING_ROLE = "enduring_role"
WELLNESS_ACTION_PLAN = "wellness_action_plan"
CONSENT = "consent"
READINESS = "readiness"
READINESS_ACTION = "readiness_action"
KIND_LABELS = {
    OPPORTUNITY: "Opportunity",
    ENDURING_ROLE: "Enduring role",
    WELLNESS_ACTION_PLAN: "Wellness Action Plan",
    CONSENT: "Consent to reconfirm",
    READINESS: "Readiness self-assessment",
    READINESS_ACTION: "Readiness action",
}


@dataclass(frozen=True)
class Review:
    kind: str
    due_on: date
    title: str
    link: str
    overdue: bool
    organisation_id: int | None = None
    organisation_name: str = ""
    person_id: int | None = None
    opportunity_id: int | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def horizon(today: date) -> date:
    return today + timedelta(days=DUE_WITHIN_DAYS)


def _sorted(reviews: list[Review]) -> list[Review]:
    return sorted(reviews, key=lambda r: (r.due_on, r.kind, r.title))


def opportunities_due(organisation: Organisation, today: date) -> list[Review]:
    rows = (
        Opportunity.objects.filter(
            organisation=organisation, review_date__isnull=False, review_date__lte=horizon(today)
        )
        .exclude(status__in=NOTHING_TO_REVIEW)
        .values_list("pk", "title", "commitment", "review_date")
    )
    return [
        Review(
            kind=ENDURING_ROLE if commitment == Commitment.ENDURING_ROLE else OPPORTUNITY,
            due_on=review_date,
            title=title,
            link=reverse("opportunities:edit", args=[pk]),
            overdue=review_date < today,
            organisation_id=organisation.pk,
            organisation_name=organisation.name,
            opportunity_id=pk,
        )
        for pk, title, commitment, review_date in rows
        if review_date is not None
    ]


def _lapses_on(given_at: datetime, organisation: Organisation) -> date:
    return timezone.localdate(months_before(given_at, -organisation.reconfirm_months))


def consents_due(organisation: Organisation, today: date) -> list[Review]:
    """Consents of the organisation that have lapsed or lapse within the window: the last
    event of each context, unless it is a withdrawal."""
    last: dict[tuple[int, str, int | None, int | None], tuple[int, str, datetime]] = {}
    for event_id, person_id, scope, opportunity_id, output_id, action, at in (
        ConsentEvent.objects.filter(organisation=organisation)
        .order_by("id")
        .values_list(
            "id", "person_id", "scope", "opportunity_id", "output_id", "action", "created_at"
        )
    ):
        last[(person_id, scope, opportunity_id, output_id)] = (event_id, action, at)
    due = [
        (context, event_id, _lapses_on(at, organisation))
        for context, (event_id, action, at) in last.items()
        if action != Action.WITHDRAW
    ]
    due = [(context, event_id, day) for context, event_id, day in due if day <= horizon(today)]
    names = dict(
        Person.objects.filter(pk__in={c[0] for c, _, _ in due}).values_list("pk", "preferred_name")
    )
    titles = dict(
        Opportunity.objects.filter(
            organisation=organisation, pk__in={c[2] for c, _, _ in due if c[2]}
        ).values_list("pk", "title")
    )
    reviews = []
    for (who, scope, about_id, _), event_id, day in due:
        about = f" ({titles[about_id]})" if about_id in titles else ""
        reviews.append(
            Review(
                kind=CONSENT,
                due_on=day,
                title=f"{names.get(who, '')}: {Scope(scope).label}{about}",
                link=reverse("consent:receipt", args=[event_id]),
                overdue=day < today,
                organisation_id=organisation.pk,
                organisation_name=organisation.name,
                person_id=who,
                opportunity_id=about_id,
            )
        )
    return reviews


def readiness_due(organisation: Organisation, today: date) -> list[Review]:
    """The latest self-assessment's review (earlier ones are superseded by it), and the
    open actions of any assessment's plan that are due."""
    reviews = []
    latest = (
        ReadinessAssessment.objects.filter(organisation=organisation)
        .order_by("-created_at", "-id")
        .values_list("pk", "review_date")
        .first()
    )
    if latest is not None and latest[1] <= horizon(today):
        reviews.append(
            Review(
                kind=READINESS,
                due_on=latest[1],
                title="Look again at your readiness self-assessment",
                link=reverse("evaluation:readiness_detail", args=[latest[0]]),
                overdue=latest[1] < today,
                organisation_id=organisation.pk,
                organisation_name=organisation.name,
            )
        )
    for assessment_id, what, due_on in ReadinessAction.objects.filter(
        assessment__organisation=organisation,
        status=ActionStatus.OPEN,
        due_date__lte=horizon(today),
    ).values_list("assessment_id", "what", "due_date"):
        reviews.append(
            Review(
                kind=READINESS_ACTION,
                due_on=due_on,
                title=what if len(what) <= 80 else what[:79] + "…",
                link=reverse("evaluation:readiness_detail", args=[assessment_id]),
                overdue=due_on < today,
                organisation_id=organisation.pk,
                organisation_name=organisation.name,
            )
        )
    return reviews


def plans_read_by(membership: Membership, today: date) -> list[Review]:
    """Reviews of the plans this user was chosen to read, of people who work with the
    organisation. Nobody else's plan is ever looked at."""
    plans = WellnessActionPlan.objects.filter(
        readers=membership.user,
        person__links__organisation_id=membership.organisation_id,
        review_date__isnull=False,
        review_date__lte=horizon(today),
    ).values_list("person_id", "person__preferred_name", "review_date")
    return [
        Review(
            kind=WELLNESS_ACTION_PLAN,
            due_on=review_date,
            title=f"{name}'s Wellness Action Plan",
            link=reverse("people:person_wellness_plan", args=[person_id]),
            overdue=review_date < today,
            person_id=person_id,
        )
        for person_id, name, review_date in plans
        if review_date is not None
    ]


def reviews_for_staff(membership: Membership, today: date) -> list[Review]:
    """What this member of staff has to review, soonest first."""
    require(
        membership,
        Capability.CARE_FOR_PEOPLE,
        "Only coordinators, admins and contact people see reviews due.",
    )
    reviews = plans_read_by(membership, today)
    if can(membership, Capability.OVERSEE_ALL_WORK):
        reviews += opportunities_due(membership.organisation, today)
        reviews += consents_due(membership.organisation, today)
        reviews += readiness_due(membership.organisation, today)
    return _sorted(reviews)


def own_plan_review(person: Person, today: date) -> Review | None:
    plan = WellnessActionPlan.objects.filter(person=person, review_date__isnull=False).first()
    if plan is None or plan.review_date is None or plan.review_date > horizon(today):
        return None
    return Review(
        kind=WELLNESS_ACTION_PLAN,
        due_on=plan.review_date,
        title="Your Wellness Action Plan",
        link=reverse("people:my_wellness_plan"),
        overdue=plan.review_date < today,
        person_id=person.pk,
    )


def own_consents_due(person: Person, organisation: Organisation, today: date) -> list[Review]:
    reviews = []
    states = [s for s in consents_of(person, organisation) if s.state != WITHDRAWN and s.at]
    titles = dict(
        Opportunity.objects.filter(
            organisation=organisation,
            pk__in={s.opportunity_id for s in states if s.opportunity_id is not None},
        ).values_list("pk", "title")
    )
    for state in states:
        assert state.at is not None
        day = _lapses_on(state.at, organisation)
        if day > horizon(today):
            continue
        about = titles.get(state.opportunity_id or 0)
        reviews.append(
            Review(
                kind=CONSENT,
                due_on=day,
                title=Scope(state.scope).label + (f" ({about})" if about else ""),
                link=reverse("consent:my_consents"),
                overdue=day < today,
                organisation_id=organisation.pk,
                organisation_name=organisation.name,
                person_id=person.pk,
                opportunity_id=state.opportunity_id,
            )
        )
    return reviews


def reviews_for_person(
    person: Person, organisations: list[Organisation], today: date
) -> list[Review]:
    """The person's own: their plan's review, and their consents with these organisations
    that have lapsed or are about to."""
    plan = own_plan_review(person, today)
    reviews = [plan] if plan is not None else []
    for organisation in organisations:
        reviews += own_consents_due(person, organisation, today)
    return _sorted(reviews)


def organisations_of(person: Person) -> list[Organisation]:
    return list(Organisation.objects.filter(people_links__person=person).order_by("name", "id"))


def reviews_for(membership: Membership, today: date) -> list[Review]:
    """For the API: an expert's own reviews with this organisation, or the staff view."""
    if can(membership, Capability.WORK_AS_STAFF):
        return reviews_for_staff(membership, today)
    person = Person.objects.filter(
        user_id=membership.user_id, links__organisation_id=membership.organisation_id
    ).first()
    if person is None:
        return []
    return reviews_for_person(person, [membership.organisation], today)
