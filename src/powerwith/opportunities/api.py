"""Opportunities and matching over the API."""

from ninja import Router

router = Router(tags=["opportunities"])
