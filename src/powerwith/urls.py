from django.urls import include, path

from powerwith import views
from powerwith.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("", include("powerwith.accounts.urls")),
    path("", include("powerwith.people.urls")),
    path("", include("powerwith.opportunities.urls")),
    path("", include("powerwith.safe_to_work.urls")),
    path("", include("powerwith.offers.urls")),
    path("", include("powerwith.consent.urls")),
    path("", include("powerwith.engagements.urls")),
    path("", include("powerwith.inbox.urls")),
    path("", include("powerwith.messaging.urls")),
    path("", include("powerwith.payments.urls")),
    path("", include("powerwith.evaluation.urls")),
    path("", include("powerwith.reports.urls")),
    path("", include("powerwith.outcomes.urls")),
    path("", include("powerwith.privacy.urls")),
    path("", include("powerwith.learning.urls")),
    path("api/v1/", api.urls),
]

handler400 = "powerwith.views.bad_request"
handler403 = "powerwith.views.permission_denied"
handler404 = "powerwith.views.page_not_found"
handler500 = "powerwith.views.server_error"
