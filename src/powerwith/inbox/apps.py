from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "powerwith.inbox"
    verbose_name = "Action needed"
