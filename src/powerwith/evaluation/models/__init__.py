"""Evaluation: what experts by experience said about the work, what the team learnt, and
what changed because of them ("you said, we did").

Anonymous feedback is kept apart from the person on purpose. ``FeedbackRequest`` names
the person and says only that they were asked and whether they answered, so nobody is
asked twice. ``FeedbackAnswer`` holds what was said; an anonymous answer has no person,
a random (not sequential) key, and only the month it was given, so it cannot be joined
back to the request, the audit log or the order people answered in. Staff pages read
answers only through ``FeedbackAnswer``, so no page can show who gave an anonymous one.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedTextField
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person, empty_list


class Question(models.TextChoices):
    RESPECTED = "respected", "I felt respected"
    SAFE = "safe", "I felt safe"
    VALUED = "valued", "I felt valued"
    LISTENED_TO = "listened_to", "I was listened to"
    INFLUENCE = "influence", "I could influence decisions"
    PAY = "pay", "The pay was fair and on time"
    COMMUNICATION = "communication", "Communication was clear and accessible"
    WORK_AGAIN = "work_again", "I would work with you again"


class Rating(models.IntegerChoices):
    STRONGLY_DISAGREE = 1, "Strongly disagree"
    DISAGREE = 2, "Disagree"
    NEITHER = 3, "Neither agree nor disagree"
    AGREE = 4, "Agree"
    STRONGLY_AGREE = 5, "Strongly agree"


QUESTIONS: tuple[str, ...] = tuple(Question.values)


class FeedbackRequest(models.Model):
    """The person was asked how the work went, and whether they have answered."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="feedback_requests")
    asked_at = models.DateTimeField(default=timezone.now)
    answered = models.BooleanField(default=False)

    class Meta:
        ordering = ["-asked_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "person"], name="one_feedback_request_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"Feedback asked of {self.person} for {self.opportunity}"


def _rating() -> models.PositiveSmallIntegerField[int | None, int | None]:
    return models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)


def this_month() -> date:
    return timezone.localdate().replace(day=1)


class FeedbackAnswer(models.Model):
    """What one person said. ``person`` is empty when they chose to be anonymous."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="feedback_answers"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="feedback_answers"
    )
    respected = _rating()
    safe = _rating()
    valued = _rating()
    listened_to = _rating()
    influence = _rating()
    pay = _rating()
    communication = _rating()
    work_again = _rating()
    # Encrypted at rest (powerwith.core.encryption): it may describe health or treatment.
    comments = EncryptedTextField(max_length=4000, blank=True)
    # The first day of the month it was given: no finer, see the module's docstring.
    given_in = models.DateField(default=this_month)

    class Meta:
        # By the random key within a month, never by when each was written.
        ordering = ["-given_in", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__isnull": True})
                | models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                name=f"feedback_{name}_one_to_five",
            )
            for name in QUESTIONS
        ]

    def __str__(self) -> str:
        return f"Feedback on {self.opportunity}"

    @property
    def is_anonymous(self) -> bool:
        return self.person_id is None


class LivedUp(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class TeamReflection(models.Model):
    """The staff team's own look back at a piece of work. Each one is kept as written."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="team_reflections"
    )
    went_well = models.TextField("what went well", max_length=4000)
    to_change = models.TextField("what we would change", max_length=4000)
    lived_up = models.CharField(
        "did we live up to the P.O.W.E.R. principles", max_length=10, choices=LivedUp.choices
    )
    principles_note = models.TextField(max_length=4000, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Team reflection on {self.opportunity}"


class Standard(models.TextChoices):
    """The UK Standards for Public Involvement."""

    INCLUSIVE_OPPORTUNITIES = "inclusive_opportunities", "Inclusive opportunities"
    WORKING_TOGETHER = "working_together", "Working together"
    SUPPORT_AND_LEARNING = "support_and_learning", "Support and learning"
    COMMUNICATIONS = "communications", "Communications"
    IMPACT = "impact", "Impact"
    GOVERNANCE = "governance", "Governance"


class ImpactEntry(models.Model):
    """You said … we did …: what changed because of experts by experience."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="impact_entries"
    )
    you_said = models.TextField(max_length=4000)
    we_did = models.TextField(max_length=4000)
    contributors = models.ManyToManyField(Person, blank=True, related_name="impact_entries")
    standards = models.JSONField(default=empty_list, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "impact entries"

    def __str__(self) -> str:
        return f"Impact on {self.opportunity}"

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    @property
    def standard_labels(self) -> list[str]:
        labels = dict(Standard.choices)
        return [labels[code] for code in self.standards if code in labels]


# Development plans and review reminders live in modules of their own; importing them
# here registers their models with the app.
from powerwith.evaluation.models import (  # noqa: E402, F401
    development,
    readiness,
    reviews,
    training,
)
