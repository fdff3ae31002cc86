from __future__ import annotations

from collections.abc import Iterable

from django import template

from powerwith.core.choices import Focus, LocationMode
from powerwith.core.phones import for_reading
from powerwith.people import choices
from powerwith.people.schedule import INTERVENTION_LABELS, SETTING_LABELS, describe, item_label

register = template.Library()

LABELS: dict[str, dict[str, str]] = {
    "format": dict(choices.Format.choices),
    "channel": dict(choices.Channel.choices),
    "day": dict(choices.Day.choices),
    "mode": dict(LocationMode.choices),
    "skill": dict(choices.Skill.choices),
    "interest": dict(Focus.choices),
    "adjustment": dict(choices.Adjustment.choices),
    "payment": dict(choices.PaymentPreference.choices),
    "yesno": dict(choices.YesNo.choices),
    "benefit": dict(choices.Benefit.choices),
    "sharing": dict(choices.Sharing.choices),
    "setting": SETTING_LABELS,
    "intervention": INTERVENTION_LABELS,
}


@register.filter
def communication_needs(formats: Iterable[str] | None) -> list[str]:
    """Labels of the formats other than standard print: what staff must act on."""
    labels = LABELS["format"]
    return [labels.get(code, code) for code in formats or [] if code != choices.Format.STANDARD]


@register.filter
def label(code: str | None, vocabulary: str) -> str:
    if not code:
        return ""
    return LABELS[vocabulary].get(code, code)


@register.filter
def labels(codes: Iterable[str] | None, vocabulary: str) -> list[str]:
    return [LABELS[vocabulary].get(code, code) for code in codes or []]


@register.filter
def experience_label(code: str) -> str:
    return item_label(code)


@register.simple_tag
def describe_experience(code: str, setting: str = "", intervention: str = "") -> str:
    return describe(code, setting, intervention)


@register.filter
def phone(number: str | None) -> str:
    """A stored E.164 number as people write it (07700 900982)."""
    return for_reading(number) if number else ""
