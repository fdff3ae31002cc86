from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PrivacyConfig(AppConfig):
    name = "powerwith.privacy"
    verbose_name = "Privacy and data rights"

    def ready(self) -> None:
        from powerwith.people.reads import details_read
        from powerwith.privacy.access import keep
        from powerwith.privacy.triggers import ACCESS_LOG

        post_migrate.connect(ACCESS_LOG.install_after_migrate, sender=self)
        details_read.connect(keep, dispatch_uid="privacy.access.keep")
