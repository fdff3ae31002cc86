"""Every read of learning summaries, the library and the network's figures, scoped here.

A summary is read by its own organisation's staff who read evaluation, by the experts
who took part in its work (while it is a draft, to comment; and after), and, once
published by an organisation that shares its summaries with the network, by any member
of any organisation on this installation. Anyone else gets a 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.core.permissions import Capability, can, require
from powerwith.evaluation.models import (
    QUESTIONS,
    FeedbackAnswer,
    ImpactEntry,
    Question,
    TeamReflection,
)
from powerwith.evaluation.queries import contributors_of
from powerwith.learning.models import (
    ImportedSummary,
    LearningSummary,
    NetworkFigure,
    NetworkSharing,
    SummaryComment,
    SummaryStatus,
)
from powerwith.opportunities.models import Opportunity
from powerwith.outcomes.models import Service
from powerwith.people.models import Person
from powerwith.people.queries import person_of
from powerwith.reports.dashboard.queries import at_work_between


def require_writer(membership: Membership) -> None:
    require(
        membership,
        Capability.WRITE_EVALUATION,
        "Only coordinators and admins can write learning summaries.",
    )


def require_reader(membership: Membership) -> None:
    require(
        membership,
        Capability.READ_EVALUATION,
        "Only coordinators, admins and auditors can read the learning summaries.",
    )


def summaries_of(membership: Membership) -> QuerySet[LearningSummary]:
    require_reader(membership)
    return LearningSummary.objects.filter(
        organisation_id=membership.organisation_id
    ).select_related("opportunity", "organisation")


def _sharing_organisations() -> QuerySet[NetworkSharing]:
    return NetworkSharing.objects.filter(share_summaries=True)


def library_summaries() -> QuerySet[LearningSummary]:
    """Published summaries of every organisation that shares them with the network."""
    return (
        LearningSummary.objects.filter(
            status=SummaryStatus.PUBLISHED,
            organisation_id__in=_sharing_organisations().values("organisation_id"),
        )
        .select_related("opportunity", "organisation")
        .prefetch_related("opportunity__required_experience")
        .order_by("-published_at", "-id")
    )


def get_summary_for(membership: Membership, summary_id: int) -> LearningSummary:
    """The summary, if this member may read it (see the module's rule), else 404."""
    found = (
        LearningSummary.objects.filter(pk=summary_id)
        .select_related("opportunity", "organisation")
        .first()
    )
    if found is None or not may_read(membership, found):
        raise Http404("No such learning summary.")
    return found


def get_own_summary_for(membership: Membership, summary_id: int) -> LearningSummary:
    """One of the organisation's own summaries, for its staff; 404 for anyone else's."""
    found = summaries_of(membership).filter(pk=summary_id).first()
    if found is None:
        raise Http404("No such learning summary.")
    return found


def may_read(membership: Membership, summary: LearningSummary) -> bool:
    if summary.organisation_id == membership.organisation_id:
        if can(membership, Capability.READ_EVALUATION):
            return True
        if not can(membership, Capability.WORK_AS_STAFF) and took_part(membership, summary):
            return True
    return (
        summary.is_published
        and _sharing_organisations().filter(organisation_id=summary.organisation_id).exists()
    )


def took_part(membership: Membership, summary: LearningSummary) -> bool:
    person = person_of(membership.user)
    if person is None or summary.organisation_id != membership.organisation_id:
        return False
    return has_taken_part(summary, person)


def has_taken_part(summary: LearningSummary, person: Person) -> bool:
    """Whether this person took part in the summary's work: the same people as
    ``took_part_in``, asked of one person, so the database reads only their own offers
    and bookings rather than everyone who took part."""
    return any(contributors_of(work).filter(pk=person.pk).exists() for work in work_of(summary))


def work_of(summary: LearningSummary) -> list[Opportunity]:
    """The piece of work a summary is about, or every piece of its period."""
    if summary.opportunity_id is not None:
        return [summary.opportunity]  # type: ignore[list-item]
    return list(summary.covers.order_by("title", "pk"))


def took_part_in(summary: LearningSummary) -> QuerySet[Person]:
    """The experts who took part in the summary's work (``contributors_of`` each piece)."""
    work = work_of(summary)
    if not work:
        return Person.objects.none()
    found = Q()
    for opportunity in work:
        found |= Q(pk__in=contributors_of(opportunity).values("pk"))
    return Person.objects.filter(found).distinct()


def works_by_person(summary: LearningSummary, people: list[Person]) -> dict[int, set[int]]:
    """For each person, the pieces of the summary's work their words or name come from:
    those they took part in or contributed to in the impact log. Their consent for each
    of those decides what the summary shows of them (``shown``)."""
    work = work_of(summary)
    found: dict[int, set[int]] = {p.pk: set() for p in people}
    if len(work) == 1:
        return {pk: {work[0].pk} for pk in found}
    for opportunity in work:
        for pk in contributors_of(opportunity).filter(pk__in=found).values_list("pk", flat=True):
            found[pk].add(opportunity.pk)
    pairs = ImpactEntry.objects.filter(
        opportunity__in=work, contributors__in=list(found)
    ).values_list("contributors", "opportunity_id")
    for pk, opportunity_id in pairs:
        found[pk].add(opportunity_id)
    every = {o.pk for o in work}
    return {pk: ids or every for pk, ids in found.items()}


def bounds_of(start: date, end: date) -> tuple[datetime, datetime]:
    """From the first moment of ``start`` to the first moment after ``end``, local time."""
    first = timezone.make_aware(datetime.combine(start, time.min))
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    return first, after


def work_between(
    organisation_id: int, start: date, end: date, focus: str = ""
) -> list[Opportunity]:
    """The organisation's work of a period, by the dashboard's definition
    (``at_work_between``), of one focus when one is asked for."""
    found = at_work_between(organisation_id, *bounds_of(start, end)).prefetch_related(
        "required_experience"
    )
    return [o for o in found if not focus or focus in (o.focus or [])]


@dataclass(frozen=True)
class FeedbackTheme:
    """How many of those who answered one feedback question agreed (4 or 5 of 5)."""

    label: str
    agreed: int
    answered: int


def feedback_themes(work: list[Opportunity]) -> list[FeedbackTheme]:
    """Each feedback question's agreement over the work, counts only: no comment, no
    name (the comments are special-category text and stay on the feedback pages)."""
    answers = list(FeedbackAnswer.objects.filter(opportunity__in=work).values(*QUESTIONS))
    themes = []
    for code in QUESTIONS:
        given = [a[code] for a in answers if a[code] is not None]
        if given:
            themes.append(
                FeedbackTheme(Question(code).label, sum(1 for r in given if r >= 4), len(given))
            )
    return themes


def own_person(membership: Membership) -> Person | None:
    return person_of(membership.user)


def summaries_to_comment_on(membership: Membership) -> list[LearningSummary]:
    """Drafts of the work this expert took part in, for them to read and comment on."""
    person = person_of(membership.user)
    if person is None:
        return []
    drafts = LearningSummary.objects.filter(
        organisation_id=membership.organisation_id, status=SummaryStatus.DRAFT
    ).select_related("opportunity", "organisation")
    return [s for s in drafts if has_taken_part(s, person)]


def drafts_waiting_for(membership: Membership) -> list[LearningSummary]:
    """The organisation's drafts whose experts were asked for comments, that this expert
    took part in and has not commented on yet: for their "What needs you now"."""
    person = person_of(membership.user)
    if person is None:
        return []
    asked = LearningSummary.objects.filter(
        organisation_id=membership.organisation_id,
        status=SummaryStatus.DRAFT,
        comments_asked_at__isnull=False,
    ).exclude(comments__person=person)
    return [s for s in asked if has_taken_part(s, person)]


def own_comments(person: Person, summary: LearningSummary) -> list[SummaryComment]:
    return list(SummaryComment.objects.filter(summary=summary, person=person))


def people_of(summary: LearningSummary) -> list[Person]:
    """Everyone whose words or name the summary may hold: the people who took part, the
    contributors to its impact entries and the people who commented."""
    work = work_of(summary)
    return list(
        Person.objects.filter(
            Q(pk__in=took_part_in(summary).values("pk"))
            | Q(impact_entries__opportunity__in=work)
            | Q(pk__in=SummaryComment.objects.filter(summary=summary).values("person_id"))
        ).distinct()
    )


def impact_for(summary: LearningSummary) -> list[ImpactEntry]:
    return list(
        ImpactEntry.objects.filter(
            organisation_id=summary.organisation_id, opportunity__in=work_of(summary)
        )
        .prefetch_related("contributors")
        .order_by("created_at", "id")
    )


def reflections_for(opportunity: Opportunity) -> list[TeamReflection]:
    return list(
        TeamReflection.objects.filter(
            organisation_id=opportunity.organisation_id, opportunity=opportunity
        ).order_by("created_at", "id")
    )


def comments_on(summary: LearningSummary) -> list[SummaryComment]:
    return list(SummaryComment.objects.filter(summary=summary).select_related("person"))


def get_comment_on(summary: LearningSummary, comment_id: int) -> SummaryComment:
    found = SummaryComment.objects.filter(summary=summary, pk=comment_id).first()
    if found is None:
        raise Http404("No such comment.")
    return found


def sharing_of(organisation: Organisation) -> NetworkSharing | None:
    return NetworkSharing.objects.filter(organisation=organisation).first()


def contributing_organisations() -> list[int]:
    return list(
        NetworkSharing.objects.filter(contribute_figures=True).values_list(
            "organisation_id", flat=True
        )
    )


@dataclass(frozen=True)
class LibraryFilter:
    focus: str = ""
    setting: str = ""
    level: str = ""
    text: str = ""


def services_of_organisation(organisation: Organisation) -> QuerySet[Service]:
    """For the network's figures: totals over every service, never a name."""
    return Service.objects.filter(organisation=organisation)


def imported_summaries(membership: Membership) -> QuerySet[ImportedSummary]:
    """The summaries this organisation imported: its own copies, listed in its view of
    the library only (whether to publish them to this network is their authors' choice)."""
    return ImportedSummary.objects.filter(organisation_id=membership.organisation_id)


def get_imported_for(membership: Membership, imported_id: int) -> ImportedSummary:
    found = imported_summaries(membership).filter(pk=imported_id).first()
    if found is None:
        raise Http404("No such summary.")
    return found


def network_figures() -> QuerySet[NetworkFigure]:
    return NetworkFigure.objects.all()
