from __future__ import annotations

from django.db import models

from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person


class Session(models.Model):
    """A time the work happens: a meeting, a workshop, a panel."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(db_index=True)
    minutes = models.PositiveIntegerField()

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.opportunity} at {self.starts_at:%Y-%m-%d %H:%M}"


class Attendance(models.Model):
    """A person booked into a session, and whether they took part."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    attended = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_booking_per_session")
        ]
        indexes = [models.Index(fields=["person", "attended"])]

    def __str__(self) -> str:
        return f"{self.person} at {self.session}"
