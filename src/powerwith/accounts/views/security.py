"""Pages for logging in safely: the second factor, recovery codes and one's sessions."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from powerwith.accounts import queries, sessions, two_factor
from powerwith.accounts.forms import CodeForm, VerifyForm
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted


def _next_url(request: Request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, request.is_secure()
    ):
        return wanted
    return reverse("home")


def _redirect_with_next(name: str, request: Request) -> HttpResponse:
    return redirect(f"{reverse(name)}?{urlencode({'next': _next_url(request)})}")


@login_required
def two_factor_setup(request: Request) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the secret), then give a
    code to prove it works. Replacing an existing app needs a verified session."""
    user = request.user
    if two_factor.has_second_factor(user) and not two_factor.is_verified(request):
        return _redirect_with_next("accounts:two_factor_verify", request)
    device = two_factor.pending_device(user)
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.confirm_setup(request=request, code=form.cleaned_data["code"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "just_set_up": True, "next": _next_url(request)},
            )
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_in_text(device),
        "replacing": two_factor.has_second_factor(user),
        "required": two_factor.must_be_set_up(user),
        # Staff made to set up first cannot use the menu yet: every link would lead back here.
        "before_the_service": not two_factor.satisfied(request),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context, status=form_status(form))


@login_required
def two_factor_verify(request: Request) -> HttpResponse:
    """The second step of logging in: a code from the app, or a recovery code."""
    if not two_factor.has_second_factor(request.user):
        return _redirect_with_next("accounts:two_factor_setup", request)
    if two_factor.is_verified(request):
        return redirect(_next_url(request))
    form = VerifyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            accepted = two_factor.verify(request=request, code=form.cleaned_data["code"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if accepted:
                left = two_factor.unused_recovery_codes(request.user)
                if left <= 3:
                    messages.warning(
                        request,
                        f"You have {left} recovery codes left. Make new ones from your "
                        "account page.",
                    )
                return redirect(_next_url(request))
            form.add_error("code", two_factor.WRONG_CODE)
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/two_factor_verify.html", context, status=form_status(form))


@login_required
@require_POST
def replace_recovery_codes(request: Request) -> HttpResponse:
    try:
        codes = two_factor.replace_recovery_codes(request=request)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("accounts:settings")
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "just_set_up": False, "next": reverse("accounts:settings")},
    )


@login_required
@require_POST
def remove_two_factor(request: Request) -> HttpResponse:
    try:
        two_factor.remove(request=request)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Two-step verification is off for your account.")
    return redirect("accounts:settings")


@login_required
def login_sessions(request: Request) -> HttpResponse:
    current = request.session.session_key
    found = list(sessions.active_sessions_of(request.user))
    context = {
        "login_sessions": found,
        "current_key": current,
        "others": sum(1 for s in found if s.session_key != current),
        "idle_minutes": settings.SESSION_IDLE_MINUTES,
        "max_hours": settings.SESSION_MAX_HOURS,
    }
    return render(request, "accounts/sessions.html", context)


@login_required
@require_POST
def end_login_session(request: Request, user_session_id: int) -> HttpResponse:
    found = sessions.get_session_for(request.user, user_session_id)
    if found.session_key == request.session.session_key:
        logout(request)
        return redirect("accounts:login")
    sessions.end_session(user_session=found, by=request.user)
    messages.success(request, "That session is ended: that browser is logged out.")
    return redirect("accounts:sessions")


@login_required
@require_POST
def end_other_login_sessions(request: Request) -> HttpResponse:
    count = sessions.end_other_sessions(user=request.user, current_key=request.session.session_key)
    messages.success(
        request,
        "You are logged out everywhere else." if count else "You were not logged in elsewhere.",
    )
    return redirect("accounts:sessions")


@membership_required
@require_POST
def reset_member_two_factor(request: Request, user_id: int) -> HttpResponse:
    membership = membership_of(request)
    member = queries.get_member_for(membership, user_id)
    if not can(membership, Capability.MANAGE_MEMBERS):
        raise PermissionDenied("Only an organisation admin can reset two-step verification.")
    try:
        two_factor.reset_for_member(member=member, by=membership)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"Two-step verification is reset for {member.user.email}. They set it up again "
            "when they next log in.",
        )
    return redirect("accounts:change_role", user_id=member.user_id)
