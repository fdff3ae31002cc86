from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "powerwith.inbox"
    verbose_name = "Action needed"

    def ready(self) -> None:
        from powerwith.core import mail
        from powerwith.inbox.services import report_undelivered

        mail.report_with(report_undelivered)
