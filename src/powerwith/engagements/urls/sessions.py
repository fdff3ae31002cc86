from django.urls import path

from powerwith.engagements.views import adjustments as views_adjustments
from powerwith.engagements.views import calendar as views_calendar
from powerwith.engagements.views import mine as views_my_sessions
from powerwith.engagements.views import sessions as views_sessions

urlpatterns = [
    # The staff's pages.
    path(
        "opportunities/<int:opportunity_id>/sessions/",
        views_sessions.opportunity_sessions,
        name="opportunity_sessions",
    ),
    path("sessions/", views_sessions.sessions_coming_up, name="sessions_coming_up"),
    # Adding, changing and cancelling a session are served by workflows (changing the work).
    path("sessions/<int:session_id>/", views_sessions.session_detail, name="session"),
    path("sessions/<int:session_id>/bookings/", views_sessions.session_book, name="session_book"),
    path(
        "sessions/<int:session_id>/bookings/<int:booking_id>/cancel/",
        views_sessions.booking_cancel,
        name="booking_cancel",
    ),
    path(
        "sessions/<int:session_id>/bookings/<int:booking_id>/attendance/",
        views_sessions.booking_attendance,
        name="booking_attendance",
    ),
    path(
        "sessions/<int:session_id>/adjustments/new/",
        views_adjustments.session_adjustment_new,
        name="session_adjustment_new",
    ),
    path(
        "adjustments/<int:adjustment_id>/confirm/",
        views_adjustments.adjustment_confirm,
        name="adjustment_confirm",
    ),
    # The person's own pages.
    path("my-sessions/", views_my_sessions.my_sessions, name="my_sessions"),
    path("my-sessions/<int:session_id>/", views_my_sessions.my_session, name="my_session"),
    path(
        "my-sessions/<int:session_id>/adjustments/",
        views_my_sessions.my_session_adjustments,
        name="my_session_adjustments",
    ),
    # The personal calendar feed.
    path("account/calendar/", views_calendar.calendar_settings, name="calendar_settings"),
    path("calendar/<str:feed_token>.ics", views_calendar.calendar_feed, name="calendar_feed"),
]
