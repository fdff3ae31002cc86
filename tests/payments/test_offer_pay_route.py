"""An offer states how the person would be paid and what it means for them in plain words
(issue 21, ADR 016) wherever they may read it: the offer over the API, and every rendering
of it they may read instead of the page (easy read, large print, plain text, the paper
pack, the words the audio is spoken from, the e-mail and the letter). The words are the
ones payments has for the route, written once."""

from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from pypdf import PdfReader

from powerwith.messaging.letters import letter_pdf
from powerwith.messaging.models import Channel
from powerwith.offers.content import content_hash
from powerwith.offers.models import Recording
from powerwith.offers.renderings import audio
from powerwith.payments import services
from powerwith.payments.models import PayRoute
from powerwith.payments.routes import EASY_WORDS, WORDS
from tests.conftest import api_client_for
from tests.engagements.factories import expert_membership
from tests.messaging.factories import ADDRESS, on_the_register, only_message_to
from tests.offers.factories import prefers, read_content, sent_offer
from tests.payments.factories import me
from tests.payments.test_pay_routes import decide

pytestmark = pytest.mark.django_db

PAYROLL = "Tax and National Insurance will be taken off before you are paid"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pdf_words(data: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


@pytest.fixture
def payroll_offer(riverside_coordinator, expert_at_riverside):
    """An offer of paid work to Alex, whom Riverside decided is employed for such work."""
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    decide(riverside_coordinator, expert_at_riverside, "employed", offer.opportunity.commitment)
    return offer


def rendered(by, offer, fmt: str) -> bytes:
    response = api_client_for(by).get(f"/api/v1/offers/{offer.pk}/render?format={fmt}")
    assert response.status_code == 200, response.content[:300]
    return bytes(response.content)


def test_the_offer_over_the_api_states_the_route_and_its_words_for_the_person_and_staff(
    riverside_coordinator, expert_at_riverside, payroll_offer
):
    person = api_client_for(expert_membership(expert_at_riverside, payroll_offer.organisation_id))
    for client in (person, api_client_for(riverside_coordinator)):
        body = client.get(f"/api/v1/offers/{payroll_offer.pk}").json()
        assert body["pay_route"] == {
            "route": "payroll",
            "label": "Through payroll",
            "words": WORDS[PayRoute.PAYROLL],
            "easy_read": EASY_WORDS[PayRoute.PAYROLL],
        }
        assert body["content"]["reward"]["basis"] == "hourly"  # the fields it had stay
    listed = api_client_for(riverside_coordinator).get("/api/v1/offers").json()
    assert listed["items"][0]["pay_route"]["route"] == "payroll"


def test_voluntary_work_states_no_route(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(
        riverside_coordinator,
        expert_at_riverside,
        reward_basis="voluntary",
        reward_amount=None,
        paid_within_days=None,
    )
    body = api_client_for(riverside_coordinator).get(f"/api/v1/offers/{offer.pk}").json()
    assert body["pay_route"] is None
    assert "How you would be paid" not in rendered(riverside_coordinator, offer, "html").decode()


@pytest.mark.parametrize("fmt", ["html", "text", "braille"])
def test_the_renderings_read_as_text_state_the_route(riverside_coordinator, payroll_offer, fmt):
    words = flat(rendered(riverside_coordinator, payroll_offer, fmt).decode())
    assert PAYROLL in words
    assert "through payroll" in words


def test_the_easy_read_offer_states_the_route_in_easy_words(riverside_coordinator, payroll_offer):
    words = flat(rendered(riverside_coordinator, payroll_offer, "easy-read").decode())
    for sentence in EASY_WORDS[PayRoute.PAYROLL]:
        assert sentence in words
    assert "They take off tax and National Insurance before they pay you." in words


@pytest.mark.parametrize("fmt", ["large-print-pdf", "paper-pack"])
def test_the_pdfs_state_the_route(riverside_coordinator, payroll_offer, fmt):
    words = pdf_words(rendered(riverside_coordinator, payroll_offer, fmt))
    assert PAYROLL in words
    assert "How you would be paid: through payroll" in words


def test_the_audio_is_spoken_from_words_that_state_the_route(payroll_offer):
    script = flat(audio.script(read_content(payroll_offer)))
    assert "They take off tax and National Insurance before they pay you." in script


def test_the_route_follows_the_persons_choice_not_the_offer_as_sent(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    before = flat(rendered(riverside_coordinator, offer, "text").decode())
    assert WORDS[PayRoute.BANK_TRANSFER].split(":")[0] in before
    decide(riverside_coordinator, expert_at_riverside, "employed", offer.opportunity.commitment)
    after = flat(rendered(riverside_coordinator, offer, "text").decode())
    assert PAYROLL in after
    assert WORDS[PayRoute.BANK_TRANSFER].split(":")[0] not in after


def test_the_email_states_the_route(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent_offer(riverside_coordinator, expert_at_riverside)
    [email] = mail.outbox
    body = flat(str(email.body))
    assert "How you would be paid: bank transfer as a fee" in body
    assert flat(WORDS[PayRoute.BANK_TRANSFER]) in body


def test_the_letter_states_the_route(riverside_coordinator, django_capture_on_commit_callbacks):
    jo = on_the_register(riverside_coordinator, "Jo", postal_address=ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        sent_offer(riverside_coordinator, jo)
    letter = only_message_to(jo)
    assert letter.channel == Channel.LETTER
    words = pdf_words(letter_pdf(letter))
    assert "How you would be paid: bank transfer as a fee" in words
    assert "Nothing is taken off" in words


def test_a_list_of_offers_states_each_persons_own_route(
    riverside_coordinator, expert_at_riverside, expert_at_both, payroll_offer
):
    other = sent_offer(riverside_coordinator, expert_at_both)
    services.choose_pay_route(person=expert_at_both, by=me(expert_at_both, other), route="vouchers")
    listed = api_client_for(riverside_coordinator).get("/api/v1/offers").json()["items"]
    routes = {item["person_id"]: item["pay_route"]["route"] for item in listed}
    assert routes == {expert_at_riverside.pk: "payroll", expert_at_both.pk: "vouchers"}


def test_the_audio_made_when_the_offer_is_sent_is_spoken_with_the_route_and_played(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    prefers(expert_at_riverside, "audio")
    with django_capture_on_commit_callbacks(execute=True):
        offer = sent_offer(riverside_coordinator, expert_at_riverside)
    [made] = Recording.objects.filter(offer=offer)
    assert made.content_hash == content_hash(read_content(offer))
    listened = api_client_for(riverside_coordinator).get(
        f"/api/v1/offers/{offer.pk}/render?format=audio"
    )
    assert listened.status_code == 200
    assert Recording.objects.filter(offer=offer).count() == 1  # the one made when sent
