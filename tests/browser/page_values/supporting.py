"""Values for a supporter's own pages: the expert named Sam Green as a supporter who may
answer for them, who made their own login (``supporter_email``, the every-page audit's
and the isolation battery's "supporter"); a second supporter has an invitation not yet
used (``supporter_secret``). The expert has an offer waiting for an answer, a booked
session (``supported_booking_id``), a wellbeing check due, finished work to say how it
went (``supported_feedback_offer_id``) and a session that took place, its pay not claimed
yet (``supported_claim_booking_id``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from powerwith.engagements.models import CheckKind, WellbeingCheck
from powerwith.people.services.supporter_logins import invite_supporter
from tests.browser.page_values import PartCast
from tests.engagements.factories import booked
from tests.evaluation.factories import finished
from tests.payments.factories import worked
from tests.people.factories import named_supporter, supporter_with_login


def supporter_email(person_id: int) -> str:
    return f"supporter.{person_id}@family.example"


def values(cast: PartCast) -> dict[str, Any]:
    expert = cast.expert
    assert expert.user is not None
    supporter_with_login(expert, "answer_for", email=supporter_email(expert.pk))
    waiting = named_supporter(
        expert, "help_answer", name="Priya Shah", email=f"priya.{expert.pk}@family.example"
    )
    _, secret = invite_supporter(waiting, user=expert.user)
    booking = booked(cast.coordinator, expert, title="Supported session")
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    WellbeingCheck.objects.filter(pk=check.pk).update(due_at=timezone.now() - timedelta(days=1))
    return {
        "supported_offer_id": cast.offer.pk,
        "supported_check_id": check.pk,
        "supported_booking_id": booking.pk,
        "supported_claim_booking_id": worked(cast.coordinator, expert, title="Worked session").pk,
        "supported_feedback_offer_id": finished(cast.coordinator, expert, title="Finished work").pk,
        "supporter_secret": secret,
        "supporter_email": supporter_email(expert.pk),
    }
