"""Every place a person's words or name can be shown, found from the model registry, and
each that shows them to others checked after the person withdraws their consent.

The registry finds every field that can hold a person's words or name: the text fields
of a person, and of every model related to a person. Each must be listed below with
what governs where it is shown, so a new one fails this test until someone decides. The
ones shown beside the work to other people are then planted with a canary and read back
from every page, report and API that shows them, before and after withdrawal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.evaluation.impact_consent import ANONYMOUS, WITHDRAWN
from powerwith.evaluation.services.learning import record_impact, share_impact
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in, make_expert
from tests.engagements.factories import expert_membership
from tests.workflows.factories import agreed_offer, agreed_to

pytestmark = pytest.mark.django_db

# What governs each field that can hold a person's words or name.
STORY = "their words about their experience, shown beside the work only while consent is given"
NAME = "their name: named beside their words, or in reports, only with consent to be quoted"
PROFILE = "their profile: shown only to organisations, as the person shares it"
PRIVATE = "shown to the person and the staff who support them; never quoted or published"
FEEDBACK = "said to the organisation about the work; named only if the person chose to be"
STAFF = "the organisation's own words, not the person's"
PUBLISHED = (
    "their comment on a learning summary: published only while consent to publish is given, "
    "named only with consent to be quoted (tests/learning)"
)
MACHINE = "codes, hashes and links, not words"
OWN_COPY = "a copy of everything held, made for the person and opened by them alone"

GOVERNED = {
    "people.Person.preferred_name": NAME,
    "people.Person.full_name": NAME,
    "people.Person.pronouns": PROFILE,
    "people.Person.email": PROFILE,
    "people.Person.phone": PROFILE,
    "people.Person.town": PROFILE,
    "people.Person.postal_address": PROFILE,
    "people.Person.about": PROFILE,
    "people.Person.personal_goals": PROFILE,
    "people.Person.professional_goals": PROFILE,
    "people.Person.adjustments": PROFILE,
    "people.ActedFor.note": PRIVATE,
    "people.ActedFor.words": PRIVATE,
    "people.ActedFor.subject": MACHINE,
    "people.Person.formats": MACHINE,
    "people.Person.skills": MACHINE,
    "people.Person.interests": MACHINE,
    "people.Person.available_days": MACHINE,
    "people.Person.available_modes": MACHINE,
    "people.ExperienceEntry.note": PROFILE,
    "people.WellnessActionPlan.keeps_me_well": PRIVATE,
    "people.WellnessActionPlan.warning_signs": PRIVATE,
    "people.WellnessActionPlan.affects_work": PRIVATE,
    "people.WellnessActionPlan.support_from_contact": PRIVATE,
    "people.WellnessActionPlan.steps_i_can_take": PRIVATE,
    "people.EarningsLimit.note": PRIVATE,
    "people.Supporter.name": PRIVATE,
    "people.Supporter.relationship": PRIVATE,
    "people.Supporter.email": PRIVATE,
    "people.Supporter.phone": PRIVATE,
    "people.Supporter.may": MACHINE,
    "messaging.Message.about": STAFF,
    "messaging.Message.subject": STAFF,
    "messaging.Message.detail": STAFF,
    "messaging.Message.attempts": STAFF,
    "messaging.Message.body": PRIVATE,
    "messaging.Message.call_note": PRIVATE,
    "messaging.Message.to": PRIVATE,
    "messaging.Message.postal_address": PRIVATE,
    "messaging.Message.topic": MACHINE,
    "messaging.Message.key": MACHINE,
    "messaging.Message.formats": MACHINE,
    "messaging.Message.link": MACHINE,
    "messaging.Message.enclosure": MACHINE,
    "messaging.Message.provider_id": MACHINE,
    "offers.Offer.terms": PRIVATE,
    "engagements.Attendance.cancel_reason": PRIVATE,
    "engagements.Adjustment.details": PRIVATE,
    "engagements.Adjustment.category": MACHINE,
    "inbox.ActionNeeded.title": STAFF,
    "inbox.ActionNeeded.key": MACHINE,
    "inbox.ActionNeeded.link": MACHINE,
    "consent.ConsentEvent.wording_hash": MACHINE,
    "consent.ConsentEvent.previous_hash": MACHINE,
    "consent.ConsentEvent.hash": MACHINE,
    "consent.ConsentEvent.mac": MACHINE,
    "consent.ConsentEvent.key_id": MACHINE,
    "consent.Output.title": STAFF,
    "consent.Output.uses": MACHINE,
    "payments.RewardChoice.reason": PRIVATE,
    "payments.Claim.description": PRIVATE,
    "payments.Claim.journey_from": PRIVATE,
    "payments.Claim.journey_to": PRIVATE,
    "payments.EmploymentStatusDecision.answers": STAFF,
    "payments.EmploymentStatusDecision.reasons": STAFF,
    "payments.PayRouteChoice.charity": PRIVATE,
    "payments.RewardChoice.words_seen": PRIVATE,
    "evaluation.FeedbackAnswer.comments": FEEDBACK,
    "evaluation.ImpactEntry.you_said": STORY,
    "evaluation.ImpactEntry.we_did": STAFF,
    "evaluation.ImpactEntry.standards": MACHINE,
    "evaluation.DevelopmentAction.details": PRIVATE,
    "privacy.AccessLogEntry.viewer_role": MACHINE,
    "learning.SummaryComment.text": PUBLISHED,
    "privacy.AccessLogEntry.where": MACHINE,
    "safe_to_work.CheckRecord.name": STAFF,
    "safe_to_work.CheckRecord.certificate_number": PRIVATE,
    "privacy.InformationCopy.pdf": OWN_COPY,
    "privacy.InformationCopy.data": OWN_COPY,
}
WORDS = (models.CharField, models.TextField, models.JSONField)


def _holds_words(field: models.Field) -> bool:  # type: ignore[type-arg]
    return isinstance(field, WORDS) and not field.choices


def fields_with_a_persons_words() -> Iterator[str]:
    for model in apps.get_models():
        if not model.__module__.startswith("powerwith."):
            continue
        related = model is Person or any(
            getattr(f, "related_model", None) is Person and (f.concrete or f.many_to_many)
            for f in model._meta.get_fields()
        )
        if related:
            for field in model._meta.concrete_fields:
                if _holds_words(field):
                    yield f"{model._meta.label}.{field.name}"


def test_every_field_that_can_hold_a_persons_words_or_name_is_governed():
    found = set(fields_with_a_persons_words())
    assert found - set(GOVERNED) == set(), "decide what governs these, and check it below"
    assert set(GOVERNED) - found == set(), "these are gone: remove them from GOVERNED"


# Where a story and its teller's name are shown to others, for the check below.
def places(offer, staff: Client, person_client: Client, api: Client) -> dict[str, str]:
    opportunity = offer.opportunity_id
    return {
        "the impact log": staff.get(f"/opportunities/{opportunity}/impact/").text,
        "the training evidence": staff.get(f"/opportunities/{opportunity}/training-evidence/").text,
        "the training evidence API": api.get(
            f"/api/v1/opportunities/{opportunity}/training-evidence"
        ).text,
        "another contributor's page": person_client.get("/you-said-we-did/").text,
    }


@pytest.fixture
def two_contributors(riverside, riverside_coordinator):
    """Sam and Kit took part in a training course; what Sam said is in the impact log and
    was shared with both of them. Both agreed to share their story and to be quoted."""
    sam = make_expert("sam@people.example", "Sam", riverside)
    kit = make_expert("kit@people.example", "Kit", riverside)
    offer = agreed_offer(riverside_coordinator, sam)
    agreed_to(riverside_coordinator, kit, offer)
    for person in (sam, kit):
        for scope in ("share_narrative", "be_quoted"):
            consent.grant_consent(
                person=person,
                scope=scope,
                actor=expert_membership(person, riverside.pk),
                opportunity=offer.opportunity,
            )
    entry = record_impact(
        by=riverside_coordinator,
        opportunity=offer.opportunity,
        you_said="CANARY-WORDS: being held down was the most frightening part.",
        we_did="The course now starts with what restraint feels like.",
        contributor_ids=[sam.pk, kit.pk],
        standards=["impact"],
    )
    share_impact(by=riverside_coordinator, entry=entry)
    return offer, sam, kit


def _withdraw(person: Person, scope: str, offer) -> None:
    consent.withdraw_consent(
        person=person,
        scope=scope,
        actor=expert_membership(person, offer.organisation_id),
        opportunity=offer.opportunity,
    )


def test_a_story_is_shown_everywhere_while_consent_is_given_and_nowhere_after(
    client, two_contributors, riverside_coordinator: Membership
):
    offer, sam, kit = two_contributors
    staff = logged_in(Client(), riverside_coordinator.user)
    kits = logged_in(client, kit.user)
    api = api_client_for(riverside_coordinator)
    before = places(offer, staff, kits, api)
    for place, text in before.items():
        assert "CANARY-WORDS" in text, place

    _withdraw(sam, "share_narrative", offer)
    after = places(offer, staff, kits, api)
    for place, text in after.items():
        assert "CANARY-WORDS" not in text, place
    assert WITHDRAWN in after["the impact log"]
    assert WITHDRAWN in after["another contributor's page"]
    # The organisation's own words stay.
    assert "The course now starts with what restraint feels like." in after["the impact log"]


def test_a_name_is_shown_beside_the_words_only_with_consent_to_be_quoted(
    two_contributors, riverside_coordinator: Membership
):
    offer, sam, _kit = two_contributors
    staff = logged_in(Client(), riverside_coordinator.user)
    impact = f"/opportunities/{offer.opportunity_id}/impact/"
    assert _contributors_shown(staff.get(impact).text) == "Kit, Sam"
    _withdraw(sam, "be_quoted", offer)
    page = staff.get(impact).text
    assert "CANARY-WORDS" in page
    assert _contributors_shown(page) == f"{ANONYMOUS}, Kit"


def _contributors_shown(page: str) -> str:
    """The names in the entry's "Contributors" row."""
    found = re.search(r"Contributors</dt>\s*<dd[^>]*>\s*(.*?)\s*</dd>", page, flags=re.DOTALL)
    assert found is not None
    return found.group(1).strip()
