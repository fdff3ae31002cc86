"""One person's page in the register: their profile as shared with the organisation, the
adjustments agreed for their work (engagements) and the messages sent to them (messaging).
Those parts sit above people, so the page is served here under people's path and name."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from powerwith.accounts.models import Membership
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can
from powerwith.core.web import membership_required
from powerwith.engagements.queries.sessions import agreed_adjustments
from powerwith.messaging.queries import messages_to
from powerwith.messaging.routing import channel_for, why_unreachable
from powerwith.people import queries, services
from powerwith.people.choices import What
from powerwith.people.models import Person
from powerwith.people.queries import wellness as queries_wellness
from powerwith.people.reads import record_read
from powerwith.people.views.register import Row, profile_rows, register_member

RECENT_MESSAGES = 10


def _agreed(person: Person, membership: Membership) -> Row:
    """What the organisation agreed to do in the offers the person accepted."""
    items = [
        f"{a.opportunity.title}: {a.details} ({a.get_status_display().lower()})"
        for a in agreed_adjustments(person, membership.organisation_id)
    ]
    return Row("Reasonable adjustments agreed for work", items=items, missing="None agreed yet")


@membership_required
def person(request: Request, person_id: int) -> HttpResponse:
    membership = register_member(request)
    found = queries.get_person_for(membership, person_id)
    profile = queries.profile_for(membership, found)
    record_read(viewer=membership, person=found, what=What.PROFILE, where=request.path)
    context = {
        "profile": profile,
        "rows": [*profile_rows(profile), _agreed(found, membership)],
        "can_edit": services.can_edit(found, user=request.user, membership=membership),
        "shares_plan": queries_wellness.is_reader(request.user, found),
        "can_erase": can(membership, Capability.ERASE_PEOPLE),
        # The same read as GET /api/v1/people/{id}/messages, the newest few.
        "messages_sent": list(messages_to(membership, found.pk)[:RECENT_MESSAGES]),
        "unreachable": why_unreachable(found),
        "channel": channel_for(found).label,
    }
    return render(request, "people/register/person.html", context)
