"""Forms render GOV.UK Frontend markup by themselves: ``{{ form }}`` or
``{{ form.field.as_field_group }}`` give label, hint, error message and input classes."""

from __future__ import annotations

from typing import Any

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.utils import ErrorDict, ErrorList

INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "selectmultiple": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "radioselect": "govuk-radios__input",
    "checkboxselectmultiple": "govuk-checkboxes__input",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}
CHOICE_LISTS = {"radioselect", "checkboxselectmultiple"}
# A long drop-down marked with this becomes GOV.UK's accessible autocomplete (type to
# find) when JavaScript runs; without it, it stays a plain select that works as one.
AUTOCOMPLETE = {"data-pw-autocomplete": "true"}
# The same, where choosing no one (the empty option) is a choice the person may make.
AUTOCOMPLETE_OR_NO_ONE = {"data-pw-autocomplete": "keep-empty"}


class GovukBoundField(BoundField):
    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def is_choice_list(self) -> bool:
        return self.widget_type in CHOICE_LISTS

    @property
    def error_anchor(self) -> str:
        """Where the error summary's link takes focus: the first option of a choice list."""
        if self.is_choice_list:
            return f"{self.auto_id}_0"
        return self.id_for_label

    @property
    def described_by(self) -> str:
        ids = []
        if self.help_text:
            ids.append(self.hint_id)
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget_type = self.widget_type
        base = INPUT_CLASSES.get(widget_type, "govuk-input")
        classes = [base]
        if self.errors and base in {"govuk-input", "govuk-textarea", "govuk-select"}:
            classes.append(f"{base}--error")
        # The widget's own classes (a width, say) would otherwise be replaced by these.
        own = (widget or self.field.widget).attrs.get("class")
        for extra in (own, attrs.get("class")):
            if extra:
                classes.append(str(extra))
        attrs["class"] = " ".join(classes)
        if self.described_by and widget_type not in CHOICE_LISTS:
            attrs["aria-describedby"] = self.described_by
        else:
            attrs.pop("aria-describedby", None)
        return attrs


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk/form.html"
    field_template_name = "forms/govuk/field.html"
    bound_field_class = GovukBoundField


def shown_unchecked(*shown: Any) -> None:
    """Forms sent back only to be shown again (a row added to a list, say): what was
    typed stays in the boxes, and nothing is checked, so no error is shown for boxes the
    person has not filled in yet. Formsets and plain forms alike."""
    for item in shown:
        if item is None:
            continue
        if hasattr(item, "management_form"):
            item._errors = []
            item._non_form_errors = ErrorList()
            shown_unchecked(*item.forms)
        else:
            item._errors = ErrorDict()
            item.cleaned_data = {}
