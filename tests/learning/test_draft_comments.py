"""The experts who took part see the draft and may comment: they are told by their own
channel and on their home page, their comment is kept encrypted for the coordinator, it
is published only when the coordinator quotes it (and only while they agree to be
quoted), and anyone who withdrew reads a draft without their words."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from powerwith.learning import services
from powerwith.learning.models import LearningSummary, SummaryComment
from powerwith.messaging.models import Message
from tests.conftest import api_client_for, logged_in, make_expert
from tests.learning.factories import CANARY_WORDS, drafted, withdraw, work_with_two_experts
from tests.learning.test_summaries import every_format

pytestmark = pytest.mark.django_db

COMMENT = "CANARY-COMMENT: the summary leaves out how long the waits were."


@pytest.fixture
def work(riverside, riverside_coordinator):
    return work_with_two_experts(riverside_coordinator, riverside)


def _period(coordinator) -> LearningSummary:
    today = timezone.localdate()
    return services.draft_period_summary(
        by=coordinator, start=today - timedelta(days=30), end=today
    )


def _comment(summary: LearningSummary, person, text: str = COMMENT) -> SummaryComment:
    from powerwith.accounts.models import Membership

    membership = Membership.objects.get(user=person.user, organisation=summary.organisation)
    return services.comment_on_summary(by=membership, summary=summary, text=text)


def test_each_expert_who_took_part_is_told_by_their_channel_when_a_draft_is_made(
    riverside_coordinator, work, django_capture_on_commit_callbacks
):
    _offer, zephyrine, quillon = work
    with django_capture_on_commit_callbacks(execute=True):
        summary = _period(riverside_coordinator)
    for person in (zephyrine, quillon):
        (message,) = Message.objects.filter(person=person, topic="summary_comments")
        assert f"/learning/summaries/{summary.pk}/" in message.link


def test_an_expert_who_did_not_take_part_is_not_told(
    riverside, riverside_coordinator, work, django_capture_on_commit_callbacks
):
    outsider = make_expert("outsider@people.example", "Outsider", riverside)
    with django_capture_on_commit_callbacks(execute=True):
        _period(riverside_coordinator)
    assert Message.objects.filter(topic="summary_comments").count() == 2
    assert not Message.objects.filter(person=outsider, topic="summary_comments").exists()


def test_asking_again_tells_them_again(
    client, riverside_coordinator, work, django_capture_on_commit_callbacks
):
    _offer, zephyrine, _q = work
    logged_in(client, riverside_coordinator.user)
    with django_capture_on_commit_callbacks(execute=True):
        summary = _period(riverside_coordinator)
        response = client.post(f"/learning/summaries/{summary.pk}/ask/")
    assert response.status_code == 302
    assert Message.objects.filter(person=zephyrine, topic="summary_comments").count() == 2


def test_the_draft_waits_on_the_experts_home_until_they_comment(
    client, riverside_coordinator, work
):
    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    logged_in(client, quillon.user)
    home = client.get("/")
    assert "A draft of what we learned is waiting for your comments" in home.text
    assert f"/learning/summaries/{summary.pk}/" in home.text
    _comment(summary, quillon)
    assert "waiting for your comments" not in client.get("/").text


def test_an_expert_reads_the_period_draft_and_comments_on_their_own_page(
    client, riverside_coordinator, work
):
    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    logged_in(client, quillon.user)
    page = client.get(f"/learning/summaries/{summary.pk}/")
    assert page.status_code == 200
    assert "Comment on this draft" in page.text
    response = client.post(f"/learning/summaries/{summary.pk}/comment/", {"text": COMMENT})
    assert response.status_code == 302
    assert COMMENT in client.get(f"/learning/summaries/{summary.pk}/").text


def test_a_comment_is_kept_encrypted_with_who_and_when(riverside_coordinator, work):
    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    comment = _comment(summary, quillon)
    assert comment.person == quillon
    assert comment.created_at is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM learning_summarycomment WHERE id = %s", [comment.pk])
        (stored,) = cursor.fetchone()
    assert "CANARY-COMMENT" not in stored


def test_the_coordinator_sees_the_comment_beside_the_draft(client, riverside_coordinator, work):
    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    _comment(summary, quillon)
    page = logged_in(client, riverside_coordinator.user).get(f"/learning/summaries/{summary.pk}/")
    assert COMMENT in page.text
    assert "Quillon" in page.text
    assert "Quote it in the summary" in page.text


def test_a_published_summary_never_holds_a_comment_the_coordinator_did_not_quote(
    riverside_coordinator, work
):
    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    _comment(summary, quillon)
    services.publish_summary(by=riverside_coordinator, summary=summary)
    for fmt, text in every_format(api_client_for(riverside_coordinator), summary).items():
        assert "CANARY-COMMENT" not in text, fmt


def test_a_quoted_comment_is_published_while_its_writer_agrees_to_be_quoted(
    riverside_coordinator, work
):
    offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    comment = _comment(summary, quillon)
    services.quote_comment(by=riverside_coordinator, summary=summary, comment=comment)
    services.publish_summary(by=riverside_coordinator, summary=summary)
    api = api_client_for(riverside_coordinator)
    for fmt, text in every_format(api, summary).items():
        assert "CANARY-COMMENT" in text, fmt
    withdraw(quillon, offer, "be_quoted")
    for fmt, text in every_format(api, summary).items():
        assert "CANARY-COMMENT" not in text, fmt


@pytest.mark.parametrize("scope", ["take_part", "be_quoted"])
def test_an_expert_who_withdrew_reads_a_draft_without_their_words(
    client, riverside_coordinator, work, scope
):
    offer, zephyrine, _q = work
    summary = _period(riverside_coordinator)
    logged_in(client, zephyrine.user)
    assert CANARY_WORDS in client.get(f"/learning/summaries/{summary.pk}/").text
    _comment(summary, zephyrine)
    withdraw(zephyrine, offer, scope)
    page = client.get(f"/learning/summaries/{summary.pk}/")
    assert page.status_code == 200
    assert "CANARY-WORDS" not in page.text
    assert "CANARY-COMMENT" not in page.text


def test_a_comment_of_someone_who_withdrew_from_the_work_is_hidden_from_the_coordinator(
    client, riverside_coordinator, work
):
    offer, _z, quillon = work
    summary = drafted(riverside_coordinator, offer)
    _comment(summary, quillon)
    withdraw(quillon, offer, "take_part")
    page = logged_in(client, riverside_coordinator.user).get(f"/learning/summaries/{summary.pk}/")
    assert "CANARY-COMMENT" not in page.text
    assert "withdrew from taking part" in page.text


def test_other_organisations_and_people_get_404(
    client, riverside, riverside_coordinator, hillview_coordinator, work
):
    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    comment = _comment(summary, quillon)
    logged_in(client, hillview_coordinator.user)
    for url in (
        f"/learning/summaries/{summary.pk}/",
        f"/learning/summaries/{summary.pk}/ask/",
        f"/learning/summaries/{summary.pk}/comments/{comment.pk}/quote/",
        f"/learning/summaries/{summary.pk}/comment/",
    ):
        assert client.post(url).status_code == 404, url
    outsider = make_expert("outsider@people.example", "Outsider", riverside)
    assert outsider.user is not None
    logged_in(client, outsider.user)
    assert client.get(f"/learning/summaries/{summary.pk}/").status_code == 404
    assert (
        client.post(f"/learning/summaries/{summary.pk}/comment/", {"text": "Hi"}).status_code == 404
    )


def test_an_expert_cannot_ask_for_comments_or_quote(client, riverside_coordinator, work):
    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    comment = _comment(summary, quillon)
    logged_in(client, quillon.user)
    assert client.post(f"/learning/summaries/{summary.pk}/ask/").status_code == 403
    quote = f"/learning/summaries/{summary.pk}/comments/{comment.pk}/quote/"
    assert client.post(quote).status_code == 403
    comment.refresh_from_db()
    assert comment.quoted_at is None


def test_an_expert_who_reads_easy_read_best_is_sent_the_easy_read_draft(
    client, riverside_coordinator, work, django_capture_on_commit_callbacks
):
    _offer, _z, quillon = work
    assert quillon.user is not None
    quillon.user.easy_read_first = True
    quillon.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        summary = _period(riverside_coordinator)
    (message,) = Message.objects.filter(person=quillon, topic="summary_comments")
    assert message.link.endswith(f"/learning/summaries/{summary.pk}/easy-read/")
    page = logged_in(client, quillon.user).get(f"/learning/summaries/{summary.pk}/")
    # The easy-read version comes first on the draft's own page.
    assert page.text.index('aria-label="Easy read"') < page.text.index("All the details")
    assert "It is about all our work from" in page.text
    easy = client.get(f"/learning/summaries/{summary.pk}/easy-read/")
    assert easy.status_code == 200
    assert "It is about all our work from" in easy.content.decode()


def test_the_coordinator_reads_quotes_and_asks_over_the_api(riverside_coordinator, work):
    offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    comment = _comment(summary, quillon)
    api = api_client_for(riverside_coordinator)
    listed = api.get(f"/api/v1/learning-summaries/{summary.pk}/comments").json()
    assert listed["count"] == 1
    (item,) = listed["items"]
    assert (item["by"], item["text"], item["quoted"]) == ("Quillon", COMMENT, False)
    quoted = api.post(
        f"/api/v1/learning-summaries/{summary.pk}/comments/{comment.pk}/quote",
        {"quote": True},
        content_type="application/json",
    )
    assert quoted.status_code == 200
    assert quoted.json()["quoted"] is True
    read = api.get(f"/api/v1/learning-summaries/{summary.pk}").json()
    assert read["sections"]["comments"] == [{"text": COMMENT, "by": "Quillon"}]
    asked = api.post(f"/api/v1/learning-summaries/{summary.pk}/ask")
    assert asked.json() == {"asked": 2}
    withdraw(quillon, offer, "take_part")
    listed = api.get(f"/api/v1/learning-summaries/{summary.pk}/comments").json()
    assert listed["items"][0]["text"] is None


def test_an_expert_cannot_read_the_comments_over_the_api(riverside_coordinator, work):
    from powerwith.accounts.models import Membership

    _offer, _z, quillon = work
    summary = _period(riverside_coordinator)
    _comment(summary, quillon)
    own = Membership.objects.get(user=quillon.user, organisation=summary.organisation)
    api = api_client_for(own)
    assert api.get(f"/api/v1/learning-summaries/{summary.pk}/comments").status_code == 403
