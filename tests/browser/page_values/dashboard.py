"""The organisation dashboard: its routes take no parameters (the period is a query
string), so there is nothing to make; two of them are downloads, not pages."""

from __future__ import annotations

from typing import Any

from tests.browser.page_values import PartCast

NOT_PAGES = {
    "reports:dashboard_csv": "every dashboard figure as a CSV download",
    "reports:dashboard_pdf": "the dashboard report as a tagged PDF download",
}


def values(cast: PartCast) -> dict[str, Any]:
    return {}
