"""What each demo person says about themself beyond who they are: their experience (in
the Schedule of Experience's terms), how they need information, what helps them, when
and how they can take part, their skills, interests and goals, and how much each
organisation may see.

Each person's details come from their own random stream, seeded by their number, so
they never depend on who else is on the register or on the order anything is added.
The experience follows the story the person tells in "about me" (see
``demo_data.BACKGROUNDS``), with some variety beyond it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields
from functools import cache
from itertools import accumulate
from typing import Any

from powerwith import demo_data
from powerwith.core.choices import Focus
from powerwith.people.choices import PREFER_NOT_TO_SAY, Day, Skill
from powerwith.people.schedule import (
    ITEMS,
    ITEMS_BY_CODE,
    RESTRICTIVE_INTERVENTIONS,
    SETTINGS,
)

DETAILS_SEED = 20_260_502_000_000
ALL_ITEMS = tuple(item.code for item in ITEMS)
ALL_SETTINGS = tuple(code for code, _label in SETTINGS)
ALL_INTERVENTIONS = tuple(code for code, _label in RESTRICTIVE_INTERVENTIONS)
# Plain strings rather than the choices' members, as they are stored in JSON.
WEEKDAYS = tuple(Day.values[:5])
WEEKEND = tuple(Day.values[5:])
DAY_ORDER = {day: index for index, day in enumerate(Day.values)}
SKILLS = tuple(Skill.values)
INTERESTS = tuple(Focus.values)

# Most people read standard print; the rest are the ones services most often forget.
FORMATS = ("standard", "large_print", "easy_read", "audio", "supporter", "bsl", "braille",
           "makaton")  # fmt: skip
FORMAT_WEIGHTS = (84, 4, 4, 2, 3, 1, 1, 1)
MODE_SETS: tuple[tuple[str, ...], ...] = (
    ("in_person", "phone", "video"),
    ("in_person", "video"),
    ("video",),
    ("in_person",),
    ("phone", "video"),
    ("phone",),
)
MODE_WEIGHTS = (30, 20, 15, 15, 12, 8)
CHANNELS = ("email", "phone", "text", "post", "")
CHANNEL_WEIGHTS = (45, 20, 15, 5, 15)
PAYMENTS = ("bank_transfer", "payroll", "voucher", "not_paid", PREFER_NOT_TO_SAY, "")
PAYMENT_WEIGHTS = (55, 12, 8, 6, 4, 15)
YES_NO = ("yes", "no", PREFER_NOT_TO_SAY, "")
BENEFITS_WEIGHTS = (22, 48, 5, 25)
NARRATIVE_WEIGHTS = (35, 30, 10, 25)


@dataclass(frozen=True)
class Entry:
    code: str
    setting: str
    intervention: str
    note: str
    share_narrative: str


# Added after the random draws, so expert1's other details stay as they were.
EXPERT1_EXTRA = Entry("direct.restrictive_interventions", "secure_forensic", "seclusion", "", "yes")


@dataclass(frozen=True)
class Details:
    preferred_channel: str
    formats: list[str]
    adjustments: dict[str, str]
    available_days: list[str]
    available_modes: list[str]
    skills: list[str]
    interests: list[str]
    personal_goals: str
    professional_goals: str
    payment_preference: str
    benefits_advice: str
    experience: tuple[Entry, ...]
    # The organisation (by slug) the person shows only a summary to; "" for none.
    summary_with: str

    def person_fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PERSON_FIELDS}


PERSON_FIELDS = tuple(
    f.name for f in fields(Details) if f.name not in {"experience", "summary_with"}
)


def _pick[T](rng: random.Random, options: tuple[T, ...], weights: tuple[int, ...]) -> T:
    return rng.choices(options, cum_weights=_cumulative(weights))[0]


@cache
def _cumulative(weights: tuple[int, ...]) -> tuple[int, ...]:
    # Worked out once per list of weights rather than on every one of a million draws.
    return tuple(accumulate(weights))


def _experience(rng: random.Random, background: demo_data.Background) -> tuple[Entry, ...]:
    wanted = _pick(rng, (1, 2, 3, 4, 5), (22, 30, 24, 15, 9))
    # The earlier an item comes in the story's list, the likelier it is.
    weights = tuple(range(len(background.items), 0, -1))
    entries: dict[tuple[str, str, str], Entry] = {}
    for attempt in range(3 * wanted):
        if len(entries) == wanted:
            break
        # What the person's story suggests, often its core first; after the first entry
        # sometimes anything, so that every item turns up somewhere on the register.
        if attempt == 0 and rng.random() < 0.6:
            code = background.items[0]
        elif attempt == 0 or rng.random() < 0.8:
            code = _pick(rng, background.items, weights)
        else:
            code = rng.choice(ALL_ITEMS)
        setting = rng.choice(background.settings) if rng.random() < 0.85 else ""
        if not setting and rng.random() < 0.7:
            setting = rng.choice(ALL_SETTINGS)
        intervention = ""
        if ITEMS_BY_CODE[code].takes_intervention and rng.random() < 0.85:
            intervention = rng.choice(background.interventions or ALL_INTERVENTIONS)
            if rng.random() < 0.15:
                intervention = rng.choice(ALL_INTERVENTIONS)
        note = rng.choice(demo_data.EXPERIENCE_NOTES) if rng.random() < 0.45 else ""
        narrative = _pick(rng, YES_NO, NARRATIVE_WEIGHTS)
        entries.setdefault(
            (code, setting, intervention), Entry(code, setting, intervention, note, narrative)
        )
    return tuple(entries.values())


def _formats(rng: random.Random, background: demo_data.Background) -> list[str]:
    if "bsl" in background.formats:
        return ["bsl"]
    if background.formats and rng.random() < 0.6:
        chosen = [rng.choice(background.formats)]
        if chosen == ["easy_read"] and rng.random() < 0.3:
            chosen.append("supporter")
        return chosen
    # Some people have never been asked.
    return [] if rng.random() < 0.06 else [_pick(rng, FORMATS, FORMAT_WEIGHTS)]


def _adjustments(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.6:
        return {}
    categories = rng.sample(sorted(demo_data.ADJUSTMENTS), _pick(rng, (1, 2), (65, 35)))
    return {c: rng.choice(demo_data.ADJUSTMENTS[c]) for c in sorted(categories)}


def _days(rng: random.Random) -> list[str]:
    if rng.random() < 0.05:
        return []
    days: list[str] = rng.sample(WEEKDAYS, _pick(rng, (1, 2, 3, 4, 5), (15, 25, 25, 20, 15)))
    if rng.random() < 0.15:
        days.append(rng.choice(WEEKEND))
    return sorted(days, key=DAY_ORDER.__getitem__)


def _summary_with(rng: random.Random, number: int, organisations: tuple[str, ...]) -> str:
    # expert2 (a login at both) shows Hillview only a summary, so the demo always has
    # someone to log in as whose two organisations see different things.
    if number == 2:
        return "hillview"
    if number == 1:
        return ""
    if len(organisations) > 1 and rng.random() < 0.35:
        return rng.choice(organisations)
    return organisations[0] if rng.random() < 0.06 else ""


def details(number: int, story: int, organisations: tuple[str, ...]) -> Details:
    """The details of demo person ``number``, whose "about me" tells story ``story``."""
    rng = random.Random(DETAILS_SEED + number)  # noqa: S311 - repeatable on purpose
    background = demo_data.BACKGROUNDS[story]
    experience = _experience(rng, background)
    if number == 1:
        # expert1 is the login for trying offers of work at both organisations, and most
        # of their open work asks for experience of restrictive interventions.
        experience = (*experience, EXPERT1_EXTRA)
    formats = _formats(rng, background)
    channel = _pick(rng, CHANNELS, CHANNEL_WEIGHTS)
    if "supporter" in formats:
        channel = "supporter"
    return Details(
        preferred_channel=channel,
        formats=formats,
        adjustments=_adjustments(rng),
        available_days=_days(rng),
        available_modes=list(_pick(rng, MODE_SETS, MODE_WEIGHTS)),
        skills=rng.sample(SKILLS, _pick(rng, (0, 1, 2, 3), (15, 35, 30, 20))),
        interests=rng.sample(INTERESTS, _pick(rng, (1, 2, 3), (40, 35, 25))),
        personal_goals=rng.choice(demo_data.PERSONAL_GOALS) if rng.random() < 0.35 else "",
        professional_goals=(rng.choice(demo_data.PROFESSIONAL_GOALS) if rng.random() < 0.3 else ""),
        payment_preference=_pick(rng, PAYMENTS, PAYMENT_WEIGHTS),
        benefits_advice=_pick(rng, YES_NO, BENEFITS_WEIGHTS),
        experience=experience,
        summary_with=_summary_with(rng, number, organisations),
    )
