from django.urls import path

from powerwith.offers.views import clarity as views_clarity
from powerwith.offers.views import offers as views_offers
from powerwith.offers.views import render as views_render

app_name = "offers"

urlpatterns = [
    path("clarity-check/", views_clarity.clarity_check, name="clarity_check"),
    # Offers of work: the coordinator's pages.
    path("offers/", views_offers.offer_list, name="list"),
    # Making an offer (create) and answering a question (offer_answer) are served by
    # workflows: they read matches and tell the person.
    path("offers/<int:offer_id>/", views_offers.offer_detail, name="offer"),
    path("offers/<int:offer_id>/terms/", views_offers.offer_terms, name="offer_terms"),
    path("offers/<int:offer_id>/send/", views_offers.offer_send, name="offer_send"),
    path("offers/<int:offer_id>/withdraw/", views_offers.offer_withdraw, name="offer_withdraw"),
    path("offers/<int:offer_id>/render/", views_render.offer_render, name="render"),
    path("offers/<int:offer_id>/recording/", views_offers.offer_recording, name="offer_recording"),
    # offers/<id>/record-answer/ (offer_record_answer) is served by workflows.
    # Offers of work: the person's own pages, leaving, and consent from an offer are served
    # by workflows and consent (they read pay, consent and the workflows).
]
