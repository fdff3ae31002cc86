"""Reads of development plans.

A person's plan is theirs: they see their goals and every action offered to them, by
every organisation they work with. Coordinators and admins of an organisation see the
actions their organisation offered, and the person's goals only if the person shares
their details with it (``people.queries.profile_for`` decides). Anyone else, and any
other organisation's action, is a 404.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, can
from powerwith.evaluation.models.development import (
    DevelopmentAction,
    DevelopmentNote,
    Progress,
    current_progress,
)
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for, person_of, profile_for


@dataclass(frozen=True)
class Goals:
    """The person's goals as this reader may see them: None when not shared."""

    personal: str | None
    professional: str | None

    @property
    def shared(self) -> bool:
        return self.personal is not None


@dataclass(frozen=True)
class ActionView:
    action: DevelopmentAction
    notes: list[DevelopmentNote]

    @property
    def progress(self) -> str:
        return current_progress(self.notes)

    @property
    def progress_label(self) -> str:
        return Progress(self.progress).label

    @property
    def last_note(self) -> DevelopmentNote | None:
        return self.notes[-1] if self.notes else None


def _with_notes(actions: list[DevelopmentAction]) -> list[ActionView]:
    return [ActionView(a, list(a.notes.all())) for a in actions]


def _notes_in_order() -> Prefetch[str, QuerySet[DevelopmentNote], str]:
    return Prefetch(
        "notes",
        queryset=DevelopmentNote.objects.select_related("written_by").order_by("written_at", "id"),
    )


def person_for_plan(membership: Membership, person_id: int) -> Person:
    """A person whose plan this member of staff may see: coordinators and admins of an
    organisation the person works with. 404 for everyone else."""
    if not can(membership, Capability.KEEP_DEVELOPMENT_PLANS):
        raise Http404("No such development plan.")
    return get_person_for(membership, person_id)


def goals_for(membership: Membership, person: Person) -> Goals:
    profile = profile_for(membership, person)
    return Goals(profile.personal_goals, profile.professional_goals)


def own_goals(person: Person) -> Goals:
    return Goals(person.personal_goals, person.professional_goals)


def actions_offered(membership: Membership, person: Person) -> list[ActionView]:
    """The actions the membership's organisation offered the person, oldest first."""
    rows = (
        DevelopmentAction.objects.filter(organisation_id=membership.organisation_id, person=person)
        .select_related("offered_by")
        .prefetch_related(_notes_in_order())
    )
    return _with_notes(list(rows))


def get_action_for(membership: Membership, person: Person, action_id: int) -> ActionView:
    """One of the actions this organisation offered this person; 404 for any other."""
    for view in actions_offered(membership, person):
        if view.action.pk == action_id:
            return view
    raise Http404("No such action.")


def my_actions(person: Person) -> list[ActionView]:
    """Every action offered to the person, by every organisation, by organisation."""
    rows = (
        DevelopmentAction.objects.filter(person=person)
        .select_related("organisation", "offered_by")
        .prefetch_related(_notes_in_order())
        .order_by("organisation__name", "offered_at", "id")
    )
    return _with_notes(list(rows))


def get_my_action(user: User, action_id: int) -> ActionView:
    """One of the user's own actions; anyone else's is a 404."""
    person = person_of(user)
    if person is not None:
        for view in my_actions(person):
            if view.action.pk == action_id:
                return view
    raise Http404("No such action.")
