"""Placeholder replaced by the demo generator."""

from typing import Any


def load(people: int) -> dict[str, Any]:
    return {}


def logins_text(summary: dict[str, Any]) -> str:
    return ""
