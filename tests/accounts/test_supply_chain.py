"""The supply-chain checks: no secrets in the repository (make lint), and a dependency
audit that never reports a pass it did not make (make audit)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_secrets = script("check_secrets")
audit_dependencies = script("audit_dependencies")

FAKE_SECRETS = {
    "a private key": "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow...\n",
    "an AWS access key": "aws = 'AKIA" + "ABCDEFGHIJKLMNOP'\n",
    "a GitHub token": "token = 'ghp_" + "a" * 36 + "'\n",
    "a powerwith API token": "Authorization: Bearer pw_0123456789ab_" + "x" * 43 + "\n",
    "a SECRET_KEY literal": 'SECRET_KEY = "' + "s3cr3t-value-" * 3 + '"\n',
}


@pytest.mark.parametrize(("what", "text"), FAKE_SECRETS.items())
def test_the_secrets_check_finds(tmp_path, capsys, what, text):
    planted = tmp_path / "settings_local.py"
    planted.write_text(text)
    assert check_secrets.main([str(planted)]) == 1
    assert f"looks like {what}" in capsys.readouterr().out


def test_a_deliberate_fake_can_be_marked_with_its_reason(tmp_path):
    planted = tmp_path / "example.py"
    planted.write_text('SECRET_KEY = "not-a-real-key-at-all"  # secrets-check: allow (docs)\n')
    assert check_secrets.main([str(planted)]) == 0


def test_secret_key_from_the_environment_is_fine(tmp_path):
    planted = tmp_path / "settings.py"
    planted.write_text('SECRET_KEY = os.environ.get("SECRET_KEY", "")\n')
    assert check_secrets.main([str(planted)]) == 0


def test_the_repository_holds_no_secrets(capsys):
    assert check_secrets.main([]) == 0, capsys.readouterr().out


def fake_audit(monkeypatch, report: dict[str, Any] | None, stderr: str = "") -> None:
    def run(arguments, **kwargs):
        if report is not None:
            Path(arguments[arguments.index("--output") + 1]).write_text(json.dumps(report))
        return subprocess.CompletedProcess(arguments, 1, "", stderr)

    monkeypatch.setattr(audit_dependencies.subprocess, "run", run)


def dependency(name: str, vulns=(), skip_reason=None) -> dict[str, Any]:
    found = {"name": name, "version": "1.0", "vulns": list(vulns)}
    if skip_reason:
        found = {"name": name, "skip_reason": skip_reason}
    return found


def test_a_known_vulnerability_fails_the_audit(monkeypatch, capsys):
    vuln = {"id": "PYSEC-2099-1", "fix_versions": ["1.1"]}
    fake_audit(monkeypatch, {"dependencies": [dependency("django", [vuln]), dependency("x")]})
    assert audit_dependencies.main("requirements.txt") == 1
    assert "django 1.0: PYSEC-2099-1 (fixed in 1.1)" in capsys.readouterr().out


def test_a_clean_audit_passes_and_says_how_many_it_checked(monkeypatch, capsys):
    fake_audit(monkeypatch, {"dependencies": [dependency("django"), dependency("x")]})
    assert audit_dependencies.main("requirements.txt") == 0
    assert "no known vulnerabilities in 2 audited" in capsys.readouterr().out


def test_an_unreachable_database_is_a_loud_skip_not_a_pass(monkeypatch, capsys):
    reason = "Dependency not found on PyPI and could not be audited: django (1.0)"
    fake_audit(monkeypatch, {"dependencies": [dependency("django", skip_reason=reason)]})
    assert audit_dependencies.main("requirements.txt") == 0
    out = capsys.readouterr().out
    assert "pip-audit SKIPPED" in out
    assert "NOT checked" in out
    assert "no known vulnerabilities" not in out


def test_where_the_audit_is_required_an_unreachable_database_fails(monkeypatch, capsys):
    monkeypatch.setenv("AUDIT_REQUIRED", "1")
    fake_audit(monkeypatch, None, stderr="ConnectionError: cannot reach osv.dev")
    assert audit_dependencies.main("requirements.txt") == 1
    assert "ConnectionError" in capsys.readouterr().out
