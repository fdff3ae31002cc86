"""Outputs for coordinators and admins (and the contact people appointed to the work):
the list with what each may be used for, adding one, and one output with every use and,
in plain words, why a use is blocked."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from powerwith.consent.forms import OutputForm
from powerwith.consent.models import Use
from powerwith.consent.queries import outputs as output_queries
from powerwith.consent.services.outputs import OutputInput, create_output
from powerwith.consent.usability import usability, usability_of
from powerwith.core.errors import DomainError
from powerwith.core.forms import shown_unchecked
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.people.models import Person


@membership_required
def output_list(request: Request) -> HttpResponse:
    membership = membership_of(request)
    outputs = list(output_queries.outputs_for(membership))
    found = usability_of(outputs)
    rows = [
        {
            "output": o,
            "usable": [Use(u).label for u in found[o.pk].usable_uses],
            "blocked": [Use(u).label for u in o.uses if not found[o.pk].usable.get(u)],
        }
        for o in outputs
    ]
    context = {"rows": rows, "can_add": can(membership, Capability.MANAGE_OUTPUTS)}
    return render(request, "consent/output_list.html", context)


FIND = "find"


def _work_chosen(request: Request, ids: list[int]) -> list[int]:
    """The piece of work the output comes from, when one is chosen (posted, or named in
    the address as ``?opportunity=``); otherwise all of the organisation's work."""
    raw = request.POST.get("opportunity_id") if request.method == "POST" else None
    raw = raw or request.GET.get("opportunity")
    try:
        chosen = int(raw or "")
    except ValueError:
        return ids
    return [chosen] if chosen in ids else ids


def _ticked(request: Request) -> list[int]:
    if request.method != "POST":
        return []
    return [int(value) for value in request.POST.getlist("contributors") if value.isdigit()]


def _found_note(name: str, found: list[Person]) -> str:
    if not name:
        return ""
    if not found:
        return f"No one on your register found for “{name}”."
    names = ", ".join(p.preferred_name for p in found)
    return f"Found for “{name}”: {names}. Tick those who contributed."


@membership_required
def output_new(request: Request) -> HttpResponse:
    membership = membership_of(request)
    output_queries.require_manager(membership)
    opportunities = [(o.pk, o.title) for o in output_queries.opportunities_for_outputs(membership)]
    sent = posted(request)
    finding = sent is not None and FIND in sent
    name = str(sent.get("find_name", "")).strip() if sent is not None and finding else ""
    found = output_queries.people_named(membership, name)
    people = output_queries.contributor_choices(
        membership,
        opportunity_ids=_work_chosen(request, [pk for pk, _ in opportunities]),
        ticked=_ticked(request),
        found=found,
    )
    form = OutputForm(
        sent, opportunities=opportunities, people=[(p.pk, p.preferred_name) for p in people]
    )
    if finding:
        # Shown again with the people found, keeping what was typed; nothing is saved.
        shown_unchecked(form)
        context = {"form": form, "found": _found_note(name, found)}
        return render(request, "consent/output_new.html", context)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            output = create_output(
                by=membership,
                data=OutputInput(
                    opportunity_id=data["opportunity_id"],
                    title=data["title"],
                    kind=data["kind"],
                    contributors=data["contributors"],
                    uses=data["uses"],
                ),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Output added: {output.title}.")
            return redirect("consent:output", output_id=output.pk)
    return render(request, "consent/output_new.html", {"form": form}, status=form_status(form))


@membership_required
def contributors_found(request: Request) -> JsonResponse:
    """The people the output form's Find finds, as JSON, for its autocomplete: the same
    search over the organisation's own register, at most ``FOUND_AT_MOST`` names, and
    only for those who may add an output."""
    membership = membership_of(request)
    output_queries.require_manager(membership)
    name = request.GET.get("name", "").strip()[:100]
    found = output_queries.people_named(membership, name)
    response = JsonResponse({"people": [{"id": p.pk, "name": p.preferred_name} for p in found]})
    response["Cache-Control"] = "private, no-store"
    return response


@membership_required
def output_detail(request: Request, output_id: int) -> HttpResponse:
    membership = membership_of(request)
    output = output_queries.get_output_for(membership, output_id)
    found = usability(output)
    uses = [
        {
            "code": use,
            "label": Use(use).label,
            "usable": found.usable[use],
            "decisions": found.decisions_for(use),
        }
        for use in output.uses
    ]
    context = {
        "output": output,
        "found": found,
        "uses": uses,
        "contributors": output_queries.contributors_of(output),
    }
    return render(request, "consent/output_detail.html", context)
