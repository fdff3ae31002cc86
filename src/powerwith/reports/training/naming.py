"""Whether the evidence report may name a person.

The report goes to certification bodies and commissioners, so naming someone in it is
quoting them, by name, about their part in the work. The consent that covers that is
*be quoted* (``be_quoted``): its wording says "reports about this work can name me as
someone who took part", and its receipt lists "your name, if you choose to be named" as
the data it concerns. *Share my profile* is not enough: it
lets this organisation see the profile, not put the name in a report for others.

So a person is named only while their consent to be quoted is given for this course's
work (the opportunity) or for all of the organisation's work, by the ledger's own rule:
the most specific context with a record decides, a later withdrawal for all the work
overrides it, and a lapsed consent counts as not given. Everyone else is "An expert by
experience". An auditor never sees a name, whatever the consent.
"""

from __future__ import annotations

from powerwith.accounts.models import Organisation
from powerwith.consent.usability import standings_for_work
from powerwith.consent.wording import Scope

NAMING_SCOPE = Scope.BE_QUOTED
ANONYMOUS = "An expert by experience"


def may_be_named(
    organisation: Organisation, opportunity_ids: set[int], person_ids: set[int]
) -> set[tuple[int, int]]:
    """The (opportunity, person) pairs whose consent to be named is given, in one query."""
    found = standings_for_work(organisation, NAMING_SCOPE, opportunity_ids, person_ids)
    return {pair for pair, stand in found.items() if stand.is_given}
