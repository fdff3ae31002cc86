from django.urls import path

from powerwith.consent import views

app_name = "consent"

urlpatterns = [
    path("my-consents/", views.my_consents, name="my_consents"),
    path("my-consents/withdraw/", views.withdraw, name="withdraw"),
]
