from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "powerwith.payments"
    verbose_name = "Payments"

    def ready(self) -> None:
        from powerwith.offers.content import add_for_reader
        from powerwith.payments.routes import offer_pay_routes

        # Every reading of an offer says how the person would be paid (docs/adr/016).
        add_for_reader("pay_route", offer_pay_routes)
