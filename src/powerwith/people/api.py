"""The register and profiles over the API."""

from ninja import Router

router = Router(tags=["people"])
