"""The coordinators' register of experts by experience: the list, a person's page, and
the forms that add and change register entries for people without an account."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.phones import for_reading
from powerwith.core.web import INVALID, add_domain_error, form_status, membership_required, posted
from powerwith.people import queries, services
from powerwith.people.choices import What
from powerwith.people.forms import (
    ExperienceFormSet,
    ProfileForm,
    experience_initial,
    experience_inputs,
)
from powerwith.people.forms.register import RegisterFilterForm
from powerwith.people.models import Person
from powerwith.people.queries import Profile
from powerwith.people.queries.counts import CountedPaginator
from powerwith.people.reads import record_read
from powerwith.people.templatetags.people import LABELS

PAGE_SIZE = 25


def register_member(request: Request) -> Membership:
    """The acting membership, if its role may read the register; 403 for any other."""
    membership = membership_of(request)
    if not can(membership, Capability.READ_REGISTER):
        raise PermissionDenied("Only coordinators and admins can see the register.")
    return membership


def _cannot_edit(request: Request, person: Person) -> HttpResponse | None:
    """Someone with their own account manages their own profile: say so, change nothing."""
    if services.can_edit(person, user=request.user, membership=request.membership):
        return None
    return render(request, "people/register/cannot_edit.html", {"person": person}, status=403)


@dataclass(frozen=True)
class SummaryField:
    error_anchor: str
    errors: list[str]


@dataclass
class ErrorSummary:
    """Several forms' errors in the shape includes/error_summary.html reads, so a page
    with a formset still has one error summary, linking to each field."""

    non_field_errors: list[str] = field(default_factory=list)
    visible_fields: list[SummaryField] = field(default_factory=list)

    @property
    def errors(self) -> bool:
        return bool(self.non_field_errors or any(f.errors for f in self.visible_fields))

    def add(self, form: forms.Form, prefix: str = "") -> None:
        self.non_field_errors += [f"{prefix}{error}" for error in form.non_field_errors()]
        for bound in form.visible_fields():
            if bound.errors:
                anchor = getattr(bound, "error_anchor", bound.id_for_label)
                errors = [f"{prefix}{error}" for error in bound.errors]
                self.visible_fields.append(SummaryField(anchor, errors))

    def add_experience(self, experience: Any) -> None:
        self.non_field_errors += list(experience.non_form_errors())
        for number, entry in enumerate(experience.forms, start=1):
            self.add(entry, prefix=f"Experience {number}: ")


@dataclass(frozen=True)
class Row:
    """One line of a person's page. ``shared`` is False where the person keeps it back."""

    label: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    shared: bool = True
    missing: str = "Not recorded"


def _text(label: str, value: str | None, vocabulary: str = "") -> Row:
    if value is None:
        return Row(label, shared=False)
    return Row(label, LABELS[vocabulary].get(value, value) if vocabulary and value else value)


def _list(label: str, codes: Iterable[str], vocabulary: str, missing: str = "") -> Row:
    items = [LABELS[vocabulary].get(code, code) for code in codes]
    return Row(label, items=items, missing=missing or Row.missing)


def _adjustments(value: Mapping[str, str] | None) -> Row:
    label = "Reasonable adjustments"
    if value is None:
        return Row(label, shared=False)
    kinds = LABELS["adjustment"]
    return Row(label, items=[f"{kinds.get(kind, kind)}: {text}" for kind, text in value.items()])


def profile_rows(profile: Profile) -> list[Row]:
    return [
        _text("Full name", profile.full_name),
        _text("Pronouns", profile.pronouns),
        _text("Email address", profile.email),
        _text("Phone number", for_reading(profile.phone) if profile.phone else profile.phone),
        _text("Postal address", profile.postal_address),
        _text("Best way to contact", profile.preferred_channel, "channel"),
        _text("Town or area", profile.town),
        _text("About them, in their own words", profile.about),
        _list(
            "How information should be given",
            profile.formats,
            "format",
            # Accessible Information Standard: the first step is to ask.
            "Not recorded yet: ask the person how they need information.",
        ),
        _adjustments(profile.adjustments),
        _list("Days they can usually work", profile.available_days, "day"),
        _list("Ways they can take part", profile.available_modes, "mode"),
        _list("Skills", profile.skills, "skill"),
        _list("Kinds of work that interest them", profile.interests, "interest"),
        _text("Personal goals", profile.personal_goals),
        _text("Professional goals", profile.professional_goals),
        _text("How they would like to be paid", profile.payment_preference, "payment"),
        _text("Would like benefits advice before paid work", profile.benefits_advice, "yesno"),
        # Only when the person chose to share it: most never do, and a row saying "not
        # shared" on every page would hint that there is something to hide.
        *(
            [_text("Benefit rules about earnings that apply to them", profile.benefit, "benefit")]
            if profile.benefit is not None
            else []
        ),
    ]


@membership_required
def register(request: Request) -> HttpResponse:
    membership = register_member(request)
    form = RegisterFilterForm(request.GET)
    form.is_valid()
    people = queries.search_register(membership, form.filters())
    page = CountedPaginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "profiles": queries.profiles_for(membership, cast("QuerySet[Person]", page.object_list)),
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=1),
        "filter_key": filter_key(form),
    }
    return render(request, "people/register/list.html", context, status=form_status(form))


def filter_key(form: RegisterFilterForm) -> str:
    """What the rendered filter form depends on: the values asked for, nothing else (the
    choices are fixed). The form, seven fields through the GOV.UK templates with a select
    of every Schedule of Experience item, was about a quarter of the register's time;
    the page keeps its rendering in the shared cache under this key."""
    asked = sorted((name, form.data.get(name, "")) for name in form.fields)
    return hashlib.sha256(repr(asked).encode()).hexdigest()


@membership_required
def person_new(request: Request) -> HttpResponse:
    membership = register_member(request)
    profile_form = ProfileForm(
        posted(request), with_status=True, for_staff=True, initial={"status": "active"}
    )
    experience = ExperienceFormSet(posted(request), prefix="experience")
    if request.method == "POST" and profile_form.is_valid() and experience.is_valid():
        try:
            created = services.create_person(
                by=membership,
                profile=profile_form.profile_changes(),
                experience=experience_inputs(experience),
            )
        except DomainError as error:
            add_domain_error(profile_form, error)
        else:
            messages.success(request, f"{created.preferred_name} is now on the register.")
            return redirect("people:person", person_id=created.pk)
    summary = ErrorSummary()
    summary.add(profile_form)
    summary.add_experience(experience)
    context = {"form": summary, "profile_form": profile_form, "experience": experience}
    status = form_status(profile_form, experience)
    return render(request, "people/register/person_new.html", context, status=status)


@membership_required
def person_edit(request: Request, person_id: int) -> HttpResponse:
    membership = register_member(request)
    found = queries.get_person_for(membership, person_id)
    if (refusal := _cannot_edit(request, found)) is not None:
        return refusal
    form = ProfileForm(
        posted(request),
        with_status=True,
        for_staff=True,
        initial=ProfileForm.initial_from(found),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(
                found, user=request.user, membership=membership, changes=form.profile_changes()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"{found.preferred_name}’s details are saved.")
            return redirect("people:person", person_id=found.pk)
    # The form shows the person's details: reading them to change them is still reading.
    record_read(viewer=membership, person=found, what=What.PROFILE, where=request.path)
    context = {"form": form, "person": found}
    return render(request, "people/register/person_edit.html", context, status=form_status(form))


@membership_required
def person_experience(request: Request, person_id: int) -> HttpResponse:
    membership = register_member(request)
    found = queries.get_person_for(membership, person_id)
    if (refusal := _cannot_edit(request, found)) is not None:
        return refusal
    experience = ExperienceFormSet(
        posted(request), prefix="experience", initial=experience_initial(found)
    )
    summary = ErrorSummary()
    if request.method == "POST" and experience.is_valid():
        try:
            services.replace_experience(
                found,
                user=request.user,
                membership=membership,
                entries=experience_inputs(experience),
            )
        except DomainError as error:
            summary.non_field_errors.append(error.message)
        else:
            messages.success(request, f"{found.preferred_name}’s experience is saved.")
            return redirect("people:person", person_id=found.pk)
    summary.add_experience(experience)
    record_read(viewer=membership, person=found, what=What.EXPERIENCE, where=request.path)
    context = {"form": summary, "experience": experience, "person": found}
    # The service's refusal is on the summary only: no form holds it.
    status = INVALID if summary.errors else 200
    return render(request, "people/register/person_experience.html", context, status=status)


urlpatterns = [
    path("people/", register, name="register"),
    path("people/new/", person_new, name="person_new"),
    # people/<id>/ (person) is served by workflows: it shows agreed adjustments and the
    # messages sent to the person.
    path("people/<int:person_id>/edit/", person_edit, name="person_edit"),
    path("people/<int:person_id>/experience/", person_experience, name="person_experience"),
]
