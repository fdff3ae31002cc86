"""Encryption at rest of special-category fields (docs/adr/007-field-encryption.md).

The fields are django-fernet-encrypted-fields' fields (Fernet: AES-128-CBC with an
HMAC-SHA256 over the whole token) with three things made strict:

- the keys are ``settings.FIELD_ENCRYPTION_KEYS`` (``POWERWITH_FIELD_KEYS``): the first
  encrypts, every one decrypts, so a new key goes in front and ``rotate_keys`` moves
  every row onto it before an old key is taken away. They are not derived from
  ``SECRET_KEY``, which is rotated for other reasons;
- a value that no key opens (a wrong key, or a token altered in the database) raises
  :class:`DecryptionFailed` instead of coming back as ciphertext;
- an empty value stays ``""`` (the columns are NOT NULL and "nothing written" is no
  secret), and a lookup that would compare ciphertext (``note="x"``, ``icontains``,
  ordering by the text) raises ``FieldError`` rather than silently finding nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldError
from django.db import models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.lookups import Exact, IsNull
from encrypted_fields import fields as library

logger = logging.getLogger(__name__)


class DecryptionFailed(Exception):
    """A stored value that none of the keys opens: a missing key, or altered data."""


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def fernet() -> MultiFernet:
    """The keys in force, built once per process (and again only if the setting changes)."""
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str, *, where: str = "a field") -> str:
    try:
        return fernet().decrypt(token.encode("utf-8")).decode("utf-8")
    except (InvalidToken, UnicodeError) as error:
        # Never the value itself in the message: it may be plaintext planted by hand.
        raise DecryptionFailed(
            f"{where} could not be decrypted: its key is not in POWERWITH_FIELD_KEYS, "
            "or the stored value was altered."
        ) from error


def is_encrypted(value: str) -> bool:
    try:
        fernet().decrypt(value.encode("utf-8"))
    except (InvalidToken, UnicodeError):
        return False
    return True


class EmptyOnlyExact(Exact):
    """``field=""`` (stored as is) and ``field=None`` still work; any other value would
    be compared with a randomised ciphertext and never match, so it is refused."""

    def get_prep_lookup(self) -> Any:
        if self.rhs not in ("", None):
            raise FieldError(
                f"{self.lhs.target.model._meta.label}.{self.lhs.target.name} is encrypted: "
                "it can only be compared with an empty value. Filter in Python instead."
            )
        return super().get_prep_lookup()


class StrictEncryptionMixin(library.EncryptedFieldMixin):
    """What every encrypted field of powerwith shares; see the module docstring."""

    @property
    def keys(self) -> list[bytes]:
        return [key.encode("ascii") for key in settings.FIELD_ENCRYPTION_KEYS]

    @property
    def f(self) -> MultiFernet:
        return fernet()

    def serialise(self, value: Any) -> str:
        return str(value)

    def deserialise(self, text: str) -> Any:
        return text

    def to_python(self, value: Any) -> Any:
        # Plaintext in, plaintext out: decryption happens only in from_db_value, so a
        # form's value is never mistaken for a token (the library guesses, per instance).
        return super(library.EncryptedFieldMixin, self).to_python(value)  # type: ignore[misc]

    def clean(self, value: Any, model_instance: Any) -> Any:
        field = super(library.EncryptedFieldMixin, self)
        return field.clean(value, model_instance)  # type: ignore[attr-defined]

    def get_prep_value(self, value: Any) -> Any:
        value = self.to_python(value)
        if value is None or value == "":
            return value
        return encrypt(self.serialise(value))

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        if value is None or value == "":
            return value
        assert isinstance(self, models.Field)
        return self.deserialise(decrypt(value, where=f"{self.model._meta.label}.{self.name}"))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "isnull":
            return IsNull
        if lookup_name == "exact":
            return EmptyOnlyExact
        assert isinstance(self, models.Field)
        raise FieldError(
            f"{self.model._meta.label}.{self.name} is encrypted: no '{lookup_name}' "
            "lookup in SQL. Read the rows and compare in Python."
        )

    def get_transform(self, lookup_name: str) -> Any:
        return None


class EncryptedTextField(StrictEncryptionMixin, library.EncryptedTextField):
    pass


class EncryptedJSONField(StrictEncryptionMixin, library.EncryptedJSONField):
    """A JSON value stored as one token in a text column, keys and all (the library's
    own JSON field encrypts only the leaves and leaves the keys readable). It is still a
    ``JSONField`` to Python code: forms, serialisers and exports see the value."""

    def get_internal_type(self) -> str:
        return "TextField"

    def serialise(self, value: Any) -> str:
        return json.dumps(value, sort_keys=True)

    def deserialise(self, text: str) -> Any:
        return json.loads(text)


# The registry of encrypted fields and key rotation.


def encrypted_fields() -> Iterator[tuple[type[models.Model], list[models.Field[Any, Any]]]]:
    """Every installed model with encrypted fields, and those fields: a field added later
    is rotated (and tested) without anyone listing it."""
    for model in apps.get_models():
        found = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, library.EncryptedFieldMixin)
        ]
        if found:
            yield model, found


def rotate_keys(
    *, batch_size: int = 500, report: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Re-encrypt every encrypted value with the first key; answers rows per model.

    Each batch reads its rows (any key opens them) and writes them back in one
    transaction, so a stopped run leaves every row readable and a second run finishes
    the job. Running it again is harmless."""
    counts: dict[str, int] = {}
    for model, fields in encrypted_fields():
        names = [field.name for field in fields]
        manager = model._base_manager
        done, last = 0, None
        while True:
            with transaction.atomic():
                rows = manager.order_by("pk").only("pk", *names)
                if last is not None:
                    rows = rows.filter(pk__gt=last)
                batch = list(rows[:batch_size])
                if not batch:
                    break
                manager.bulk_update(batch, names)
            done += len(batch)
            last = batch[-1].pk
        counts[model._meta.label] = done
        logger.info("Re-encrypted %s rows of %s", done, model._meta.label)
        if report is not None:
            report(model._meta.label, done)
    return counts


def encrypt_plaintext_rows(
    connection: BaseDatabaseWrapper,
    table: str,
    columns: list[str],
) -> int:
    """For data migrations: encrypt the values of ``columns`` still stored as plaintext
    (read and written with raw SQL, as no encrypted field can read them). Values already
    encrypted are left alone, so it can run twice. Answers values changed."""

    def change(column: str, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):  # PostgreSQL's jsonb, read before the column changed
            value = json.dumps(value, sort_keys=True)
        return None if is_encrypted(value) else encrypt(value)

    return _rewrite_rows(connection, table, columns, change)


def decrypt_rows(connection: BaseDatabaseWrapper, table: str, columns: list[str]) -> int:
    """The reverse of :func:`encrypt_plaintext_rows`, for a migration run backwards."""

    def change(column: str, value: Any) -> str | None:
        if not isinstance(value, str) or not value or not is_encrypted(value):
            return None
        return decrypt(value, where=f"{table}.{column}")

    return _rewrite_rows(connection, table, columns, change)


def _rewrite_rows(
    connection: BaseDatabaseWrapper,
    table: str,
    columns: list[str],
    change: Callable[[str, Any], str | None],
) -> int:
    quote = connection.ops.quote_name
    listed = ", ".join(quote(column) for column in columns)
    changed = 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote('id')}, {listed} FROM {quote(table)}")  # noqa: S608
        rows = cursor.fetchall()
        for pk, *values in rows:
            for column, value in zip(columns, values, strict=True):
                new = change(column, value)
                if new is None:
                    continue
                where = f"{quote('id')} = %s"
                sql = f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE {where}"  # noqa: S608
                cursor.execute(sql, [new, pk])
                changed += 1
    return changed


def migration_step(app_label: str, columns: dict[str, list[str]]) -> Any:
    """A ``RunPython`` that encrypts ``columns`` ({model name: [column]}) of existing rows,
    and decrypts them again when the migration is reversed."""
    from django.db import migrations

    def forwards(apps_: Any, schema_editor: Any) -> None:
        for model_name, names in columns.items():
            table = apps_.get_model(app_label, model_name)._meta.db_table
            encrypt_plaintext_rows(schema_editor.connection, table, names)

    def backwards(apps_: Any, schema_editor: Any) -> None:
        for model_name, names in columns.items():
            table = apps_.get_model(app_label, model_name)._meta.db_table
            decrypt_rows(schema_editor.connection, table, names)

    return migrations.RunPython(forwards, backwards)
