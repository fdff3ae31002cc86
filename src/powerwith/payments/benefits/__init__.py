"""What the benefit rules the person says apply to them say about an offer's earnings,
before they agree to it.

The rules differ, so the warning does too:

- **ESA permitted work**: under 16 hours of paid work a week, and no more than a weekly
  limit. The check says, for each week, which of the two the work would go over.
- **Universal Credit**: no limit on hours. Earnings above the person's monthly work
  allowance reduce Universal Credit by the taper (55p for each £1). The check gives the
  month's earnings and the month's figures; it cannot know which allowance, if any, the
  person has, so it names both and says some people have none.
- **Not on benefits**: no warning.
- **I'd rather not say**, or **another benefit or not sure**: a general word that pay
  can affect benefits, and where to get advice.

It never says what will happen to someone's benefits: only what the rules say and the
figures, and always where to get advice (the clarity checker's rule against speculation).

The result is for the person's eyes only: their own offer page, their own choice about
payment, and ``GET /api/v1/me/earnings-check`` for their own token.

By part: ``rules`` (the dated figures and their sources), ``counting`` (the offer's work
against them, week by week or month by month) and ``found`` (what the check found, and
the words for it).
"""

from __future__ import annotations

from powerwith.payments.benefits.counting import (
    MONTHS_IN_A_YEAR,
    PENNY,
    benefit_of,
    check,
    check_offer,
    permitted_work_weeks,
    universal_credit_months,
)
from powerwith.payments.benefits.found import (
    BenefitsCheck,
    PermittedWorkWeek,
    UniversalCreditMonth,
    sentences,
)
from powerwith.payments.benefits.rules import (
    PERMITTED_WORK,
    WORK_ALLOWANCES,
    PermittedWork,
    WorkAllowance,
    permitted_work_for_week,
    work_allowance_for_month,
)

__all__ = [
    "MONTHS_IN_A_YEAR",
    "PENNY",
    "PERMITTED_WORK",
    "WORK_ALLOWANCES",
    "BenefitsCheck",
    "PermittedWork",
    "PermittedWorkWeek",
    "UniversalCreditMonth",
    "WorkAllowance",
    "benefit_of",
    "check",
    "check_offer",
    "permitted_work_for_week",
    "permitted_work_weeks",
    "sentences",
    "universal_credit_months",
    "work_allowance_for_month",
]
