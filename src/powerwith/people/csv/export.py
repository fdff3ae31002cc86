"""Writing the register as CSV: only what each person shares, never a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable

from powerwith.people.csv import SEPARATOR
from powerwith.people.queries import Profile

NOT_SHARED = "not shared"
# Spreadsheets run a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# The summary every organisation sees comes first; details follow, "not shared" where the
# person keeps them back. Codes are spelled as the import reads them.
EXPORT_COLUMNS = [
    "id",
    "preferred_name",
    "pronouns",
    "status",
    "shares",
    "formats",
    "available_days",
    "available_modes",
    "skills",
    "interests",
    "experience",
    "full_name",
    "email",
    "phone",
    "preferred_channel",
    "town",
    "about",
    "adjustments",
    "personal_goals",
    "professional_goals",
    "payment_preference",
    "benefits_advice",
    "experience_notes",
]


def safe_cell(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _shared(value: str | None) -> str:
    return NOT_SHARED if value is None else value


def _entry(code: str, setting: str, intervention: str) -> str:
    """code, code@setting or code@setting@intervention: the import's own spelling."""
    if intervention:
        return f"{code}@{setting}@{intervention}"
    return f"{code}@{setting}" if setting else code


def export_row(profile: Profile) -> list[str]:
    """Only what the person shares with the organisation; the rest says "not shared"."""
    details = profile.shares_details
    notes = "\n".join(
        f"{_entry(e.code, e.setting, e.intervention)}: {e.note}"
        for e in profile.experience
        if e.note
    )
    adjustments = (
        None
        if profile.adjustments is None
        else "\n".join(f"{key}: {text}" for key, text in profile.adjustments.items())
    )
    row = [
        str(profile.id),
        profile.preferred_name,
        profile.pronouns,
        profile.status,
        profile.sharing,
        *(
            f"{SEPARATOR} ".join(codes)
            for codes in (
                profile.formats,
                profile.available_days,
                profile.available_modes,
                profile.skills,
                profile.interests,
            )
        ),
        f"{SEPARATOR} ".join(_entry(e.code, e.setting, e.intervention) for e in profile.experience),
        _shared(profile.full_name),
        _shared(profile.email),
        _shared(profile.phone),
        _shared(profile.preferred_channel),
        _shared(profile.town),
        _shared(profile.about),
        _shared(adjustments),
        _shared(profile.personal_goals),
        _shared(profile.professional_goals),
        _shared(profile.payment_preference),
        _shared(profile.benefits_advice),
        notes if details else NOT_SHARED,
    ]
    return [safe_cell(cell) for cell in row]


class _Line:
    """A file-like target for csv.writer that hands back each line it is given."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[list[str]]) -> Iterable[str]:
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow(row)
