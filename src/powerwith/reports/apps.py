from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "powerwith.reports"
    verbose_name = "Reports"
