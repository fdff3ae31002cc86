from django.urls import path

from powerwith.opportunities.views import rates

app_name = "opportunities"

urlpatterns = [
    # The opportunity pages are served by workflows: they show matches, readiness for an
    # offer, the checks the work requires and how concentrated paid work is.
    path("organisation/rates/", rates.rate_card, name="rates"),
]
