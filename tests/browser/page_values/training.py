"""Every-page values for the Training Standard 1.5 evidence: a training course the expert
took part in (named, with their consent to be quoted), with the coordinator's record."""

from __future__ import annotations

from typing import Any

from powerwith.evaluation.services.learning import record_impact
from powerwith.evaluation.services.training import record_lived_experience_first
from powerwith.people.services import replace_experience
from tests.browser.page_values import PartCast
from tests.reports.factories import RESTRAINT, consent_to, course, involve

NOT_PAGES = {
    "reports:training_evidence_pdf": "the evidence report as a PDF download",
}


def values(cast: PartCast) -> dict[str, Any]:
    training = course(cast.coordinator, title="Safer care training course")
    person = cast.expert
    assert person.user is not None
    replace_experience(person, user=person.user, membership=None, entries=[RESTRAINT])
    involve(cast.coordinator, person, training)
    consent_to(person, training, "be_quoted", cast.coordinator)
    record_impact(
        by=cast.coordinator,
        opportunity=training,
        you_said="Start with what restraint feels like.",
        we_did="The course opens with a lived-experience session.",
        contributor_ids=[person.pk],
        standards=["impact"],
    )
    record_lived_experience_first(
        by=cast.coordinator,
        opportunity=training,
        lived_experience_first=True,
        how="The expert spoke first.",
        session_id=training.sessions.get().pk,
    )
    return {"training_opportunity_id": training.pk}
