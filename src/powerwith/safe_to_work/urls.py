from django.urls import URLPattern, path

from powerwith.safe_to_work import views

app_name = "safe_to_work"

urlpatterns: list[URLPattern] = [
    path("people/<int:person_id>/checks/", views.person_checks, name="person_checks"),
    # my-profile/checks/ (my_checks) is served by workflows: it names who to ask.
    path("checks/required/", views.required_checks, name="required_checks"),
    path(
        "opportunities/<int:opportunity_id>/checks/",
        views.opportunity_checks,
        name="opportunity_checks",
    ),
]
