"""Restraint-reduction outcomes: services, the monthly counts of restrictive interventions
each records, and the co-working projects linked to each service.

One current figure per service, month and type of intervention: a correction replaces it,
and the audit log keeps the old and new values.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.opportunities.models import Opportunity
from powerwith.people.schedule import RESTRICTIVE_INTERVENTIONS, SETTINGS


class Service(models.Model):
    """A ward, unit or team whose use of restrictive interventions is tracked."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="outcome_services"
    )
    name = models.CharField(max_length=200)
    setting = models.CharField(max_length=40, choices=SETTINGS, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # Made when outcomes were part of reports; the table keeps its name.
        db_table = "reports_service"
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                "organisation", Lower("name"), name="outcome_service_name_unique_in_organisation"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CountSource(models.TextChoices):
    FORM = "form", "Form"
    CSV = "csv", "CSV import"
    API = "api", "API"


class InterventionCount(models.Model):
    """How many times one type of restrictive intervention was used in a service in one
    month (``month`` is the first day of that month)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="counts")
    month = models.DateField()
    intervention = models.CharField(max_length=40, choices=RESTRICTIVE_INTERVENTIONS)
    count = models.IntegerField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=10, choices=CountSource.choices, default=CountSource.FORM)

    class Meta:
        # Made when outcomes were part of reports; the table keeps its name.
        db_table = "reports_interventioncount"
        ordering = ["service", "month", "intervention"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "month", "intervention"],
                name="one_count_per_service_month_intervention",
            ),
            models.CheckConstraint(
                condition=models.Q(count__gte=0), name="intervention_count_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.intervention} in {self.month:%Y-%m} = {self.count}"


class ServiceProject(models.Model):
    """A piece of co-working (an opportunity) linked to a service, so the service's trend
    can show when the work happened."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="projects")
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="outcome_service_links"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # Made when outcomes were part of reports; the table keeps its name.
        db_table = "reports_serviceproject"
        ordering = ["linked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "opportunity"], name="one_link_per_service_project"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} ↔ {self.opportunity}"
