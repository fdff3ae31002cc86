"""Who has looked at a person's information, the record of an erasure, and how long an
organisation keeps what it holds.

``AccessLogEntry`` is append-only like the audit log: the model refuses to change or
remove a row, so does its QuerySet, and on PostgreSQL and SQLite a trigger refuses too
(``privacy/triggers.py``), except for the retention sweep's ``expire``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import DatabaseError, connections, models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedTextField
from powerwith.core.roles import Role
from powerwith.people.choices import Format
from powerwith.people.choices import What as What  # the words of the access log
from powerwith.people.models import Person
from powerwith.privacy.triggers import ACCESS_LOG

# Payment records are kept for six years after payment (HMRC: a legal obligation).
PAYMENT_MONTHS_MINIMUM = 72
# The audit log says who approved and paid each claim and who recorded or withdrew a
# person's consent on their behalf: it is kept at least as long as the payment records
# (ADR 018).
AUDIT_MONTHS_MINIMUM = 72


class AppendOnly(DatabaseError):
    """Raised on any attempt to change or remove an access-log entry: a database error,
    as PostgreSQL's trigger raises, so callers meet one kind of refusal on every
    database."""


class EntryQuerySet(models.QuerySet["AccessLogEntry"]):
    """Bulk changes would skip the model's refusal, so they are refused here too."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("Access-log entries cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Access-log entries cannot be deleted.")

    def expire(self) -> int:
        """The one way entries leave: the retention sweep removing those older than the
        organisation keeps them, through the database's guard (see triggers.py)."""
        with ACCESS_LOG.deleting(connections[self.db]):
            deleted, _ = super().delete()
        return deleted


class AccessLogEntry(models.Model):
    """Someone other than the person read the person's sensitive details."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The viewer's role when they looked: roles change, the record should not.
    viewer_role = models.CharField(max_length=20)
    what = models.CharField(max_length=30, choices=What.choices)
    where = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "access-log entries"
        indexes = [models.Index(fields=["person", "-created_at", "-id"])]

    def __str__(self) -> str:
        return f"{self.viewer} read {self.what} of person {self.person_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AppendOnly("Access-log entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Access-log entries cannot be deleted.")

    @property
    def viewer_role_label(self) -> str:
        return str(dict(Role.choices).get(self.viewer_role, self.viewer_role))


class ErasureReason(models.TextChoices):
    REQUEST = "request", "The person asked"
    RETENTION = "retention", "The retention period after leaving ended"


class ErasureRecord(models.Model):
    """That a person's personal data was erased, by whom, and what had to be kept.

    Holds the person's id only, never their name: it must outlive what it records."""

    person_id = models.BigIntegerField(unique=True)
    erased_at = models.DateTimeField(default=timezone.now)
    # Empty when the organisation's retention policy erased a person who had left.
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=10, choices=ErasureReason.choices)
    kept = models.JSONField(default=list, blank=True, help_text="What was kept, and why.")
    # When an admin erased on the person's behalf: how the person asked (by phone, letter,
    # in person). Empty when the person erased their own information, or by retention.
    how_asked = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-erased_at", "-id"]

    def __str__(self) -> str:
        return f"Erasure of person {self.person_id} at {self.erased_at:%Y-%m-%d}"


class RetentionPolicy(models.Model):
    """How long the organisation keeps what it holds, in months. Applied by
    ``privacy.retention.sweep``; an organisation without a row uses these defaults."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="retention_policy"
    )
    wellbeing_note_months = models.PositiveIntegerField(
        "months to keep wellbeing check notes after the session",
        default=12,
        validators=[MinValueValidator(1)],
    )
    access_log_months = models.PositiveIntegerField(
        "months to keep the record of who looked at a person's information",
        default=24,
        validators=[MinValueValidator(1)],
    )
    left_person_months = models.PositiveIntegerField(
        "months after a person has left before their profile is erased",
        default=24,
        validators=[MinValueValidator(1)],
    )
    feedback_text_months = models.PositiveIntegerField(
        "months to keep the words of feedback",
        default=36,
        validators=[MinValueValidator(1)],
    )
    payment_months = models.PositiveIntegerField(
        "months to keep payment records after payment",
        default=PAYMENT_MONTHS_MINIMUM,
        validators=[MinValueValidator(PAYMENT_MONTHS_MINIMUM)],
    )
    audit_log_months = models.PositiveIntegerField(
        "months to keep the audit log of who did what",
        default=AUDIT_MONTHS_MINIMUM,
        validators=[MinValueValidator(AUDIT_MONTHS_MINIMUM)],
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "retention policies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(payment_months__gte=PAYMENT_MONTHS_MINIMUM),
                name="payments_kept_at_least_six_years",
            ),
            models.CheckConstraint(
                condition=models.Q(audit_log_months__gte=AUDIT_MONTHS_MINIMUM),
                name="audit_log_kept_at_least_six_years",
            ),
        ]

    def __str__(self) -> str:
        return f"Retention at {self.organisation}"


class CopyStatus(models.TextChoices):
    PREPARING = "preparing", "Being prepared"
    READY = "ready", "Ready to download"
    FAILED = "failed", "Could not be made"


# The formats a copy of a person's information is made in (the rest of the person's
# formats, audio or braille, are read from the standard PDF by their own software).
COPY_FORMATS = (Format.STANDARD, Format.LARGE_PRINT, Format.EASY_READ)


class InformationCopy(models.Model):
    """A copy of everything held about a person, made by the worker when they ask for it:
    a PDF in the person's format and the complete JSON, both encrypted at rest, readable
    by the person only, and removed by the worker's sweep once ``expires_at`` passes."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    format = models.CharField(
        max_length=20, choices=[(f.value, f.label) for f in COPY_FORMATS], default=Format.STANDARD
    )
    status = models.CharField(
        max_length=10, choices=CopyStatus.choices, default=CopyStatus.PREPARING
    )
    # The PDF as base64 text, so the field-encryption keys seal it like any other text.
    pdf = EncryptedTextField(blank=True)
    data = EncryptedTextField(blank=True)
    asked_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-asked_at", "-id"]
        verbose_name_plural = "copies of information"

    def __str__(self) -> str:
        return f"Copy of the information of person {self.person_id}"
