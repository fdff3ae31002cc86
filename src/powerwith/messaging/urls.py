from django.urls import path

from powerwith.messaging import views

app_name = "messaging"

urlpatterns = [
    path("outbox/", views.outbox, name="outbox"),
    path("letters-to-post/", views.letters_to_post, name="letters_to_post"),
    path("letters-to-post/<int:letter_id>/letter.pdf", views.letter_download, name="letter"),
    path("letters-to-post/<int:letter_id>/posted/", views.letter_posted, name="letter_posted"),
    path("calls/<int:call_id>/", views.call, name="call"),
    path("notify/delivery-receipts/", views.notify_receipt, name="notify_receipt"),
]
