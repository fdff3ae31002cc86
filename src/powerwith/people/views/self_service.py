"""An expert's own profile pages. The profile belongs to the person: they read it, change
it, pause or leave, and choose what each organisation they work with may see.

There is no person id in these URLs: each page shows the logged-in user's own profile,
so no one can reach another person's through them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BoundField
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import INVALID, add_domain_error, form_status, refused_status
from powerwith.people import choices, queries, services
from powerwith.people.forms import (
    ExperienceFormSet,
    ProfileForm,
    SharingForm,
    StaffMayActForm,
    experience_initial,
    experience_inputs,
)
from powerwith.people.models import OrganisationLink, Person
from powerwith.people.schedule import ITEMS
from powerwith.people.services import acting

# The edit form in the order the profile page reads; a field not listed here still shows,
# under "Anything else", so a field added to ProfileForm is never silently left out.
EDIT_SECTIONS: list[tuple[str, str, list[str]]] = [
    ("about-you", "About you", ["preferred_name", "pronouns", "full_name", "town", "about"]),
    ("contact", "How to contact you", ["email", "phone", "postal_address", "preferred_channel"]),
    (
        "communication",
        "Communication and support",
        [
            "formats",
            "adjustment_practical",
            "adjustment_sensory",
            "adjustment_emotional",
            "adjustment_timing",
        ],
    ),
    ("availability", "When and how you can take part", ["available_days", "available_modes"]),
    (
        "skills",
        "Skills, interests and goals",
        ["skills", "interests", "personal_goals", "professional_goals"],
    ),
    ("payment", "Payment", ["payment_preference", "benefits_advice"]),
    ("status", "Taking part", ["status"]),
]
SAVED_SHARING = {
    choices.Sharing.SUMMARY: "{organisation} now sees a summary of your profile.",
    choices.Sharing.DETAILS: "{organisation} now sees your details and notes as well.",
}


def _own_person(request: Request) -> Person:
    """The logged-in user's own profile; 404 for anyone without one, staff included."""
    person = queries.person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    return person


def _profile_form(request: Request, person: Person) -> ProfileForm:
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, initial=ProfileForm.initial_from(person), with_status=True)
    # The shared form speaks of "the person"; here the person is the reader.
    form.fields["preferred_name"].error_messages["required"] = (
        "Enter the name you like to be called."
    )
    form.fields["status"].label = "Are you taking part at the moment?"
    form.fields["status"].help_text = (
        "Choose paused if you want to take a break: organisations will not match you to new "
        "work until you come back. You can change this at any time, and you never have to "
        "give a reason."
    )
    return form


def _sections(form: ProfileForm) -> list[tuple[str, str, list[BoundField]]]:
    listed = {name for _, _, names in EDIT_SECTIONS for name in names}
    sections = [
        (anchor, title, [form[name] for name in names if name in form.fields])
        for anchor, title, names in EDIT_SECTIONS
    ]
    rest = [form[name] for name in form.fields if name not in listed]
    if rest:
        sections.append(("more", "Anything else", rest))
    return sections


def _sharing_forms(
    links: list[OrganisationLink], bound: SharingForm | None = None
) -> list[tuple[OrganisationLink, SharingForm]]:
    pairs = []
    for link in links:
        form = bound if bound is not None and bound.prefix == _prefix(link) else None
        if form is None:
            form = SharingForm(prefix=_prefix(link), initial={"sharing": link.sharing})
        form.fields["sharing"].label = f"What {link.organisation.name} may see"
        pairs.append((link, form))
    return pairs


def _prefix(link: OrganisationLink) -> str:
    return f"org-{link.organisation_id}"


def _link_chosen(request: Request, links: list[OrganisationLink]) -> OrganisationLink:
    """The person's link to the organisation the form names; 404 for any other."""
    named = request.POST.get("organisation")
    for link in links:
        if str(link.organisation_id) == named:
            return link
    raise Http404("You do not work with that organisation.")


@login_required
def my_profile(request: Request) -> HttpResponse:
    person = _own_person(request)
    context = {
        "person": person,
        # Labelled as the edit form labels them, so the person finds each one there.
        "adjustments": [
            (ProfileForm.base_fields[name].label, person.adjustments.get(category, ""))
            for name, category in ProfileForm.ADJUSTMENT_FIELDS.items()
        ],
        "experience": list(person.experience.all()),
        "links": list(queries.links_of(person)),
    }
    return render(request, "people/self/profile.html", context)


@login_required
def my_profile_edit(request: Request) -> HttpResponse:
    person = _own_person(request)
    form = _profile_form(request, person)
    status = 200
    if request.method == "POST":
        status = INVALID
        if form.is_valid():
            try:
                # No organisation: the person changes their own profile, not an
                # organisation's record of them.
                services.update_person(
                    person, user=request.user, membership=None, changes=form.profile_changes()
                )
            except DomainError as error:
                add_domain_error(form, error)
                status = refused_status(error)
            else:
                messages.success(request, "Your profile is saved.")
                return redirect("people:my_profile")
    context = {"form": form, "sections": _sections(form)}
    return render(request, "people/self/profile_edit.html", context, status=status)


@login_required
def my_experience(request: Request) -> HttpResponse:
    person = _own_person(request)
    data = request.POST if request.method == "POST" else None
    formset = ExperienceFormSet(data, initial=experience_initial(person))
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        status = INVALID
        if formset.is_valid():
            try:
                services.replace_experience(
                    person, user=request.user, membership=None, entries=experience_inputs(formset)
                )
            except DomainError as error:
                errors.append(error.message)
                status = refused_status(error)
            else:
                messages.success(request, "Your experience is saved.")
                return redirect("people:my_profile")
    context: dict[str, Any] = {
        "formset": formset,
        "errors": errors,
        "has_errors": bool(errors) or (formset.is_bound and not formset.is_valid()),
        "row_groups": [{"label": "Experience", "formset": formset}],
        "direct_items": [item for item in ITEMS if item.kind == "direct"],
        "indirect_items": [item for item in ITEMS if item.kind == "indirect"],
    }
    return render(request, "people/self/experience.html", context, status=status)


@login_required
def my_sharing(request: Request) -> HttpResponse:
    person = _own_person(request)
    links = list(queries.links_of(person))
    failed: SharingForm | None = None
    if request.method == "POST":
        chosen = _link_chosen(request, links)
        form = SharingForm(request.POST, prefix=_prefix(chosen))
        if form.is_valid():
            sharing = form.cleaned_data["sharing"]
            try:
                services.set_sharing(
                    person,
                    user=request.user,
                    organisation_id=chosen.organisation_id,
                    sharing=sharing,
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                name = chosen.organisation.name
                messages.success(request, SAVED_SHARING[sharing].format(organisation=name))
                return redirect("people:my_sharing")
        failed = form
    context = {"forms": _sharing_forms(links, failed), "failed": failed}
    return render(request, "people/self/sharing.html", context, status=form_status(failed))


@login_required
def my_staff_may_act(request: Request) -> HttpResponse:
    """The person's choice whether staff may record what they tell them another way."""
    person = _own_person(request)
    initial = {"allowed": "yes" if person.staff_may_act_for_me else "no"}
    form = StaffMayActForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        allowed = form.cleaned_data["allowed"]
        acting.allow_staff_to_act(person, user=request.user, allowed=allowed)
        messages.success(
            request,
            "Staff can now record your answers when you tell them another way."
            if allowed
            else "Only you can answer for yourself now.",
        )
        return redirect("people:my_profile")
    return render(
        request, "people/self/staff_may_act.html", {"form": form}, status=form_status(form)
    )


urlpatterns: list[URLPattern] = [
    path("my-profile/", my_profile, name="my_profile"),
    path("my-profile/edit/", my_profile_edit, name="my_profile_edit"),
    path("my-profile/experience/", my_experience, name="my_experience"),
    path("my-profile/sharing/", my_sharing, name="my_sharing"),
    path("my-profile/staff-may-answer/", my_staff_may_act, name="my_staff_may_act"),
]
