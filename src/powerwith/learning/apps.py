from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "powerwith.learning"
    verbose_name = "Sharing the learning"
