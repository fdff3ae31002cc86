"""One layout in every app, as docs/adr/011-layers-and-layout.md describes it: the module
map there matches the tree, no suffix or prefix files remain, and the picture of the
layers (docs/layers.md) is the one the import graph draws."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "powerwith"
ADR = ROOT / "docs" / "adr" / "011-layers-and-layout.md"
NOT_MODULES = {"__init__", "apps", "migrations", "templates", "static", "__pycache__"}
SUFFIX_OR_PREFIX = re.compile(
    r"^(views|api|queries|models|urls|forms|services|reminders)_\w+$|^\w+_(queries|services)$"
)


def module_map() -> dict[str, set[str]]:
    rows = re.findall(r"^\| `(\w+)` \| ([a-z_/, ]+) \|$", ADR.read_text(), flags=re.M)
    return {app: {name.strip().rstrip("/") for name in names.split(",")} for app, names in rows}


def in_the_tree(app: str) -> set[str]:
    return {
        path.stem if path.suffix == ".py" else path.name
        for path in (SOURCE / app).iterdir()
        if (path.suffix == ".py" or (path.is_dir() and path.name not in NOT_MODULES))
        and path.stem not in NOT_MODULES
    }


def test_the_module_map_in_the_decision_record_matches_the_tree():
    described = module_map()
    apps = {path.parent.name for path in SOURCE.glob("*/__init__.py")} - {"demo"}
    assert set(described) == apps
    for app, names in described.items():
        assert names == in_the_tree(app), app


def test_no_app_keeps_suffix_or_prefix_files():
    found = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if "migrations" not in path.parts and SUFFIX_OR_PREFIX.match(path.stem)
    ]
    assert found == []


def test_the_picture_of_the_layers_is_the_one_the_imports_draw():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "layers.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout


LONGEST_MODULE = 400


def test_no_module_is_over_four_hundred_lines():
    """A module that outgrows the size guide is split by concern into a package of the
    same name; migrations are written by Django and are not held to it."""
    too_long = {
        str(path.relative_to(SOURCE)): lines
        for path in SOURCE.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text().splitlines())) > LONGEST_MODULE
    }
    assert too_long == {}
