"""Every write of learning summaries and the network: one function per action, each in a
transaction with its audit record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.choices import Focus
from powerwith.core.errors import Conflict, DomainError, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, require
from powerwith.learning import document, notifications, queries
from powerwith.learning.benchmarks import refresh_benchmarks
from powerwith.learning.models import (
    EDITED_SECTIONS,
    ImportedSummary,
    LearningSummary,
    NetworkFigure,
    NetworkSharing,
    SummaryComment,
    SummaryStatus,
)
from powerwith.learning.sections import period_words, prefilled, prefilled_period
from powerwith.offers import clarity
from powerwith.opportunities.models import Opportunity

CHECKED = {"title": "Title", **EDITED_SECTIONS}


@dataclass(frozen=True)
class SectionFinding:
    section: str
    heading: str
    finding: clarity.Finding

    def as_dict(self) -> dict[str, Any]:
        f = self.finding
        return {
            "section": self.section,
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "excerpt": f.excerpt,
            "blocks": f.blocks,
        }


def clarity_findings(summary: LearningSummary) -> list[SectionFinding]:
    """The clarity checker's findings on the coordinator's words, section by section."""
    return [
        SectionFinding(key, heading, finding)
        for key, heading in CHECKED.items()
        for finding in clarity.check(getattr(summary, key))
    ]


class PublishRefused(Conflict):
    """Publishing refused while the words say what the charter rules out (ADR 009)."""

    def __init__(self, message: str, blocking: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.blocking = blocking


class ImportRefused(DomainError):
    def __init__(self, problems: list[str]) -> None:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"The file was not imported: it has {count}.", field="document")
        self.problems = problems


def _same_organisation(by: Membership, opportunity: Opportunity) -> None:
    if opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("This work belongs to another organisation.")


@transaction.atomic
def draft_summary(*, by: Membership, opportunity: Opportunity) -> LearningSummary:
    queries.require_writer(by)
    _same_organisation(by, opportunity)
    summary = LearningSummary.objects.create(
        organisation_id=by.organisation_id,
        opportunity=opportunity,
        title=f"What we learned: {opportunity.title}"[:200],
        created_by=by.user,
        **prefilled(opportunity, timezone.now()),
    )
    audit.record(
        actor=by.user,
        action="learning.summary_drafted",
        organisation=by.organisation,
        target=summary,
    )
    _ask_for_comments(by, summary)
    return summary


# The earliest start a period may have: nothing in powerwith is older.
EARLIEST = date(2000, 1, 1)
LONGEST = timedelta(days=5 * 366)


def check_period(start: date, end: date, focus: str, today: date) -> None:
    """Refuses, naming the field, a period that ends before it starts, lies in the
    future, starts before 2000, is longer than five years, or a focus that is not one."""
    if start < EARLIEST:
        raise InvalidInput("The start of the period must be in 2000 or later", field="period_start")
    if start > today:
        raise InvalidInput(
            "The start of the period must be today or in the past", field="period_start"
        )
    if end > today:
        raise InvalidInput("The end of the period must be today or in the past", field="period_end")
    if end < start:
        raise InvalidInput(
            "The end of the period must be the same as or after its start", field="period_end"
        )
    if end - start > LONGEST:
        raise InvalidInput("Choose a period of five years or less", field="period_end")
    if focus and focus not in Focus.values:
        raise InvalidInput("Choose a focus from the list", field="focus")


@transaction.atomic
def draft_period_summary(
    *, by: Membership, start: date, end: date, focus: str = "", now: datetime | None = None
) -> LearningSummary:
    """A summary of every piece of the organisation's work in a period (of one focus when
    asked), pre-filled from all their records. Bad dates, or a period without any work,
    are refused and nothing is written."""
    queries.require_writer(by)
    now = now or timezone.now()
    check_period(start, end, focus, timezone.localdate(now))
    work = queries.work_between(by.organisation_id, start, end, focus)
    if not work:
        of_focus = f" on {Focus(focus).label.lower()}" if focus else ""
        raise InvalidInput(
            f"There was no work{of_focus} from {period_words(start, end)}, so there is "
            "nothing to summarise. Choose another period.",
            field="period_start",
        )
    summary = LearningSummary.objects.create(
        organisation_id=by.organisation_id,
        period_start=start,
        period_end=end,
        focus=focus,
        title=f"What we learned from {period_words(start, end)}"[:200],
        created_by=by.user,
        **prefilled_period(work, start, end, focus, now),
    )
    summary.covers.set(work)
    audit.record(
        actor=by.user,
        action="learning.summary_drafted",
        organisation=by.organisation,
        target=summary,
        pieces_of_work=len(work),
    )
    _ask_for_comments(by, summary)
    return summary


def _ask_for_comments(by: Membership, summary: LearningSummary) -> int:
    """Each expert who took part hears, by their own channel, that the draft is theirs to
    read and comment on; it is also on their home's "What needs you now"."""
    people = list(queries.took_part_in(summary).values_list("pk", flat=True))
    summary.comments_asked_at = timezone.now()
    summary.save(update_fields=["comments_asked_at"])
    for person_id in people:
        notifications.send_on_commit(notifications.comments_asked, person_id, summary.pk)
    audit.record(
        actor=by.user,
        action="learning.comments_asked",
        organisation=by.organisation,
        target=summary,
        people=len(people),
    )
    return len(people)


@transaction.atomic
def ask_for_comments(*, by: Membership, summary: LearningSummary) -> int:
    """Ask the experts who took part to read the draft and comment (again, after
    changes): how many were asked."""
    queries.require_writer(by)
    locked = LearningSummary.objects.select_for_update().get(pk=summary.pk)
    if locked.is_published:
        raise Conflict("This summary is published: comments were open while it was a draft.")
    return _ask_for_comments(by, locked)


@transaction.atomic
def quote_comment(
    *, by: Membership, summary: LearningSummary, comment: SummaryComment, quote: bool = True
) -> SummaryComment:
    """The coordinator chooses to publish an expert's comment with the summary (or not).
    A quoted comment is shown only while its writer agrees to be quoted (``shown``)."""
    queries.require_writer(by)
    if comment.summary_id != summary.pk:
        raise NotAllowed("This comment is on another summary.")
    if summary.is_published:
        raise Conflict("This summary is published: it can no longer be changed.")
    comment.quoted_at = timezone.now() if quote else None
    comment.quoted_by = by.user if quote else None
    comment.save(update_fields=["quoted_at", "quoted_by"])
    audit.record(
        actor=by.user,
        action="learning.comment_quoted" if quote else "learning.comment_unquoted",
        organisation=by.organisation,
        target=summary,
    )
    return comment


@transaction.atomic
def edit_summary(*, by: Membership, summary: LearningSummary, **sections: str) -> LearningSummary:
    queries.require_writer(by)
    locked = LearningSummary.objects.select_for_update().get(pk=summary.pk)
    if locked.is_published:
        raise Conflict("This summary is published: it can no longer be changed.")
    unknown = set(sections) - set(CHECKED)
    if unknown:
        raise InvalidInput(f"Unknown sections: {', '.join(sorted(unknown))}.")
    if "title" in sections and not sections["title"].strip():
        raise DomainError("Enter a title", field="title")
    for key, text in sections.items():
        setattr(locked, key, text.strip())
    locked.save(update_fields=[*sections])
    audit.record(
        actor=by.user,
        action="learning.summary_edited",
        organisation=by.organisation,
        target=locked,
        sections=sorted(sections),
    )
    return locked


@transaction.atomic
def publish_summary(*, by: Membership, summary: LearningSummary) -> LearningSummary:
    queries.require_writer(by)
    locked = LearningSummary.objects.select_for_update().get(pk=summary.pk)
    if locked.is_published:
        raise Conflict("This summary is already published.")
    blocking = [f for f in clarity_findings(locked) if f.finding.blocks]
    if blocking:
        named = "; ".join(f"{f.heading}: {f.finding.message}" for f in blocking)
        raise PublishRefused(
            f"The summary cannot be published while it says what the charter rules out. {named}",
            [f.as_dict() for f in blocking],
        )
    locked.status = SummaryStatus.PUBLISHED
    locked.published_by = by.user
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_by", "published_at"])
    audit.record(
        actor=by.user,
        action="learning.summary_published",
        organisation=by.organisation,
        target=locked,
    )
    return locked


@transaction.atomic
def comment_on_summary(*, by: Membership, summary: LearningSummary, text: str) -> SummaryComment:
    """An expert who took part comments on the draft."""
    person = queries.own_person(by)
    if person is None or not queries.took_part(by, summary):
        raise NotAllowed("Only the experts who took part in this work can comment on it.")
    if summary.is_published:
        raise Conflict("This summary is published: comments were open while it was a draft.")
    if not text.strip():
        raise DomainError("Enter your comment", field="text")
    comment = SummaryComment.objects.create(summary=summary, person=person, text=text.strip())
    audit.record(
        actor=by.user,
        action="learning.summary_commented",
        organisation=by.organisation,
        target=summary,
    )
    return comment


@transaction.atomic
def set_network_sharing(
    *, by: Membership, share_summaries: bool, contribute_figures: bool
) -> NetworkSharing:
    require(
        by, Capability.CHANGE_SETTINGS, "Only admins can change what is shared with the network."
    )
    sharing, _ = NetworkSharing.objects.update_or_create(
        organisation_id=by.organisation_id,
        defaults={
            "share_summaries": share_summaries,
            "contribute_figures": contribute_figures,
            "changed_by": by.user,
            "changed_at": timezone.now(),
        },
    )
    if not contribute_figures:
        # Out of every figure at once, not only at the next refresh.
        NetworkFigure.objects.filter(organisation_id=by.organisation_id).delete()
    transaction.on_commit(lambda: refresh_benchmarks.enqueue())
    audit.record(
        actor=by.user,
        action="learning.network_sharing_changed",
        organisation=by.organisation,
        share_summaries=share_summaries,
        contribute_figures=contribute_figures,
    )
    return sharing


@transaction.atomic
def import_summary(*, by: Membership, raw: bytes | str) -> ImportedSummary:
    """A summary from another installation, stored only when the whole file is valid."""
    queries.require_writer(by)
    found, problems = document.problems_in(raw)
    if found is None:
        raise ImportRefused(problems)
    imported = ImportedSummary.objects.create(
        organisation_id=by.organisation_id,
        document=found.model_dump(mode="json"),
        title=found.title,
        source_organisation=found.organisation,
        imported_by=by.user,
    )
    audit.record(
        actor=by.user,
        action="learning.summary_imported",
        organisation=by.organisation,
        target=imported,
    )
    return imported
