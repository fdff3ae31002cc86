"""Reading a register import from CSV, and checking every row of it.

This module only splits cells and says where a problem is. Whether a value is allowed is
decided by people.services (``clean_profile``, ``clean_experience``), as for every other
way into the register.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from powerwith.core.choices import Focus, LocationMode
from powerwith.core.errors import DomainError
from powerwith.people import choices
from powerwith.people.models import PersonStatus
from powerwith.people.schedule import ITEM_CHOICES, RESTRICTIVE_INTERVENTIONS, SETTINGS
from powerwith.people.services import (
    ExperienceInput,
    PersonInput,
    clean_experience,
    clean_profile,
)

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
SEPARATOR = ";"

Codes = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Column:
    name: str
    holds: str
    codes: Codes = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("preferred_name", "The name the person likes to be called.", required=True),
    Column("full_name", "Full name, only if it is needed for payment."),
    Column("pronouns", "For example she/her, he/him or they/them."),
    Column("email", "Email address."),
    Column("phone", "Phone number."),
    Column("town", "Town or area."),
    Column("preferred_channel", "Best way to contact: one code.", choices.Channel.choices),
    Column(
        "formats",
        "How information should be given (Accessible Information Standard): codes.",
        choices.Format.choices,
    ),
    Column("available_days", "Days the person can usually work: codes.", choices.Day.choices),
    Column("available_modes", "Ways the person can take part: codes.", LocationMode.choices),
    Column("skills", "Skills: codes.", choices.Skill.choices),
    Column("interests", "Kinds of work that interest the person: codes.", Focus.choices),
    Column("status", "One code. Leave blank for active.", PersonStatus.choices),
    Column(
        "experience",
        "Items of the Schedule of Experience, each written code@setting. The setting is "
        "optional; a type of restrictive intervention may follow a second @, as in "
        "direct.restrictive_interventions@mental_health@seclusion.",
        ITEM_CHOICES,
    ),
)
COLUMN_NAMES = [column.name for column in COLUMNS]
PROFILE_COLUMNS = [name for name in COLUMN_NAMES if name != "experience"]
LIST_COLUMNS = {"formats", "available_days", "available_modes", "skills", "interests"}
EXPERIENCE_PARTS: dict[str, Codes] = {
    "settings": SETTINGS,
    "restrictive interventions": RESTRICTIVE_INTERVENTIONS,
}


class UnreadableFile(DomainError):
    """The file as a whole cannot be checked: too big, not CSV, not UTF-8, too many rows."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="file")


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


@dataclass
class ImportCheck:
    """What a dry run found: the people ready to add, or every problem, row by row."""

    people: list[PersonInput] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.people)

    @property
    def rows_with_problems(self) -> int:
        return len({problem.row for problem in self.problems})


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """An uploaded CSV file's text, or a refusal saying what to do about it (shared by
    every CSV import)."""
    if len(data) > max_bytes:
        raise UnreadableFile(
            f"The file is larger than {max_bytes // (1024 * 1024)} MB. "
            "Split it into smaller files and import each one."
        )
    if b"\x00" in data:
        raise UnreadableFile(
            "The file is not a CSV file. If it is a spreadsheet, save it as "
            "“CSV UTF-8 (comma delimited)” and upload that."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            "The file is not saved as UTF-8, so names in some scripts would be garbled. "
            "Save it as “CSV UTF-8 (comma delimited)” and upload it again."
        ) from error


def check_import(text: str) -> ImportCheck:
    """Check every row of a register import. Rows are numbered as a spreadsheet shows
    them: the header is row 1."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise UnreadableFile(
                "The file is empty. Its first row must name the columns, as in the template."
            )
        names = [cell.strip().lower() for cell in header]
        found = ImportCheck(problems=_header_problems(names))
        if found.problems:
            return found
        rows = 0
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            rows += 1
            if rows > MAX_ROWS:
                raise UnreadableFile(
                    f"The file has more than {MAX_ROWS:,} people in it. Import at most "
                    f"{MAX_ROWS:,} at a time: split it into smaller files."
                )
            person, problems = _check_row(number, names, cells)
            found.problems.extend(problems)
            if person is not None:
                found.people.append(person)
    except csv.Error as error:
        raise UnreadableFile(
            f"Row {reader.line_num} could not be read as CSV ({error}). Check the file is "
            "saved as CSV, with commas between cells."
        ) from error
    if not found.people and not found.problems:
        raise UnreadableFile("The file has a header row but no people under it.")
    return found


def _header_problems(names: list[str]) -> list[Problem]:
    problems = []
    for name in dict.fromkeys(names):
        if name and name not in COLUMN_NAMES:
            problems.append(
                Problem(1, name, f"Unknown column. The columns are: {', '.join(COLUMN_NAMES)}.")
            )
        elif name and names.count(name) > 1:
            problems.append(Problem(1, name, "This column appears more than once."))
    if "preferred_name" not in names:
        problems.append(
            Problem(
                1,
                "preferred_name",
                "The file needs a preferred_name column: every person "
                "needs the name they like to be called.",
            )
        )
    return problems


def _check_row(
    number: int, names: list[str], cells: list[str]
) -> tuple[PersonInput | None, list[Problem]]:
    problems = []
    if len(cells) > len(names) and any(cell.strip() for cell in cells[len(names) :]):
        problems.append(
            Problem(
                number,
                "",
                f"This row has {len(cells)} cells but the header names {len(names)} columns.",
            )
        )
    values = {name: cell.strip() for name, cell in zip(names, cells, strict=False) if name}
    profile: dict[str, object] = {}
    for name in PROFILE_COLUMNS:
        raw = values.get(name, "")
        if not raw and name != "preferred_name":
            continue
        value: object = _split(raw) if name in LIST_COLUMNS else raw
        try:
            profile.update(clean_profile({name: value}))
            if name == "email":
                validate_email(raw)
        except DomainError as error:
            problems.append(Problem(number, name, error.message))
        except ValidationError:
            problems.append(
                Problem(
                    number,
                    name,
                    "Enter an email address in the correct format, like name@example.org.",
                )
            )
    experience, problem = _experience(number, values.get("experience", ""))
    if problem is not None:
        problems.append(problem)
    if problems:
        return None, problems
    return PersonInput(profile=profile, experience=experience), []


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(SEPARATOR) if part.strip()]


def _experience(number: int, cell: str) -> tuple[tuple[ExperienceInput, ...], Problem | None]:
    entries = []
    for position, part in enumerate(_split(cell), start=1):
        pieces = [piece.strip() for piece in part.split("@")]
        if len(pieces) > 3:
            message = (
                f"Experience {position}: '{part}' has too many @. Write code@setting, or "
                "code@setting@intervention."
            )
            return (), Problem(number, "experience", message)
        code, setting, intervention = [*pieces, "", ""][:3]
        entries.append(ExperienceInput(code=code, setting=setting, intervention=intervention))
    try:
        return tuple(clean_experience(entries)), None
    except DomainError as error:
        return (), Problem(number, "experience", error.message)


def template_rows() -> list[list[str]]:
    return [COLUMN_NAMES]
