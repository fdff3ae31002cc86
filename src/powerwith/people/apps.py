from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "powerwith.people"
    verbose_name = "People"
