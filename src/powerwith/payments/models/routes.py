"""How a person is paid, in their own choice, and the organisation's decision on their
employment status."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.choices import Commitment
from powerwith.people.models import Person


class PayRoute(models.TextChoices):
    """How a person is paid for their time, in their own choice (``payments.routes``)."""

    BANK_TRANSFER = "bank_transfer", "Bank transfer as a fee"
    PAYROLL = "payroll", "Through payroll"
    INVOICE = "invoice", "Invoice, as self-employed"
    VOUCHERS = "vouchers", "Vouchers"
    CHARITY = "charity", "Payment to a charity of their choice"
    NO_PAYMENT = "no_payment", "No payment"


class PayRouteChoice(models.Model):
    """How the person chose to be paid by an organisation, from a day on. Kept as it was:
    a change is a new row, and the newest that applies on a day holds (``payments.routes``)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="pay_routes")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    route = models.CharField(max_length=16, choices=PayRoute.choices)
    applies_from = models.DateField()
    # For a payment to a charity: which one, in the person's words.
    charity = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-applies_from", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(route__in=PayRoute.values), name="pay_route_choice_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_route_display()} from {self.applies_from} ({self.person})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A recorded choice is kept as it was; record a new one instead.")
        super().save(*args, **kwargs)


class StatusOutcome(models.TextChoices):
    """The outcome of an employment-status decision, in the NIHR/HRA guidance's terms."""

    INVOLVEMENT = "involvement", "Public involvement: not employment"
    SELF_EMPLOYED = "self_employed", "Self-employed"
    EMPLOYED = "employed", "Employed for tax (a worker or employee)"


class EmploymentStatusDecision(models.Model):
    """The organisation's decision on a person's employment status for a kind of work
    (its commitment), with the guidance's questions and answers, who decided, when and
    when to review it. Kept as it was: a review is a new decision."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="employment_status_decisions"
    )
    commitment = models.CharField(max_length=30, choices=Commitment.choices)
    answers = models.JSONField(default=dict)
    outcome = models.CharField(max_length=16, choices=StatusOutcome.choices)
    reasons = models.TextField(max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField()
    review_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=StatusOutcome.values),
                name="employment_status_outcome_known",
            ),
            models.CheckConstraint(
                condition=models.Q(review_on__gt=models.F("decided_on")),
                name="employment_status_review_after_decision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} for {self.get_commitment_display()} ({self.person})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A decision is kept as it was; record a new one at its review.")
        super().save(*args, **kwargs)
