"""Databases of their own for tests that run powerwith in other processes.

A file-based SQLite database under the test's temporary folder or, when the suite runs on
PostgreSQL, a fresh database on the same server, dropped afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection


def _postgres_admin(statement: str) -> None:
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(statement)


@pytest.fixture
def new_database(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Makes an empty database (named ``label``) and answers its ``DATABASE_URL``."""
    made: list[str] = []

    def make(label: str) -> str:
        if connection.vendor != "postgresql":
            return f"sqlite:///{tmp_path / f'{label}.sqlite3'}"
        settings = connection.settings_dict
        name = f"powerwith_{label}_{uuid.uuid4().hex[:12]}"
        _postgres_admin(f'CREATE DATABASE "{name}"')
        made.append(name)
        password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
        return (
            f"postgres://{quote(settings['USER'], safe='')}{password}"
            f"@{settings['HOST']}:{settings['PORT']}/{name}"
        )

    yield make
    for name in made:
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
