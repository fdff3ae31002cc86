"""Data rights: the person downloads everything held about them, and can have it erased
while what the law requires is kept (payments for six years, the consent ledger)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from powerwith.accounts.models import Membership, User
from powerwith.consent.models import ConsentEvent
from powerwith.core.errors import Conflict, NotAllowed
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.payments.models import Claim, ClaimEvent
from powerwith.people.models import BenefitsSituation, Person
from powerwith.privacy import export
from powerwith.privacy.models import AccessLogEntry, ErasureRecord, InformationCopy
from powerwith.privacy.services import PSEUDONYM, erase_person
from tests.conftest import PASSWORD, api_client_for, logged_in
from tests.privacy.factories import PLANTED, Planted, every_value_held, everything_about

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(
    expert_at_riverside: Person, riverside_coordinator: Membership, riverside_contact: Membership
) -> Planted:
    return everything_about(expert_at_riverside, riverside_coordinator, riverside_contact)


def own_user(planted: Planted) -> User:
    assert planted.person.user is not None
    return planted.person.user


def prepared_pdf(client: Client, person: Person, capture):
    """The PDF of the copy the person asks for (made at once: tasks run as queued here)."""
    with capture(execute=True):
        client.post("/my-information/copy/")
    copy = InformationCopy.objects.get(person=person)
    return client.get(f"/my-information/copies/{copy.pk}/my-information.pdf")


def rows_held_about(person: Person) -> set[str]:
    """The models holding at least one row that points at the person."""
    held = set()
    for model in export.person_models():
        fields = [
            f.name for f in model._meta.get_fields() if f.concrete and f.related_model is Person
        ]
        for name in fields:
            manager = model._default_manager
            if manager.filter(**{name: person}).exists():
                held.add(model._meta.label_lower)
    return held


def test_the_json_download_has_every_planted_value(client: Client, planted: Planted) -> None:
    logged_in(client, own_user(planted))
    response = client.get("/my-information/download.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-information.json"'
    body = response.content.decode()
    for value in PLANTED.values():
        assert value in body, value
    models = {section["model"] for section in json.loads(body)["sections"]}
    assert rows_held_about(planted.person) <= models
    # The one-step-away rows are there too: the wellbeing check, the claim's history.
    assert {"engagements.wellbeingcheck", "payments.claimevent", "people.person"} <= models


def test_the_download_leaves_out_secrets(client: Client, planted: Planted) -> None:
    logged_in(client, own_user(planted))
    body = json.loads(client.get("/my-information/download.json").content)
    login = next(s for s in body["sections"] if s["model"] == "accounts.user")
    assert "password" not in login["rows"][0]
    assert login["rows"][0]["email"] == "alex@people.example"


def test_every_model_that_refers_to_a_person_is_found_by_the_registry() -> None:
    found = {model._meta.label_lower for model in export.person_models()}
    assert {
        "people.experienceentry",
        "people.wellnessactionplan",
        "engagements.attendance",
        "engagements.adjustment",
        "consent.consentevent",
        "payments.claim",
        "evaluation.feedbackanswer",
        "privacy.accesslogentry",
    } <= found


def test_the_api_answers_the_same_data(planted: Planted) -> None:
    own = Membership.objects.get(user=planted.person.user)
    body = api_client_for(own).get("/api/v1/me/data").json()
    assert PLANTED["wellbeing"] in json.dumps(body)
    assert body["person_id"] == planted.person.pk


def test_the_pdf_download_is_a_pdf(
    client: Client, planted: Planted, django_capture_on_commit_callbacks
) -> None:
    logged_in(client, own_user(planted))
    response = prepared_pdf(client, planted.person, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_staff_have_no_information_page(
    client: Client, riverside_coordinator: Membership, planted: Planted
) -> None:
    logged_in(client, riverside_coordinator.user)
    for url in ("/my-information/", "/my-information/download.json", "/my-information/erase/"):
        assert client.get(url).status_code == 404
    assert api_client_for(riverside_coordinator).get("/api/v1/me/data").status_code == 404


def test_the_erase_page_says_what_is_kept_and_why(client: Client, planted: Planted) -> None:
    logged_in(client, own_user(planted))
    page = client.get("/my-information/erase/").content.decode()
    assert "six years" in page
    assert "consent ledger" in page


def test_erasing_without_confirming_changes_nothing(client: Client, planted: Planted) -> None:
    logged_in(client, own_user(planted))
    response = client.post("/my-information/erase/", {})
    assert response.status_code == 400
    assert "Tick the box to confirm" in response.content.decode()
    assert not ErasureRecord.objects.exists()
    planted.person.refresh_from_db()
    assert planted.person.about == PLANTED["about"]


def test_erasure_removes_every_planted_value_but_the_payment_record(
    client: Client, planted: Planted, riverside_auditor: Membership
) -> None:
    events_before = ConsentEvent.objects.count()
    logged_in(client, own_user(planted))
    response = client.post("/my-information/erase/", {"confirm": "on"}, follow=True)
    assert response.status_code == 200
    assert "Your information has been erased" in response.content.decode()

    held = every_value_held()
    for name, value in PLANTED.items():
        if name not in ("claim", "feedback"):
            assert value not in held, name
    # Which benefit the person said they get is a code, not planted words: it goes whole.
    assert not BenefitsSituation.objects.filter(person_id=planted.person.pk).exists()
    # Feedback stays, as if given anonymously.
    (answer,) = [a for a in FeedbackAnswer.objects.all() if a.comments == PLANTED["feedback"]]
    assert answer.person_id is None
    # Kept: the claim with its amount and history, and the ledger, which still verifies.
    claim = Claim.objects.get(pk=planted.claim.pk)
    assert claim.description == PLANTED["claim"]
    assert str(claim.amount) == "12.40"
    assert ClaimEvent.objects.filter(claim=claim).exists()
    assert ConsentEvent.objects.count() == events_before
    verify = api_client_for(riverside_auditor).get("/api/v1/consent-ledger/verify").json()
    assert verify["ok"] is True
    assert AccessLogEntry.objects.filter(person=planted.person).exists()
    record = ErasureRecord.objects.get(person_id=planted.person.pk)
    assert record.erased_by_id == own_user(planted).pk
    assert any("six years" in line for line in record.kept)


def test_after_erasure_the_person_cannot_log_in(client: Client, planted: Planted) -> None:
    user = own_user(planted)
    erase_person(planted.person, user)
    user.refresh_from_db()
    assert not user.is_active
    assert "alex@people.example" not in user.email
    assert not Client().login(username="alex@people.example", password=PASSWORD)
    assert not Client().login(username=user.email, password=PASSWORD)


def test_after_erasure_staff_see_the_pseudonym_and_the_kept_payment(
    client: Client, planted: Planted, riverside_coordinator: Membership
) -> None:
    erase_person(planted.person, own_user(planted))
    logged_in(client, riverside_coordinator.user)
    person_page = client.get(f"/people/{planted.person.pk}/").content.decode()
    assert PSEUDONYM in person_page
    assert "Alex" not in person_page
    claim_page = client.get(f"/claims/{planted.claim.pk}/").content.decode()
    assert "12.40" in claim_page


def test_a_second_erasure_is_refused_and_changes_nothing(planted: Planted) -> None:
    user = own_user(planted)
    erase_person(planted.person, user)
    with pytest.raises(Conflict):
        erase_person(planted.person, user)
    assert ErasureRecord.objects.count() == 1


def test_only_the_person_can_ask_for_erasure(
    planted: Planted, riverside_coordinator: Membership
) -> None:
    with pytest.raises(NotAllowed):
        erase_person(planted.person, riverside_coordinator.user)
    planted.person.refresh_from_db()
    assert planted.person.about == PLANTED["about"]


def test_future_bookings_are_cancelled_on_erasure(
    planted: Planted, riverside_coordinator: Membership
) -> None:
    from tests.engagements.factories import booked

    future = booked(riverside_coordinator, planted.person)
    erase_person(planted.person, own_user(planted))
    future.refresh_from_db()
    assert future.status == "cancelled"


def test_the_pdf_speaks_the_persons_language(
    client: Client, planted: Planted, django_capture_on_commit_callbacks
) -> None:
    """Read back: every planted value, under headings per part of their life, with plain
    labels and dates written out; no field names, ids or timestamps of the database."""
    import io
    import re

    from pypdf import PdfReader

    logged_in(client, own_user(planted))
    pdf = prepared_pdf(client, planted.person, django_capture_on_commit_callbacks).content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", " ", text)
    for value in PLANTED.values():
        assert value in flat, value
    for heading in ("About you", "Your work", "Your pay", "Your profile", "Preferred name"):
        assert heading in flat, heading
    for internal in ("user_id", "is_superuser", "person_id", "_id", "Action neededs", "['"):
        assert internal not in flat, internal
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:", flat), "an ISO timestamp"
