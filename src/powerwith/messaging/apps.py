from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "powerwith.messaging"
    label = "messaging"
    verbose_name = "Messages"

    def ready(self) -> None:
        from powerwith.core import mail
        from powerwith.messaging.routing import route

        mail.route_with(route)
