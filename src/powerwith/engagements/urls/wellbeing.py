from django.urls import URLPattern, path

from powerwith.engagements.views import wellbeing as views_wellbeing

urlpatterns: list[URLPattern] = [
    # The person's own wellbeing checks and the power to stop.
    path("my-wellbeing/", views_wellbeing.my_wellbeing, name="my_wellbeing"),
    path(
        "my-wellbeing/<int:check_id>/",
        views_wellbeing.my_wellbeing_check,
        name="my_wellbeing_check",
    ),
    path(
        "my-sessions/<int:stop_session_id>/stop/",
        views_wellbeing.my_session_stop,
        name="my_session_stop",
    ),
    path(
        "my-sessions/<int:stop_session_id>/stop/done/",
        views_wellbeing.my_session_stopped,
        name="my_session_stopped",
    ),
    # Staff: checks due, answering one with the person, recording a stop.
    path("wellbeing-checks/", views_wellbeing.staff_checks, name="wellbeing_checks_staff"),
    path(
        "wellbeing-checks/<int:check_id>/",
        views_wellbeing.staff_check,
        name="wellbeing_check_staff",
    ),
    # Recording a check, a stop or an adjustment for the person is served by workflows.
    path(
        "sessions/<int:stop_session_id>/record-stop/",
        views_wellbeing.session_record_stop,
        name="session_record_stop",
    ),
]
