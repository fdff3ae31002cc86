"""Reads of payment choices and claims, scoped to who is asking.

Coordinators and admins see their organisation's claims; an expert by experience sees
only their own. Another organisation's claim, or another person's, is a 404.

``is_voluntary_by_choice`` is the one definition of voluntary work that the P.O.W.E.R.
scorecard and reports use: see its docstring.

By topic: ``claims`` (the lists of claims and each one's steps), ``claiming`` (what the
person can claim for), ``choices`` (payment choices), ``on_time`` (how quickly claims are
paid), ``tasks`` (who a claim's tasks go to), ``mileage``, ``routes`` (pay routes and
employment status) and ``batches``.
"""

from __future__ import annotations

from powerwith.payments.queries.batches import (
    batches_of,
    claims_to_batch,
    get_batch_for,
    lines_of,
    my_remittance_lines,
    my_remittances,
)
from powerwith.payments.queries.choices import (
    choices_of,
    is_voluntary_by_choice,
    latest_choice,
    opportunity_offered_to,
)
from powerwith.payments.queries.claiming import (
    accepted_offer_of,
    accepted_offers_of,
    attended_unclaimed,
    booking_of,
    bookings_of,
    claimable_bookings,
    get_accepted_offer,
    live_claim_for_session,
    offer_for_session,
    require_own_sessions,
    session_of_offer,
    sessions_to_claim_on_their_word,
    time_to_claim_for_person,
    travel_bookings,
)
from powerwith.payments.queries.claims import (
    FILTERS,
    acted_for_claim,
    claimed_on,
    claims_of,
    days_to_pay,
    events_of,
    filtered,
    get_claim_for,
    get_own_claim,
    get_receipt_claim,
    is_overdue,
    overdue_claims,
    overdue_cutoff,
    own_claims,
    paid_in,
    require_manager,
    step_on,
)
from powerwith.payments.queries.mileage import mileage_rates_of
from powerwith.payments.queries.on_time import Timeliness, timeliness
from powerwith.payments.queries.routes import decisions_of, route_choices_of
from powerwith.payments.queries.tasks import (
    OVERDUE_KEY,
    TRAVEL_KEY,
    coordinators_of,
    flagged_overdue,
    managers_of,
    organisations_with_unpaid_claims,
)

__all__ = [
    "FILTERS",
    "OVERDUE_KEY",
    "TRAVEL_KEY",
    "Timeliness",
    "accepted_offer_of",
    "accepted_offers_of",
    "acted_for_claim",
    "attended_unclaimed",
    "batches_of",
    "booking_of",
    "bookings_of",
    "choices_of",
    "claimable_bookings",
    "claimed_on",
    "claims_of",
    "claims_to_batch",
    "coordinators_of",
    "days_to_pay",
    "decisions_of",
    "events_of",
    "filtered",
    "flagged_overdue",
    "get_accepted_offer",
    "get_batch_for",
    "get_claim_for",
    "get_own_claim",
    "get_receipt_claim",
    "is_overdue",
    "is_voluntary_by_choice",
    "latest_choice",
    "lines_of",
    "live_claim_for_session",
    "managers_of",
    "mileage_rates_of",
    "my_remittance_lines",
    "my_remittances",
    "offer_for_session",
    "opportunity_offered_to",
    "organisations_with_unpaid_claims",
    "overdue_claims",
    "overdue_cutoff",
    "own_claims",
    "paid_in",
    "require_manager",
    "require_own_sessions",
    "route_choices_of",
    "session_of_offer",
    "sessions_to_claim_on_their_word",
    "step_on",
    "time_to_claim_for_person",
    "timeliness",
    "travel_bookings",
]
