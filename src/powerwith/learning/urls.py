from django.urls import URLPattern, path

from powerwith.learning import views
from powerwith.learning.views import network

app_name = "learning"

urlpatterns: list[URLPattern] = [
    path("learning/", views.summaries, name="summaries"),
    path("learning/draft/", views.summary_draft, name="summary_draft"),
    path("learning/draft-period/", views.summary_draft_period, name="summary_draft_period"),
    path("learning/schema.json", views.schema, name="schema"),
    path("learning/summaries/<int:summary_id>/", views.summary, name="summary"),
    path("learning/summaries/<int:summary_id>/edit/", views.summary_edit, name="summary_edit"),
    path(
        "learning/summaries/<int:summary_id>/publish/",
        views.summary_publish,
        name="summary_publish",
    ),
    path("learning/summaries/<int:summary_id>/ask/", views.summary_ask, name="summary_ask"),
    path(
        "learning/summaries/<int:summary_id>/comments/<int:comment_id>/quote/",
        views.comment_quote,
        name="comment_quote",
    ),
    path(
        "learning/summaries/<int:summary_id>/comment/",
        views.summary_comment,
        name="summary_comment",
    ),
    path(
        "learning/summaries/<int:summary_id>/<str:file_format>/",
        views.summary_file,
        name="summary_file",
    ),
    path("network/library/", network.library_page, name="library"),
    path("network/library/import/", network.library_import, name="library_import"),
    path("network/library/imported/<int:imported_id>/", network.imported, name="imported"),
    path("network/settings/", network.network_settings, name="network_settings"),
    path("network/benchmarks/", network.benchmarks_page, name="benchmarks"),
    path("network/benchmarks.csv", network.benchmarks_csv, name="benchmarks_csv"),
]
