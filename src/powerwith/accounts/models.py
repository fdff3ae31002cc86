from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin

from powerwith.accounts import tokens
from powerwith.accounts.triggers import AUDIT_EVENTS
from powerwith.core.roles import Role


def normalise_email(email: str) -> str:
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class TextSize(models.TextChoices):
    STANDARD = "standard", "Standard"
    LARGE = "large", "Large"
    LARGER = "larger", "Larger"


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who logs in: staff of an organisation, or an expert by experience."""

    email = models.EmailField("email address", max_length=254, unique=True)
    full_name = models.CharField("full name", max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        default=False, help_text="Can use Django's own admin site (operators only)."
    )
    date_joined = models.DateTimeField(default=timezone.now)
    # Display settings: kept with the account so they follow the person to any device.
    text_size = models.CharField(max_length=10, choices=TextSize.choices, default=TextSize.STANDARD)
    high_contrast = models.BooleanField(default=False)
    easy_read_first = models.BooleanField(default=False)
    reduce_motion = models.BooleanField(default=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalise_email(self.email)

    @property
    def display_classes(self) -> str:
        """The classes on <html> that apply this person's display settings to every page."""
        classes = [f"pw-text-{self.text_size}"] if self.text_size != TextSize.STANDARD else []
        if self.high_contrast:
            classes.append("pw-high-contrast")
        if self.reduce_motion:
            classes.append("pw-reduce-motion")
        return " ".join(classes)


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    fairness_weight = models.FloatField(
        "weight given to spreading work fairly in matching",
        default=0.3,
        help_text="From 0 (ignore how much recent work people have had) to 1 (favour "
        "people with the least recent work strongly).",
    )
    follow_up_days = models.PositiveSmallIntegerField(
        "days after a session that the follow-up wellbeing check is due",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
    )
    payment_target_days = models.PositiveSmallIntegerField(
        "days from claim to payment that the organisation aims for",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    reconfirm_months = models.PositiveSmallIntegerField(
        "months after which an enduring consent must be reconfirmed",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    benefits_advice = models.TextField(
        "benefits advice shown to people before they accept paid work",
        max_length=8000,
        blank=True,
    )
    benefits_advice_updated_at = models.DateTimeField(null=True, blank=True)
    # Off unless an admin turns it on: each consent ledger checkpoint the worker writes
    # is then e-mailed to the organisation's auditors (docs/adr/018-anchored-ledger.md).
    checkpoints_to_auditors = models.BooleanField(
        "e-mail the consent ledger's checkpoints to the organisation's auditors",
        default=False,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fairness_weight__gte=0, fairness_weight__lte=1),
                name="fairness_weight_between_0_and_1",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in one organisation. A user can belong to several."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_known"
            ),
        ]
        ordering = ["organisation__name", "user__email"]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} at {self.organisation}"


class Invitation(models.Model):
    """An invitation to join an organisation, sent by an admin. Only its hash is kept."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(max_length=254)
    role = models.CharField(max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organisation}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.cancelled_at is None
            and self.expires_at > timezone.now()
        )


class ApiToken(models.Model):
    """A bearer token acting for one user in one organisation. Only its hash is kept."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def expire(self) -> int:
        """The one way events leave: the retention sweep removing those older than the
        organisation keeps them, through the database's guard (see triggers.py)."""
        with AUDIT_EVENTS.deleting(connections[self.db]):
            deleted, _ = super().delete()
        return deleted


class AuditEvent(models.Model):
    """Who did what, to what, and when. Rows are written once and never changed; they are
    removed only by the retention sweep (``objects...expire()``)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=60)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=60, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Audit events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit events are append-only and cannot be deleted.")


class UserSession(models.Model):
    """One logged-in browser, so its owner can see where they are logged in and end it.

    Keyed by the session key; ending it deletes the Django session itself."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_seen_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} on {self.user_agent or 'an unknown device'}"


class RecoveryCodeDevice(ThrottlingMixin, Device):
    """A set of one-time recovery codes for when the authenticator app is not to hand.

    Each code is shown once, kept only as a SHA-256 hash (it carries 80 random bits, so a
    fast hash is enough) and works once."""

    class Meta(Device.Meta):
        verbose_name = "recovery codes"

    def verify_token(self, token: object) -> bool:
        allowed, _ = self.verify_is_allowed()  # type: ignore[no-untyped-call]
        if not allowed:
            return False
        code = normalise_recovery_code(str(token))
        used = (
            self.codes.filter(code_hash=tokens.digest(code), used_at__isnull=True).update(
                used_at=timezone.now()
            )
            if code
            else 0
        )
        if used:
            self.throttle_reset()  # type: ignore[no-untyped-call]
            return True
        self.throttle_increment()  # type: ignore[no-untyped-call]
        return False

    def get_throttle_factor(self) -> int:
        return 1


def normalise_recovery_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["device", "code_hash"], name="recovery_code_once")
        ]

    def __str__(self) -> str:
        return f"Recovery code {self.pk} ({'used' if self.used_at else 'unused'})"
