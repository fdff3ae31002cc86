"""The rules an opportunity's terms follow, checked here once for the pages and the API.

Each check answers the cleaned value or raises a ``DomainError`` that names the field it
concerns, in words a coordinator can act on. Nothing here writes.
"""

from powerwith.opportunities.rules.combined import (
    PAID_BASES,
    check_amount,
    check_contacts,
    check_new_review_date,
    check_review,
    check_starting_status,
    check_status_change,
)
from powerwith.opportunities.rules.lists import (
    MAX_REQUIREMENTS,
    RequirementInput,
    RowError,
    SessionInput,
    clean_requirements,
    clean_sessions,
    when,
)
from powerwith.opportunities.rules.terms import TERM_NAMES, clean_terms, money, number, valid

__all__ = [
    "MAX_REQUIREMENTS",
    "PAID_BASES",
    "TERM_NAMES",
    "RequirementInput",
    "RowError",
    "SessionInput",
    "check_amount",
    "check_contacts",
    "check_new_review_date",
    "check_review",
    "check_starting_status",
    "check_status_change",
    "clean_requirements",
    "clean_sessions",
    "clean_terms",
    "money",
    "number",
    "valid",
    "when",
]
