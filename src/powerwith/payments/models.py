"""Pay and expenses: the person's choice about payment, claims for time and expenses, and
each step a claim takes to being paid.

A claim's history is appended (``ClaimEvent``), never edited; ``Claim.status`` is the
latest event's state, kept beside them in the same transaction so lists can filter on it.
Payment records are kept for six years whatever else is erased (see issue on data rights).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.choices import Commitment
from powerwith.core.encryption import EncryptedTextField
from powerwith.engagements.models import Session
from powerwith.offers.models import Offer
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


class ClaimKind(models.TextChoices):
    TIME = "time", "Time worked"
    EXPENSES = "expenses", "Expenses"
    TRAVEL_ADVANCE = "travel_advance", "Travel paid in advance"
    MILEAGE = "mileage", "Mileage"


class Vehicle(models.TextChoices):
    """What a mileage claim was driven or ridden in, as HMRC's approved mileage rates
    name them."""

    CAR = "car", "Car or van"
    MOTORCYCLE = "motorcycle", "Motorcycle"
    BICYCLE = "bicycle", "Bicycle"


class PayRoute(models.TextChoices):
    """How a person is paid for their time, in their own choice (``payments.routes``)."""

    BANK_TRANSFER = "bank_transfer", "Bank transfer as a fee"
    PAYROLL = "payroll", "Through payroll"
    INVOICE = "invoice", "Invoice, as self-employed"
    VOUCHERS = "vouchers", "Vouchers"
    CHARITY = "charity", "Payment to a charity of their choice"
    NO_PAYMENT = "no_payment", "No payment"


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


class MileageRate(models.Model):
    """One line of an organisation's mileage rate card: the pence a mile for a vehicle from
    a day on (for a car, up to ``threshold_miles`` in the tax year, then ``later_pence``),
    and the pence a mile for each passenger. Never changed: a new rate is added from a
    day, and the card reads the newest that applies (``payments.mileage``)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="mileage_rates"
    )
    vehicle = models.CharField(max_length=12, choices=Vehicle.choices)
    applies_from = models.DateField()
    pence_per_mile = models.DecimalField(max_digits=5, decimal_places=2)
    threshold_miles = models.PositiveIntegerField(null=True, blank=True)
    later_pence = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passenger_pence = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["vehicle", "-applies_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "vehicle", "applies_from"],
                name="one_mileage_rate_per_vehicle_and_day",
            ),
            models.CheckConstraint(
                condition=models.Q(vehicle__in=Vehicle.values), name="mileage_rate_vehicle_known"
            ),
            models.CheckConstraint(
                condition=models.Q(pence_per_mile__gte=0)
                & models.Q(passenger_pence__gte=0)
                & (models.Q(later_pence__isnull=True) | models.Q(later_pence__gte=0)),
                name="mileage_rate_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_vehicle_display()} from {self.applies_from}: {self.pence_per_mile}p"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A mileage rate is kept as it was; add a new rate from a day.")
        super().save(*args, **kwargs)


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


class PaymentBatch(models.Model):
    """Approved claims gathered for the finance team to pay together (``payments.batches``):
    the exports are made from it, and marking it paid records each claim's payment in one
    transaction. Paid once."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="payment_batches"
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    prepared_at = models.DateTimeField(default=timezone.now)
    paid_on = models.DateField(null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-prepared_at", "-id"]

    def __str__(self) -> str:
        return f"Payment batch {self.pk}"


class BatchClaim(models.Model):
    """A claim in a batch, with its amount and route as they were when it was prepared:
    a batch whose claims changed since is refused when marked paid."""

    batch = models.ForeignKey(PaymentBatch, on_delete=models.PROTECT, related_name="lines")
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    route = models.CharField(max_length=16, choices=PayRoute.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            # A claim is paid in one batch only.
            models.UniqueConstraint(fields=["claim"], name="claim_in_one_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.claim} in {self.batch}"
