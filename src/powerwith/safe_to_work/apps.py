from django.apps import AppConfig


class SafeToWorkConfig(AppConfig):
    name = "powerwith.safe_to_work"
    verbose_name = "Safe to work"
