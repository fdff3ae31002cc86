"""The person gives consent for the work they are offered, from the offer itself."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from powerwith.consent.queries import ConsentState
from powerwith.consent.services.offers import current_states, give_consent_for_offer
from powerwith.consent.wording import Scope, wording_for
from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status
from powerwith.offers import queries


@dataclass(frozen=True)
class Asked:
    scope: str
    label: str
    wording: str
    state: ConsentState | None


class ConsentForm(forms.Form):
    scopes = forms.MultipleChoiceField(
        label="What do you agree to?",
        help_text="Tick each one you agree to. You do not have to agree to any of them, and "
        "you can withdraw any of them later.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one thing you agree to."},
    )

    def __init__(self, *args: object, asked: list[Asked], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["scopes"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [
            (a.scope, f"{a.label}. {a.wording}")
            for a in asked
            if a.state is None or not a.state.is_given
        ]


@login_required
def my_offer_consent(request: Request, offer_id: int) -> HttpResponse:
    offer = queries.get_own_offer(request.user, offer_id)
    states = current_states(offer)
    asked = [
        Asked(scope, Scope(scope).label, wording_for(scope), state)
        for scope, state in states.items()
    ]
    form = ConsentForm(request.POST if request.method == "POST" else None, asked=asked)
    if request.method == "POST" and form.is_valid():
        try:
            given = give_consent_for_offer(
                offer, user=request.user, scopes=form.cleaned_data["scopes"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            labels = ", ".join(Scope(s).label.lower() for s in given) or "nothing new"
            messages.success(request, f"Thank you. You gave your consent to: {labels}.")
            return redirect("offers:my_offer_consent", offer_id=offer.pk)
    shown = form if form.fields["scopes"].choices else None  # type: ignore[attr-defined]
    context = {
        "offer": offer,
        "asked": asked,
        "given": [a for a in asked if a.state is not None and a.state.is_given],
        "form": shown,
    }
    return render(request, "offers/my_offer_consent.html", context, status=form_status(shown))
