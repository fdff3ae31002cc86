"""The request type our views see, once middleware has run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from powerwith.accounts.models import Membership, User


class Request(HttpRequest):
    user: User
    membership: Membership | None
    htmx: HtmxDetails


def membership_of(request: Request) -> Membership:
    """The membership a page or endpoint acts for: ``membership_required`` sees to one on
    every page behind it, and token authentication on every API endpoint."""
    if request.membership is None:
        raise PermissionDenied("This needs a membership of an organisation.")
    return request.membership
