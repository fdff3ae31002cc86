"""Development plans: what an organisation offers a person to help them towards their
goals (coaching in public speaking, IT support, training…), and how it is going.

The goals themselves are the person's own, on their profile. Each organisation sees only
the actions it offered. Progress is appended as dated notes, never edited away: the
current progress of an action is the status of its latest note that set one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedTextField
from powerwith.people.models import Person


class ActionCode(models.TextChoices):
    PUBLIC_SPEAKING = "public_speaking", "Coaching in public speaking"
    IT_SUPPORT = "it_support", "IT support"
    TRAINING = "training", "Training"
    MENTORING = "mentoring", "Mentoring"
    SHADOWING = "shadowing", "Shadowing or work experience"
    PEER_SUPPORT = "peer_support", "Peer support"
    OTHER = "other", "Something else"


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    UNDER_WAY = "under_way", "Under way"
    DONE = "done", "Done"


class DevelopmentAction(models.Model):
    """Something one organisation offers one person for their development."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="development_actions")
    code = models.CharField(max_length=30, choices=ActionCode.choices)
    # Encrypted at rest (powerwith.core.encryption), as is a note's text.
    details = EncryptedTextField(max_length=2000, blank=True)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    offered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["offered_at", "id"]
        indexes = [models.Index(fields=["organisation", "person"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__in=ActionCode.values), name="development_action_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} for {self.person}"


class DevelopmentNote(models.Model):
    """One dated entry in an action's history: staff recording progress (``status`` set),
    or a note or comment with no change of progress (``status`` empty). Never changed."""

    action = models.ForeignKey(DevelopmentAction, on_delete=models.CASCADE, related_name="notes")
    status = models.CharField(max_length=20, choices=Progress.choices, blank=True)
    text = EncryptedTextField(max_length=2000, blank=True)
    by_person = models.BooleanField(default=False, help_text="Written by the person themself.")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="") | models.Q(status__in=Progress.values),
                name="development_progress_known",
            )
        ]

    def __str__(self) -> str:
        return f"Note on {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise ValueError("A note is kept as it was written; add a new one instead.")
        super().save(*args, **kwargs)


def current_progress(notes: list[DevelopmentNote]) -> str:
    """The status of the latest note that set one; not started when none has."""
    for note in reversed(notes):
        if note.status:
            return note.status
    return Progress.NOT_STARTED
