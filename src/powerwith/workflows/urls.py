"""Pages served here under a lower part's namespace and paths: `SERVED_FOR` maps the
namespace to its pages, and the project's `urls` adds them to that part's own, so every
URL, name and `{% url %}` stays as it was while the lower part imports nothing above it."""

from __future__ import annotations

from django.urls import URLPattern, path

from powerwith.consent.models import Action
from powerwith.workflows.views import (
    benefits,
    checks,
    consent,
    leaving,
    my_offers,
    offers,
    opportunities,
    opportunity_terms,
    organisation_settings,
    person,
    sessions,
    supported_work,
    supporting,
)
from powerwith.workflows.views.on_behalf import consent as consent_on_behalf
from powerwith.workflows.views.on_behalf import engagements as engagements_on_behalf
from powerwith.workflows.views.on_behalf import evaluation as evaluation_on_behalf
from powerwith.workflows.views.on_behalf import offers as offers_on_behalf
from powerwith.workflows.views.on_behalf import payments as payments_on_behalf

SERVED_FOR: dict[str, list[URLPattern]] = {
    "opportunities": [
        path("opportunities/", opportunities.opportunity_list, name="list"),
        path("opportunities/new/", opportunity_terms.opportunity_new, name="new"),
        path(
            "opportunities/<int:opportunity_id>/",
            opportunities.opportunity_detail,
            name="detail",
        ),
        path(
            "opportunities/<int:opportunity_id>/edit/",
            opportunity_terms.opportunity_edit,
            name="edit",
        ),
        path(
            "opportunities/<int:opportunity_id>/matches/",
            opportunities.opportunity_matches,
            name="matches",
        ),
    ],
    "people": [
        *supporting.urlpatterns,
        *supported_work.urlpatterns,
        *benefits.urlpatterns,
        path("people/<int:person_id>/", person.person, name="person"),
    ],
    "accounts": [
        path(
            "organisation/settings/",
            organisation_settings.organisation_settings,
            name="organisation_settings",
        ),
    ],
    "safe_to_work": [
        path("my-profile/checks/", checks.my_checks, name="my_checks"),
    ],
    "consent": [
        path(
            "my-consents/withdraw/",
            consent.record_consent,
            {"action": Action.WITHDRAW},
            name="withdraw",
        ),
        path(
            "my-consents/reconfirm/",
            consent.record_consent,
            {"action": Action.RECONFIRM},
            name="reconfirm",
        ),
        path(
            "offers/<int:consent_offer_id>/record-consent/",
            consent_on_behalf.record_consent,
            name="record_consent",
        ),
    ],
    "offers": [
        path("opportunities/<int:opportunity_id>/offers/new/", offers.offer_new, name="create"),
        path("offers/<int:offer_id>/answers/", offers.offer_answer, name="offer_answer"),
        path("offers/<int:leaving_offer_id>/leave/", leaving.staff_leave, name="offer_leave"),
        path("my-offers/", my_offers.my_offers, name="my_offers"),
        path("my-offers/<int:offer_id>/", my_offers.my_offer, name="my_offer"),
        path("my-offers/<int:offer_id>/accept/", my_offers.my_offer_accept, name="my_offer_accept"),
        path(
            "my-offers/<int:leaving_offer_id>/leave/",
            leaving.my_offer_leave,
            name="my_offer_leave",
        ),
        path("my-consents/leave/", leaving.leave_from_consents, name="leave_from_consents"),
        path(
            "my-offers/<int:offer_id>/decline/",
            my_offers.my_offer_decline,
            name="my_offer_decline",
        ),
        path(
            "my-offers/<int:offer_id>/questions/",
            my_offers.my_offer_question,
            name="my_offer_question",
        ),
        path(
            "offers/<int:offer_id>/record-answer/",
            offers_on_behalf.record_answer,
            name="offer_record_answer",
        ),
    ],
    "engagements": [
        path(
            "opportunities/<int:opportunity_id>/sessions/new/",
            sessions.session_new,
            name="session_new",
        ),
        path("sessions/<int:session_id>/change/", sessions.session_edit, name="session_edit"),
        path("sessions/<int:session_id>/cancel/", sessions.session_cancel, name="session_cancel"),
        path(
            "wellbeing-checks/<int:check_id>/record/",
            engagements_on_behalf.record_check,
            name="wellbeing_check_record",
        ),
        path(
            "bookings/<int:word_booking_id>/record-stop/",
            engagements_on_behalf.record_stop,
            name="booking_record_stop",
        ),
        path(
            "bookings/<int:word_booking_id>/record-adjustment/",
            engagements_on_behalf.record_adjustment,
            name="booking_record_adjustment",
        ),
    ],
    "payments": [
        path(
            "offers/<int:claim_offer_id>/record-claim/",
            payments_on_behalf.record_time_claim,
            name="record_time_claim",
        ),
    ],
    "evaluation": [
        path(
            "offers/<int:feedback_record_offer_id>/record-feedback/",
            evaluation_on_behalf.record_feedback,
            name="record_feedback",
        ),
    ],
}
