from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "powerwith.offers"
    verbose_name = "Offers of work"
