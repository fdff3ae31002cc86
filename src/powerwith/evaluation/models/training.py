"""Training Standard 1.5 evidence the product cannot compute: whether the staff on a
course heard what it is like to be restrained before any technique was taught. The
coordinator records it per course; the rest of the evidence report is read from the
records (``reports.training``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.engagements.models import Session
from powerwith.opportunities.models import Opportunity


class TrainingCourseEvidence(models.Model):
    opportunity = models.OneToOneField(
        Opportunity, on_delete=models.CASCADE, related_name="training_evidence"
    )
    lived_experience_first = models.BooleanField(
        "staff heard what it is like to be restrained before any technique was taught"
    )
    how = models.TextField("how it was done", max_length=4000, blank=True)
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "training course evidence"

    def __str__(self) -> str:
        return f"Training Standard 1.5 evidence for {self.opportunity}"
