from django.urls import path

from powerwith.opportunities.views import pages, rates, terms

app_name = "opportunities"

urlpatterns = [
    path("opportunities/", pages.opportunity_list, name="list"),
    path("opportunities/new/", terms.opportunity_new, name="new"),
    path("opportunities/<int:opportunity_id>/", pages.opportunity_detail, name="detail"),
    path("opportunities/<int:opportunity_id>/edit/", terms.opportunity_edit, name="edit"),
    path(
        "opportunities/<int:opportunity_id>/matches/",
        pages.opportunity_matches,
        name="matches",
    ),
    path("organisation/rates/", rates.rate_card, name="rates"),
]
