"""Forms for opportunities and the rate card. They parse; the rules live in
opportunities/rules, which the API uses too."""

from powerwith.opportunities.forms.rates import RateForm
from powerwith.opportunities.forms.rows import (
    RequirementFormSet,
    SessionFormSet,
    requirement_initial,
    requirement_inputs,
    session_initial,
    session_rows,
)
from powerwith.opportunities.forms.terms import (
    FIELD_FOR,
    NEW_INITIAL,
    OpportunityForm,
    initial_for,
    level_choices,
)

__all__ = [
    "FIELD_FOR",
    "NEW_INITIAL",
    "OpportunityForm",
    "RateForm",
    "RequirementFormSet",
    "SessionFormSet",
    "initial_for",
    "level_choices",
    "requirement_initial",
    "requirement_inputs",
    "session_initial",
    "session_rows",
]
