"""Roles a member can hold in an organisation, and how each is described to people.

What each role may do is declared once, in ``powerwith.core.permissions``.
"""

from django.db import models


class Role(models.TextChoices):
    EXPERT = "expert", "Expert by experience"
    COORDINATOR = "coordinator", "Coordinator"
    CONTACT = "contact", "Contact person"
    ADMIN = "admin", "Organisation admin"
    AUDITOR = "auditor", "Auditor or commissioner (read-only)"


ROLE_DESCRIPTIONS: dict[str, str] = {
    Role.EXPERT: "Sees their own profile, offers, consents and Wellness Action Plan.",
    Role.COORDINATOR: "Runs opportunities, matching, offers, sessions and evaluation.",
    Role.CONTACT: "Supports the people and sessions they are appointed to.",
    Role.ADMIN: "Manages members, roles and the organisation's settings.",
    Role.AUDITOR: "Reads scorecards, the dashboard and anonymised reports.",
}
