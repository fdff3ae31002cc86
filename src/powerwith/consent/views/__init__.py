"""The person's own "My consents" page: what they have agreed to with every organisation
they work with, each under its name, and a one-step withdrawal for each, with no reason
asked. Nobody has to switch organisation to see or change their own consents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.accounts.queries import memberships_of, own_membership
from powerwith.consent import queries
from powerwith.consent.forms import WithdrawForm
from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import WITHDRAWN, ConsentState, months_before
from powerwith.consent.queries import outputs as output_queries
from powerwith.consent.reminders import WARN_BEFORE as REMIND_BEFORE
from powerwith.consent.wording import Scope
from powerwith.core.http import Request, membership_of
from powerwith.core.web import membership_required
from powerwith.people.models import Person
from powerwith.people.queries import person_of


@dataclass(frozen=True)
class Row:
    consent: ConsentState
    label: str
    context: str
    lapses_on: date | None = None
    ask_again: bool = False


@dataclass(frozen=True)
class Section:
    """What the person agreed with one organisation."""

    organisation: Organisation
    rows: list[Row]
    history: list[ConsentEvent]
    has_outputs: bool


def me(request: Request) -> tuple[Membership, Person]:
    """The person, acting in the organisation the form names (else the current one)."""
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    named = request.POST.get("organisation_id") or request.GET.get("organisation_id")
    return own_membership(request.user, named, membership_of(request)), person


def _context(consent: ConsentState, titles: dict[int, str], outputs: dict[int, str]) -> str:
    if consent.output_id is not None:
        return outputs.get(consent.output_id, "")
    if consent.opportunity_id is not None:
        return titles.get(consent.opportunity_id, "")
    return ""


def _section(membership: Membership, person: Person) -> Section:
    consents = queries.current_consents(membership, person)
    titles = queries.opportunity_titles(membership, consents)
    outputs = output_queries.output_titles(
        membership, {c.output_id for c in consents if c.output_id is not None}
    )
    months = membership.organisation.reconfirm_months
    soon = timezone.now() + REMIND_BEFORE
    rows = []
    for c in consents:
        lapses = months_before(c.at, -months) if c.at and c.state != WITHDRAWN else None
        rows.append(
            Row(
                consent=c,
                label=Scope(c.scope).label,
                context=_context(c, titles, outputs),
                lapses_on=timezone.localdate(lapses) if lapses else None,
                ask_again=lapses is not None and lapses <= soon,
            )
        )
    return Section(
        organisation=membership.organisation,
        rows=rows,
        history=queries.events_of(person, membership.organisation),
        has_outputs=output_queries.outputs_of_person(person, membership).exists(),
    )


def page(request: Request, form: WithdrawForm | None = None, status: int = 200) -> HttpResponse:
    """Every organisation the person works with, the one they are acting in first; another
    organisation only when something was ever agreed with it."""
    current = membership_of(request)
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    others = [m for m in memberships_of(request.user) if m.pk != current.pk]
    sections = [_section(current, person)]
    sections += [s for s in (_section(m, person) for m in others) if s.history]
    context = {
        "sections": sections,
        "several": len(sections) > 1,
        "form": form,
        "has_outputs": any(s.has_outputs for s in sections),
    }
    return render(request, "consent/my_consents.html", context, status=status)


def leave_page(opportunity_id: int | None, organisation_id: int) -> str:
    query = {"organisation_id": organisation_id}
    if opportunity_id:
        query["opportunity_id"] = opportunity_id
    return f"{reverse('offers:leave_from_consents')}?{urlencode(query)}"


@membership_required
def my_consents(request: Request) -> HttpResponse:
    return page(request)
