from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "powerwith.accounts"
    verbose_name = "Accounts and organisations"

    def ready(self) -> None:
        from powerwith.accounts import sessions
        from powerwith.accounts.triggers import AUDIT_EVENTS
        from powerwith.core.cache import ensure_cache_table

        post_migrate.connect(AUDIT_EVENTS.install_after_migrate, sender=self)
        # The shared cache's table, wherever migrate runs (demo, tests, CI, deployments).
        post_migrate.connect(ensure_cache_table, sender=self)
        sessions.connect_signals()
