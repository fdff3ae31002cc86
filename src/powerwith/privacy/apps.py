from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "powerwith.privacy"
    verbose_name = "Privacy and data rights"
