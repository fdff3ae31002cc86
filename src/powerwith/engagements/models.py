"""The day-to-day running of the work: sessions and who is booked into them, reasonable
adjustments, wellbeing checks, the power to stop, and the "action needed" list that
brings each of these to the right member of staff.

Facts that matter to the person later — a stop, a wellbeing check's answer, a booking's
cancellation — are kept with who recorded them and when, never rewritten.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedTextField
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person


class Session(models.Model):
    """A time the work happens: a meeting, a workshop, a panel."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(db_index=True)
    minutes = models.PositiveIntegerField()
    # Blank means the opportunity's own place or call details.
    place = models.CharField("place or call details", max_length=300, blank=True)
    recorded = models.BooleanField(
        "audio or video recorded",
        default=False,
        help_text="Only people who have given 'be recorded' consent can attend a recorded session.",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.opportunity} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)

    @property
    def where(self) -> str:
        o = self.opportunity
        return self.place or o.location_address or o.location_details


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    CANCELLED = "cancelled", "Cancelled"


class Attendance(models.Model):
    """A person booked into a session, and whether they took part.

    A booking is made only for someone with an accepted offer and *take part* consent
    (see services.book). Cancelling keeps the row, with who cancelled it and why, so pay
    for work already done is never lost with it.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(
        max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    attended = models.BooleanField(default=False)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    booked_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cancel_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_booking_per_session"),
            models.CheckConstraint(
                condition=models.Q(status__in=BookingStatus.values), name="booking_status_known"
            ),
        ]
        indexes = [models.Index(fields=["person", "attended"])]

    def __str__(self) -> str:
        return f"{self.person} at {self.session}"

    @property
    def is_booked(self) -> bool:
        return self.status == BookingStatus.BOOKED


class AdjustmentStatus(models.TextChoices):
    REQUESTED = "requested", "Waiting for the contact person to confirm"
    CONFIRMED = "confirmed", "Confirmed"
    # An adjustment agreed in an offer that a later accepted version changed.
    REPLACED = "replaced", "Replaced by a later agreement"


class Adjustment(models.Model):
    """A reasonable adjustment a person asks for: for all of an opportunity's sessions, or
    for one session. The contact person confirms it is in place before the first session."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="session_adjustments")
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="adjustments"
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, null=True, blank=True, related_name="adjustments"
    )
    # One of the access-need codes people choose on their profile, or blank for "other".
    category = models.CharField(max_length=40, blank=True)
    details = EncryptedTextField(max_length=2000, blank=True)
    status = models.CharField(
        max_length=10, choices=AdjustmentStatus.choices, default=AdjustmentStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    # Set when the adjustment was agreed in an offer: the version the person accepted.
    agreed_in = models.ForeignKey(
        "offers.OfferVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["opportunity", "status"])]

    def __str__(self) -> str:
        return f"{self.category or 'adjustment'} for {self.person}"


class CheckKind(models.TextChoices):
    BEFORE = "before", "Before the session"
    END = "end", "At the end of the session"
    FOLLOW_UP = "follow_up", "Follow-up"


class Feeling(models.IntegerChoices):
    VERY_LOW = 1, "Not good at all"
    LOW = 2, "Not so good"
    OK = 3, "OK"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class WellbeingCheck(models.Model):
    """One of the three checks each booked person has for each session: on the day before
    it starts, at its end, and a follow-up some days later."""

    attendance = models.ForeignKey(
        Attendance, on_delete=models.CASCADE, related_name="wellbeing_checks"
    )
    kind = models.CharField(max_length=10, choices=CheckKind.choices)
    due_at = models.DateTimeField(db_index=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    feeling = models.PositiveSmallIntegerField(choices=Feeling.choices, null=True, blank=True)
    note = EncryptedTextField(max_length=2000, blank=True)
    wants_support = models.BooleanField(default=False)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["attendance", "kind"], name="one_check_of_each_kind"),
            models.CheckConstraint(
                condition=models.Q(kind__in=CheckKind.values), name="check_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} check for {self.attendance}"

    @property
    def is_done(self) -> bool:
        return self.completed_at is not None


class StopKind(models.TextChoices):
    TIME_OUT = "time_out", "Take time out"
    STOP = "stop", "Stop"
    SUPPORT = "support", "Ask for support"


class StopEvent(models.Model):
    """The person stopped, took time out or asked for support. Never asks why, never
    changes pay for the booked time. Written once."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="stop_events")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="stop_events"
    )
    kind = models.CharField(max_length=10, choices=StopKind.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.person}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A stop event is a record of what happened and cannot be changed.")
        super().save(*args, **kwargs)


class CalendarFeed(models.Model):
    """A secret address where a user's calendar app reads their sessions. Only a hash of
    the secret is kept; revoking it ends the feed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"calendar feed for {self.user}"
