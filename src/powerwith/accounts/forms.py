from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm

from powerwith.accounts import emails, services
from powerwith.accounts.models import Membership
from powerwith.core import mail
from powerwith.core.roles import ROLE_DESCRIPTIONS, Role

GENERIC_LOGIN_ERROR = (
    "The email address or password is not right. Check them and try again, or reset your password."
)


class LoginForm(AuthenticationForm):
    """Logs in by email. One message for every failure, so it never reveals who has an account."""

    error_messages = {
        "invalid_login": GENERIC_LOGIN_ERROR,
        "inactive": GENERIC_LOGIN_ERROR,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"] = forms.EmailField(
            label="Email address",
            max_length=254,
            error_messages=EMAIL_ERRORS,
            widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        )
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.fields["password"].error_messages["required"] = "Enter your password."

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()


class PasswordResetForm(DjangoPasswordResetForm):
    """Queues the e-mail for the worker, so the page answers at once, the same for every
    address, whatever the mail server does."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        mail.send(emails.password_reset, context["user"].pk)


class NewPasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    """The new password of a reset. Saving it revokes every API token of the account."""

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=commit)
        if commit:
            services.revoke_every_api_token(user, actor=user, reason="password_reset")
        return user


def role_choices() -> list[tuple[str, str]]:
    return [(value, f"{label} — {ROLE_DESCRIPTIONS[value]}") for value, label in Role.choices]


EMAIL_ERRORS = {
    "required": "Enter an email address.",
    "invalid": "Enter an email address in the correct format, like name@example.org.",
    "max_length": "The email address must be 254 characters or fewer.",
}
ROLE_ERRORS = {
    "required": "Choose a role.",
    "invalid_choice": "Choose a role from the list.",
}


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254, error_messages=EMAIL_ERRORS)
    role = forms.ChoiceField(
        label="Role", choices=role_choices, widget=forms.RadioSelect, error_messages=ROLE_ERRORS
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role", choices=role_choices, widget=forms.RadioSelect, error_messages=ROLE_ERRORS
    )


class MembershipChoiceField(forms.ModelChoiceField[Membership]):
    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.organisation.name} ({obj.get_role_display()})"


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        error_messages={
            "required": "Give the token a name, so you can recognise it later.",
            "max_length": "The name must be 100 characters or fewer.",
        },
        help_text="So you can tell your tokens apart, for example “reporting script”.",
    )
    membership = MembershipChoiceField(
        label="Organisation the token acts for",
        queryset=Membership.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the organisation the token acts for."},
    )

    def __init__(self, *args: Any, memberships: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        assert isinstance(field, MembershipChoiceField)
        field.queryset = memberships


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label="Your name", max_length=150, required=False)
    password = forms.CharField(
        label="Choose a password",
        strip=False,
        error_messages={"required": "Choose a password."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. A few unrelated words make a strong password.",
    )
    confirm = forms.CharField(
        label="Type the password again",
        strip=False,
        error_messages={"required": "Type the password again, to check it."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, confirm = data.get("password"), data.get("confirm")
        if password and confirm and password != confirm:
            self.add_error("confirm", "The passwords do not match.")
        elif password:
            try:
                password_validation.validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        strip=True,
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app.",
            "max_length": "The code is too long. Enter the 6-digit code from your app.",
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
    )


class VerifyForm(CodeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.help_text = (
            "The 6-digit code your authenticator app shows now. If you do not have your "
            "phone, enter one of your recovery codes instead."
        )
        field.widget.attrs.pop("inputmode", None)


# The organisation's settings page (workflows.views.organisation_settings).
WEIGHT_ERROR = (
    "Enter a fairness weight from 0 to 1, like 0.3. 0 ignores recent work; 1 favours "
    "people with the least recent work most strongly."
)


class FairnessForm(forms.Form):
    fairness_weight = forms.FloatField(
        label="Fairness weight",
        help_text=(
            "A number from 0 to 1. At 0, matching ignores how much recent paid work people "
            "have had. At 0.3, someone with a lot of recent paid work keeps at least 70% of "
            "their score. At 1, people with the least recent work are favoured most strongly."
        ),
        error_messages={"required": WEIGHT_ERROR, "invalid": WEIGHT_ERROR},
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-4", "spellcheck": "false"}
        ),
    )


class WorkSettingsForm(forms.Form):
    follow_up_days = forms.IntegerField(
        label="Days after a session for the follow-up wellbeing check",
        help_text="From 1 to 28. The usual is 2.",
        min_value=1,
        max_value=28,
        error_messages={"required": "Enter the days before the follow-up wellbeing check."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    payment_target_days = forms.IntegerField(
        label="Days to pay a claim in",
        help_text="From 1 to 90. Claims not paid in this many days are flagged. The usual is 14.",
        min_value=1,
        max_value=90,
        error_messages={"required": "Enter the days to pay a claim in."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    reconfirm_months = forms.IntegerField(
        label="Months before an enduring consent is reconfirmed",
        help_text="From 1 to 60. After this, a consent lapses until the person reconfirms it. "
        "The usual is 12.",
        min_value=1,
        max_value=60,
        error_messages={"required": "Enter the months a consent holds."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )


class CheckpointsForm(forms.Form):
    checkpoints_to_auditors = forms.BooleanField(
        label="E-mail each consent ledger checkpoint to our auditors",
        help_text=(
            "At least once a day the worker writes a signed checkpoint of the consent "
            "ledger: its newest event's hash, how many events it holds, when, and a "
            "signature. With this on, each auditor of this organisation is e-mailed it too, "
            "so a copy lives outside this service. It holds no one's personal details."
        ),
        required=False,
    )
