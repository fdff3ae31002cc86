"""The mileage rate card: the pence a mile for each vehicle, from a day on."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation


class Vehicle(models.TextChoices):
    """What a mileage claim was driven or ridden in, as HMRC's approved mileage rates
    name them."""

    CAR = "car", "Car or van"
    MOTORCYCLE = "motorcycle", "Motorcycle"
    BICYCLE = "bicycle", "Bicycle"


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
