from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PeopleConfig(AppConfig):
    name = "powerwith.people"
    verbose_name = "People"

    def ready(self) -> None:
        from powerwith.people.models import ExperienceEntry, OrganisationLink, Person
        from powerwith.people.queries.counts import note_register_changed

        # The register's counts are kept in the cache (people/queries/counts.py).
        for model in (Person, OrganisationLink, ExperienceEntry):
            post_save.connect(note_register_changed, sender=model, dispatch_uid=f"count-{model}")
            post_delete.connect(note_register_changed, sender=model, dispatch_uid=f"gone-{model}")
