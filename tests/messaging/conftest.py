from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from powerwith.offers.models import Offer
from tests.messaging import notify_fake
from tests.offers.factories import sent_offer


@pytest.fixture
def offer_sent(django_capture_on_commit_callbacks) -> Callable[..., Offer]:
    """Send an offer and let the change commit, so its message is queued and sent."""

    def send(*args: Any, **kwargs: Any) -> Offer:
        with django_capture_on_commit_callbacks(execute=True):
            return sent_offer(*args, **kwargs)

    return send


@pytest.fixture
def notify(settings) -> Iterator[notify_fake.FakeNotify]:
    """Messages go through GOV.UK Notify's official client, to a local fake of it."""
    fake, server = notify_fake.start()
    settings.MESSAGES_BACKEND = "notify"
    settings.NOTIFY_API_KEY = notify_fake.API_KEY
    settings.NOTIFY_BASE_URL = fake.url
    settings.NOTIFY_EMAIL_TEMPLATE_ID = notify_fake.EMAIL_TEMPLATE
    settings.NOTIFY_TEXT_TEMPLATE_ID = notify_fake.TEXT_TEMPLATE
    yield fake
    server.shutdown()
    server.server_close()
