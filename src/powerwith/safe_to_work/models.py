"""Checks that make someone safe to do a kind of work, and what each organisation asks.

A check record is a fact recorded by staff: it is appended, never edited. A correction or
a renewal is a new record for the same check, and withdrawing a check records that it is
no longer held; the current state is derived from the latest record of each check
(``safe_to_work.rules``). A certificate is never kept, only its number, encrypted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedTextField
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person


def empty_list() -> list[object]:
    return []


class CheckKind(models.TextChoices):
    DBS = "dbs", "DBS check"
    TRAINING = "training", "Training"
    INDUCTION = "induction", "Induction"


class DbsLevel(models.TextChoices):
    # In the order of what each covers: a higher level meets a requirement for a lower one.
    BASIC = "basic", "Basic"
    STANDARD = "standard", "Standard"
    ENHANCED = "enhanced", "Enhanced"
    ENHANCED_BARRED = "enhanced_barred", "Enhanced with barred lists"


class CheckRecord(models.Model):
    """One recorded check of a person, with an organisation. ``held`` is False on the
    record that says a check is no longer held (recorded in error, or withdrawn)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="check_records")
    kind = models.CharField(max_length=20, choices=CheckKind.choices)
    level = models.CharField(max_length=20, choices=DbsLevel.choices, blank=True)
    # The training's name; empty for a DBS check and an induction.
    name = models.CharField(max_length=200, blank=True)
    done_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    certificate_number = EncryptedTextField(max_length=100, blank=True)
    held = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["organisation", "person", "id"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.person_id} ({self.done_on})"


class RequiredChecks(models.Model):
    """What an organisation requires: its default (no opportunity), or what one
    opportunity requires instead of the default. ``items`` are ``{"kind", "level",
    "name"}``; an empty list on an opportunity means it requires nothing."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    opportunity = models.OneToOneField(
        Opportunity, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    items = models.JSONField(default=empty_list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "required checks"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(opportunity__isnull=True),
                name="one_default_of_required_checks",
            )
        ]

    def __str__(self) -> str:
        return f"Checks required for {self.opportunity_id or 'all work'}"


class CheckReminder(models.Model):
    """A reminder sent before a check expires: one per record, however often the sweep
    runs; a renewal is a new record and is reminded afresh."""

    record = models.OneToOneField(CheckRecord, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Reminder of check {self.record_id}"
