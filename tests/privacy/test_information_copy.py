"""A copy of everything held about a person: asked for on the page, made by the worker in
the person's format (never inside the request), offered for download to the person alone
when it is ready, announced by the person's own channel, and removed when it expires."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from powerwith.accounts.models import Membership, User
from powerwith.messaging.models import Message
from powerwith.people.models import Person
from powerwith.privacy import copies
from powerwith.privacy.models import CopyStatus, InformationCopy
from tests.conftest import logged_in, make_expert
from tests.privacy.factories import PLANTED, Planted, everything_about

pytestmark = pytest.mark.django_db

PAGE = "/my-information/"
ASK = "/my-information/copy/"


@pytest.fixture
def planted(
    expert_at_riverside: Person, riverside_coordinator: Membership, riverside_contact: Membership
) -> Planted:
    return everything_about(expert_at_riverside, riverside_coordinator, riverside_contact)


def own_user(person: Person) -> User:
    assert person.user is not None
    return person.user


def the_copy(person: Person) -> InformationCopy:
    return InformationCopy.objects.get(person=person)


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


def largest_body_size(pdf: bytes) -> float:
    """The size of type the person's own values are set in, read from the PDF."""
    sizes: list[float] = []

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if PLANTED["town"] in text:
            sizes.append(size * abs(tm[0]) if tm else size)

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes, "the planted town is in the PDF"
    return max(sizes)


@pytest.fixture
def ask(client: Client, django_capture_on_commit_callbacks):
    """The person asks on the page; what waits for the commit runs as it would."""

    def asking(person: Person) -> InformationCopy:
        logged_in(client, own_user(person))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(ASK)
        assert response.status_code == 302
        return the_copy(person)

    return asking


@pytest.mark.usefixtures("tasks_in_the_database")
def test_asking_answers_before_the_copy_is_made(client: Client, planted: Planted, ask) -> None:
    copy = ask(planted.person)
    assert copy.status == CopyStatus.PREPARING
    assert copy.pdf == ""
    page = client.get(PAGE).content.decode()
    assert "We are preparing your information" in page
    assert "We will send you a message when it is ready" in page
    assert "Download your information as a PDF" not in page
    assert not Message.objects.filter(person=planted.person).exists()


@pytest.mark.usefixtures("tasks_in_the_database")
def test_asking_twice_while_it_is_being_prepared_makes_one_copy(
    client: Client, planted: Planted, ask
) -> None:
    ask(planted.person)
    client.post(ASK)
    assert InformationCopy.objects.filter(person=planted.person).count() == 1


def test_the_worker_makes_the_copy_and_the_page_offers_it(
    client: Client, planted: Planted, ask
) -> None:
    copy = ask(planted.person)
    assert copy.status == CopyStatus.READY
    page = client.get(PAGE).content.decode()
    assert "Your information is ready" in page
    response = client.get(f"/my-information/copies/{copy.pk}/my-information.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for value in PLANTED.values():
        assert value in text, value
    for heading in ("About you", "Your work", "Your pay", "Preferred name"):
        assert heading in text, heading


def test_the_json_in_the_copy_is_complete(client: Client, planted: Planted, ask) -> None:
    copy = ask(planted.person)
    response = client.get(f"/my-information/copies/{copy.pk}/my-information.json")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["person_id"] == planted.person.pk
    flat = json.dumps(body)
    for value in PLANTED.values():
        assert value in flat, value
    # A copy never holds the copies before it.
    assert "privacy.informationcopy" not in {s["model"] for s in body["sections"]}


def test_the_copy_is_kept_encrypted(client: Client, planted: Planted, ask) -> None:
    from django.db import connection

    copy = ask(planted.person)
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM privacy_informationcopy WHERE id = %s", [copy.pk])
        (stored,) = cursor.fetchone()
    assert PLANTED["town"] not in stored


def test_the_person_hears_by_their_own_channel_when_it_is_ready(
    client: Client, planted: Planted, ask
) -> None:
    ask(planted.person)
    message = Message.objects.get(person=planted.person, topic="information_ready")
    assert "Your information is ready" in message.subject
    assert "/my-information/" in message.link


def test_the_copy_is_in_large_print_for_a_person_who_reads_large_print(
    client: Client, planted: Planted, ask
) -> None:
    standard = ask(planted.person)
    standard_size = largest_body_size(copies.pdf_of(standard))
    standard.delete()
    Person.objects.filter(pk=planted.person.pk).update(formats=["large_print"])
    large = ask(planted.person)
    assert large.format == "large_print"
    assert largest_body_size(copies.pdf_of(large)) >= 1.4 * standard_size


def test_the_copy_is_in_easy_read_for_a_person_who_reads_easy_read(
    client: Client, planted: Planted, ask
) -> None:
    Person.objects.filter(pk=planted.person.pk).update(formats=["easy_read", "large_print"])
    copy = ask(planted.person)
    assert copy.format == "easy_read"
    text = pdf_text(copies.pdf_of(copy))
    assert "It is everything we keep about you." in text
    assert "Everything held about you" not in text
    assert PLANTED["town"] in text


def test_nobody_else_can_download_the_copy(
    client: Client, planted: Planted, ask, riverside, riverside_coordinator: Membership
) -> None:
    copy = ask(planted.person)
    other = make_expert("someone@people.example", "Sam", riverside)
    urls = [
        f"/my-information/copies/{copy.pk}/my-information.pdf",
        f"/my-information/copies/{copy.pk}/my-information.json",
    ]
    for user in (own_user(other), riverside_coordinator.user):
        intruder = Client()
        logged_in(intruder, user)
        for url in urls:
            assert intruder.get(url).status_code == 404
    assert Client().get(urls[0]).status_code == 302  # to the login page


def test_an_expired_copy_cannot_be_downloaded_and_the_sweep_removes_it(
    client: Client, planted: Planted, ask
) -> None:
    copy = ask(planted.person)
    assert copy.expires_at - copy.asked_at == timedelta(days=7)
    InformationCopy.objects.filter(pk=copy.pk).update(expires_at=timezone.now())
    url = f"/my-information/copies/{copy.pk}/my-information.pdf"
    assert client.get(url).status_code == 404
    assert "Download your information as a PDF" not in client.get(PAGE).content.decode()
    assert copies.sweep(timezone.now()) == 1
    assert not InformationCopy.objects.filter(pk=copy.pk).exists()


def test_the_sweep_keeps_a_copy_that_has_not_expired(client: Client, planted: Planted, ask) -> None:
    ask(planted.person)
    assert copies.sweep(timezone.now()) == 0
    assert InformationCopy.objects.filter(person=planted.person).exists()


def test_asking_is_a_post(client: Client, planted: Planted) -> None:
    logged_in(client, own_user(planted.person))
    assert client.get(ASK).status_code == 405
    assert not InformationCopy.objects.exists()


def test_erasing_the_persons_information_removes_their_copies(
    client: Client, planted: Planted, ask
) -> None:
    from powerwith.privacy.services import erase_person

    ask(planted.person)
    erase_person(planted.person, own_user(planted.person))
    assert not InformationCopy.objects.filter(person=planted.person).exists()
