from django.urls import path

from powerwith.reports import views
from powerwith.reports.urls import dashboard as urls_dashboard
from powerwith.reports.urls import training as urls_training

app_name = "reports"

urlpatterns = [
    path(
        "opportunities/<int:scorecard_opportunity_id>/scorecard/",
        views.opportunity_scorecard,
        name="scorecard",
    ),
    *urls_dashboard.urlpatterns,
    *urls_training.urlpatterns,
]
