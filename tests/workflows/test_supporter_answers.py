"""A supporter answering for the person through their own login: only what the person
lets them do, recorded as done by the supporter for the person, confirmed to the person
by their own channel, and stopped at once when the person removes or changes them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import CheckKind, WellbeingCheck
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import OfferStatus
from powerwith.people.models import ActedFor, Person
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import booked
from tests.offers.factories import sent_offer
from tests.people.factories import only_messages, removed_by_the_person, supporter_with_login

pytestmark = pytest.mark.django_db

AGREED = {"version": "1", "agreed": "on"}


def _answer(client: Client, offer_id: int, answer: str, data: dict[str, str] | None = None):
    return client.post(
        f"/supporting/offers/{offer_id}/answer/", {**(data or AGREED), "answer": answer}
    )


def test_a_supporter_sees_each_person_who_named_them_and_what_waits(
    client: Client,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    expert_at_both: Person,
) -> None:
    here = sent_offer(riverside_coordinator, expert_at_both, title="Listening event")
    there = sent_offer(hillview_coordinator, expert_at_both, title="Ward design panel")
    _, user = supporter_with_login(expert_at_both, "help_answer")
    page = logged_in(client, user).get("/supporting/").content.decode()
    assert "Sam" in page
    assert "Help me answer" in page
    assert f"/supporting/offers/{here.pk}/" in page
    assert f"/supporting/offers/{there.pk}/" in page
    assert "Hillview Health NHS Foundation Trust" in page


def test_a_supporter_who_may_answer_accepts_for_the_person_and_it_is_recorded_as_theirs(
    client: Client,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    django_capture_on_commit_callbacks,
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside, title="Listening event")
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _answer(logged_in(client, user), offer.pk, "accept")
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED
    assert offer.accepted_version is not None
    acted = ActedFor.objects.get(person=expert_at_riverside)
    assert acted.method == "supporter"
    assert acted.recorded_by == user
    assert acted.supporter == supporter
    assert acted.organisation == offer.organisation
    # The person hears of it by their own channel (e-mail here), in plain words.
    [told] = [m for m in mail.outbox if m.to == [expert_at_riverside.email]]
    assert (
        "Sam Green, your supporter, told us that you accept the offer of work: Listening event"
        in told.body
    )
    # The person's own page and the staff's API say who answered.
    assert expert_at_riverside.user is not None
    mine = logged_in(Client(), expert_at_riverside.user).get(f"/my-offers/{offer.pk}/")
    assert "Sam Green, your supporter, told us" in mine.content.decode()
    [recorded] = (
        api_client_for(riverside_coordinator)
        .get(f"/api/v1/offers/{offer.pk}")
        .json()["recorded_for_person"]
    )
    assert recorded["method"] == "supporter"
    assert recorded["supporter"] == "Sam Green"
    staff_page = logged_in(Client(), riverside_coordinator.user).get(f"/offers/{offer.pk}/")
    assert (
        "Sam Green, Alex's supporter, answered for them through their own login"
        in staff_page.content.decode()
    )


def test_an_answer_without_the_persons_agreement_ticked_changes_nothing(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    response = _answer(logged_in(client, user), offer.pk, "accept", {"version": "1"})
    assert response.status_code == 400
    assert "agreed this answer with you" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    assert not ActedFor.objects.exists()


def test_a_supporter_who_may_answer_declines_for_the_person(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside, title="Listening event")
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    assert _answer(logged_in(client, user), offer.pk, "decline").status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED
    acted = ActedFor.objects.get()
    assert "told us that you do not want the offer of work: Listening event" in acted.words


def test_a_supporter_who_may_only_help_reads_the_offer_but_cannot_answer(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside, title="Listening event")
    _, user = supporter_with_login(expert_at_riverside, "help_answer")
    logged_in(client, user)
    page = client.get(f"/supporting/offers/{offer.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Listening event" in text
    assert "accepts this offer" not in text
    refused = _answer(client, offer.pk, "accept")
    assert refused.status_code == 403
    assert "asked you to help them answer, not to answer for them" in refused.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_a_supporter_who_may_only_get_messages_has_nothing_to_act_on(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    only_messages(supporter)
    logged_in(client, user)
    page = client.get("/supporting/").content.decode()
    assert "has asked you to get messages for them" in page
    assert f"/supporting/offers/{offer.pk}/" not in page
    assert client.get(f"/supporting/offers/{offer.pk}/").status_code == 404
    assert _answer(client, offer.pk, "accept").status_code == 404


def test_removing_a_supporter_stops_them_on_the_very_next_request(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user)
    assert client.get(f"/supporting/offers/{offer.pk}/").status_code == 200
    removed_by_the_person(supporter)
    assert "Alex" not in client.get("/supporting/").content.decode()
    assert client.get(f"/supporting/offers/{offer.pk}/").status_code == 404
    assert _answer(client, offer.pk, "accept").status_code == 404
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_another_persons_offer_is_not_found(
    client: Client,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    expert_at_both: Person,
) -> None:
    someone_else = sent_offer(riverside_coordinator, expert_at_both)
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user)
    assert client.get(f"/supporting/offers/{someone_else.pk}/").status_code == 404
    assert _answer(client, someone_else.pk, "accept").status_code == 404
    assert client.get("/supporting/offers/99999999999999999999/").status_code == 404


def test_a_member_of_staff_is_not_anyones_supporter(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, riverside_coordinator.user)
    assert client.get(f"/supporting/offers/{offer.pk}/").status_code == 404


def _due_check(by: Membership, person: Person) -> WellbeingCheck:
    booking = booked(by, person)
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    WellbeingCheck.objects.filter(pk=check.pk).update(due_at=timezone.now() - timedelta(days=1))
    check.refresh_from_db()
    return check


def test_a_supporter_who_may_answer_answers_a_wellbeing_check_for_the_person(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    check = _due_check(riverside_coordinator, expert_at_riverside)
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user)
    assert f"/supporting/checks/{check.pk}/" in client.get("/supporting/").content.decode()
    response = client.post(
        f"/supporting/checks/{check.pk}/", {"feeling": "4", "agreed": "on", "note": ""}
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.completed_at is not None
    assert check.completed_by == user
    assert check.feeling == 4
    acted = ActedFor.objects.get(subject="wellbeing_check")
    assert acted.supporter == supporter
    assert acted.recorded_by == user
    assert "you answered your wellbeing check" in acted.words
    assert "4" not in acted.words


def test_a_supporter_who_may_only_help_cannot_answer_a_wellbeing_check(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    check = _due_check(riverside_coordinator, expert_at_riverside)
    _, user = supporter_with_login(expert_at_riverside, "help_answer")
    logged_in(client, user)
    page = client.get(f"/supporting/checks/{check.pk}/").content.decode()
    assert "Send Alex" not in page
    refused = client.post(f"/supporting/checks/{check.pk}/", {"feeling": "4", "agreed": "on"})
    assert refused.status_code == 403
    check.refresh_from_db()
    assert check.completed_at is None


def test_a_person_the_confirmation_cannot_reach_is_told_by_the_contact_person(
    client: Client,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    Person.objects.filter(pk=expert_at_riverside.pk).update(email="")
    _answer(logged_in(client, user), offer.pk, "accept")
    task = ActionNeeded.objects.get(kind=ActionKind.TELL_PERSON)
    # Not the supporter, who has no action-needed list: the person's contact at the work.
    assert task.assignee == riverside_contact.user
    assert "Sam Green, your supporter, told us that you accept" in task.title
