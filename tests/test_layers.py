"""The layers of the apps hold, and `make lint` would fail on a new cycle.

The contract lives in pyproject.toml ([tool.importlinter]) and `make lint` runs it; this
test shows the contract can fail: a copy of the package with one upward import planted
(the core layer importing a workflow, which imports the core: a cycle) is refused, naming
the import, while the copy as it stands passes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(package_parent: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=package_parent,
        env={**os.environ, "PYTHONPATH": str(package_parent)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "src" / "powerwith",
        tmp_path / "powerwith",
        ignore=shutil.ignore_patterns("__pycache__", "static", "templates", "migrations"),
    )
    return tmp_path


def test_the_package_keeps_its_layers(copy_of_the_package: Path) -> None:
    result = _lint(copy_of_the_package)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_that_makes_a_cycle_fails_the_lint(copy_of_the_package: Path) -> None:
    errors = copy_of_the_package / "powerwith" / "core" / "errors.py"
    errors.write_text(errors.read_text() + "\nfrom powerwith.workflows import leaving  # planted\n")
    result = _lint(copy_of_the_package)
    assert result.returncode != 0
    assert "powerwith.core is not allowed to import powerwith.workflows" in result.stdout
    assert "powerwith.core.errors -> powerwith.workflows.leaving" in result.stdout
