from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from powerwith.offers.models import Offer
from tests.offers.factories import sent_offer


@pytest.fixture
def offer_sent(django_capture_on_commit_callbacks) -> Callable[..., Offer]:
    """Send an offer and let the change commit, so its message is queued and sent."""

    def send(*args: Any, **kwargs: Any) -> Offer:
        with django_capture_on_commit_callbacks(execute=True):
            return sent_offer(*args, **kwargs)

    return send
