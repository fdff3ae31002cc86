"""An offer never tells an organisation what the person keeps back from it."""

from __future__ import annotations

import pytest

from powerwith.offers import content
from powerwith.offers import services as offer_services
from powerwith.people import services as people_services
from powerwith.people.choices import PaymentPreference, Sharing, YesNo
from tests.offers.factories import complete_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def alex(expert_at_riverside):
    user = expert_at_riverside.user
    people_services.update_person(
        expert_at_riverside,
        user=user,
        membership=None,
        changes={
            "payment_preference": PaymentPreference.VOUCHER,
            "benefits_advice": YesNo.NO,
        },
    )
    return expert_at_riverside


def offer_without_terms(by, person):
    opportunity = complete_opportunity(by)
    return offer_services.create_offer(by=by, opportunity=opportunity, person=person)


def share(person, organisation, level):
    people_services.set_sharing(
        person, user=person.user, organisation_id=organisation.pk, sharing=level
    )


def test_details_shared_the_offer_uses_the_persons_payment_preference(
    alex, riverside, riverside_coordinator
):
    share(alex, riverside, Sharing.DETAILS)
    built = content.build(offer_without_terms(riverside_coordinator, alex))
    assert built["reward"]["method"] == PaymentPreference.VOUCHER
    assert built["benefits_signpost"] is None  # they said they do not want it


def test_summary_shared_the_offer_reveals_neither_payment_preference_nor_benefits_answer(
    alex, riverside, riverside_coordinator
):
    share(alex, riverside, Sharing.SUMMARY)
    offer = offer_without_terms(riverside_coordinator, alex)
    built = content.build(offer)
    assert built["reward"]["method"] == ""
    assert "payment_method" in content.missing(built)
    # Without their answer, everyone is signposted: it reveals nothing.
    assert built["benefits_signpost"] == content.DEFAULT_BENEFITS_SIGNPOST
