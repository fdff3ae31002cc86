"""A message to a person, by one channel, with every attempt to send it.

The body is kept (encrypted: it can say what the work is about) because a letter is
printed from it later, a phone call is made from it, and the person and staff can read
what was said.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedTextField
from powerwith.people.models import Person, Supporter


class Channel(models.TextChoices):
    EMAIL = "email", "E-mail"
    TEXT = "text", "Text message"
    LETTER = "letter", "Letter by post"
    PHONE = "phone", "Phone call"
    SUPPORTER = "supporter", "Through a supporter"


class Status(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Not sent"
    POSTED = "posted", "Posted"
    CALLED = "called", "Called"


def empty_list() -> list[dict[str, str]]:
    return []


class Message(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # What it is about, in the words the action-needed list uses ("the offer of work for …").
    about = models.CharField(max_length=300)
    topic = models.CharField(max_length=40)
    reminder = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    detail = models.CharField(max_length=300, blank=True)
    # Each attempt: {"at": ISO time, "outcome": words}. Never the provider's own reply,
    # which can quote the address.
    attempts = models.JSONField(default=empty_list, blank=True)
    # The task and ids that made it: one message however often the task runs.
    key = models.CharField(max_length=120)
    to = models.CharField(max_length=254, blank=True)  # the address, number or supporter used
    postal_address = models.TextField(max_length=500, blank=True)
    supporter = models.ForeignKey(
        Supporter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(max_length=300, blank=True)
    body = EncryptedTextField(blank=True)
    formats = models.JSONField(default=list, blank=True)
    link = models.CharField(max_length=300, blank=True)
    # A document printed with it when it goes as a letter: "<kind>:<id>" (messaging.letters).
    enclosure = models.CharField(max_length=120, blank=True)
    provider_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # What the person said on a phone call, in staff's words.
    call_note = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "channel", "status"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} about {self.about}"

    def attempt(self, outcome: str) -> None:
        self.attempts = [*self.attempts, {"at": timezone.now().isoformat(), "outcome": outcome}]
