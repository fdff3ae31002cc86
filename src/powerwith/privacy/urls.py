"""Who has looked at a person's information, and the person's data rights."""

from django.urls import URLPattern

from powerwith.privacy.views import access_log, data_rights, retention, staff_erasure

app_name = "privacy"

urlpatterns: list[URLPattern] = [
    *access_log.urlpatterns,
    *data_rights.urlpatterns,
    *retention.urlpatterns,
    *staff_erasure.urlpatterns,
]
