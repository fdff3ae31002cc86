"""What an offer built from an opportunity would still leave out, before anyone is chosen.

The send gate (offers.content.missing) decides; this asks it about an offer to no one in
particular and keeps the elements the opportunity sets. The rest — how the person is
paid, their adjustments, a benefits-advice signpost if they ask for one — are written
for each person on their offer.
"""

from __future__ import annotations

from powerwith.offers.content import REQUIRED_ELEMENTS, build, missing
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person

PER_PERSON = frozenset({"payment_method", "benefits_advice_signpost", "adjustments"})
OPPORTUNITY_ELEMENTS = [code for code in REQUIRED_ELEMENTS if code not in PER_PERSON]


def offer_gaps(opportunity: Opportunity) -> list[str]:
    """The codes of the opportunity-level elements an offer from it would lack."""
    anyone = Offer(opportunity=opportunity, person=Person(preferred_name=""), terms={})
    gaps = set(missing(build(anyone)))
    return [code for code in OPPORTUNITY_ELEMENTS if code in gaps]


def offer_gap_labels(opportunity: Opportunity) -> list[str]:
    return [REQUIRED_ELEMENTS[code] for code in offer_gaps(opportunity)]
