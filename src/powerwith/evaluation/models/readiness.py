"""The readiness self-assessment: an organisation rates itself against the charter's
barriers, enablers and grow factors (``evaluation.readiness``), plans what to do about
them, and sets a date to look again.

An assessment and its answers are written once: a new look is a new assessment, so the
history shows how readiness changed. Only the action plan moves on (an action is marked
done, with who and when).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.evaluation.readiness import FACTOR_CHOICES, FACTORS_BY_CODE, RATING_LABELS


class ReadinessAssessment(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="readiness_assessments"
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    review_date = models.DateField()
    summary = models.TextField("summary note", max_length=4000, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"Readiness of {self.organisation} on {self.created_at:%Y-%m-%d}"


class ReadinessAnswer(models.Model):
    assessment = models.ForeignKey(
        ReadinessAssessment, on_delete=models.CASCADE, related_name="answers"
    )
    factor = models.CharField(max_length=40, choices=FACTOR_CHOICES)
    rating = models.CharField(max_length=20, choices=list(RATING_LABELS.items()))
    note = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["assessment", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "factor"], name="one_readiness_answer_per_factor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.factor}: {self.rating}"

    @property
    def rating_label(self) -> str:
        return RATING_LABELS.get(self.rating, self.rating)

    @property
    def factor_text(self) -> str:
        found = FACTORS_BY_CODE.get(self.factor)
        return found.text if found else self.factor


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class ReadinessAction(models.Model):
    """What the organisation will do about one factor, who owns it and by when."""

    assessment = models.ForeignKey(
        ReadinessAssessment, on_delete=models.CASCADE, related_name="actions"
    )
    factor = models.CharField(max_length=40, choices=FACTOR_CHOICES)
    what = models.TextField("what we will do", max_length=2000)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField()
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ActionStatus.values),
                name="readiness_action_status_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.factor}: {self.what[:40]}"

    @property
    def factor_text(self) -> str:
        found = FACTORS_BY_CODE.get(self.factor)
        return found.text if found else self.factor

    @property
    def is_done(self) -> bool:
        return self.status == ActionStatus.DONE
