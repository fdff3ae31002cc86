from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.choices import (
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
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    REVIEWED = "reviewed", "Reviewed"
    CANCELLED = "cancelled", "Cancelled"


# The only allowed changes of status, declared once: forward one step at a time, and
# cancelled from anywhere but a reviewed (finished) piece of work.
STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    OpportunityStatus.DRAFT: frozenset({OpportunityStatus.OPEN, OpportunityStatus.CANCELLED}),
    OpportunityStatus.OPEN: frozenset({OpportunityStatus.IN_PROGRESS, OpportunityStatus.CANCELLED}),
    OpportunityStatus.IN_PROGRESS: frozenset(
        {OpportunityStatus.COMPLETED, OpportunityStatus.CANCELLED}
    ),
    OpportunityStatus.COMPLETED: frozenset(
        {OpportunityStatus.REVIEWED, OpportunityStatus.CANCELLED}
    ),
    OpportunityStatus.REVIEWED: frozenset(),
    OpportunityStatus.CANCELLED: frozenset(),
}
# A new opportunity is saved as a draft, or opened straight away.
STARTING_STATUSES = frozenset({OpportunityStatus.DRAFT, OpportunityStatus.OPEN})


def no_expenses() -> dict[str, bool]:
    return {}


def no_output_use() -> dict[str, bool]:
    return {}


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
    outcomes = models.JSONField(default=empty_list, blank=True)
    success_measures = models.TextField(max_length=4000, blank=True)
    input_expected = models.TextField(
        "what the person is asked to do",
        max_length=4000,
        blank=True,
        help_text="For example: offer an opinion, share experiences, or do a task against "
        "set criteria.",
    )
    location_mode = models.CharField(max_length=20, choices=LocationMode.choices, blank=True)
    location_address = models.CharField(max_length=300, blank=True)
    location_details = models.CharField("call or joining details", max_length=300, blank=True)
    hours_per_week = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, help_text="For enduring roles."
    )
    reward_basis = models.CharField(max_length=20, choices=RewardBasis.choices, blank=True)
    reward_amount = models.DecimalField(
        "amount in pounds", max_digits=8, decimal_places=2, null=True, blank=True
    )
    paid_within_days = models.PositiveSmallIntegerField(null=True, blank=True)
    expenses = models.JSONField(
        default=no_expenses,
        blank=True,
        help_text="travel, travel_in_advance, subsistence, care, support_worker, equipment",
    )
    contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="appointed contact person",
    )
    backup_contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="backup contact person",
    )
    output_use = models.JSONField(
        default=no_output_use,
        blank=True,
        help_text="share_internally, publish, distribute, monetise",
    )
    wellbeing_checks = models.BooleanField(
        default=True, help_text="Wellbeing checks before, at the end and after the work."
    )
    ground_rules = models.TextField(max_length=4000, blank=True)
    review_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=OpportunityStatus.choices, default=OpportunityStatus.DRAFT
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


class RateCard(models.Model):
    """The organisation's standard rates, kept as dated rows: a new rate is a new row from a
    date, so a rate already accepted in an offer never changes under it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="rates")
    basis = models.CharField(max_length=20, choices=RewardBasis.choices)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    valid_from = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["basis", "-valid_from", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="rate_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_basis_display()}: £{self.amount} from {self.valid_from}"


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
