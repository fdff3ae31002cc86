"""The e-mail that tells a person about their offer: the whole offer as plain text in the
body, the offer attached in the format they read best, and a calendar of the sessions."""

from __future__ import annotations

import pytest
from django.core import mail

from powerwith.offers.renderings import render
from tests.offers.factories import offer_to, prefers, read_content

pytestmark = pytest.mark.django_db


def send_to(by, person, capture, **terms):
    with capture(execute=True):
        offer = offer_to(by, person, **terms)
    [email] = mail.outbox
    return offer, email


def attached(email) -> dict[str, str]:
    return {name: mimetype for name, _, mimetype in email.attachments}


@pytest.mark.parametrize(
    ("formats", "file_name", "mimetype"),
    [
        ((), "offer-co-design-restraint-reduction-training.html", "text/html; charset=utf-8"),
        (
            ("large_print",),
            "offer-co-design-restraint-reduction-training.pdf",
            "application/pdf",
        ),
        (
            ("easy_read",),
            "offer-co-design-restraint-reduction-training-easy-read.html",
            "text/html; charset=utf-8",
        ),
        (
            ("braille",),
            "offer-co-design-restraint-reduction-training.txt",
            "text/plain; charset=utf-8",
        ),
    ],
)
def test_it_attaches_the_offer_in_the_format_the_person_reads_best(
    riverside_coordinator,
    expert_at_riverside,
    django_capture_on_commit_callbacks,
    formats,
    file_name,
    mimetype,
):
    prefers(expert_at_riverside, *formats)
    _, email = send_to(
        riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
    )
    assert attached(email)[file_name] == mimetype


def test_it_attaches_a_calendar_of_the_sessions(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    _, email = send_to(
        riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
    )
    assert (
        attached(email)["offer-co-design-restraint-reduction-training.ics"]
        == "text/calendar; charset=utf-8"
    )


def test_an_offer_without_sessions_goes_without_a_calendar(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    _, email = send_to(
        riverside_coordinator,
        expert_at_riverside,
        django_capture_on_commit_callbacks,
        sessions=False,
        hours_per_week=4,
    )
    assert list(attached(email)) == ["offer-co-design-restraint-reduction-training.html"]


def test_the_body_holds_the_whole_offer_as_plain_text(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    prefers(expert_at_riverside, "large_print")
    offer, email = send_to(
        riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
    )
    plain = render(read_content(offer), "text").data.decode()
    assert email.body.endswith(plain)
    assert "The offer is attached as: Large print (PDF)." in email.body
    assert f"/my-offers/{offer.pk}/" in email.body
    assert email.body.index("It's OK to say no") < email.body.index("/my-offers/")
