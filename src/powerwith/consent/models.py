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
