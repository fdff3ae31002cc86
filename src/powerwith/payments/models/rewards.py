"""The person's own choice about payment for a piece of work."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.core.encryption import EncryptedTextField
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person


class RewardChoiceKind(models.TextChoices):
    FULL = "full", "I will take the fee offered"
    LESS = "less", "I would like to be paid less"
    DECLINE = "decline", "I do not want to be paid (voluntary)"


class RewardChoice(models.Model):
    """The person's own recorded choice about payment for an opportunity. Work counts as
    voluntary only with one of these saying so, and a reason. The newest row holds."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="reward_choices")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=RewardChoiceKind.choices)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    # Encrypted at rest (powerwith.core.encryption): often about benefits or health.
    reason = EncryptedTextField(max_length=1000, blank=True)
    # The words the person was shown when they chose, and the choice in those words: a
    # record that taking less or no pay was theirs, made knowing what it meant.
    words_seen = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(choice__in=RewardChoiceKind.values),
                name="reward_choice_known",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="reward_choice_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_choice_display()} ({self.person})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A recorded choice is kept as it was; record a new one instead.")
        super().save(*args, **kwargs)
