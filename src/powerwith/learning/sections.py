"""A learning summary's sections: pre-filled from the records when it is drafted, and
put together for reading — the coordinator's words with the experts' contributions, the
level and the scorecard, read from the records under the consent rule (``shown``) every
time, for every format alike."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from powerwith.core.choices import CoWorkingLevel, Focus
from powerwith.evaluation.impact_consent import WITHDRAWN
from powerwith.learning import queries, shown
from powerwith.learning.models import EDITED_SECTIONS, LearningSummary
from powerwith.opportunities.models import Opportunity
from powerwith.people.schedule import SETTINGS
from powerwith.reports.dashboard.scorecards import scorecards_across
from powerwith.reports.scorecard import Scorecard, scorecard, scorecards

SETTING_LABELS = dict(SETTINGS)
FOCUS_LABELS = dict(Focus.choices)


def level_label(code: str) -> str:
    return CoWorkingLevel(code).label if code else "Level not set"


def prefilled(opportunity: Opportunity, now: datetime) -> dict[str, str]:
    """The sections as the records tell them, for the coordinator to edit in plain words."""
    reflections = queries.reflections_for(opportunity)
    card = scorecard(opportunity, now)
    done = [opportunity.purpose.strip(), opportunity.input_expected.strip()]
    if opportunity.level:
        done.append(f"We worked at the level of {level_label(opportunity.level).lower()}.")
    not_met = [
        f"{check.name}: {check.evidence}"
        for principle in card.principles
        for check in principle.checks
        if check.judged and not check.met
    ]
    return {
        "what_was_done": "\n\n".join(part for part in done if part),
        "what_worked": "\n\n".join(r.went_well for r in reflections if r.went_well),
        "what_did_not": "\n".join(not_met),
        "do_differently": "\n\n".join(r.to_change for r in reflections if r.to_change),
    }


def scores_of(card: Scorecard) -> dict[str, float | None]:
    return {p.code: p.score for p in card.principles}


def day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_words(start: date, end: date) -> str:
    return f"{day_words(start)} to {day_words(end)}"


def levels_of(work: list[Opportunity]) -> list[dict[str, Any]]:
    """The mix of co-working levels across the work: how many pieces at each."""
    counts = Counter(o.level for o in work)
    return [
        {"code": code, "label": level_label(code), "count": counts[code]}
        for code in (*CoWorkingLevel.values, "")
        if counts[code]
    ]


def _mix_words(levels: list[dict[str, Any]]) -> str:
    return ", ".join(f"{lv['count']} at {lv['label'].lower()}" for lv in levels)


def prefilled_period(
    work: list[Opportunity], start: date, end: date, focus: str, now: datetime
) -> dict[str, str]:
    """The sections of a period's summary as the records of all its work tell them."""
    focus_words = f" on {FOCUS_LABELS.get(focus, focus).lower()}" if focus else ""
    count = f"{len(work)} piece{'s' if len(work) != 1 else ''} of work"
    done = [
        f"From {period_words(start, end)} we did {count}{focus_words} with experts by "
        f"experience: {_mix_words(levels_of(work))}.",
        "\n".join(f"- {o.title} ({level_label(o.level).lower()})" for o in work),
    ]
    worked: list[str] = []
    not_worked: list[str] = []
    differently: list[str] = []
    for opportunity in work:
        for r in queries.reflections_for(opportunity):
            if r.went_well:
                worked.append(f"{opportunity.title}: {r.went_well}")
            if r.to_change:
                differently.append(f"{opportunity.title}: {r.to_change}")
    for theme in queries.feedback_themes(work):
        line = f"{theme.label}: {theme.agreed} of {theme.answered} agreed."
        (worked if 2 * theme.agreed > theme.answered else not_worked).append(line)
    for card in scorecards(work, now):
        not_worked.extend(
            f"{card.opportunity.title}: {check.name}: {check.evidence}"
            for principle in card.principles
            for check in principle.checks
            if check.judged and not check.met
        )
    return {
        "what_was_done": "\n\n".join(done),
        "what_worked": "\n\n".join(worked),
        "what_did_not": "\n".join(not_worked),
        "do_differently": "\n\n".join(differently),
    }


@dataclass(frozen=True)
class Reading:
    """A summary as it may be shown to anyone, right now."""

    summary: LearningSummary
    title: str
    sections: dict[str, Any]

    @property
    def edited(self) -> list[tuple[str, str, str]]:
        return [(key, heading, self.sections[key]) for key, heading in EDITED_SECTIONS.items()]


def reading_of(summary: LearningSummary, now: datetime | None = None) -> Reading:
    now = now or timezone.now()
    voices = shown.voices_for(summary, queries.people_of(summary))
    opportunity = summary.opportunity
    edited = {key: voices.clean(getattr(summary, key)) for key in EDITED_SECTIONS}
    entries = shown.entries_shown(summary, voices, queries.impact_for(summary))
    comments = shown.comments_shown(voices, queries.comments_on(summary))
    withdrawn = voices.any_withdrawn or any(e.you_said == WITHDRAWN for e in entries)
    sections: dict[str, Any] = {
        "what_was_done": edited["what_was_done"],
        "level": {"code": "", "label": "Mixed"},
        "what_worked": edited["what_worked"],
        "what_did_not": edited["what_did_not"],
        "you_said_we_did": [asdict(e) for e in entries],
        "scorecard": {},
        "do_differently": edited["do_differently"],
        "comments": [asdict(c) for c in comments],
        "withdrawn": WITHDRAWN if withdrawn else None,
    }
    if opportunity is not None:
        sections["level"] = {"code": opportunity.level, "label": level_label(opportunity.level)}
        sections["scorecard"] = scores_of(scorecard(opportunity, now))
    else:
        work = queries.work_of(summary)
        levels = levels_of(work)
        if len(levels) == 1:
            sections["level"] = {"code": levels[0]["code"], "label": levels[0]["label"]}
        sections["levels"] = levels
        # The dashboard's averages (ADR 008): each principle's mean where it is judged.
        sections["scorecard"] = scorecards_across(work, now).averages
        sections["feedback_themes"] = [asdict(t) for t in queries.feedback_themes(work)]
    return Reading(summary, voices.clean(summary.title), sections)


def shown_title(summary: LearningSummary) -> str:
    """The title as it may be shown, without reading the rest of the summary."""
    return shown.voices_for(summary, queries.people_of(summary)).clean(summary.title)


def settings_of(opportunity: Opportunity) -> list[str]:
    return sorted({r.setting for r in opportunity.required_experience.all() if r.setting})


def document_of(reading: Reading, base_url: str = "") -> dict[str, Any]:
    """The open JSON document (``document.SummaryDocument``)."""
    summary = reading.summary
    opportunity = summary.opportunity
    path = reverse("learning:summary", kwargs={"summary_id": summary.pk})
    found: dict[str, Any] = {
        "schema_version": "1",
        "id": f"{base_url}{path}",
        "title": reading.title,
        "organisation": summary.organisation.name,
        "status": summary.status,
        "published_at": summary.published_at.isoformat() if summary.published_at else None,
        "work": {},
        "sections": reading.sections,
    }
    if opportunity is not None:
        found["work"] = {
            "title": opportunity.title,
            "focus": list(opportunity.focus),
            "settings": settings_of(opportunity),
        }
        return found
    work = queries.work_of(summary)
    start, end = summary.period_start, summary.period_end
    assert start is not None
    assert end is not None
    found["work"] = {
        "title": f"Work from {period_words(start, end)}",
        "focus": sorted({f for o in work for f in o.focus or []}),
        "settings": sorted({s for o in work for s in settings_of(o)}),
        "pieces": [o.title for o in work],
    }
    found["period"] = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "focus": summary.focus or None,
    }
    return found
