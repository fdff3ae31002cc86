"""A person whose part in the work is finished: booked through the services, attended,
and the opportunity marked completed."""

from __future__ import annotations

from typing import Any

from powerwith.accounts.models import Membership
from powerwith.offers.models import Offer
from powerwith.people.models import Person
from tests.reports.factories import attending


def finished(by: Membership, person: Person, **terms: Any) -> Offer:
    attendance = attending(by, person, **terms)
    opportunity = attendance.session.opportunity
    opportunity.status = "completed"
    opportunity.save()
    return Offer.objects.get(opportunity=opportunity, person=person)


ALL_AGREE = {
    "respected": "5",
    "safe": "4",
    "valued": "5",
    "listened_to": "4",
    "influence": "3",
    "pay": "5",
    "communication": "4",
    "work_again": "5",
}
