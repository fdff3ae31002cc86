"""Feedback after the work: asked of the right people, in their format, anonymous when
they choose, and bad input changes nothing."""

from __future__ import annotations

from django.core import mail

from powerwith.accounts.models import AuditEvent
from powerwith.evaluation.models import FeedbackAnswer, FeedbackRequest
from powerwith.evaluation.services.feedback import ask_for_feedback, sweep
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer, expert_membership
from tests.evaluation.factories import ALL_AGREE, finished


def test_a_person_whose_work_is_finished_is_asked_how_it_went(
    client, riverside_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, expert_at_riverside.user).get("/my-feedback/")
    assert f"/my-feedback/{offer.pk}/" in page.content.decode()


def test_work_not_finished_is_not_open_for_feedback(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    response = client.post(f"/my-feedback/{offer.pk}/", ALL_AGREE)
    assert response.status_code == 200
    assert "once your part in the work is finished" in response.content.decode()
    assert not FeedbackAnswer.objects.exists()


def test_a_named_answer_is_kept_with_the_person(client, riverside_coordinator, expert_at_riverside):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    response = client.post(f"/my-feedback/{offer.pk}/", {**ALL_AGREE, "comments": "Kind team."})
    assert response.status_code == 302
    answer = FeedbackAnswer.objects.get()
    assert answer.person == expert_at_riverside
    assert answer.respected == 5
    assert answer.influence == 3
    assert FeedbackRequest.objects.get(person=expert_at_riverside).answered


def test_an_anonymous_answer_cannot_be_joined_back_to_the_person(
    client, riverside_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    client.post(
        f"/my-feedback/{offer.pk}/", {**ALL_AGREE, "comments": "Too rushed.", "anonymous": "on"}
    )
    answer = FeedbackAnswer.objects.get()
    assert answer.person_id is None
    assert answer.given_in.day == 1  # only the month is kept
    # Nothing written elsewhere points at the answer.
    for event in AuditEvent.objects.filter(action="feedback.given"):
        assert str(answer.pk) not in str(event.details)
        assert event.target_id != str(answer.pk)
    staff = logged_in(client, riverside_coordinator.user).get(
        f"/opportunities/{offer.opportunity_id}/feedback/"
    )
    text = staff.content.decode()
    assert "Too rushed." in text
    assert "Anonymous" in text
    assert "Alex" not in text


def test_an_auditor_sees_no_names_even_of_named_answers(
    client, riverside_coordinator, riverside_auditor, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user).post(
        f"/my-feedback/{offer.pk}/", {**ALL_AGREE, "comments": "Good."}
    )
    coordinator = logged_in(client, riverside_coordinator.user).get(
        f"/opportunities/{offer.opportunity_id}/feedback/"
    )
    assert "Alex" in coordinator.content.decode()
    auditor = logged_in(client, riverside_auditor.user).get(
        f"/opportunities/{offer.opportunity_id}/feedback/"
    )
    assert auditor.status_code == 200
    assert "Alex" not in auditor.content.decode()


def test_a_score_of_six_is_refused_and_nothing_is_written(
    client, riverside_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    response = client.post(f"/my-feedback/{offer.pk}/", {**ALL_AGREE, "safe": "6"})
    assert response.status_code == 400
    assert "Choose one of the answers" in response.content.decode()
    membership = expert_membership(expert_at_riverside, offer.organisation_id)
    api = api_client_for(membership).post(
        f"/api/v1/offers/{offer.pk}/feedback",
        {"answers": {"safe": 6}},
        content_type="application/json",
    )
    assert api.status_code == 422
    assert not FeedbackAnswer.objects.exists()
    assert not FeedbackRequest.objects.filter(answered=True).exists()


def test_feedback_on_someone_elses_work_is_not_found(
    client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_both.user)
    assert client.post(f"/my-feedback/{offer.pk}/", ALL_AGREE).status_code == 404
    membership = expert_membership(expert_at_both, offer.organisation_id)
    api = api_client_for(membership).post(
        f"/api/v1/offers/{offer.pk}/feedback",
        {"answers": {"safe": 5}},
        content_type="application/json",
    )
    assert api.status_code == 404
    assert not FeedbackAnswer.objects.exists()


def test_the_api_takes_an_answer_once(riverside_coordinator, expert_at_riverside):
    offer = finished(riverside_coordinator, expert_at_riverside)
    api = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    body = {"answers": {"respected": 4}, "anonymous": True}
    first = api.post(f"/api/v1/offers/{offer.pk}/feedback", body, content_type="application/json")
    assert first.status_code == 201
    again = api.post(f"/api/v1/offers/{offer.pk}/feedback", body, content_type="application/json")
    assert again.status_code == 409
    assert FeedbackAnswer.objects.count() == 1


def test_an_empty_answer_is_refused(riverside_coordinator, expert_at_riverside):
    offer = finished(riverside_coordinator, expert_at_riverside)
    api = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    response = api.post(f"/api/v1/offers/{offer.pk}/feedback", {}, content_type="application/json")
    assert response.status_code == 422
    assert not FeedbackAnswer.objects.exists()


def test_the_staff_summary_counts_each_answer(riverside_coordinator, expert_at_riverside):
    offer = finished(riverside_coordinator, expert_at_riverside)
    api = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    api.post(
        f"/api/v1/offers/{offer.pk}/feedback",
        {"answers": {"safe": 2}, "comments": "Loud room.", "anonymous": True},
        content_type="application/json",
    )
    summary = (
        api_client_for(riverside_coordinator)
        .get(f"/api/v1/opportunities/{offer.opportunity_id}/feedback")
        .json()
    )
    safe = next(q for q in summary["questions"] if q["code"] == "safe")
    assert safe["answered"] == 1
    assert {"answer": "Disagree", "count": 1} in safe["counts"]
    assert summary["comments"] == [{"text": "Loud room.", "name": "Anonymous"}]


def test_a_person_who_prefers_easy_read_is_linked_to_the_easy_read_form(
    client, riverside_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    user = expert_at_riverside.user
    user.easy_read_first = True
    user.save()
    logged_in(client, user)
    listing = client.get("/my-feedback/").content.decode()
    assert f'href="/my-feedback/{offer.pk}/easy-read/"' in listing
    assert listing.index("easy-read/") < listing.index(f'href="/my-feedback/{offer.pk}/"')
    easy = client.get(f"/my-feedback/{offer.pk}/easy-read/").content.decode()
    assert "Did you feel safe?" in easy
    assert "Yes, very much" in easy
    sent = client.post(f"/my-feedback/{offer.pk}/easy-read/", {"safe": "5"})
    assert sent.status_code == 302


def test_everyone_whose_part_is_finished_is_asked_once_by_email(
    django_capture_on_commit_callbacks, riverside_coordinator, expert_at_riverside
):
    from django.utils import timezone

    offer = finished(riverside_coordinator, expert_at_riverside)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(timezone.now()) == 1
    assert len(mail.outbox) == 1
    assert f"/my-feedback/{offer.pk}/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(timezone.now()) == 0
        assert ask_for_feedback(offer.opportunity, now=timezone.now()) == 0
    assert len(mail.outbox) == 1


def test_staff_can_ask_from_the_feedback_page(client, riverside_coordinator, expert_at_riverside):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    response = client.post(f"/opportunities/{offer.opportunity_id}/feedback/ask/")
    assert response.status_code == 302
    assert FeedbackRequest.objects.filter(person=expert_at_riverside).exists()


def test_another_organisations_feedback_is_not_found(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    offer = finished(riverside_coordinator, expert_at_riverside)
    logged_in(client, hillview_coordinator.user)
    assert client.get(f"/opportunities/{offer.opportunity_id}/feedback/").status_code == 404
    assert client.post(f"/opportunities/{offer.opportunity_id}/feedback/ask/").status_code == 404
    assert (
        api_client_for(hillview_coordinator)
        .get(f"/api/v1/opportunities/{offer.opportunity_id}/feedback")
        .status_code
        == 404
    )
