"""What "you said, we did" may show of the people whose words it records.

"You said" is the experts' own words about their experience: their story. It is shown
only while every contributor's consent to *share my personal story* (``share_narrative``)
is given for the work, by the ledger's own rule (this opportunity, or all the
organisation's work; the more specific decides; a later withdrawal for all the work
overrides it; lapsed is not given). Once anyone withdraws, every page, report and
download shows that a contribution was withdrawn — never whose. "We did" is the
organisation's own words and stays.

A contributor is named beside the words only while their consent to be quoted
(``be_quoted``) is given, as in the training evidence; otherwise they are "An expert by
experience".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from powerwith.accounts.models import Organisation
from powerwith.consent.usability import standings_for_work
from powerwith.consent.wording import Scope
from powerwith.evaluation.models import ImpactEntry

WITHDRAWN = "A contribution was withdrawn: it is no longer shown."
NOT_AGREED = (
    "Not shown: the people who said this have not agreed (or no longer agree) to their "
    "story being shared."
)
ANONYMOUS = "An expert by experience"


@dataclass(frozen=True)
class ShownImpact:
    """An impact entry as it may be shown."""

    entry: ImpactEntry
    you_said: str
    words_shown: bool
    contributors: list[str]

    @property
    def we_did(self) -> str:
        return self.entry.we_did


def as_shown(organisation: Organisation, entries: Iterable[ImpactEntry]) -> list[ShownImpact]:
    """Each entry of the organisation's, with the consent rule applied, in two queries
    for any number of entries (their contributors prefetched when the caller has)."""
    listed = list(entries)
    people = {(e.opportunity_id, p.pk): p for e in listed for p in e.contributors.all()}
    opportunity_ids = {e.opportunity_id for e in listed}
    person_ids = {person_id for _, person_id in people}
    story = standings_for_work(organisation, Scope.SHARE_NARRATIVE, opportunity_ids, person_ids)
    quoted = standings_for_work(organisation, Scope.BE_QUOTED, opportunity_ids, person_ids)
    shown = []
    for entry in listed:
        keys = [(entry.opportunity_id, p.pk) for p in entry.contributors.all()]
        states = {story[key].state for key in keys}
        words_shown = states <= {"given"}
        if words_shown:
            said = entry.you_said
        elif "withdrawn" in states:
            said = WITHDRAWN
        else:
            said = NOT_AGREED
        names = sorted(
            people[key].preferred_name if quoted[key].is_given else ANONYMOUS for key in keys
        )
        shown.append(ShownImpact(entry, said, words_shown, names))
    return shown
