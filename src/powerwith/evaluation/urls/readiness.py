from django.urls import URLPattern, path

from powerwith.evaluation.views import readiness as views_readiness

urlpatterns: list[URLPattern] = [
    path("readiness/", views_readiness.readiness, name="readiness"),
    path("readiness/new/", views_readiness.readiness_new, name="readiness_new"),
    path(
        "readiness/<int:readiness_id>/",
        views_readiness.readiness_detail,
        name="readiness_detail",
    ),
    path(
        "readiness/<int:readiness_id>/actions/<int:readiness_action_id>/done/",
        views_readiness.readiness_action_done,
        name="readiness_action_done",
    ),
]
