from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "powerwith.opportunities"
    verbose_name = "Opportunities"
