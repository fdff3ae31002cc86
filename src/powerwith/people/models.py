from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation


class PersonStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused (taking a break)"
    LEFT = "left", "Left"


class Person(models.Model):
    """An expert by experience. The profile belongs to the person, not to an organisation:
    an organisation sees it only through a link the person has agreed to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    preferred_name = models.CharField(max_length=100)
    pronouns = models.CharField(max_length=40, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    town = models.CharField(max_length=100, blank=True)
    about = models.TextField(
        "about me", max_length=2000, blank=True, help_text="In the person's own words."
    )
    status = models.CharField(
        max_length=10, choices=PersonStatus.choices, default=PersonStatus.ACTIVE
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["preferred_name", "id"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.preferred_name


class OrganisationLink(models.Model):
    """The person works with this organisation and shares their profile with it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="people_links"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="one_link_per_org")
        ]
        indexes = [models.Index(fields=["organisation", "person"])]

    def __str__(self) -> str:
        return f"{self.person} works with {self.organisation}"
