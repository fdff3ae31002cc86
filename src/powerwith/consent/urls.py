from django.urls import URLPattern, path

from powerwith.consent import views
from powerwith.consent.views import mine as views_mine
from powerwith.consent.views import offers as views_offers
from powerwith.consent.views import outputs as views_outputs
from powerwith.consent.views import receipt_check

app_name = "consent"

urlpatterns = [
    path("my-consents/", views.my_consents, name="my_consents"),
    # my-consents/withdraw/ and reconfirm/ are served by workflows: withdrawing is leaving.
    path("my-consents/outputs/", views_mine.my_outputs, name="my_outputs"),
    path("my-consents/outputs/<int:output_id>/", views_mine.my_output, name="my_output"),
    path("consent-receipts/<int:event_id>/", views_mine.receipt, name="receipt"),
    path(
        "consent-receipts/<int:event_id>/easy-read.pdf",
        views_mine.receipt_pdf,
        name="receipt_pdf",
    ),
    path(
        "consent-receipts/<int:event_id>/receipt.mp3",
        views_mine.receipt_audio,
        name="receipt_audio",
    ),
    path(
        "consent-receipts/<int:event_id>/receipt.json",
        views_mine.receipt_json,
        name="receipt_json",
    ),
    # offers/<id>/record-consent/ (record_consent) is served by workflows.
    path("consent-receipts/check/", receipt_check.check_receipt, name="check_receipt"),
    path("outputs/", views_outputs.output_list, name="outputs"),
    path("outputs/new/", views_outputs.output_new, name="output_new"),
    path(
        "outputs/new/people/",
        views_outputs.contributors_found,
        name="output_contributors_found",
    ),
    path("outputs/<int:output_id>/", views_outputs.output_detail, name="output"),
]

# Giving consent from an offer keeps offers' path and name: offers, below consent, cannot
# import it (docs/adr/011-layers-and-layout.md).
SERVED_FOR: dict[str, list[URLPattern]] = {
    "offers": [
        path(
            "my-offers/<int:offer_id>/consent/",
            views_offers.my_offer_consent,
            name="my_offer_consent",
        ),
    ],
}
