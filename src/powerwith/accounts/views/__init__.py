from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from powerwith.accounts import queries, services, two_factor
from powerwith.accounts.forms import (
    AcceptInvitationForm,
    InviteForm,
    LoginForm,
    NewPasswordForm,
    PasswordResetForm,
    RoleForm,
    TokenForm,
)
from powerwith.accounts.middleware import SESSION_KEY
from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    with_form_status,
)


def _require_admin(request: Request) -> Membership:
    membership = membership_of(request)
    if not can(membership, Capability.MANAGE_MEMBERS):
        raise PermissionDenied("Only an organisation admin can manage members.")
    return membership


login = with_form_status(
    auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=LoginForm,
        redirect_authenticated_user=True,
    )
)
logout = auth_views.LogoutView.as_view()
password_reset = with_form_status(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=PasswordResetForm,
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = with_form_status(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        form_class=NewPasswordForm,
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@login_required
@require_POST
def switch_organisation(request: Request) -> HttpResponse:
    try:
        organisation_id = int(request.POST.get("organisation", ""))
    except ValueError:
        organisation_id = 0
    chosen = queries.memberships_of(request.user).filter(organisation__pk=organisation_id).first()
    if chosen is None:
        raise Http404("You are not a member of that organisation.")
    request.session[SESSION_KEY] = chosen.organisation_id
    messages.success(request, f"You are now working in {chosen.organisation.name}.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("home")
    return redirect(next_url)


@membership_required
def members(request: Request) -> HttpResponse:
    membership = membership_of(request)
    context = {
        "members": queries.members_of(membership),
        "can_manage": can(membership, Capability.MANAGE_MEMBERS),
    }
    if context["can_manage"]:
        context["invitations"] = queries.open_invitations_of(membership)
    return render(request, "accounts/members.html", context)


@membership_required
def invite(request: Request) -> HttpResponse:
    membership = _require_admin(request)
    form = InviteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _ = services.invite_member(
                email=form.cleaned_data["email"], role=form.cleaned_data["role"], by=membership
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"We have emailed an invitation to {invitation.email}.")
            return redirect("accounts:members")
    return render(request, "accounts/invite.html", {"form": form}, status=form_status(form))


@membership_required
@require_POST
def cancel_invitation(request: Request, invitation_id: int) -> HttpResponse:
    membership = _require_admin(request)
    invitation = queries.get_invitation_for(membership, invitation_id)
    services.cancel_invitation(invitation=invitation, by=membership)
    messages.success(request, f"The invitation to {invitation.email} is cancelled.")
    return redirect("accounts:members")


@membership_required
def change_role(request: Request, user_id: int) -> HttpResponse:
    membership = membership_of(request)
    member = queries.get_member_for(membership, user_id)
    if not can(membership, Capability.MANAGE_MEMBERS):
        raise PermissionDenied("Only an organisation admin can change roles.")
    form = RoleForm(posted(request), initial={"role": member.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_role(membership=member, role=form.cleaned_data["role"], by=membership)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"{member.user.email} is now: {member.get_role_display()}.")
            return redirect("accounts:members")
    context = {
        "form": form,
        "member": member,
        "member_two_factor": two_factor.has_second_factor(member.user),
        "is_me": member.user_id == membership.user_id,
    }
    return render(request, "accounts/change_role.html", context, status=form_status(form))


@membership_required
def audit_log(request: Request) -> HttpResponse:
    events = queries.audit_log_of(membership_of(request))[:200]
    return render(request, "accounts/audit_log.html", {"events": events})


def accept_invitation(request: Request, secret: str) -> HttpResponse:
    invitation = queries.invitation_by_secret(secret)
    if invitation is None or not invitation.is_open:
        return render(request, "accounts/invitation_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    needs_account = not signed_in and not queries.user_exists(invitation.email)
    form = AcceptInvitationForm(posted(request)) if needs_account else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            services.accept_invitation(
                invitation=invitation,
                user=request.user if signed_in else None,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password"] if form else "",
            )
        except DomainError as error:
            if form is None:
                messages.error(request, error.message)
                return redirect("accounts:login")
            add_domain_error(form, error)
        else:
            request.session[SESSION_KEY] = invitation.organisation_id
            if signed_in:
                messages.success(request, f"You have joined {invitation.organisation.name}.")
                return redirect("home")
            messages.success(
                request, f"You have joined {invitation.organisation.name}. You can now log in."
            )
            return redirect("accounts:login")
    context = {
        "invitation": invitation,
        "form": form,
        "signed_in": signed_in,
        "needs_login": not signed_in and not needs_account,
    }
    return render(request, "accounts/accept_invitation.html", context, status=form_status(form))


@login_required
def account_settings(request: Request) -> HttpResponse:
    memberships = queries.memberships_of(request.user)
    form = TokenForm(posted(request), memberships=memberships)
    new_token = None
    if request.method == "POST" and not two_factor.satisfied(request):
        # Tokens act without a second factor, so only a verified session may make one.
        form.add_error(None, "Give a code from your authenticator app before making a token.")
    elif request.method == "POST" and form.is_valid():
        try:
            _, new_token = services.create_api_token(
                membership=form.cleaned_data["membership"],
                name=form.cleaned_data["name"],
                actor=request.user,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            form = TokenForm(memberships=memberships)
    context = {
        "form": form,
        "new_token": new_token,
        "tokens": queries.tokens_of(request.user),
        "memberships": memberships,
        "two_factor_on": two_factor.has_second_factor(request.user),
        "two_factor_required": two_factor.must_be_set_up(request.user),
        "recovery_codes_left": two_factor.unused_recovery_codes(request.user),
    }
    return render(request, "accounts/settings.html", context, status=form_status(form))


@login_required
@require_POST
def revoke_token(request: Request, token_id: int) -> HttpResponse:
    token = queries.get_token_for(request.user, token_id)
    services.revoke_api_token(token=token, actor=request.user)
    messages.success(request, f"The token “{token.name}” is revoked. It no longer works.")
    return redirect("accounts:settings")
