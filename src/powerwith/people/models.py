from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.encryption import EncryptedJSONField, EncryptedTextField
from powerwith.people import choices
from powerwith.people.schedule import ITEM_CHOICES, RESTRICTIVE_INTERVENTIONS, SETTINGS


class PersonStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused (taking a break)"
    LEFT = "left", "Left"


def empty_list() -> list[str]:
    return []


def empty_dict() -> dict[str, str]:
    return {}


class Person(models.Model):
    """An expert by experience. The profile belongs to the person, not to an organisation:
    an organisation sees it only through a link, and only as much as the person shares."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    # Names are stored exactly as typed, in any script.
    preferred_name = models.CharField(max_length=100)
    full_name = models.CharField(max_length=200, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    preferred_channel = models.CharField(max_length=20, choices=choices.Channel.choices, blank=True)
    # Where letters go: the lines of the address as they are written on an envelope.
    postal_address = models.TextField(max_length=500, blank=True)
    # Reminders are the messages a person may stop; an offer of work always goes.
    wants_reminders = models.BooleanField(default=True)
    reminder_time = models.CharField(
        max_length=10, choices=choices.ReminderTime.choices, blank=True
    )
    town = models.CharField(max_length=100, blank=True)
    # Encrypted at rest (powerwith.core.encryption): special-category data, never searched in SQL.
    about = EncryptedTextField(
        "about me", max_length=2000, blank=True, help_text="In the person's own words."
    )
    # Lists of codes from powerwith.people.choices (and opportunities.choices.Focus).
    formats = models.JSONField(default=empty_list, blank=True)
    adjustments = EncryptedJSONField(
        default=empty_dict, blank=True, help_text="Adjustment category → what helps."
    )
    available_days = models.JSONField(default=empty_list, blank=True)
    available_modes = models.JSONField(default=empty_list, blank=True)
    skills = models.JSONField(default=empty_list, blank=True)
    interests = models.JSONField(default=empty_list, blank=True)
    personal_goals = models.TextField(max_length=2000, blank=True)
    professional_goals = models.TextField(max_length=2000, blank=True)
    payment_preference = models.CharField(
        max_length=20, choices=choices.PaymentPreference.choices, blank=True
    )
    benefits_advice = models.CharField(
        "would like benefits advice before paid work",
        max_length=20,
        choices=choices.YesNo.choices,
        blank=True,
    )
    status = models.CharField(
        max_length=10, choices=PersonStatus.choices, default=PersonStatus.ACTIVE, db_index=True
    )
    # A person with a login answers for themself. Only they can say staff may also record
    # what they tell them by phone, letter or in person (powerwith.workflows.on_behalf).
    staff_may_act_for_me = models.BooleanField(
        "staff may record my answers when I tell them another way", default=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["preferred_name", "id"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["preferred_name", "id"])]

    def __str__(self) -> str:
        return self.preferred_name

    @property
    def needs_accessible_format(self) -> bool:
        return any(code != choices.Format.STANDARD for code in self.formats)


class ActedFor(models.Model):
    """Staff did something for a person on the person's word: what the person told them,
    how (in person, phone, letter, through a supporter), who recorded it and when.

    One row for every kind of action (an answer to an offer, a wellbeing check, a claim…):
    ``subject`` and ``subject_id`` name the record the action made or changed, and
    ``words`` is the confirmation the person is sent ("You told Hannah Clarke on the phone
    that you accept…"). Append-only: what someone said is never edited afterwards.
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="acted_for")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(max_length=20, choices=choices.ToldBy.choices)
    # Encrypted at rest: the person's own words can carry health details.
    note = EncryptedTextField(max_length=1000, blank=True)
    subject = models.CharField(max_length=30)
    subject_id = models.PositiveBigIntegerField()
    words = EncryptedTextField(max_length=1000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # Set when the person's supporter answered for them through their own login: then
    # ``recorded_by`` is the supporter's account, and the record is theirs.
    supporter = models.ForeignKey(
        "Supporter", on_delete=models.SET_NULL, null=True, blank=True, related_name="acted"
    )

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["subject", "subject_id"])]
        verbose_name_plural = "acted for"

    def __str__(self) -> str:
        return f"{self.subject} {self.subject_id} for {self.person}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("What a person told staff is recorded once and never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("What a person told staff is never deleted.")

    @property
    def told(self) -> str:
        """ "on the phone", "by letter"…: how the person told the member of staff."""
        return choices.ToldBy(self.method).label[0].lower() + choices.ToldBy(self.method).label[1:]


class Supporter(models.Model):
    """Someone the person named to support them (a family member, an advocate, a support
    worker), and what the person lets them do. Removing one takes effect at once; the row
    stays, so what a supporter did while named can still be read as theirs."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="supporters")
    name = models.CharField(max_length=100)
    relationship = models.CharField(max_length=100, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=20, blank=True)  # E.164
    may = models.JSONField(default=empty_list, blank=True)  # SupporterMay codes
    added_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.name


class SupporterLogin(models.Model):
    """A supporter's own login: the person invited them (a one-use link that expires,
    only its hash kept) and, once they follow it, the account it linked to this
    supporter. What the login lets them see and do is read afresh from the ``Supporter``
    row on every request, so a removal or a change applies at once."""

    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="logins")
    email = models.EmailField(max_length=254)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="supporting",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Login for {self.supporter}"

    @property
    def is_open(self) -> bool:
        """The link can still be used: not used yet, not expired, supporter not removed."""
        return (
            self.accepted_at is None
            and self.expires_at > timezone.now()
            and self.supporter.removed_at is None
        )


class ExperienceEntry(models.Model):
    """One item of the Schedule of Experience that the person has, and where."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="experience")
    code = models.CharField(max_length=60, choices=ITEM_CHOICES)
    setting = models.CharField(max_length=40, choices=SETTINGS, blank=True)
    intervention = models.CharField(max_length=40, choices=RESTRICTIVE_INTERVENTIONS, blank=True)
    note = EncryptedTextField(max_length=2000, blank=True)
    share_narrative = models.CharField(
        "willing to share a personal narrative about it",
        max_length=20,
        choices=choices.YesNo.choices,
        blank=True,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["code", "setting", "id"]
        verbose_name_plural = "experience entries"
        indexes = [models.Index(fields=["code", "setting", "person"])]

    def __str__(self) -> str:
        return f"{self.person}: {self.code} ({self.setting or 'any setting'})"


class OrganisationLink(models.Model):
    """The person works with this organisation and shares their profile with it, as far
    as ``sharing`` says."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="people_links"
    )
    sharing = models.CharField(
        max_length=10, choices=choices.Sharing.choices, default=choices.Sharing.DETAILS
    )
    linked_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="one_link_per_org")
        ]
        indexes = [models.Index(fields=["organisation", "person"])]

    def __str__(self) -> str:
        return f"{self.person} works with {self.organisation}"


class WellnessActionPlan(models.Model):
    """The person's own Wellness Action Plan, in MIND's sections. Only the person and the
    people they choose (``readers``) can read it; staff are never given it by their role."""

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="wellness_action_plan"
    )
    keeps_me_well = EncryptedTextField("what keeps me well", max_length=4000, blank=True)
    warning_signs = EncryptedTextField(
        "early warning signs and triggers", max_length=4000, blank=True
    )
    affects_work = EncryptedTextField("how it may affect my work", max_length=4000, blank=True)
    support_from_contact = EncryptedTextField(
        "support I'd like from my contact person", max_length=4000, blank=True
    )
    steps_i_can_take = EncryptedTextField("steps I can take", max_length=4000, blank=True)
    review_date = models.DateField("when we review it", null=True, blank=True)
    readers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="wellness_action_plans_shared"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Wellness Action Plan of {self.person}"


class EarningsLimit(models.Model):
    """A weekly earnings limit the person chooses to record (for example the
    permitted-work limit), from a date. Dated data, never a constant in code: a later row
    replaces an earlier one from its own date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="earnings_limits")
    weekly_amount = models.DecimalField(max_digits=8, decimal_places=2)
    valid_from = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-valid_from", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weekly_amount__gte=0), name="earnings_limit_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"£{self.weekly_amount} a week from {self.valid_from} for {self.person}"


class BenefitsSituation(models.Model):
    """Which benefit's earnings rules the person says apply to them, so the warnings on
    their offers can follow those rules. Only the person says it, and only if they want
    to: "I'd rather not say" deletes the row, so nothing about their benefits is kept.
    Staff see it only where the person ticks ``shared`` and shares their details with
    the organisation (``people.queries.profile``)."""

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="benefits_situation"
    )
    # Encrypted at rest: which benefit someone gets can say something about their health.
    benefit = EncryptedTextField(max_length=30, choices=choices.Benefit.choices)
    shared = models.BooleanField("organisations I share my details with may see it", default=False)
    chosen_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Benefits situation of {self.person}"
