from __future__ import annotations

from django import forms

from powerwith.consent.wording import Scope


class WithdrawForm(forms.Form):
    """The one-step withdrawal: which consent, nothing else. No reason is asked."""

    scope = forms.ChoiceField(choices=Scope.choices, widget=forms.HiddenInput)
    opportunity_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    output_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
