"""Offers of work and the clarity checker over the API."""

from ninja import Router

router = Router(tags=["offers"])
