"""Special-category fields are encrypted at rest (docs/adr/007-field-encryption.md).

A canary is written through the real services into every encrypted field the model
registry lists; the raw database must never hold it, the ORM must read it back, and
``rotate_keys`` must move every row onto a new key.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.test import override_settings
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.encryption import (
    DecryptionFailed,
    EncryptedTextField,
    encrypt_plaintext_rows,
    encrypted_fields,
)
from powerwith.engagements.models import Adjustment, CheckKind, WellbeingCheck
from powerwith.engagements.services.adjustments import request_adjustment
from powerwith.engagements.services.wellbeing import complete_check
from powerwith.evaluation.queries import get_own_engagement
from powerwith.evaluation.services.development import (
    comment_on_action,
    offer_action,
    record_progress,
)
from powerwith.evaluation.services.feedback import give_feedback
from powerwith.learning import services as learning
from powerwith.messaging.models import Message
from powerwith.messaging.services import mark_called
from powerwith.offers import services as offers
from powerwith.payments.services import record_reward_choice
from powerwith.people.models import (
    BenefitsSituation,
    ExperienceEntry,
    Person,
    WellnessActionPlan,
)
from powerwith.people.schedule import ITEM_CHOICES
from powerwith.people.services import ExperienceInput, replace_experience, update_person
from powerwith.people.services.acting import record_acted_for
from powerwith.people.services.wellness import SECTIONS, save_plan
from powerwith.privacy.copies import ask_for_copy
from powerwith.privacy.models import InformationCopy
from powerwith.safe_to_work.services import check_input, record_check
from tests.engagements.factories import accepted_offer, booked, expert_membership
from tests.evaluation.factories import ALL_AGREE, finished
from tests.offers.factories import draft_offer
from tests.security.test_isolation import _free_text_fields
from tests.test_settings import PRODUCTION_ENV, run_django

ROOT = Path(__file__).resolve().parents[2]
CANARY = "CANARY-7e1f-special-category"
IN_THE_CLEAR = "CLEARTEXT-3b9d-preferred-name"  # a field left unencrypted, as a control


def plant_profile(person: Person, by: Membership) -> None:
    assert person.user is not None
    update_person(
        person,
        user=person.user,
        membership=None,
        changes={
            "about": CANARY,
            "adjustments": {"sensory": CANARY},
            "preferred_name": IN_THE_CLEAR,
        },
    )
    replace_experience(
        person,
        user=person.user,
        membership=None,
        entries=[ExperienceInput(code=ITEM_CHOICES[0][0], note=CANARY)],
    )


def plant_plan(person: Person, by: Membership) -> None:
    assert person.user is not None
    save_plan(person, user=person.user, sections=dict.fromkeys(SECTIONS, CANARY), review_date=None)


def plant_sessions(person: Person, by: Membership) -> None:
    booking = booked(by, person)
    opportunity = booking.session.opportunity
    assert person.user is not None
    request_adjustment(person=person, opportunity=opportunity, by=person.user, details=CANARY)
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    with time_machine.travel(booking.session.starts_at - timedelta(hours=2), tick=False):
        me = expert_membership(person, opportunity.organisation_id)
        complete_check(check, by=me, feeling=4, note=CANARY)


def plant_offer(person: Person, by: Membership) -> None:
    """The terms written for the person, and the version sent to them (which carries
    the terms: the agreed adjustments and support)."""
    offer = draft_offer(by, person)
    offers.change_terms(offer, by=by, terms={"adjustments": CANARY, "support": CANARY})
    offers.send_offer(offer, by=by, acknowledge_warnings=True)


def plant_evaluation(person: Person, by: Membership) -> None:
    assert person.user is not None
    offer = finished(by, person)
    engagement = get_own_engagement(person.user, offer.pk, timezone.now())
    answers = {name: int(value) for name, value in ALL_AGREE.items()}
    give_feedback(engagement=engagement, user=person.user, answers=answers, comments=CANARY)
    action = offer_action(by=by, person=person, code="mentoring", details=CANARY)
    record_progress(by=by, action=action, status="under_way", note=CANARY)
    comment_on_action(user=person.user, action=action, text=CANARY)


def plant_reward_choice(person: Person, by: Membership) -> None:
    opportunity = accepted_offer(by, person).opportunity
    me = expert_membership(person, opportunity.organisation_id)
    record_reward_choice(
        person=person, opportunity=opportunity, choice="decline", reason=CANARY, by=me
    )


def plant_acted_for(person: Person, by: Membership) -> None:
    """What staff recorded on the person's word: their note, and the confirmation's words."""
    record_acted_for(
        by=by,
        person=person,
        method="phone",
        note=CANARY,
        subject="offer_event",
        subject_id=1,
        words=f"You told us on the phone that {CANARY}.",
    )


def plant_messages(person: Person, by: Membership) -> None:
    """A call to make about an offer (its words carry the offer), and what was said on it."""
    assert person.user is not None
    update_person(
        person,
        user=person.user,
        membership=None,
        changes={"preferred_channel": "phone", "phone": "0113 496 0000"},
    )
    offer = draft_offer(by, person)
    offers.change_terms(offer, by=by, terms={"support": CANARY})
    offers.send_offer(offer, by=by, acknowledge_warnings=True)
    call = Message.objects.get(person=person, channel="phone")
    mark_called(call, by=by, note=CANARY)
    update_person(person, user=person.user, membership=None, changes={"preferred_channel": ""})


def plant_summary_comment(person: Person, by: Membership) -> None:
    """The person's comment on a draft learning summary of work they took part in."""
    offer = accepted_offer(by, person)
    summary = learning.draft_summary(by=by, opportunity=offer.opportunity)
    me = expert_membership(person, offer.organisation_id)
    learning.comment_on_summary(by=me, summary=summary, text=CANARY)


def plant_benefit(person: Person, by: Membership) -> None:
    """Which benefit the person said they get is a code, not free text: the canary is
    written straight into the row, to see it stored encrypted like any other value."""
    BenefitsSituation.objects.create(person=person, benefit=CANARY)


def plant_check(person: Person, by: Membership) -> None:
    """A DBS check's certificate number (the certificate itself is never kept)."""
    today = timezone.localdate()
    check = check_input(
        {"kind": "dbs", "level": "enhanced", "done_on": today, "certificate_number": CANARY},
        today=today,
    )
    record_check(person=person, by=by, check=check)


def plant_information_copy(person: Person, by: Membership) -> None:
    """A copy of everything held, made by the worker: its JSON holds the person's words
    (planted above); the PDF is compressed, so the canary is written into it directly."""
    assert person.user is not None
    copy = ask_for_copy(person, person.user)
    InformationCopy.objects.filter(pk=copy.pk).update(pdf=CANARY)


# Which planting writes the canary into which encrypted field. A new encrypted field
# must be added here: test_every_encrypted_field_is_planted fails until it is.
PLANTED_BY: dict[str, Callable[[Person, Membership], None]] = {
    "people.Person.about": plant_profile,
    "people.Person.adjustments": plant_profile,
    "people.ExperienceEntry.note": plant_profile,
    **{f"people.WellnessActionPlan.{name}": plant_plan for name in SECTIONS},
    "engagements.Adjustment.details": plant_sessions,
    "engagements.WellbeingCheck.note": plant_sessions,
    "offers.Offer.terms": plant_offer,
    "offers.OfferVersion.content": plant_offer,
    "evaluation.FeedbackAnswer.comments": plant_evaluation,
    "evaluation.DevelopmentAction.details": plant_evaluation,
    "evaluation.DevelopmentNote.text": plant_evaluation,
    "payments.RewardChoice.reason": plant_reward_choice,
    "people.ActedFor.note": plant_acted_for,
    "people.ActedFor.words": plant_acted_for,
    "messaging.Message.body": plant_messages,
    "messaging.Message.call_note": plant_messages,
    "learning.SummaryComment.text": plant_summary_comment,
    "people.BenefitsSituation.benefit": plant_benefit,
    "safe_to_work.CheckRecord.certificate_number": plant_check,
    # Last: the copy holds what the plantings above wrote.
    "privacy.InformationCopy.data": plant_information_copy,
    "privacy.InformationCopy.pdf": plant_information_copy,
}


def registry() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    for model, fields in encrypted_fields():
        for field in fields:
            yield model, field


def label(model: type[models.Model], field: models.Field[Any, Any]) -> str:
    return f"{model._meta.label}.{field.name}"


@pytest.fixture
def planted(
    transactional_db: None, riverside_coordinator: Membership, expert_at_riverside: Person
) -> Person:
    for plant in dict.fromkeys(PLANTED_BY.values()):
        plant(expert_at_riverside, riverside_coordinator)
    return expert_at_riverside


def raw_values(model: type[models.Model], field: models.Field[Any, Any]) -> list[str]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        column, table = quote(str(field.column)), quote(model._meta.db_table)
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608
        return [str(value) for (value,) in cursor.fetchall() if value]


def read_back(model: type[models.Model], field: models.Field[Any, Any]) -> list[Any]:
    return list(model._default_manager.values_list(field.name, flat=True))


def holds_canary(value: Any) -> bool:
    return CANARY in (value if isinstance(value, str) else repr(value))


def test_every_encrypted_field_is_planted() -> None:
    found = {label(model, field) for model, field in registry()}
    assert found == set(PLANTED_BY)


def test_the_special_category_fields_are_encrypted() -> None:
    expected = {
        "people.Person.about",
        "people.Person.adjustments",
        "people.ExperienceEntry.note",
        "engagements.Adjustment.details",
        "engagements.WellbeingCheck.note",
        *(f"people.WellnessActionPlan.{name}" for name in SECTIONS),
    }
    assert expected <= {label(model, field) for model, field in registry()}


def test_the_raw_columns_hold_no_plaintext_and_the_orm_reads_it_back(planted: Person) -> None:
    for model, field in registry():
        stored = raw_values(model, field)
        assert stored, f"nothing planted in {label(model, field)}"
        assert not any(CANARY in value for value in stored), label(model, field)
        assert any(holds_canary(value) for value in read_back(model, field)), label(model, field)


def database_bytes(tmp: Path) -> bytes:
    """The database as it lies on disk: the file itself after a checkpoint, or for the
    test suite's in-memory database a page-for-page copy made by SQLite's backup."""
    name = str(connection.settings_dict["NAME"])
    raw = connection.connection
    assert raw is not None
    if "mode=memory" in name or name == ":memory:":
        copy = tmp / "copy.sqlite3"
        target = sqlite3.connect(copy)
        raw.backup(target)
        target.close()
        return copy.read_bytes()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [Path(name), Path(name + "-wal"), Path(name + "-journal")]
    return b"".join(path.read_bytes() for path in files if path.exists())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the database file is SQLite's")
def test_the_database_file_never_holds_the_canary(planted: Person) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = database_bytes(Path(folder))
    assert IN_THE_CLEAR.encode() in data  # the control: plaintext is found when there
    assert CANARY.encode() not in data


# Run in its own process: the suite's database is in memory, this one is a real file in
# WAL mode, as a deployment's is. Tables are made from the models, as the suite does.
FILE_DATABASE_SCRIPT = """
import django
django.setup()
from django.core.management import CommandError, call_command
from django.db import connection
call_command("migrate", run_syncdb=True, verbosity=0)
from powerwith.accounts import services
from powerwith.core.roles import Role
from tests.conftest import make_expert, make_member
from tests.security.test_encryption import PLANTED_BY
riverside = services.create_organisation(name="Riverside Care Partnership", slug="riverside")
coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
person = make_expert("alex@people.example", "Alex", riverside)
for plant in dict.fromkeys(PLANTED_BY.values()):
    plant(person, coordinator)
with connection.cursor() as cursor:
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
"""

SETTINGS_WITHOUT_MIGRATIONS = """
from powerwith.settings import *  # noqa: F403


class NoMigrations:
    def __contains__(self, app):
        return True

    def __getitem__(self, app):
        return None


MIGRATION_MODULES = NoMigrations()
"""


def test_a_real_database_file_in_wal_mode_never_holds_the_canary(tmp_path: Path) -> None:
    (tmp_path / "file_db_settings.py").write_text(SETTINGS_WITHOUT_MIGRATIONS)
    database = tmp_path / "powerwith.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "file_db_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), str(ROOT / "src")]),
        "POWERWITH_TESTING": "1",
        "POWERWITH_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", FILE_DATABASE_SCRIPT],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    files = [database, Path(f"{database}-wal"), Path(f"{database}-journal")]
    data = b"".join(path.read_bytes() for path in files if path.exists())
    assert IN_THE_CLEAR.encode() in data
    assert CANARY.encode() not in data


@pytest.fixture
def new_key() -> str:
    return Fernet.generate_key().decode()


def test_rotation_moves_every_row_onto_the_new_key(planted: Person, new_key: str, settings) -> None:
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    before = {label(m, f): raw_values(m, f) for m, f in registry()}

    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, *old_keys]):
        output = io.StringIO()
        call_command("rotate_keys", batch_size=2, stdout=output)
        checks = WellbeingCheck.objects.count()
        assert f"engagements.WellbeingCheck: {checks} rows re-encrypted" in output.getvalue()
        assert all(any(holds_canary(v) for v in read_back(m, f)) for m, f in registry())

    after = {label(m, f): raw_values(m, f) for m, f in registry()}
    for name, values in after.items():
        assert not set(values) & set(before[name]), f"{name} kept a token of the old key"

    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):  # the old key taken away
        for model, field in registry():
            assert any(holds_canary(v) for v in read_back(model, field)), label(model, field)

    with pytest.raises(DecryptionFailed):  # and the old key alone opens nothing now
        read_back(Adjustment, Adjustment._meta.get_field("details"))


def test_rotating_twice_is_harmless(planted: Person, new_key: str, settings) -> None:
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, *settings.FIELD_ENCRYPTION_KEYS]):
        call_command("rotate_keys", stdout=io.StringIO())
        call_command("rotate_keys", stdout=io.StringIO())
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):
        assert WellnessActionPlan.objects.get().keeps_me_well == CANARY


def test_a_value_altered_in_the_database_fails_loudly(planted: Person) -> None:
    token = raw_values(WellbeingCheck, WellbeingCheck._meta.get_field("note"))[0]
    altered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE engagements_wellbeingcheck SET note = %s WHERE note = %s", [altered, token]
        )
    with pytest.raises(DecryptionFailed) as failure:
        list(WellbeingCheck.objects.exclude(note=""))
    assert "engagements.WellbeingCheck.note" in str(failure.value)


def test_plaintext_written_behind_its_back_is_refused_not_shown(planted: Person) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE people_experienceentry SET note = %s", ["written by hand"])
    with pytest.raises(DecryptionFailed) as failure:
        ExperienceEntry.objects.get()
    assert "written by hand" not in str(failure.value)


def test_a_missing_key_fails_loudly(planted: Person, new_key: str) -> None:
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]), pytest.raises(DecryptionFailed):
        Person.objects.get(pk=planted.pk)


@pytest.mark.django_db
def test_sql_cannot_search_an_encrypted_field() -> None:
    with pytest.raises(FieldError, match="encrypted"):
        list(WellbeingCheck.objects.filter(**{"note__icontains": "tired"}))
    with pytest.raises(FieldError, match="encrypted"):
        list(Adjustment.objects.filter(**{"details": "a quiet room"}))
    with pytest.raises(FieldError, match="encrypted"):
        list(Person.objects.filter(**{"adjustments__has_key": "sensory"}))
    assert list(WellbeingCheck.objects.filter(note="")) == []  # empty stays comparable
    assert list(WellbeingCheck.objects.filter(**{"note__isnull": True})) == []
    assert list(WellbeingCheck.objects.filter(**{"note": None})) == []


def test_the_migration_step_encrypts_rows_written_before_encryption(planted: Person) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE people_person SET about = %s, adjustments = %s",
            ["old text", '{"timing": "old"}'],
        )
    table = Person._meta.db_table
    assert encrypt_plaintext_rows(connection, table, ["about", "adjustments"]) == 2
    assert encrypt_plaintext_rows(connection, table, ["about", "adjustments"]) == 0
    person = Person.objects.get()
    assert (person.about, person.adjustments) == ("old text", {"timing": "old"})
    assert "old text" not in raw_values(Person, Person._meta.get_field("about"))[0]


def test_the_isolation_battery_still_plants_canaries_in_encrypted_text() -> None:
    for model, field in registry():
        # An encrypted code from a list of choices is not free text the battery can plant,
        # nor is a file kept as base64.
        if isinstance(field, EncryptedTextField) and not field.choices and field.name != "pdf":
            assert field in _free_text_fields(model), label(model, field)


def test_production_refuses_to_start_without_field_keys() -> None:
    result = run_django("check", env={**PRODUCTION_ENV, "POWERWITH_FIELD_KEYS": ""})
    assert result.returncode != 0
    assert "POWERWITH_FIELD_KEYS is not set" in result.stderr


def test_production_refuses_a_key_that_is_not_a_fernet_key() -> None:
    result = run_django("check", env={**PRODUCTION_ENV, "POWERWITH_FIELD_KEYS": "too-short"})
    assert result.returncode != 0
    assert "not a Fernet key" in result.stderr
    assert "too-short" not in result.stderr


@pytest.mark.django_db
def test_the_demo_bulk_loader_encrypts_what_it_writes_with_raw_sql() -> None:
    from powerwith import demo

    demo.load(people=20)
    notes = [note for note in ExperienceEntry.objects.values_list("note", flat=True) if note]
    assert notes  # read back through the field: raw plaintext would fail to decrypt
    stored = raw_values(ExperienceEntry, ExperienceEntry._meta.get_field("note"))
    assert not set(notes) & set(stored)


def test_rotation_without_the_old_key_stops_and_says_why(planted: Person, new_key: str) -> None:
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]), pytest.raises(CommandError) as error:
        call_command("rotate_keys", stdout=io.StringIO())
    assert "Put every key still in use back" in str(error.value)
