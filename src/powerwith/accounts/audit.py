"""The audit helper: every change of state that matters records who did it."""

from __future__ import annotations

from typing import Any

from django.db import models

from powerwith.accounts.models import AuditEvent, Organisation, User


def record(
    *,
    actor: User,
    action: str,
    organisation: Organisation | None = None,
    target: models.Model | None = None,
    **details: Any,
) -> AuditEvent:
    if actor is None or actor.pk is None:
        raise ValueError("An audit event needs the person who acted.")
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        organisation=organisation,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        details=details,
    )
