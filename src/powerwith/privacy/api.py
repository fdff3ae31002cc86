"""A person's data rights over the API."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["privacy"])
