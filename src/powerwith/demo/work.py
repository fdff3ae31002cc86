"""The demo's work: each organisation's opportunities, the experience they ask for, their
sessions over the last twelve months and to come, and who took part.

Attendance is concentrated on purpose, as it is in many organisations: a few "regulars"
who meet an opportunity's essential requirements take most of the seats, so the
concentration figure has something to show and matching's fairness boost visibly lifts
the people who are never asked. Each opportunity has its own random stream (seeded by
its organisation and title), so what is added does not depend on what already exists.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from powerwith.accounts.models import Organisation
from powerwith.demo.logins import ORGANISATIONS, coordinator_email
from powerwith.demo.register import Profile
from powerwith.demo.terms import opportunity_terms
from powerwith.demo.work_data import OPPORTUNITIES, OpportunityTemplate, Requirement
from powerwith.engagements.models import Attendance, Session
from powerwith.opportunities.models import Opportunity, RequiredExperience
from powerwith.people.models import ExperienceEntry, Person, PersonStatus

WORK_SEED = "powerwith-demo-work"
# Sessions draw on the first few hundred demo people, whatever the size of the register.
POOL_SIZE = 400
# How many of an opportunity's eligible people are its regulars.
REGULARS = 4
REGULARS_SHARE = 0.8


@dataclass(frozen=True)
class Candidate:
    person_id: int
    entries: frozenset[tuple[str, str, str]]

    def meets(self, requirement: Requirement) -> bool:
        return any(
            code == requirement.code
            and (not requirement.setting or setting == requirement.setting)
            and (not requirement.intervention or intervention == requirement.intervention)
            for code, setting, intervention in self.entries
        )


def _pool(organisation: Organisation, slug: str, wanted: list[Profile]) -> list[Candidate]:
    """Active people here among the first demo people, the organisation's regulars first."""
    emails = [p.email for p in wanted[:POOL_SIZE] if slug in p.organisations]
    found = dict(
        Person.objects.filter(
            email__in=emails, status=PersonStatus.ACTIVE, links__organisation=organisation
        ).values_list("email", "pk")
    )
    ids = [found[email] for email in emails if email in found]
    entries: dict[int, set[tuple[str, str, str]]] = {pk: set() for pk in ids}
    for person_id, code, setting, intervention in ExperienceEntry.objects.filter(
        person_id__in=ids
    ).values_list("person_id", "code", "setting", "intervention"):
        entries[person_id].add((code, setting, intervention))
    pool = [Candidate(pk, frozenset(entries[pk])) for pk in ids]
    random.Random(f"{WORK_SEED}/{slug}/regulars").shuffle(pool)  # noqa: S311
    return pool


def _weekday(day: date, step: int) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=step)
    return day


def _starts(now: datetime, days: int, rng: random.Random) -> datetime:
    """A weekday morning or afternoon ``days`` from now (negative: in the past)."""
    day = _weekday((now + timedelta(days=days)).date(), -1 if days < 0 else 1)
    return datetime.combine(day, time(rng.choice((10, 14))), tzinfo=UTC)


def _attendance(
    sessions: list[Session], eligible: list[Candidate], rng: random.Random
) -> list[Attendance]:
    regulars = eligible[:REGULARS]
    rows: list[Attendance] = []
    for session in sessions:
        chosen: list[Candidate] = []
        for _seat in range(rng.randint(2, 4)):
            group = regulars if rng.random() < REGULARS_SHARE else eligible
            candidate = rng.choice(group)
            if candidate not in chosen:
                chosen.append(candidate)
        rows.extend(
            # Now and then someone booked is unwell on the day, and that is fine.
            Attendance(session=session, person_id=c.person_id, attended=rng.random() < 0.92)
            for c in chosen
        )
    return rows


def _add(
    organisation: Organisation,
    template: OpportunityTemplate,
    user_ids: dict[str, int],
    pool: list[Candidate],
    now: datetime,
) -> None:
    rng = random.Random(f"{WORK_SEED}/{organisation.slug}/{template.title}")  # noqa: S311
    past = sorted(rng.sample(range(7, 360), template.past_sessions), reverse=True)
    future = sorted(rng.sample(range(7, 120), template.future_sessions))
    opportunity = Opportunity.objects.create(
        organisation=organisation,
        title=template.title,
        purpose=template.purpose,
        goal_type=template.goal_type,
        commitment=template.commitment,
        level=template.level,
        focus=list(template.focus),
        location_mode=template.location_mode,
        reward_basis=template.reward_basis,
        status=template.status,
        **opportunity_terms(organisation.slug, template, user_ids, now),
        created_by_id=user_ids[coordinator_email(organisation.slug)],
        created_at=now - timedelta(days=(past[0] if past else 0) + rng.randint(14, 60)),
    )
    RequiredExperience.objects.bulk_create(
        RequiredExperience(
            opportunity=opportunity,
            code=r.code,
            setting=r.setting,
            intervention=r.intervention,
            essential=r.essential,
        )
        for r in template.requirements
    )
    minutes = template.minutes
    held = Session.objects.bulk_create(
        Session(opportunity=opportunity, starts_at=_starts(now, -days, rng), minutes=minutes)
        for days in past
    )
    Session.objects.bulk_create(
        Session(opportunity=opportunity, starts_at=_starts(now, days, rng), minutes=minutes)
        for days in future
    )
    essential = [r for r in template.requirements if r.essential]
    eligible = [c for c in pool if all(c.meets(r) for r in essential)]
    if eligible:
        Attendance.objects.bulk_create(_attendance(held, eligible, rng))


def add_work(
    organisations: dict[str, Organisation],
    wanted: list[Profile],
    user_ids: dict[str, int],
    now: datetime,
) -> int:
    """Create the demo opportunities each organisation is missing, found by title, with
    everything that belongs to them. Returns how many were added."""
    added = 0
    for _name, slug, _domain in ORGANISATIONS:
        organisation = organisations[slug]
        existing = set(organisation.opportunities.values_list("title", flat=True))
        missing = [t for t in OPPORTUNITIES[slug] if t.title not in existing]
        if not missing:
            continue
        pool = _pool(organisation, slug, wanted)
        for template in missing:
            _add(organisation, template, user_ids, pool, now)
        added += len(missing)
    return added
