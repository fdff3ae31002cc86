from django.urls import path

from powerwith.reports import views

app_name = "reports"

urlpatterns = [
    path(
        "opportunities/<int:scorecard_opportunity_id>/scorecard/",
        views.opportunity_scorecard,
        name="scorecard",
    ),
]
