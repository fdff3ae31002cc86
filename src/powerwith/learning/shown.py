"""What a learning summary may show of the experts who took part, by the ledger's rule.

A summary leaves the organisation, so an expert's own words — what they said in "you said,
we did", their comments on the draft — appear only while their consent to *publish
outside the organisation* (``publish``) is given for the work, as well as the impact
log's own rule for their story (``share_narrative``, ``evaluation.impact_consent``). A
person is named only while both ``publish`` and *be quoted* (``be_quoted``) are given;
otherwise they are "An expert by experience", and their name is taken out of the
coordinator's own words too. Each rule is the ledger's (``consent.usability``: this
opportunity or all the organisation's work, the more specific deciding, a later
withdrawal for all the work overriding it, lapsed is not given), asked every time the
summary is read, so a withdrawal reaches every copy at once.

Withdrawing *take part* (``take_part``) or *be quoted* takes a person's words out of the
summary too, in every reading: the draft they and the other experts read as well as the
published copies. A comment on the draft is the coordinator's to read; it is published
only when the coordinator quotes it, and a quoted comment follows the *be quoted* rule
(``be_quoted`` as well as ``publish``).

A summary of a period covers several pieces of work: a person's standing is asked for
each piece their words or name come from (``queries.works_by_person``), and is given only
when it is given for every one of them; a withdrawal from any one of them counts.

Once anyone whose words or name the summary holds withdraws, it says that a contribution
was withdrawn — never whose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from powerwith.accounts.models import Organisation
from powerwith.consent.usability import Standing, standings_for_work
from powerwith.consent.wording import Scope
from powerwith.evaluation.impact_consent import ANONYMOUS, NOT_AGREED, WITHDRAWN, as_shown
from powerwith.evaluation.models import ImpactEntry
from powerwith.learning import queries
from powerwith.learning.models import LearningSummary, SummaryComment
from powerwith.people.models import Person

NOT_PUBLISHED = (
    "Not shown: the people who said this have not agreed (or no longer agree) to their "
    "words being published."
)
# In the coordinator's own words, where a person who is not to be named was named.
UNNAMED = "an expert by experience"


@dataclass
class Voices:
    """The consent standing of everyone who took part, for one summary."""

    people: dict[int, Person]
    publish: dict[int, Standing]
    quoted: dict[int, Standing]
    taking_part: dict[int, Standing] = field(default_factory=dict)
    referenced: set[int] = field(default_factory=set)

    def _withdrew_part_or_quote(self, person_id: int) -> bool:
        taking = self.taking_part.get(person_id)
        return self.quoted[person_id].state == "withdrawn" or (
            taking is not None and taking.state == "withdrawn"
        )

    def words_allowed(self, person_id: int) -> bool:
        return self.publish[person_id].is_given and not self._withdrew_part_or_quote(person_id)

    def may_be_quoted(self, person_id: int) -> bool:
        return self.words_allowed(person_id) and self.quoted[person_id].is_given

    def named(self, person_id: int) -> bool:
        return self.publish[person_id].is_given and self.quoted[person_id].is_given

    def withdrew(self, person_id: int) -> bool:
        return "withdrawn" in (
            self.publish[person_id].state,
            self.quoted[person_id].state,
        ) or self._withdrew_part_or_quote(person_id)

    def name_of(self, person_id: int) -> str:
        self.referenced.add(person_id)
        return self.people[person_id].preferred_name if self.named(person_id) else ANONYMOUS

    def clean(self, text: str) -> str:
        """The text with the name of everyone not to be named taken out."""
        for pk, person in self.people.items():
            if self.named(pk):
                continue
            for name in {person.preferred_name, person.full_name} - {""}:
                pattern = re.compile(rf"\b{re.escape(name)}\b", flags=re.IGNORECASE)
                if pattern.search(text):
                    self.referenced.add(pk)
                    text = pattern.sub(UNNAMED, text)
        return text

    @property
    def any_withdrawn(self) -> bool:
        return any(self.withdrew(pk) for pk in self.referenced)


def voices_for(summary: LearningSummary, people: Iterable[Person]) -> Voices:
    found = {p.pk: p for p in people}
    works = queries.works_by_person(summary, list(found.values()))
    organisation = summary.organisation
    return Voices(
        people=found,
        publish=_standings(organisation, Scope.PUBLISH, works),
        quoted=_standings(organisation, Scope.BE_QUOTED, works),
        taking_part=_standings(organisation, Scope.TAKE_PART, works),
    )


def _standings(
    organisation: Organisation, scope: str, works: dict[int, set[int]]
) -> dict[int, Standing]:
    every = set().union(*works.values()) if works else set()
    found = standings_for_work(organisation, scope, every, set(works))
    return {
        pk: _most_careful([found.get((w, pk), Standing("none", scope)) for w in sorted(ids)], scope)
        for pk, ids in works.items()
    }


def _most_careful(standings: list[Standing], scope: str) -> Standing:
    """Given only when given for every piece of work; a withdrawal from any one counts."""
    for wanted in ("withdrawn", "lapsed", "none"):
        for standing in standings:
            if standing.state == wanted:
                return standing
    return standings[0] if standings else Standing("none", scope)


@dataclass(frozen=True)
class ShownEntry:
    you_said: str
    we_did: str
    contributors: list[str]


def entries_shown(
    summary: LearningSummary, voices: Voices, entries: list[ImpactEntry]
) -> list[ShownEntry]:
    shown = []
    for impact in as_shown(summary.organisation, entries):
        ids = [p.pk for p in impact.entry.contributors.all()]
        voices.referenced.update(ids)
        if impact.words_shown and all(voices.words_allowed(pk) for pk in ids):
            said = voices.clean(impact.you_said)
        elif impact.you_said == WITHDRAWN or any(voices.withdrew(pk) for pk in ids):
            said = WITHDRAWN
        elif impact.you_said == NOT_AGREED:
            said = NOT_AGREED
        else:
            said = NOT_PUBLISHED
        names = sorted(voices.name_of(pk) for pk in ids)
        shown.append(ShownEntry(said, voices.clean(impact.we_did), names))
    return shown


@dataclass(frozen=True)
class ShownComment:
    text: str
    by: str


def comments_shown(voices: Voices, comments: list[SummaryComment]) -> list[ShownComment]:
    """The comments the coordinator quoted that may be shown; the others are left out
    (and counted as withdrawn in the summary's notice when their writer withdrew)."""
    shown = []
    for comment in comments:
        if comment.quoted_at is None:
            continue
        voices.referenced.add(comment.person_id)
        if voices.may_be_quoted(comment.person_id):
            shown.append(
                ShownComment(voices.clean(comment.text), voices.name_of(comment.person_id))
            )
    return shown


@dataclass(frozen=True)
class CommentForCoordinator:
    """A comment as the coordinator reads it beside the draft: who and when, its words
    unless the person withdrew from the work, and whether it may be quoted."""

    comment: SummaryComment
    name: str
    text: str
    withdrawn: bool
    quotable: bool


def comments_for_coordinator(
    voices: Voices, comments: list[SummaryComment]
) -> list[CommentForCoordinator]:
    found = []
    for c in comments:
        taking = voices.taking_part.get(c.person_id)
        withdrawn = taking is not None and taking.state == "withdrawn"
        found.append(
            CommentForCoordinator(
                comment=c,
                name=c.person.preferred_name,
                text="" if withdrawn else c.text,
                withdrawn=withdrawn,
                quotable=voices.may_be_quoted(c.person_id),
            )
        )
    return found
