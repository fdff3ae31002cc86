"""Claims for time and expenses, and each step a claim takes to being paid: appended,
never edited."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.engagements.models import Session
from powerwith.offers.models import Offer
from powerwith.payments.models.mileage import Vehicle
from powerwith.payments.models.routes import PayRoute
from powerwith.people.models import Person


class ClaimKind(models.TextChoices):
    TIME = "time", "Time worked"
    EXPENSES = "expenses", "Expenses"
    TRAVEL_ADVANCE = "travel_advance", "Travel paid in advance"
    MILEAGE = "mileage", "Mileage"


# The kinds of claim that pay back money spent: expenses, which are not income.
EXPENSE_KINDS = (ClaimKind.EXPENSES, ClaimKind.MILEAGE, ClaimKind.TRAVEL_ADVANCE)


class ExpenseCategory(models.TextChoices):
    """What an expense was for: each kind of expense an offer can agree to cover
    (``opportunities.choices.EXPENSES``, but for travel in advance, which is how travel is
    paid rather than a kind of expense), and anything else."""

    TRAVEL = "travel", "Travel"
    SUBSISTENCE = "subsistence", "Food and drink while working"
    CARE = "care", "Care or childcare"
    SUPPORT_WORKER = "support_worker", "A support worker"
    EQUIPMENT = "equipment", "Equipment"
    OTHER = "other", "Something else"


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved, waiting for payment"
    REJECTED = "rejected", "Not approved"
    PAID = "paid", "Paid"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The only allowed changes of a claim's status, declared once. The person can withdraw a
# claim until it is decided; staff approve or reject it, then record its payment.
TRANSITIONS: dict[str, frozenset[str]] = {
    ClaimStatus.SUBMITTED: frozenset(
        {ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN}
    ),
    ClaimStatus.APPROVED: frozenset({ClaimStatus.PAID}),
    ClaimStatus.REJECTED: frozenset(),
    ClaimStatus.PAID: frozenset(),
    ClaimStatus.WITHDRAWN: frozenset(),
}


# Claims still waiting for money: the ones that can be overdue.
UNPAID_STATUSES = (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED)


# Claims that stop a second one for the same session being made.
LIVE_STATUSES = (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID)


class Claim(models.Model):
    """A claim for time or expenses against an accepted offer (the fee agreement)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="claims")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="claims")
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="claims")
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    kind = models.CharField(max_length=20, choices=ClaimKind.choices)
    # What expenses (and travel in advance) were for; blank for time.
    category = models.CharField(max_length=20, choices=ExpenseCategory.choices, blank=True)
    minutes = models.PositiveIntegerField(null=True, blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    description = models.CharField(max_length=500, blank=True)
    receipt = models.FileField(upload_to="receipts/%Y/%m/", blank=True)
    # Mileage: the journey, and what the amount was worked out from (``payments.mileage``).
    miles = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    passengers = models.PositiveSmallIntegerField(null=True, blank=True)
    vehicle = models.CharField(max_length=12, choices=Vehicle.choices, blank=True)
    journey_from = models.CharField(max_length=200, blank=True)
    journey_to = models.CharField(max_length=200, blank=True)
    travelled_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    # How the claim is paid: the person's route on the day they claimed. Claims made
    # before routes were recorded were paid by bank transfer, as a fee.
    route = models.CharField(
        max_length=16, choices=PayRoute.choices, default=PayRoute.BANK_TRANSFER
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="claim_not_negative"),
            models.CheckConstraint(
                condition=models.Q(kind__in=ClaimKind.values), name="claim_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ClaimStatus.values), name="claim_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(route__in=PayRoute.values), name="claim_route_known"
            ),
            models.CheckConstraint(
                condition=models.Q(category__in=[*ExpenseCategory.values, ""]),
                name="claim_category_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ClaimKind.EXPENSES) | ~models.Q(category=""),
                name="expense_claim_says_what_for",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ClaimKind.MILEAGE)
                | (models.Q(miles__gt=0) & models.Q(travelled_on__isnull=False)),
                name="mileage_claim_has_miles_and_day",
            ),
            # Time at a session is claimed once: a second claim waits for the first to be
            # withdrawn or not approved, however the two arrive (see services.claims).
            models.UniqueConstraint(
                fields=["person", "session"],
                condition=models.Q(kind=ClaimKind.TIME, status__in=LIVE_STATUSES),
                name="one_live_time_claim_per_session",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} £{self.amount} ({self.person})"


class ClaimEvent(models.Model):
    """One step in a claim's life, with who took it. Written once."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="events")
    status = models.CharField(max_length=10, choices=ClaimStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.claim}: {self.status}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A claim's history cannot be changed; record a new step instead.")
        super().save(*args, **kwargs)
