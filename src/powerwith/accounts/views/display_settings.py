"""Each person's display settings: text size, contrast, easy read first, less motion.

They are kept with the account, so they apply on every page and every device."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from powerwith.accounts import services
from powerwith.accounts.models import TextSize
from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status, posted


class DisplaySettingsForm(forms.Form):
    text_size = forms.ChoiceField(
        label="Text size",
        choices=TextSize.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a text size.", "invalid_choice": "Choose a text size."},
    )
    high_contrast = forms.BooleanField(
        label="High contrast",
        required=False,
        help_text="Black text on white, underlined links and stronger borders.",
    )
    easy_read_first = forms.BooleanField(
        label="Easy read first",
        required=False,
        help_text="Where there is an easy read version, show it first and recommend it.",
    )
    reduce_motion = forms.BooleanField(
        label="Reduce motion",
        required=False,
        help_text="No animations or moving parts.",
    )


def _current(request: Request) -> dict[str, Any]:
    return {name: getattr(request.user, name) for name in services.DISPLAY_SETTINGS}


@login_required
def display_settings(request: Request) -> HttpResponse:
    form = DisplaySettingsForm(posted(request), initial=_current(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_display_settings(user=request.user, changes=form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Your display settings are saved.")
            return redirect("accounts:display_settings")
    return render(
        request, "accounts/display_settings.html", {"form": form}, status=form_status(form)
    )
