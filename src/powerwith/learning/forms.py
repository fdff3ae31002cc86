"""Forms for drafting, editing and commenting on summaries, the network settings, the
library's search and importing a summary's JSON document."""

from __future__ import annotations

from django import forms

from powerwith.core.choices import CoWorkingLevel, Focus
from powerwith.core.forms.dates import GovukDateField
from powerwith.opportunities.models import Opportunity
from powerwith.people.schedule import SETTINGS


class DraftForm(forms.Form):
    opportunity = forms.ModelChoiceField(
        queryset=Opportunity.objects.none(),
        label="Which piece of work is the summary about?",
        empty_label="Choose the work",
        error_messages={"required": "Choose the work the summary is about"},
    )

    def __init__(self, *args: object, opportunities: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["opportunity"].queryset = opportunities  # type: ignore[attr-defined]


class PeriodDraftForm(forms.Form):
    """A summary of every piece of work in a period. The service checks the dates
    (``services.check_period``), so the page and the API refuse the same periods."""

    period_start = GovukDateField(
        label="The first day of the period", help_text="For example, 1 4 2026", required=True
    )
    period_end = GovukDateField(
        label="The last day of the period", help_text="For example, 30 6 2026", required=True
    )
    focus = forms.ChoiceField(
        label="Only the work with this focus (optional)",
        choices=[("", "All the work"), *Focus.choices],
        required=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["period_start"].error_messages["required"] = "Enter the first day of the period"
        self.fields["period_end"].error_messages["required"] = "Enter the last day of the period"


class SummaryForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    what_was_done = forms.CharField(
        label="What was done", widget=forms.Textarea, max_length=4000, required=False
    )
    what_worked = forms.CharField(
        label="What worked", widget=forms.Textarea, max_length=4000, required=False
    )
    what_did_not = forms.CharField(
        label="What did not work", widget=forms.Textarea, max_length=4000, required=False
    )
    do_differently = forms.CharField(
        label="What we would do differently",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment on this draft",
        help_text="The coordinator reads it. It is published with the summary only if you "
        "have agreed to your words being published, and your name only if you agreed to be "
        "named.",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Enter your comment"},
    )


class SharingForm(forms.Form):
    share_summaries = forms.BooleanField(
        label="Publish our learning summaries to the network library",
        help_text="Every organisation on this installation can then read the summaries you "
        "publish. Experts are named only where they agreed.",
        required=False,
    )
    contribute_figures = forms.BooleanField(
        label="Contribute our figures to the network benchmarks",
        help_text="Only totals for the whole organisation leave it, never anything about a "
        "person. A figure is shown only when enough organisations contribute to it.",
        required=False,
    )


class LibrarySearch(forms.Form):
    focus = forms.ChoiceField(
        label="Focus", choices=[("", "Any focus"), *Focus.choices], required=False
    )
    setting = forms.ChoiceField(
        label="Setting", choices=[("", "Any setting"), *SETTINGS], required=False
    )
    level = forms.ChoiceField(
        label="Level of co-working",
        choices=[("", "Any level"), *CoWorkingLevel.choices],
        required=False,
    )


class ImportForm(forms.Form):
    document = forms.FileField(
        label="A learning summary's JSON document",
        help_text="The JSON file of a summary published on another installation of powerwith.",
        error_messages={"required": "Choose a JSON file to import"},
    )
