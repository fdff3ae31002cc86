from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ConsentConfig(AppConfig):
    name = "powerwith.consent"
    verbose_name = "Consent"

    def ready(self) -> None:
        from powerwith.consent.receipts.message import ENCLOSURE, enclosure_page
        from powerwith.consent.triggers import CONSENT_EVENTS
        from powerwith.messaging.letters import enclose

        enclose(ENCLOSURE, enclosure_page)

        post_migrate.connect(CONSENT_EVENTS.install_after_migrate, sender=self)
