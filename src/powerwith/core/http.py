"""The request type our views see, once middleware has run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from powerwith.accounts.models import Membership, User


class Request(HttpRequest):
    user: User
    membership: Membership | None
    htmx: HtmxDetails
