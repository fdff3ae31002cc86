"""Learning summaries, the experts' comments on them, the network settings of each
organisation, summaries imported from other installations, and the network's figures.

A summary stores only the coordinator's own words (the sections they edit). Everything
that comes from the experts — their words in "you said, we did", their comments, their
names — is read from the records each time it is shown, under the consent ledger's rule
(``learning.shown``), so a withdrawal reaches every published copy at once.

The network's figures are organisation-level aggregates: nothing here points at a person.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedTextField
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person


class SummaryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


# The sections a coordinator writes, in the order they are shown, with their headings.
EDITED_SECTIONS: dict[str, str] = {
    "what_was_done": "What was done",
    "what_worked": "What worked",
    "what_did_not": "What did not work",
    "do_differently": "What we would do differently",
}


class LearningSummary(models.Model):
    """What one piece of work, or every piece of work of a period, taught the
    organisation, in its own words.

    A summary of one piece of work names it in ``opportunity``; a summary of a period
    has ``period_start`` and ``period_end`` (and a ``focus`` when it was drafted for one)
    and ``covers`` the work found in that period when it was drafted, so the people
    asked for comments and the records read stay those of the period as drafted."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.PROTECT,
        related_name="learning_summaries",
        null=True,
        blank=True,
    )
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    focus = models.CharField(max_length=60, blank=True)
    covers = models.ManyToManyField(Opportunity, related_name="period_summaries", blank=True)
    title = models.CharField(max_length=200)
    what_was_done = models.TextField(max_length=4000, blank=True)
    what_worked = models.TextField(max_length=4000, blank=True)
    what_did_not = models.TextField(max_length=4000, blank=True)
    do_differently = models.TextField(max_length=4000, blank=True)
    status = models.CharField(
        max_length=20, choices=SummaryStatus.choices, default=SummaryStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # When the experts who took part were last asked to read the draft and comment.
    comments_asked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opportunity__isnull=False)
                | models.Q(period_start__isnull=False, period_end__isnull=False),
                name="summary_of_work_or_period",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == SummaryStatus.PUBLISHED

    @property
    def is_period(self) -> bool:
        return self.opportunity_id is None


class SummaryComment(models.Model):
    """An expert's comment on a draft, for the coordinator. It is published only when the
    coordinator quotes it (``quoted_at``), and then only as ``learning.shown`` allows."""

    summary = models.ForeignKey(LearningSummary, on_delete=models.CASCADE, related_name="comments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    quoted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    quoted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.summary_id}"


class NetworkSharing(models.Model):
    """An organisation's choices about the network: publish its summaries to the library,
    contribute its figures to the benchmarks. Both off until an admin turns them on."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="network_sharing"
    )
    share_summaries = models.BooleanField(default=False)
    contribute_figures = models.BooleanField(default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Network sharing of {self.organisation_id}"


class ImportedSummary(models.Model):
    """A summary published on another installation, as its JSON document said it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    document = models.JSONField()
    title = models.CharField(max_length=200)
    source_organisation = models.CharField(max_length=200)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return self.title


class NetworkFigure(models.Model):
    """One organisation's value of one network figure at the last refresh: an aggregate
    over its records, never a person's."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=60)
    value = models.FloatField()
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="one_figure_each")
        ]

    def __str__(self) -> str:
        return f"{self.name} of {self.organisation_id}"
