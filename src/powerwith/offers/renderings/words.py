"""The facts of an offer in plain words, shared by every rendering.

Everything here reads the frozen snapshot (``offers.content.build``), never the database,
so a rendering says exactly what was sent. Dates, times and money follow the GOV.UK style
guide: "Tuesday 12 January 2027, 10am to 1pm", "midday", "£25.00 an hour".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from powerwith.core.choices import (
    LEVEL_DESCRIPTIONS,
    CoWorkingLevel,
    Focus,
    LocationMode,
    RewardBasis,
)
from powerwith.core.times import clock
from powerwith.offers.clarity.text import sentences
from powerwith.people.choices import PaymentPreference

Content = dict[str, Any]

EXPENSE_LABELS = {
    "travel": "Travel",
    "subsistence": "Food and drink while you work (subsistence)",
    "care": "Care or childcare while you work",
    "support_worker": "A support worker",
    "equipment": "Equipment you need for the work",
}

OUTPUT_USE_LABELS = {
    "share_internally": "shared inside the organisation",
    "publish": "published (for example online or in print)",
    "distribute": "given to other organisations (distributed)",
    "monetise": "used to make money (for example sold)",
}

CONSENT_LABELS = {
    "take_part": "to take part in the work",
    "share_narrative": "to share your personal story",
    "be_recorded": "to be recorded",
    "be_quoted": "to be quoted",
    "publish": "to publish what you share or make",
    "distribute": "to give what you share or make to other organisations",
    "monetise": "to use what you share or make to make money",
    "keep_contact": "to keep in touch with you after the work",
    "share_profile": "to share your profile",
}

PAYMENT_METHODS: dict[str, str] = {
    PaymentPreference.BANK_TRANSFER: "by bank transfer",
    PaymentPreference.PAYROLL: "through payroll",
    PaymentPreference.VOUCHER: "in vouchers",
}

WELLBEING_CHECKS = (
    "Your contact person checks how you are before the work, at the end of it, "
    "and again afterwards."
)


def _said(sentence: str) -> str:
    return " ".join(sentence.lower().rstrip(".!").split())


def ground_rules(content: Content) -> str:
    """The ground rules, less any sentence the power to stop already says: every offer
    states the power to stop, and the ground rules an opportunity starts with say it too,
    so it would otherwise be printed twice."""
    already = {_said(s.text) for s in sentences(content["statements"]["power_to_stop"])}
    lines = []
    for line in content["support"]["ground_rules"].splitlines():
        kept = [s.text for s in sentences(line) if _said(s.text) not in already]
        if kept or not line.strip():
            lines.append(" ".join(kept))
    return "\n".join(lines).strip()


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def day(moment: datetime) -> str:
    """Tuesday 12 January 2027."""
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def duration(minutes: int) -> str:
    """3 hours, 1 hour and 30 minutes, 45 minutes."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " and ".join(parts)


@dataclass(frozen=True)
class Session:
    starts_at: datetime
    ends_at: datetime
    minutes: int

    @property
    def when(self) -> str:
        """Tuesday 12 January 2027, 10am to 1pm (naming the second day if it runs past)."""
        if self.ends_at.date() == self.starts_at.date():
            return f"{day(self.starts_at)}, {clock(self.starts_at)} to {clock(self.ends_at)}"
        return (
            f"{day(self.starts_at)}, {clock(self.starts_at)} to "
            f"{day(self.ends_at)}, {clock(self.ends_at)}"
        )

    @property
    def length(self) -> str:
        return duration(self.minutes)


def sessions(content: Content) -> list[Session]:
    zone = local_zone()
    found = []
    for item in content["sessions"]:
        starts = datetime.fromisoformat(item["starts_at"]).astimezone(zone)
        minutes = int(item["minutes"])
        # Wall-clock arithmetic in UTC, so a session across a clock change ends when it ends.
        ends = (starts.astimezone(ZoneInfo("UTC")) + timedelta(minutes=minutes)).astimezone(zone)
        found.append(Session(starts, ends, minutes))
    return found


def total_minutes(content: Content) -> int:
    return sum(int(item["minutes"]) for item in content["sessions"])


def hours_per_week(content: Content) -> str | None:
    """4 hours a week, 2.5 hours a week."""
    if not content["hours_per_week"]:
        return None
    hours = Decimal(content["hours_per_week"]).normalize()
    return f"{hours:f} hour{'s' if hours != 1 else ''} a week"


def pounds(amount: str | Decimal) -> str:
    """£25.00, £1,250.00."""
    return f"£{Decimal(amount):,.2f}"


def is_voluntary(content: Content) -> bool:
    return bool(content["reward"]["basis"] == RewardBasis.VOLUNTARY)


def rate(content: Content) -> str | None:
    """£25.00 an hour; None for voluntary work or when no amount is stated."""
    reward = content["reward"]
    if is_voluntary(content) or reward["amount"] is None:
        return None
    money = pounds(reward["amount"])
    return {
        RewardBasis.HOURLY: f"{money} an hour",
        RewardBasis.DAILY: f"{money} a day",
        RewardBasis.PER_SESSION: f"{money} for each session",
        RewardBasis.SALARIED: f"a salary of {money} a year",
    }.get(reward["basis"], money)


def total(content: Content) -> str | None:
    """The whole fee for dated sessions, where the basis makes it plain arithmetic."""
    reward = content["reward"]
    if rate(content) is None or not content["sessions"]:
        return None
    amount = Decimal(reward["amount"])
    if reward["basis"] == RewardBasis.HOURLY:
        minutes = total_minutes(content)
        return f"{pounds(amount * minutes / 60)} for {duration(minutes)}"
    if reward["basis"] == RewardBasis.PER_SESSION:
        count = len(content["sessions"])
        return f"{pounds(amount * count)} for {count} session{'s' if count != 1 else ''}"
    return None


def payment_method(content: Content) -> str | None:
    method = str(content["reward"]["method"] or "")
    if not method:
        return None
    return PAYMENT_METHODS.get(method, method)


def pay_route(content: Content) -> dict[str, Any] | None:
    """How the person would be paid and what it means for them: added for the reader by
    payments (``offers.content.for_reader``), not part of the snapshot sent."""
    found = content.get("pay_route")
    return found if isinstance(found, dict) else None


def pay_route_sentences(content: Content) -> list[str]:
    """The pay route's easy-read words, a sentence a line, for easy read and the audio."""
    found = pay_route(content)
    if found is None:
        return []
    return list(found["easy_read"])


def paid_within(content: Content) -> str | None:
    days = content["reward"]["paid_within_days"]
    if days is None:
        return None
    return f"within {days} day{'s' if days != 1 else ''} of the work"


def expenses_covered(content: Content) -> list[str]:
    expenses = content["expenses"]
    return [label for key, label in EXPENSE_LABELS.items() if expenses.get(key)]


def expenses_not_covered(content: Content) -> list[str]:
    expenses = content["expenses"]
    return [label for key, label in EXPENSE_LABELS.items() if expenses and not expenses.get(key)]


def travel_in_advance(content: Content) -> bool:
    expenses = content["expenses"]
    return bool(expenses.get("travel") and expenses.get("travel_in_advance"))


def output_uses(content: Content) -> list[str]:
    return [label for key, label in OUTPUT_USE_LABELS.items() if content["output_use"].get(key)]


def output_not_used(content: Content) -> list[str]:
    uses = content["output_use"]
    return [label for key, label in OUTPUT_USE_LABELS.items() if uses and not uses.get(key)]


def consents(content: Content) -> list[str]:
    return [
        CONSENT_LABELS.get(scope, scope.replace("_", " ")) for scope in content["consent_needed"]
    ]


def mode(content: Content) -> str:
    return str(content["location"]["mode"] or "")


def where(content: Content) -> str:
    """In person at the address, or by phone, or by video call: one line."""
    location = content["location"]
    if location["mode"] == LocationMode.IN_PERSON:
        return f"In person at {location['address']}"
    if location["mode"] == LocationMode.PHONE:
        return "By phone"
    if location["mode"] == LocationMode.VIDEO:
        return "By video call"
    return "Not stated"


def where_short(content: Content) -> str:
    return {
        LocationMode.IN_PERSON: "In person.",
        LocationMode.PHONE: "On the phone.",
        LocationMode.VIDEO: "On a video call.",
    }.get(content["location"]["mode"], "Not stated.")


def when_summary(content: Content) -> str:
    found = sessions(content)
    weekly = hours_per_week(content)
    if len(found) == 1:
        summary = found[0].when
    elif found:
        summary = f"{len(found)} sessions, the first on {found[0].when}"
    else:
        summary = ""
    if weekly:
        summary = f"{summary}; {weekly}" if summary else weekly.capitalize()
    return summary or "Not stated"


def money_summary(content: Content) -> str:
    if is_voluntary(content):
        return "Voluntary: unpaid, by your own choice"
    found = rate(content)
    if found is None:
        return "Not stated"
    whole = total(content)
    return f"{found[0].upper()}{found[1:]}" + (f" ({whole})" if whole else "")


def contact_line(contact: dict[str, str] | None) -> str:
    if not contact:
        return "Not stated"
    return f"{contact['name']}, {contact['email']}"


def focus_labels(content: Content) -> list[str]:
    labels = dict(Focus.choices)
    return [labels.get(code, code) for code in content["opportunity"]["focus"]]


def level(content: Content) -> tuple[str, str] | None:
    code = content["opportunity"]["level"]
    if not code:
        return None
    return str(CoWorkingLevel(code).label), LEVEL_DESCRIPTIONS[CoWorkingLevel(code)]


def title(content: Content) -> str:
    return str(content["opportunity"]["title"])
