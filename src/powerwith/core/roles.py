"""Roles a member can hold in an organisation, and what each may do.

Declared once here so that pages, API endpoints and queries ask the same question.
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

STAFF_ROLES = frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN, Role.AUDITOR})
MEMBER_LIST_ROLES = STAFF_ROLES
MEMBER_MANAGER_ROLES = frozenset({Role.ADMIN})


def can_see_members(role: str) -> bool:
    return role in MEMBER_LIST_ROLES


def can_manage_members(role: str) -> bool:
    return role in MEMBER_MANAGER_ROLES


def is_staff_role(role: str) -> bool:
    return role in STAFF_ROLES
