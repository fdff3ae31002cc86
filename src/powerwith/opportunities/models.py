from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.opportunities.choices import (
    Commitment,
    CoWorkingLevel,
    GoalType,
    LocationMode,
    RewardBasis,
)
from powerwith.people.models import empty_list
from powerwith.people.schedule import ITEM_CHOICES, RESTRICTIVE_INTERVENTIONS, SETTINGS


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Opportunity(models.Model):
    """A piece of co-working an organisation wants to do with experts by experience."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="opportunities"
    )
    title = models.CharField(max_length=200)
    purpose = models.TextField(max_length=4000, blank=True)
    goal_type = models.CharField(max_length=20, choices=GoalType.choices, blank=True)
    commitment = models.CharField(max_length=30, choices=Commitment.choices, blank=True)
    level = models.CharField(max_length=20, choices=CoWorkingLevel.choices, blank=True)
    focus = models.JSONField(default=empty_list, blank=True)
    location_mode = models.CharField(max_length=20, choices=LocationMode.choices, blank=True)
    reward_basis = models.CharField(max_length=20, choices=RewardBasis.choices, blank=True)
    status = models.CharField(
        max_length=10, choices=OpportunityStatus.choices, default=OpportunityStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "opportunities"

    def __str__(self) -> str:
        return self.title

    @property
    def is_paid(self) -> bool:
        return bool(self.reward_basis) and self.reward_basis != RewardBasis.VOLUNTARY


class RequiredExperience(models.Model):
    """Experience the opportunity needs: essential (a hard requirement) or desirable."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="required_experience"
    )
    code = models.CharField(max_length=60, choices=ITEM_CHOICES)
    setting = models.CharField(max_length=40, choices=SETTINGS, blank=True)
    intervention = models.CharField(max_length=40, choices=RESTRICTIVE_INTERVENTIONS, blank=True)
    essential = models.BooleanField(default=False)

    class Meta:
        ordering = ["-essential", "id"]

    def __str__(self) -> str:
        return f"{'Essential' if self.essential else 'Desirable'}: {self.code}"
