from django.urls import path

from powerwith.opportunities import views

app_name = "opportunities"

urlpatterns = [
    path("opportunities/", views.opportunity_list, name="list"),
    path("opportunities/new/", views.opportunity_new, name="new"),
    path("opportunities/<int:opportunity_id>/", views.opportunity_detail, name="detail"),
    path(
        "opportunities/<int:opportunity_id>/matches/",
        views.opportunity_matches,
        name="matches",
    ),
]
