from django.urls import path

from powerwith.accounts import views
from powerwith.accounts.views import display_settings
from powerwith.accounts.views import security as views_security

app_name = "accounts"

urlpatterns = [
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password-reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("organisation/switch/", views.switch_organisation, name="switch_organisation"),
    path("organisation/members/", views.members, name="members"),
    path("organisation/members/invite/", views.invite, name="invite"),
    path("organisation/members/<int:user_id>/role/", views.change_role, name="change_role"),
    path(
        "organisation/invitations/<int:invitation_id>/cancel/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
    path(
        "organisation/members/<int:user_id>/two-step/reset/",
        views_security.reset_member_two_factor,
        name="reset_member_two_factor",
    ),
    path("organisation/audit-log/", views.audit_log, name="audit_log"),
    # organisation/settings/ (organisation_settings) is served by workflows: it shows
    # how concentrated recent paid work is.
    path("invitations/<str:secret>/", views.accept_invitation, name="accept_invitation"),
    path("account/", views.account_settings, name="settings"),
    path("account/display/", display_settings.display_settings, name="display_settings"),
    path("account/tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("login/two-step/", views_security.two_factor_verify, name="two_factor_verify"),
    path("account/two-step/", views_security.two_factor_setup, name="two_factor_setup"),
    path(
        "account/two-step/recovery-codes/",
        views_security.replace_recovery_codes,
        name="replace_recovery_codes",
    ),
    path("account/two-step/remove/", views_security.remove_two_factor, name="remove_two_factor"),
    path("account/sessions/", views_security.login_sessions, name="sessions"),
    path(
        "account/sessions/<int:user_session_id>/end/",
        views_security.end_login_session,
        name="end_session",
    ),
    path(
        "account/sessions/end-others/",
        views_security.end_other_login_sessions,
        name="end_other_sessions",
    ),
]
