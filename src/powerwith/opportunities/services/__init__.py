"""Every change to an opportunity and to the organisation's rate card: one function per
action, in a transaction, audited. Every rule is checked (opportunities/rules) before
anything is written, so a refusal leaves everything as it was.
"""

from powerwith.opportunities.rules import RequirementInput, SessionInput
from powerwith.opportunities.services.rates import set_rate
from powerwith.opportunities.services.terms import (
    create_opportunity,
    update_opportunity,
    update_requirements,
)

__all__ = [
    "RequirementInput",
    "SessionInput",
    "create_opportunity",
    "set_rate",
    "update_opportunity",
    "update_requirements",
]
