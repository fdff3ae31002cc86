"""Pages that belong to no single part of the domain: home, about, accessibility, errors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts import queries as accounts_queries
from powerwith.accounts.models import Membership
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can
from powerwith.core.roles import ROLE_DESCRIPTIONS, Role
from powerwith.engagements.queries.contact import contact_home
from powerwith.learning.queries import drafts_waiting_for
from powerwith.people import queries as people_queries
from powerwith.people.queries.supporters import has_supporter_login
from powerwith.privacy.access import record_reads
from powerwith.privacy.models import What
from powerwith.workflows import home as needs


def home(request: Request) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html")
    membership = request.membership
    if membership is None:
        # A supporter's login belongs to no organisation: its home is the people they support.
        if has_supporter_login(request.user):
            return redirect("people:supporting")
        return render(request, "no_membership.html")
    now = timezone.now()
    context: dict[str, object] = {"role_description": ROLE_DESCRIPTIONS[membership.role]}
    if membership.role == Role.EXPERT:
        person = people_queries.person_of(request.user)
        context["person"] = person
        organisations = people_queries.organisations_of(person) if person else []
        context["organisations"] = organisations
        context["tasks"] = [*needs.expert_tasks(request.user, now), *_drafts_task(membership)]
        context["coming_up"] = needs.coming_up(request.user, now, several=len(organisations) > 1)
        return render(request, "home/expert.html", context)
    context["tasks"] = needs.staff_tasks(membership, now)
    context["coming_up"] = needs.staff_coming_up(membership, now)
    if membership.role == Role.CONTACT:
        contact = context["contact"] = contact_home(membership, now)
        # The page shows the adjustments people asked for and who said in a wellbeing
        # check that they would like support: each person sees it on who-looked.
        record_reads(
            viewer=membership,
            people=[adjustment.person for adjustment in contact.adjustments],
            what=What.ADJUSTMENTS,
            where=request.path,
        )
        record_reads(
            viewer=membership,
            people=[check.attendance.person for check in contact.support_checks],
            what=What.WELLBEING_NOTES,
            where=request.path,
        )
    context["people_count"] = people_queries.register_size(membership)
    if can(membership, Capability.SEE_MEMBERS):
        context["member_count"] = accounts_queries.members_of(membership).count()
    return render(request, f"home/{membership.role}.html", context)


def _drafts_task(membership: Membership) -> list[needs.Task]:
    """Drafts of what was learned from work the expert took part in, for them to read and
    comment on (``learning``, a layer beside the home's own ``workflows``)."""
    drafts = drafts_waiting_for(membership)
    if not drafts:
        return []
    count = len(drafts)
    words = (
        "A draft of what we learned is waiting for your comments"
        if count == 1
        else f"{count} drafts of what we learned are waiting for your comments"
    )
    url = (
        reverse("learning:summary", kwargs={"summary_id": drafts[0].pk})
        if count == 1
        else reverse("learning:summaries")
    )
    return [needs.Task(count, words, url)]


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": "The request could not be understood."}, status=400)
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": "You do not have permission to do that."}, status=403)
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": "Something went wrong on our side."}, status=500)
    # Rendered without the request: the failure may lie in a context processor or the database.
    return HttpResponse(render_to_string("errors/500.html"), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": "The request was refused (CSRF check failed)."}, status=403)
    return render(request, "errors/csrf.html", status=403)
