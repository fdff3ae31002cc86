"""Each figure read back from every place that shows it: the dashboard's page, report,
CSV and API, and an opportunity's scorecard page and API."""

from __future__ import annotations

from django.test import Client

from powerwith.accounts.models import Membership
from tests.conftest import api_client_for
from tests.reports.page_tables import csv_figures, tables

DASHBOARD_PAGES = ("/dashboard/", "/dashboard/report/")
DASHBOARD_CSV = "/dashboard/dashboard.csv"


def page_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def scorecard_evidence(client: Client, by: Membership, opportunity_id: int, name: str) -> str:
    """The check's evidence on the scorecard page, which must be the API's too."""
    page = tables(page_of(client, f"/opportunities/{opportunity_id}/scorecard/"))
    on_page = next(rows[name] for rows in page.values() if name in rows)
    card = api_client_for(by).get(f"/api/v1/opportunities/{opportunity_id}/scorecard").json()
    in_api = next(c for p in card["principles"].values() for c in p["checks"] if c["name"] == name)
    assert on_page[1] == in_api["evidence"]
    return on_page[1]


def dashboard_share(
    client: Client, by: Membership, caption: str, csv_figure: str, key: str
) -> tuple[int, int]:
    """(part, whole) as the dashboard page, its report, its CSV and its API show them."""
    found = set()
    for url in DASHBOARD_PAGES:
        # The whole first ("People booked": 4), then the part ("…": "3 (75.0%)").
        whole, part = tables(page_of(client, url))[caption].values()
        found.add((int(part[0].split()[0]), int(whole[0])))
    csv_rows = csv_figures(page_of(client, DASHBOARD_CSV))
    found.add((int(csv_rows[csv_figure, "count"]), int(csv_rows[csv_figure, "out of"])))
    api = api_client_for(by).get("/api/v1/dashboard").json()[key]
    found.add((api["count"], api["out_of"]))
    assert len(found) == 1, found
    return found.pop()
