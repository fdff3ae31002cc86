from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "powerwith.outcomes"
    verbose_name = "Restraint-reduction outcomes"
