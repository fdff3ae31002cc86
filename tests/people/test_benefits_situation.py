"""The person may say which benefit's rules apply to them, or rather not say; staff see
it only if the person chooses to share it; each offer of paid work then shows what those
rules say, before the person answers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.people.models import BenefitsSituation
from powerwith.people.services.benefits import RATHER_NOT_SAY, choose_benefit
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer
from tests.offers.factories import sent_offer
from tests.people.factories import share_only_a_summary
from tests.people.steps import signed_in

pytestmark = pytest.mark.django_db


def says(person, benefit: str, shared: bool = False):
    return choose_benefit(person, user=person.user, benefit=benefit, shared=shared)


def test_rather_not_say_is_where_everyone_starts_and_stores_nothing(
    client: Client, expert_at_riverside
):
    signed_in(client, expert_at_riverside)
    response = client.get("/my-benefits/")
    assert "You have not told us. We keep nothing about your benefits." in (
        response.content.decode()
    )
    assert response.context["form"]["benefit"].value() == "rather_not_say"
    response = client.post("/my-benefits/", {"benefit": "rather_not_say"})
    assert response.status_code == 302
    assert not BenefitsSituation.objects.filter(person=expert_at_riverside).exists()


def test_choosing_rather_not_say_deletes_what_the_person_said_before(expert_at_riverside):
    says(expert_at_riverside, "esa", shared=True)
    assert says(expert_at_riverside, RATHER_NOT_SAY) is None
    assert not BenefitsSituation.objects.filter(person=expert_at_riverside).exists()


def test_the_person_says_which_rules_apply_and_the_date_is_kept(
    client: Client, expert_at_riverside
):
    signed_in(client, expert_at_riverside)
    response = client.post("/my-benefits/", {"benefit": "universal_credit"})
    assert response.status_code == 302
    situation = BenefitsSituation.objects.get(person=expert_at_riverside)
    assert (situation.benefit, situation.shared) == ("universal_credit", False)
    page = client.get("/my-benefits/").content.decode()
    assert "Your answer now: Universal Credit. You gave it on" in page
    assert "Only you can see your answer." in page


def test_changing_the_answer_is_in_the_audit_log_without_naming_the_benefit(
    expert_at_riverside,
):
    says(expert_at_riverside, "esa")
    says(expert_at_riverside, "universal_credit")
    says(expert_at_riverside, RATHER_NOT_SAY)
    events = AuditEvent.objects.filter(action="benefits_situation.changed")
    assert events.count() == 3
    for event in events:
        assert "esa" not in str(event.details)
        assert "universal" not in str(event.details)


def test_an_empty_answer_is_refused_with_a_message_and_changes_nothing(
    client: Client, expert_at_riverside
):
    says(expert_at_riverside, "esa")
    signed_in(client, expert_at_riverside)
    response = client.post("/my-benefits/", {})
    assert response.status_code == 400
    assert "Choose an answer, or I&#x27;d rather not say." in response.content.decode()
    assert BenefitsSituation.objects.get(person=expert_at_riverside).benefit == "esa"


def test_an_unknown_benefit_is_refused(expert_at_riverside):
    with pytest.raises(InvalidInput):
        says(expert_at_riverside, "jobseekers")


def test_only_the_person_says_which_benefit_they_get(expert_at_riverside, riverside_coordinator):
    with pytest.raises(NotAllowed):
        choose_benefit(
            expert_at_riverside, user=riverside_coordinator.user, benefit="esa", shared=True
        )


LABEL = "Benefit rules about earnings that apply to them"


def test_staff_do_not_see_the_answer_unless_the_person_shares_it(
    client: Client, expert_at_riverside, riverside_coordinator
):
    says(expert_at_riverside, "esa", shared=False)
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/people/{expert_at_riverside.pk}/").content.decode()
    assert LABEL not in page
    assert "Employment and Support Allowance" not in page
    api = api_client_for(riverside_coordinator)
    assert api.get(f"/api/v1/people/{expert_at_riverside.pk}").json()["benefit"] is None
    assert client.get("/my-benefits/").status_code == 404


def test_staff_see_the_answer_once_the_person_ticks_to_share_it(
    client: Client, expert_at_riverside, riverside_coordinator
):
    says(expert_at_riverside, "esa", shared=True)
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/people/{expert_at_riverside.pk}/").content.decode()
    assert LABEL in page
    assert "Employment and Support Allowance (ESA), doing permitted work" in page
    api = api_client_for(riverside_coordinator)
    assert api.get(f"/api/v1/people/{expert_at_riverside.pk}").json()["benefit"] == "esa"


def test_a_shared_answer_stays_hidden_from_an_organisation_given_only_a_summary(
    expert_at_both, riverside_coordinator, hillview_coordinator
):
    share_only_a_summary(expert_at_both, hillview_coordinator.organisation_id)
    says(expert_at_both, "universal_credit", shared=True)
    hillview = api_client_for(hillview_coordinator)
    assert hillview.get(f"/api/v1/people/{expert_at_both.pk}").json()["benefit"] is None
    riverside = api_client_for(riverside_coordinator)
    answer = riverside.get(f"/api/v1/people/{expert_at_both.pk}").json()
    assert answer["benefit"] == "universal_credit"


# The warning on the person's own offer page


def test_esa_the_offer_page_says_which_permitted_work_line_is_crossed(
    client: Client, riverside_coordinator, expert_at_riverside
):
    says(expert_at_riverside, "esa")
    # 3 hours at £70: £210 in the week, over £195.50 and well under 16 hours.
    offer = sent_offer(riverside_coordinator, expert_at_riverside, reward_amount=Decimal("70.00"))
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert "This work and ESA permitted work" in page
    assert "This work goes over the permitted work rules in one week." in page
    assert "£210.00 of pay, which is more than £195.50" in page
    assert "hours of paid work, which is not under" not in page
    assert "Where to get benefits advice" in page


def test_esa_within_the_rules_says_so_without_a_warning(
    client: Client, riverside_coordinator, expert_at_riverside
):
    says(expert_at_riverside, "esa")
    offer = sent_offer(riverside_coordinator, expert_at_riverside)  # £75 for 3 hours
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert "Each week of this work, with the work you have agreed, is within both." in page
    assert "goes over the permitted work rules" not in page


def test_uc_the_offer_page_gives_the_months_pay_and_the_taper(
    client: Client, riverside_coordinator, expert_at_riverside
):
    says(expert_at_riverside, "universal_credit")
    accepted_offer(riverside_coordinator, expert_at_riverside, reward_amount=Decimal("100.00"))
    offer = sent_offer(riverside_coordinator, expert_at_riverside, reward_amount=Decimal("100.00"))
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert "Universal Credit has no limit on the hours you work." in page
    # Both offers' 3-hour sessions fall on the same day: £600.
    assert "your paid work would come to £600.00, this offer included." in page
    assert "by 55p for each £1" in page
    assert "This work comes to more than a Universal Credit work allowance." in page


def test_rather_not_say_gets_general_words_that_point_to_advice(
    client: Client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert "This work and benefits" in page
    assert "Being paid can affect some benefits" in page
    assert "Tell us which benefit rules apply to you" in page


def test_not_on_benefits_gets_no_benefits_words(
    client: Client, riverside_coordinator, expert_at_riverside
):
    says(expert_at_riverside, "not_on_benefits")
    offer = sent_offer(riverside_coordinator, expert_at_riverside, reward_amount=Decimal("500.00"))
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert 'id="benefits-check"' not in page


def test_staff_never_see_the_check_on_the_offer(
    client: Client, riverside_coordinator, expert_at_riverside
):
    says(expert_at_riverside, "esa", shared=True)
    offer = sent_offer(riverside_coordinator, expert_at_riverside, reward_amount=Decimal("70.00"))
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/offers/{offer.pk}/").content.decode()
    assert "permitted work rules" not in page
    assert 'id="benefits-check"' not in page


def test_the_payment_choice_page_shows_the_check_for_the_agreed_work(
    client: Client, riverside_coordinator, expert_at_riverside
):
    says(expert_at_riverside, "esa")
    offer = accepted_offer(
        riverside_coordinator, expert_at_riverside, reward_amount=Decimal("70.00")
    )
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-claims/payment-choice/{offer.pk}/").content.decode()
    assert "£210.00 of pay, which is more than £195.50" in page


def test_the_persons_profile_says_which_rules_apply_and_links_to_change_them(
    client: Client, expert_at_riverside
):
    signed_in(client, expert_at_riverside)
    page = client.get("/my-profile/").content.decode()
    assert "You would rather not say." in page
    says(expert_at_riverside, "universal_credit")
    page = client.get("/my-profile/").content.decode()
    assert "Universal Credit." in page
    assert 'href="/my-benefits/"' in page
