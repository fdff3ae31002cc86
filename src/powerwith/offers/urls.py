from django.urls import path

from powerwith.offers.views import clarity as views_clarity
from powerwith.offers.views import consent as views_consent
from powerwith.offers.views import leaving as views_leaving
from powerwith.offers.views import mine as views_my_offers
from powerwith.offers.views import offers as views_offers
from powerwith.offers.views import render as views_render

app_name = "offers"

urlpatterns = [
    path("clarity-check/", views_clarity.clarity_check, name="clarity_check"),
    # Offers of work: the coordinator's pages.
    path("offers/", views_offers.offer_list, name="list"),
    path("opportunities/<int:opportunity_id>/offers/new/", views_offers.offer_new, name="create"),
    path("offers/<int:offer_id>/", views_offers.offer_detail, name="offer"),
    path("offers/<int:offer_id>/terms/", views_offers.offer_terms, name="offer_terms"),
    path("offers/<int:offer_id>/send/", views_offers.offer_send, name="offer_send"),
    path("offers/<int:offer_id>/answers/", views_offers.offer_answer, name="offer_answer"),
    path("offers/<int:offer_id>/withdraw/", views_offers.offer_withdraw, name="offer_withdraw"),
    path("offers/<int:offer_id>/render/", views_render.offer_render, name="render"),
    path("offers/<int:offer_id>/recording/", views_offers.offer_recording, name="offer_recording"),
    # offers/<id>/record-answer/ (offer_record_answer) is served by workflows.
    path("offers/<int:leaving_offer_id>/leave/", views_leaving.staff_leave, name="offer_leave"),
    # Offers of work: the person's own pages.
    path("my-offers/", views_my_offers.my_offers, name="my_offers"),
    path("my-offers/<int:offer_id>/", views_my_offers.my_offer, name="my_offer"),
    path(
        "my-offers/<int:offer_id>/accept/", views_my_offers.my_offer_accept, name="my_offer_accept"
    ),
    path(
        "my-offers/<int:leaving_offer_id>/leave/",
        views_leaving.my_offer_leave,
        name="my_offer_leave",
    ),
    path("my-consents/leave/", views_leaving.leave_from_consents, name="leave_from_consents"),
    path(
        "my-offers/<int:offer_id>/decline/",
        views_my_offers.my_offer_decline,
        name="my_offer_decline",
    ),
    path(
        "my-offers/<int:offer_id>/consent/",
        views_consent.my_offer_consent,
        name="my_offer_consent",
    ),
    path(
        "my-offers/<int:offer_id>/questions/",
        views_my_offers.my_offer_question,
        name="my_offer_question",
    ),
]
