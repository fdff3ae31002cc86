"""Reads of people, scoped to what the asking membership may see.

What an organisation may see of a person is decided here and only here
(``profile_for``): pages, the API and exports all read through it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import batched

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, can, require
from powerwith.people.choices import Sharing
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person, PersonStatus
from powerwith.people.queries.counts import cached_count


def person_of(user: User) -> Person | None:
    return Person.objects.filter(user=user).first()


def people_visible_to(membership: Membership) -> QuerySet[Person]:
    """Coordinators and admins see the people who work with their organisation; an expert
    sees only themself; other roles see no one here."""
    if can(membership, Capability.READ_REGISTER):
        # EXISTS, not a join: the database can walk people in name order and stop at a
        # page, instead of reading every link of the organisation and sorting them.
        return Person.objects.filter(
            Exists(
                OrganisationLink.objects.filter(
                    person=OuterRef("pk"), organisation_id=membership.organisation_id
                )
            )
        )
    if not can(membership, Capability.WORK_AS_STAFF):
        return Person.objects.filter(
            user_id=membership.user_id, links__organisation_id=membership.organisation_id
        )
    return Person.objects.none()


def register_of(membership: Membership) -> QuerySet[Person]:
    """The register, for the roles allowed to read it; 403 for the others."""
    require(
        membership, Capability.READ_REGISTER, "Only coordinators and admins can see the register."
    )
    return people_visible_to(membership)


def get_person_for(membership: Membership, person_id: int) -> Person:
    """A person this membership may see; 404 for anyone else, in any organisation."""
    found = people_visible_to(membership).filter(pk=person_id).first()
    if found is None:
        raise Http404("No such person.")
    return found


def person_id_for(membership: Membership) -> int | None:
    """The acting person's own profile in this organisation, for experts; None for staff."""
    if can(membership, Capability.WORK_AS_STAFF):
        return None
    return (
        Person.objects.filter(
            user_id=membership.user_id, links__organisation_id=membership.organisation_id
        )
        .values_list("pk", flat=True)
        .first()
    )


def register_size(membership: Membership) -> int:
    """How many people work with the organisation: a count any member may know."""
    return cached_count(OrganisationLink.objects.filter(organisation_id=membership.organisation_id))


def organisations_of(person: Person) -> list[str]:
    return list(
        person.links.order_by("organisation__name").values_list("organisation__name", flat=True)
    )


def organisation_choices(person: Person) -> list[tuple[int, str]]:
    """The organisations the person works with, as (id, name) by name: what the filter on
    each of their own pages chooses among."""
    return [(link.organisation_id, link.organisation.name) for link in links_of(person)]


def links_of(person: Person) -> QuerySet[OrganisationLink]:
    return person.links.select_related("organisation").order_by("organisation__name")


def sharing_for(membership: Membership, person: Person) -> str:
    """How much of the profile this membership sees: everything for the person themself."""
    if person.user_id is not None and person.user_id == membership.user_id:
        return Sharing.DETAILS
    link = person.links.filter(organisation_id=membership.organisation_id).first()
    if link is None:
        raise Http404("No such person.")
    return link.sharing


@dataclass(frozen=True)
class SharedExperience:
    code: str
    setting: str
    intervention: str
    note: str | None  # None when not shared
    share_narrative: str | None


@dataclass(frozen=True)
class Profile:
    """A person as one organisation may see them. Fields the person has not shared with
    it are None (not merely empty), so templates and the API can say so."""

    id: int
    preferred_name: str
    pronouns: str
    status: str
    sharing: str
    formats: list[str]
    available_days: list[str]
    available_modes: list[str]
    skills: list[str]
    interests: list[str]
    experience: list[SharedExperience]
    has_account: bool
    full_name: str | None = None
    email: str | None = None
    phone: str | None = None
    preferred_channel: str | None = None
    postal_address: str | None = None
    town: str | None = None
    about: str | None = None
    adjustments: dict[str, str] | None = None
    personal_goals: str | None = None
    professional_goals: str | None = None
    payment_preference: str | None = None
    benefits_advice: str | None = None
    # Which benefit's earnings rules apply: only where the person chose to share it.
    benefit: str | None = None
    organisations: list[str] = field(default_factory=list)

    @property
    def shares_details(self) -> bool:
        return self.sharing == Sharing.DETAILS


def profile(person: Person, sharing: str) -> Profile:
    details = sharing == Sharing.DETAILS
    entries = [
        SharedExperience(
            code=e.code,
            setting=e.setting,
            intervention=e.intervention,
            note=e.note if details else None,
            share_narrative=e.share_narrative if details else None,
        )
        for e in person.experience.all()
    ]
    summary = Profile(
        id=person.pk,
        preferred_name=person.preferred_name,
        pronouns=person.pronouns,
        status=person.status,
        sharing=sharing,
        formats=list(person.formats),
        available_days=list(person.available_days),
        available_modes=list(person.available_modes),
        skills=list(person.skills),
        interests=list(person.interests),
        experience=entries,
        has_account=person.user_id is not None,
    )
    if not details:
        return summary
    return replace(
        summary,
        full_name=person.full_name,
        email=person.email,
        phone=person.phone,
        preferred_channel=person.preferred_channel,
        postal_address=person.postal_address,
        town=person.town,
        about=person.about,
        adjustments=dict(person.adjustments),
        personal_goals=person.personal_goals,
        professional_goals=person.professional_goals,
        payment_preference=person.payment_preference,
        benefits_advice=person.benefits_advice,
        benefit=_shared_benefit(person),
    )


def _shared_benefit(person: Person) -> str | None:
    """The benefit the person told us about, where they ticked to share it; None (not
    shared) otherwise, including when they would rather not say."""
    situation = getattr(person, "benefits_situation", None)
    if situation is None or not situation.shared:
        return None
    return str(situation.benefit)


def profile_for(membership: Membership, person: Person) -> Profile:
    """The one place that decides what an organisation sees of a person."""
    return profile(person, sharing_for(membership, person))


def with_experience(people: QuerySet[Person]) -> QuerySet[Person]:
    return people.select_related("benefits_situation").prefetch_related(
        Prefetch("experience", queryset=ExperienceEntry.objects.order_by("code", "setting", "id"))
    )


def profiles_for(membership: Membership, people: QuerySet[Person]) -> list[Profile]:
    """Profiles for a page of people, in two queries whatever the page size."""
    page = list(with_experience(people))
    sharing = dict(
        OrganisationLink.objects.filter(
            organisation_id=membership.organisation_id, person__in=[p.pk for p in page]
        ).values_list("person_id", "sharing")
    )
    result = []
    for person in page:
        level: str = sharing.get(person.pk, Sharing.SUMMARY)
        if person.user_id is not None and person.user_id == membership.user_id:
            level = Sharing.DETAILS
        result.append(profile(person, level))
    return result


DEFAULT_STATUSES = frozenset({PersonStatus.ACTIVE, PersonStatus.PAUSED})


@dataclass(frozen=True)
class RegisterFilters:
    """What a coordinator narrows the register by; an empty value means "any"."""

    name: str = ""
    experience: str = ""
    setting: str = ""
    format: str = ""
    day: str = ""
    mode: str = ""
    # People who have left stay out of sight unless someone asks for them.
    statuses: frozenset[str] = DEFAULT_STATUSES


def _name_matches(membership: Membership, name: str) -> Q:
    """Preferred name, or full name where the person shares their details.

    SQLite's LIKE folds case for ASCII letters only, so a query with any other letter
    goes through a regular expression instead (Python's, on SQLite), which folds case in
    every script. The full name is searched only where the person shares it, so a
    search cannot reveal what the person keeps back.
    """
    name = unicodedata.normalize("NFC", name.strip())
    lookup, value = ("icontains", name) if name.isascii() else ("iregex", re.escape(name))
    shares_details = OrganisationLink.objects.filter(
        person=OuterRef("pk"), organisation_id=membership.organisation_id, sharing=Sharing.DETAILS
    )
    return Q(**{f"preferred_name__{lookup}": value}) | (
        Q(**{f"full_name__{lookup}": value}) & Q(Exists(shares_details))
    )


def _has_code(field_name: str, code: str) -> Q:
    # The lists are stored as JSON text (["easy_read", "bsl"]); matching the quoted code
    # works the same on SQLite and PostgreSQL, where JSON containment does not.
    return Q(**{f"{field_name}__icontains": f'"{code}"'})


def search_register(membership: Membership, filters: RegisterFilters) -> QuerySet[Person]:
    """The register narrowed by ``filters``, in SQL, ordered by preferred name."""
    people = register_of(membership)
    if filters.name.strip():
        people = people.filter(_name_matches(membership, filters.name))
    if filters.experience or filters.setting:
        # One entry must match both: experience of this item in this setting. An
        # uncorrelated IN lets SQLite read the (code, setting) index once; a correlated
        # EXISTS made it scan every entry of that code for each person.
        entries = ExperienceEntry.objects.all()
        if filters.experience:
            entries = entries.filter(code=filters.experience)
        if filters.setting:
            entries = entries.filter(setting=filters.setting)
        people = people.filter(pk__in=entries.values("person_id"))
    if filters.format:
        people = people.filter(_has_code("formats", filters.format))
    if filters.day:
        people = people.filter(_has_code("available_days", filters.day))
    if filters.mode:
        people = people.filter(_has_code("available_modes", filters.mode))
    if filters.statuses:
        people = people.filter(status__in=sorted(filters.statuses))
    return people.order_by("preferred_name", "id")


def register_in_batches(
    membership: Membership, filters: RegisterFilters, size: int = 500
) -> Iterator[list[Profile]]:
    """The filtered register as profiles, one batch at a time, for exports.

    The matching ids come through one cursor, ``size`` at a time, and each batch of
    profiles is handed on before the next is read: an export of 100,000 people never
    holds more than one batch of them in memory.
    """
    ids = search_register(membership, filters).values_list("pk", flat=True)
    people = register_of(membership).order_by("preferred_name", "id")
    for batch in batched(ids.iterator(chunk_size=size), size, strict=False):
        yield profiles_for(membership, people.filter(pk__in=batch))
