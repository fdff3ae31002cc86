"""The layers of the apps hold, and `make lint` would fail on a new cycle.

The contract lives in pyproject.toml ([tool.importlinter]) and `make lint` runs it; this
test shows the contract can fail: a copy of the package with one upward import planted
(the core layer importing a workflow, which imports the core: a cycle) is refused, naming
the import, while the copy as it stands passes.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
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


def test_a_page_that_imports_a_higher_part_fails_the_lint(copy_of_the_package: Path) -> None:
    """Pages obey the layers too: the register's page reaching up into offers (which
    imports people) would make the two parts import each other."""
    page = copy_of_the_package / "powerwith" / "people" / "views" / "register.py"
    page.write_text(page.read_text() + "\nfrom powerwith.offers import queries  # planted\n")
    result = _lint(copy_of_the_package)
    assert result.returncode != 0
    assert "powerwith.people is not allowed to import powerwith.offers" in result.stdout
    assert "powerwith.people.views.register -> powerwith.offers.queries" in result.stdout


def test_an_endpoint_that_imports_a_workflow_fails_the_lint(copy_of_the_package: Path) -> None:
    endpoint = copy_of_the_package / "powerwith" / "payments" / "api" / "__init__.py"
    endpoint.write_text(
        endpoint.read_text() + "\nfrom powerwith.workflows import on_behalf  # planted\n"
    )
    result = _lint(copy_of_the_package)
    assert result.returncode != 0
    assert "powerwith.payments is not allowed to import powerwith.workflows" in result.stdout


def test_pages_are_let_off_nothing_but_the_commands_that_start_the_project() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    for contract in config["contracts"]:
        for ignored in contract["ignore_imports"]:
            importer, imported = ignored.split(" -> ")
            assert importer == "powerwith.*.management.**", ignored
            assert imported in {"powerwith.reminders", "powerwith.backups", "powerwith.demo"}


def test_two_parts_side_by_side_that_import_each_other_fail_the_lint(
    copy_of_the_package: Path,
) -> None:
    """Payments and evaluation share a layer: neither may import the other."""
    claims = copy_of_the_package / "powerwith" / "payments" / "queries" / "__init__.py"
    planted = "\nfrom powerwith.evaluation import queries  # planted\n"
    claims.write_text(claims.read_text() + planted)
    result = _lint(copy_of_the_package)
    assert result.returncode != 0
    assert "Evaluation and payments never import each other" in result.stdout
    assert "powerwith.payments.queries -> powerwith.evaluation.queries" in result.stdout


# Where an import inside a function is how Django or a command line is meant to work: an
# app's ready() connects its signals once the registry is loaded, and the command line
# imports Django only for the command asked for.
LATE_IMPORTS_ALLOWED = {"apps.py", "cli.py"}


def test_no_import_inside_a_function_dodges_a_cycle() -> None:
    late = []
    for module in (ROOT / "src" / "powerwith").rglob("*.py"):
        if module.name in LATE_IMPORTS_ALLOWED or "migrations" in module.parts:
            continue
        tree = ast.parse(module.read_text())
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("powerwith"):
                    late.append(f"{module.relative_to(ROOT)}:{node.lineno} {node.module}")
                if isinstance(node, ast.Import) and any(
                    alias.name.startswith("powerwith") for alias in node.names
                ):
                    late.append(f"{module.relative_to(ROOT)}:{node.lineno}")
    assert late == []
