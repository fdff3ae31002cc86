from django.urls import URLPattern, path

from powerwith.reports.training import views

COURSE = "opportunities/<int:training_opportunity_id>/training-evidence"

urlpatterns: list[URLPattern] = [
    path("training-evidence/", views.training_courses, name="training_courses"),
    path(f"{COURSE}/", views.training_evidence, name="training_evidence"),
    path(f"{COURSE}/record/", views.training_evidence_record, name="training_evidence_record"),
    path(
        "opportunities/<int:training_opportunity_id>/training-evidence.pdf",
        views.training_evidence_pdf,
        name="training_evidence_pdf",
    ),
]
