from django.urls import path

from powerwith.reports import urls_dashboard, urls_outcomes, urls_training, views

app_name = "reports"

urlpatterns = [
    path(
        "opportunities/<int:scorecard_opportunity_id>/scorecard/",
        views.opportunity_scorecard,
        name="scorecard",
    ),
    *urls_dashboard.urlpatterns,
    *urls_outcomes.urlpatterns,
    *urls_training.urlpatterns,
]
