"""Reads for a person's own privacy pages. Everything here is reached through the
logged-in user's own profile, so no one can read another person's access log; the one
exceptions, ``person_to_erase`` and ``access_log_of_organisation``, are scoped to the
admin's own organisation."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.permissions import Capability, require
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for, person_of
from powerwith.privacy.models import (
    AccessLogEntry,
    CopyStatus,
    InformationCopy,
    RetentionPolicy,
)


def own_person(user: User) -> Person:
    """The logged-in user's own profile; 404 for staff and anyone without one."""
    person = person_of(user)
    if person is None:
        raise Http404("You do not have a profile.")
    return person


def person_to_erase(membership: Membership, person_id: int) -> Person:
    """A person on the organisation's register, for its admins to erase on the person's
    request: 403 for every other role, 404 for anyone the organisation does not work with."""
    require(
        membership,
        Capability.ERASE_PEOPLE,
        "Only an organisation admin can erase a person's information.",
    )
    return get_person_for(membership, person_id)


def access_log_of(person: Person, organisation_id: int | None = None) -> QuerySet[AccessLogEntry]:
    """Who looked at the person's information, at every organisation unless one is given."""
    entries = AccessLogEntry.objects.filter(person=person)
    if organisation_id is not None:
        entries = entries.filter(organisation_id=organisation_id)
    return entries.select_related("viewer", "organisation")


def access_log_of_organisation(membership: Membership) -> QuerySet[AccessLogEntry]:
    """Every time the organisation's own staff read someone's details, newest first: for
    its admins, who answer for it (403 for every other role)."""
    require(
        membership,
        Capability.READ_AUDIT_LOG,
        "Only an organisation admin can read the organisation's access log.",
    )
    return (
        AccessLogEntry.objects.filter(organisation_id=membership.organisation_id)
        .select_related("viewer", "person")
        .order_by("-created_at", "-id")
    )


def retention_policy_for(membership: Membership) -> RetentionPolicy:
    """The policy of the membership's organisation, for its admins only (403 for others)."""
    require(
        membership,
        Capability.CHANGE_SETTINGS,
        "Only an organisation admin can change how long information is kept.",
    )
    return retention_policy_of(membership.organisation)


def retention_policy_of(organisation: Organisation) -> RetentionPolicy:
    """The organisation's policy, or the defaults (unsaved) if it never changed them."""
    found = RetentionPolicy.objects.filter(organisation=organisation).first()
    return found if found is not None else RetentionPolicy(organisation=organisation)


def latest_copy_of(person: Person) -> InformationCopy | None:
    """The person's most recent copy of their information that has not expired."""
    return (
        InformationCopy.objects.filter(person=person, expires_at__gt=timezone.now())
        .defer("pdf", "data")
        .first()
    )


def ready_copy_for(user: User, copy_id: int) -> InformationCopy:
    """A ready copy, for the person it is about only: 404 for anyone else, and once it
    has expired (whether or not the sweep has removed it yet)."""
    copy = (
        InformationCopy.objects.filter(
            pk=copy_id,
            person=own_person(user),
            status=CopyStatus.READY,
            expires_at__gt=timezone.now(),
        )
        .select_related("person")
        .first()
    )
    if copy is None:
        raise Http404("There is no such copy of your information.")
    return copy
