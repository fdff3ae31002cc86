"""Offers of work. The legal facts — what was sent, what was accepted — are appended,
never edited: each sent version is a frozen snapshot with its hash, and every change of
state is an event with who did it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedJSONField
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person, empty_dict


class OfferStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The only allowed changes of status, declared once.
TRANSITIONS: dict[str, frozenset[str]] = {
    # A person can say no to an offer that is being changed after they saw it.
    OfferStatus.DRAFT: frozenset({OfferStatus.SENT, OfferStatus.WITHDRAWN, OfferStatus.DECLINED}),
    OfferStatus.SENT: frozenset(
        {OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.WITHDRAWN, OfferStatus.DRAFT}
    ),
    OfferStatus.ACCEPTED: frozenset({OfferStatus.WITHDRAWN, OfferStatus.DRAFT}),
    OfferStatus.DECLINED: frozenset(),
    OfferStatus.WITHDRAWN: frozenset(),
}


class Offer(models.Model):
    """An offer of work to one person for one opportunity."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="offers")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.PROTECT, related_name="offers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="offers")
    status = models.CharField(
        max_length=10, choices=OfferStatus.choices, default=OfferStatus.DRAFT, db_index=True
    )
    # Terms written for this person, on top of the opportunity's: a personal message,
    # the adjustments and support agreed with them. Encrypted at rest
    # (powerwith.core.encryption): never searched in SQL.
    terms = EncryptedJSONField(default=empty_dict, blank=True)
    version = models.PositiveIntegerField(
        default=0, help_text="The number of the latest sent version; 0 before it is sent."
    )
    # The agreement: the version the person last accepted. Every later step (booking,
    # adjustments, pay, expenses) reads it, not the opportunity as it is now. It stays
    # while a changed version waits for the person's answer, and after the work ends, so
    # that work done under it is paid as agreed (powerwith.offers.agreement).
    accepted_version = models.ForeignKey(
        "OfferVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            # An organisation's offers newest first, a page at a time, without sorting
            # them all (the API's list of offers at 100,000 people: docs/performance.md).
            models.Index(fields=["organisation", "created_at", "id"], name="offers_newest_first"),
        ]

    def __str__(self) -> str:
        return f"Offer to {self.person} for {self.opportunity}"


class OfferVersion(models.Model):
    """What was sent, exactly: a frozen snapshot of the offer and the hash of it."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    # Encrypted at rest: it carries the person's agreed adjustments and formats.
    content = EncryptedJSONField()
    content_hash = models.CharField(max_length=64)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["offer", "number"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "number"], name="one_offer_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.offer} (version {self.number})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A sent offer version cannot be changed: make a new version.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("A sent offer version cannot be deleted.")


class OfferAction(models.TextChoices):
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    SENT = "sent", "Sent"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"
    QUESTION = "question", "Question asked"
    ANSWER = "answer", "Question answered"
    LEFT = "left", "Left the work"
    RETURNED = "returned", "Came back to the work"


class OfferEvent(models.Model):
    """One thing that happened to an offer, with who did it. Append-only."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="events")
    version = models.ForeignKey(
        OfferVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    action = models.CharField(max_length=20, choices=OfferAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    content_hash = models.CharField(
        max_length=64, blank=True, help_text="For acceptance: the hash of the version accepted."
    )
    text = models.TextField(max_length=4000, blank=True)
    acknowledged_warnings = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.offer}: {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Offer events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Offer events are append-only.")


class RecordingSource(models.TextChoices):
    SPOKEN = "spoken", "Read by the speech synthesiser"
    UPLOADED = "uploaded", "Recorded by staff"


class Recording(models.Model):
    """The offer to listen to. ``spoken`` ones are made from the easy-read words of one
    sent version (``content_hash`` names it) and kept so they are made once; an
    ``uploaded`` one is a member of staff's own recording of a version, which is played
    instead. Kept in the database, so every server and the worker share it."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="recordings")
    source = models.CharField(max_length=10, choices=RecordingSource.choices)
    content_hash = models.CharField(max_length=64)
    version = models.PositiveIntegerField()
    audio = models.BinaryField()
    content_type = models.CharField(max_length=20)
    seconds = models.PositiveIntegerField(default=0)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-made_at", "-id"]
        indexes = [models.Index(fields=["offer", "content_hash"])]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.offer} (version {self.version})"
