from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "powerwith.payments"
    verbose_name = "Payments"
