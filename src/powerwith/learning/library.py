"""The network library: published summaries of every organisation that shares them, and
summaries imported from other installations, searchable by focus, setting and level.
Each entry names its organisation; the experts in it appear as each summary shows them
(``shown``), never otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.core.choices import CoWorkingLevel, Focus
from powerwith.learning import queries
from powerwith.learning.models import LearningSummary
from powerwith.learning.sections import level_label, settings_of, shown_title
from powerwith.people.schedule import SETTINGS

FOCUS_LABELS = dict(Focus.choices)
SETTING_LABELS = dict(SETTINGS)


@dataclass(frozen=True)
class Entry:
    title: str
    organisation: str
    level: str
    focus: list[str]
    settings: list[str]
    url: str
    imported: bool
    # A summary of a period: the level of each piece of its work ("" for one piece).
    levels: tuple[str, ...] = ()

    @property
    def level_label(self) -> str:
        if len(set(self.levels)) > 1:
            return ", ".join(level_label(code) for code in sorted(set(self.levels)))
        return level_label(self.level) if self.level in CoWorkingLevel.values else "Level not set"

    @property
    def setting_labels(self) -> list[str]:
        return [SETTING_LABELS.get(code, code) for code in self.settings]

    @property
    def focus_labels(self) -> list[str]:
        return [FOCUS_LABELS.get(code, code) for code in self.focus]


def _matches(entry: Entry, chosen: queries.LibraryFilter) -> bool:
    return (
        (not chosen.focus or chosen.focus in entry.focus)
        and (not chosen.setting or chosen.setting in entry.settings)
        and (not chosen.level or chosen.level == entry.level or chosen.level in entry.levels)
    )


def _entry(summary: LearningSummary) -> Entry:
    work = queries.work_of(summary)
    levels = tuple(o.level for o in work)
    return Entry(
        title=shown_title(summary),
        organisation=summary.organisation.name,
        level=levels[0] if len(set(levels)) == 1 else "",
        focus=sorted({f for o in work for f in o.focus or []}),
        settings=sorted({s for o in work for s in settings_of(o)}),
        url=reverse("learning:summary", kwargs={"summary_id": summary.pk}),
        imported=False,
        levels=levels if summary.is_period else (),
    )


def entries(membership: Membership, chosen: queries.LibraryFilter) -> list[Entry]:
    found = [_entry(s) for s in queries.library_summaries()]
    for i in queries.imported_summaries(membership):
        work = i.document.get("work", {})
        sections = i.document.get("sections", {})
        found.append(
            Entry(
                title=i.title,
                organisation=i.source_organisation,
                level=sections.get("level", {}).get("code", ""),
                focus=list(work.get("focus", [])),
                settings=list(work.get("settings", [])),
                url=reverse("learning:imported", kwargs={"imported_id": i.pk}),
                imported=True,
                levels=tuple(lv.get("code", "") for lv in sections.get("levels") or []),
            )
        )
    return [e for e in found if _matches(e, chosen)]
