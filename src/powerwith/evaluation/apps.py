from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "powerwith.evaluation"
    verbose_name = "Evaluation"
