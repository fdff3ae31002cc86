"""Test data for the every-page audit, one module per part of the product.

A module here may define ``NOT_PAGES`` (route name → reason it is not a page) and
``values(cast: PartCast) -> dict[str, Any]`` giving a real value, made through the
services, for each URL parameter its routes use. Parameter names are shared across the
product, so each part uses names of its own (``session_id``, ``claim_id``…).
"""

from __future__ import annotations

from dataclasses import dataclass

from powerwith.accounts.models import Membership
from powerwith.offers.models import Offer
from powerwith.people.models import Person


@dataclass(frozen=True)
class PartCast:
    admin: Membership
    coordinator: Membership
    contact: Membership
    # An expert at Riverside with a login, and an offer sent to them (not yet accepted).
    expert: Person
    offer: Offer
