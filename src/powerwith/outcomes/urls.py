from django.urls import URLPattern, path

from powerwith.outcomes import views
from powerwith.outcomes.views import csv as views_csv

app_name = "outcomes"

urlpatterns: list[URLPattern] = [
    path("outcomes/", views.outcomes, name="outcomes"),
    path("outcomes/services/new/", views.service_new, name="outcome_service_new"),
    path(
        "outcomes/services/<int:outcome_service_id>/",
        views.service_detail,
        name="outcome_service",
    ),
    path(
        "outcomes/services/<int:outcome_service_id>/record/",
        views.service_record,
        name="outcome_service_record",
    ),
    path(
        "outcomes/services/<int:outcome_service_id>/projects/",
        views.service_projects,
        name="outcome_service_projects",
    ),
    path("outcomes/import/", views_csv.outcomes_import, name="outcomes_import"),
    path(
        "outcomes/import/template.csv",
        views_csv.outcomes_import_template,
        name="outcomes_import_template",
    ),
    path("outcomes/outcomes.csv", views_csv.outcomes_export, name="outcomes_export"),
]
