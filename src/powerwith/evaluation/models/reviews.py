"""What the reviews sweep has reminded people about, so that it reminds only once.

The key names the thing and its review date (``wap:<plan id>:<date>``,
``opportunity:<opportunity id>:<date>``, ``readiness:<assessment id>:<date>``,
``readiness_action:<action id>:<due date>``): a new review date is a new reminder.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ReviewKind(models.TextChoices):
    WELLNESS_ACTION_PLAN = "wellness_action_plan", "Wellness Action Plan"
    OPPORTUNITY = "opportunity", "Opportunity"
    READINESS = "readiness", "Readiness self-assessment"
    READINESS_ACTION = "readiness_action", "Readiness action"


class ReviewReminder(models.Model):
    kind = models.CharField(max_length=30, choices=ReviewKind.choices)
    key = models.CharField(max_length=80, unique=True)
    review_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"Reminded: {self.key}"
