"""Outputs for coordinators and admins (and the contact people appointed to the work):
the list with what each may be used for, adding one, and one output with every use and,
in plain words, why a use is blocked."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from powerwith.consent.forms import OutputForm
from powerwith.consent.models import Use
from powerwith.consent.queries import outputs as output_queries
from powerwith.consent.services.outputs import OutputInput, create_output
from powerwith.consent.usability import usability, usability_of
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.people.queries import register_of


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


@membership_required
def output_new(request: Request) -> HttpResponse:
    membership = membership_of(request)
    output_queries.require_manager(membership)
    opportunities = [(o.pk, o.title) for o in output_queries.opportunities_for_outputs(membership)]
    people = [(p.pk, p.preferred_name) for p in register_of(membership).order_by("preferred_name")]
    form = OutputForm(posted(request), opportunities=opportunities, people=people)
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
