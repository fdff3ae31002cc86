"""The load benchmark reuses a dataset only while it was built from today's migrations
and demo: a cached database from before a migration is dropped and built again, so
``make bench`` measures the schema a clean clone has."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.db.migrations.loader import MigrationLoader

BENCH = Path(__file__).resolve().parents[2] / "bench"


def bench_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dataset() -> ModuleType:
    return bench_module("dataset")


@pytest.fixture
def migrations(settings: Any) -> None:
    """The migrations on disk, as the benchmark sees them (the suite runs without)."""
    settings.MIGRATION_MODULES = {}


@pytest.mark.usefixtures("migrations")
def test_the_fingerprint_is_the_same_from_one_run_to_the_next(dataset: Any) -> None:
    assert dataset.fingerprint() == dataset.fingerprint()


@pytest.mark.usefixtures("migrations")
def test_a_migration_added_renamed_or_removed_changes_the_fingerprint(
    dataset: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dataset.fingerprint()
    load_disk = MigrationLoader.load_disk

    def one_fewer(self: MigrationLoader) -> None:
        load_disk(self)
        assert self.disk_migrations
        self.disk_migrations.pop(max(self.disk_migrations))

    monkeypatch.setattr(MigrationLoader, "load_disk", one_fewer)
    assert dataset.fingerprint() != before


def test_a_dataset_is_stale_unless_built_from_the_same_fingerprint(
    dataset: Any, tmp_path: Path
) -> None:
    meta = tmp_path / "load-1000.json"
    assert dataset.stale(meta, "today")  # never built
    meta.write_text(json.dumps({"opportunity_id": 1}))
    assert dataset.stale(meta, "today")  # built before datasets had fingerprints
    meta.write_text(json.dumps({"opportunity_id": 1, "fingerprint": "yesterday"}))
    assert dataset.stale(meta, "today")
    meta.write_text(json.dumps({"opportunity_id": 1, "fingerprint": "today"}))
    assert not dataset.stale(meta, "today")


def test_a_stale_sqlite_dataset_is_removed_with_its_log(
    dataset: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BENCH_DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(dataset, "BENCH_DIR", tmp_path)
    database = tmp_path / "load-1000.sqlite3"
    for path in (database, Path(f"{database}-wal"), tmp_path / "load-1000.json"):
        path.write_text("old")
    assert dataset.discard_if_stale(1000, "today")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_fresh_dataset_is_kept(
    dataset: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BENCH_DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(dataset, "BENCH_DIR", tmp_path)
    database = tmp_path / "load-1000.sqlite3"
    database.write_text("built")
    (tmp_path / "load-1000.json").write_text(json.dumps({"fingerprint": "today"}))
    assert not dataset.discard_if_stale(1000, "today")
    assert database.read_text() == "built"


def test_the_load_benchmark_measures_the_dashboard() -> None:
    load = bench_module("load")
    paths = {
        t.path: t.who
        for t in load.targets({"opportunity_id": 1, "person_id": 1, "offer_id": 1}, [1])
    }
    assert paths["/dashboard/"] == "coordinator"
