"""The "action needed" list: a task on a member of staff's list, raised by whatever needs
them — a person wanting support, a question about an offer, a claim to pay, an output to
take down — and closed when it is done. Every part of the product raises tasks here, so it
sits low, beside the people it concerns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.people.models import Person


class ActionKind(models.TextChoices):
    WANTS_SUPPORT = "wants_support", "Wants support"
    STOPPED = "stopped", "Stopped or took time out"
    ADJUSTMENT = "adjustment", "Adjustment to confirm"
    CHECK_OVERDUE = "check_overdue", "Wellbeing check overdue"
    CLAIM_OVERDUE = "claim_overdue", "Claim not paid on time"
    TRAVEL_ADVANCE = "travel_advance", "Travel to pay in advance"
    TAKE_DOWN = "take_down", "Take down an output"
    RECONFIRM = "reconfirm", "Consent to reconfirm"
    QUESTION = "question", "Question to answer"
    OFFER_TO_SEND = "offer_to_send", "Changed offer to send"
    LEFT_WORK = "left_work", "Left the work"
    MESSAGE_FAILED = "message_failed", "Message not sent"
    TELL_PERSON = "tell_person", "Tell the person what was recorded"
    ARRANGE_FORMAT = "arrange_format", "Arrange an accessible format"
    CALL = "call", "Phone call to make"


class ActionNeeded(models.Model):
    """A task on a member of staff's "action needed" list.

    ``key`` names what it is about (for example ``stop:12``) so the same thing is never
    listed twice for one person while it is open.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="actions_needed"
    )
    kind = models.CharField(max_length=20, choices=ActionKind.choices)
    key = models.CharField(max_length=80)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=300)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        # Made when the list was part of engagements; the table keeps its name.
        db_table = "engagements_actionneeded"
        ordering = ["done_at", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignee", "key"],
                condition=models.Q(done_at__isnull=True),
                name="one_open_action_per_thing",
            )
        ]
        indexes = [models.Index(fields=["assignee", "organisation", "done_at"])]

    def __str__(self) -> str:
        return self.title
