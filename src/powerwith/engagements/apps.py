from django.apps import AppConfig


class EngagementsConfig(AppConfig):
    name = "powerwith.engagements"
    verbose_name = "Engagements"
