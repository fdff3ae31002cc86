"""The consent ledger: append-only events, each chained to the one before by SHA-256.

Current consent is never stored; it is derived from the events (see queries.py). The
hash covers only pseudonymous identifiers (ids, codes, times), never names or emails, so
erasing a person's personal data later leaves every hash recomputable.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.consent.wording import Scope
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person

GENESIS_HASH = "0" * 64


class Action(models.TextChoices):
    GRANT = "grant", "Gave consent"
    WITHDRAW = "withdraw", "Withdrew consent"
    RECONFIRM = "reconfirm", "Reconfirmed consent"


class Method(models.TextChoices):
    SELF = "self", "By the person themself"
    VERBAL = "verbal", "Told staff (verbal)"
    WRITTEN = "written", "In writing"
    SUPPORTER = "supporter", "Through a supporter"


class AppendOnly(Exception):
    """Raised on any attempt to change or remove a ledger event."""


class EventQuerySet(models.QuerySet["ConsentEvent"]):
    """Bulk changes would skip the model's refusal, so they are refused here too."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("Consent events cannot be changed; record a new event instead.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Consent events cannot be deleted; record a withdrawal instead.")


class ConsentChainHead(models.Model):
    """One row holding the hash of the newest event. Appending locks it, so two appends
    can never both build on the same previous hash."""

    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return self.last_hash


class ConsentEvent(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="consent_events")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="consent_events"
    )
    scope = models.CharField(max_length=20, choices=Scope.choices)
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Outputs arrive later; until then the context is a plain id.
    output_id = models.BigIntegerField(null=True, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(max_length=10, choices=Method.choices)
    wording_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # The seal: an HMAC of ``hash`` with a ledger key that is not in the database, and
    # which key (consent.ledger). Not covered by the hash, so keys rotate freely.
    key_id = models.CharField(max_length=32, blank=True, default="")
    mac = models.CharField(max_length=64, blank=True, default="")

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["person", "organisation", "id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=Scope.values), name="consent_scope_known"
            ),
            models.CheckConstraint(
                condition=models.Q(action__in=Action.values), name="consent_action_known"
            ),
            models.CheckConstraint(
                condition=models.Q(method__in=Method.values), name="consent_method_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.scope} for person {self.person_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AppendOnly("Consent events cannot be changed; record a new event instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Consent events cannot be deleted; record a withdrawal instead.")

    def canonical(self) -> bytes:
        """The bytes the hash covers: ids and codes only, in a fixed order."""
        fields: dict[str, Any] = {
            "person": self.person_id,
            "organisation": self.organisation_id,
            "scope": self.scope,
            "opportunity": self.opportunity_id,
            "output": self.output_id,
            "action": self.action,
            "method": self.method,
            "recorded_by": self.recorded_by_id,
            "wording_hash": self.wording_hash,
            "created_at": self.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "previous_hash": self.previous_hash,
        }
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()


class OutputKind(models.TextChoices):
    NARRATIVE = "narrative", "Personal story (narrative)"
    RECORDING = "recording", "Recording (audio or video)"
    QUOTE = "quote", "Quote"
    TRAINING_RESOURCE = "training_resource", "Training resource"
    REPORT = "report", "Report"
    OTHER = "other", "Something else"


class Use(models.TextChoices):
    """What an organisation intends to do with an output (the API's codes)."""

    SHARE_INTERNALLY = "share_internally", "Share inside the organisation"
    PUBLISH = "publish", "Publish outside the organisation"
    DISTRIBUTE = "distribute", "Share with other organisations"
    MONETISE = "monetise", "Use in paid or money-making products"


def no_uses() -> list[str]:
    return []


class Output(models.Model):
    """Something made from the work of an opportunity that contains people's
    contributions. Whether it may be used, and how, is never stored here: it is computed
    from the consent ledger each time (see ``consent/usability.py``)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.PROTECT, related_name="outputs")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OutputKind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="the member of staff responsible",
    )
    contributors = models.ManyToManyField(Person, related_name="outputs", blank=True)
    uses = models.JSONField(default=no_uses, blank=True, help_text="intended uses: Use codes")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "opportunity"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=OutputKind.values), name="output_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class UseChoice(models.Model):
    """A person's own terms for one use of one output: named or anonymised, and the date
    after which the use lapses by itself. Append-only: the newest row per person, output
    and use is the one in force. Whether the use is consented at all lives in the ledger."""

    output = models.ForeignKey(Output, on_delete=models.PROTECT, related_name="use_choices")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    use = models.CharField(max_length=20, choices=Use.choices)
    named = models.BooleanField(default=False)
    expires_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["output", "person", "use", "id"])]

    def __str__(self) -> str:
        return f"{self.use} of output {self.output_id} for person {self.person_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AppendOnly("A person's choices are kept as they were; record a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("A person's choices are kept as they were; record a new one.")


class ReminderKind(models.TextChoices):
    LAPSING = "lapsing", "Told the person their consent lapses soon"
    LAPSED = "lapsed", "Asked the contact person to reconfirm a lapsed consent"


class ConsentReminder(models.Model):
    """That a reminder about one consent event was sent, so the sweep sends it once."""

    event = models.ForeignKey(ConsentEvent, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "kind"], name="one_reminder_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for event {self.event_id}"
