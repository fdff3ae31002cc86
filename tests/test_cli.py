from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

from powerwith import cli
from powerwith.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_token_create_prints_a_working_token(riverside_coordinator, capsys):
    assert cli.main(["token", "create", "Coordinator@Riverside.example"]) == 0
    token = capsys.readouterr().out.strip()
    response = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["email"] == "coordinator@riverside.example"
    stored = ApiToken.objects.get()
    assert token.split("_", 2)[2] not in stored.secret_hash


def test_token_create_needs_an_organisation_when_the_user_has_several(
    expert_at_both, hillview, capsys
):
    assert cli.main(["token", "create", "sam@people.example"]) == 2
    assert "--organisation" in capsys.readouterr().err
    assert not ApiToken.objects.exists()

    assert cli.main(["token", "create", "sam@people.example", "--organisation", "hillview"]) == 0
    token = capsys.readouterr().out.strip()
    body = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/me").json()
    assert body["organisation_id"] == hillview.pk


def test_token_create_for_an_unknown_user_fails_clearly(db, capsys):
    assert cli.main(["token", "create", "nobody@example.org"]) == 2
    assert "no active user" in capsys.readouterr().err


def test_token_create_for_an_organisation_the_user_is_not_in_fails(
    riverside_coordinator, hillview, capsys
):
    args = ["token", "create", "coordinator@riverside.example", "--organisation", "hillview"]
    assert cli.main(args) == 2
    assert "not a member of hillview" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["demo", "serve", "worker", "token", "token create", "manage"])
def test_every_command_explains_itself(command):
    executable = Path(sys.executable).with_name("powerwith")
    assert executable.exists(), "the powerwith console script is installed"
    result = subprocess.run(
        [executable, *command.split(), "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "powerwith" in result.stdout
    assert ("usage:" in result.stdout) or ("subcommand" in result.stdout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_runs_the_production_server(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "SECRET_KEY": "a-long-random-key-for-this-test-only-" + "x7Q!" * 10,
        "POWERWITH_FIELD_KEYS": "dGhyb3dhd2F5LWZpZWxkLWtleS1mb3ItdGhpcy10ZXM=",
        "POWERWITH_LEDGER_KEYS": "k1:throwaway-ledger-key-for-this-test-only-000",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "HTTPS": "0",
        "POWERWITH_TESTING": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    executable = Path(sys.executable).with_name("powerwith")
    server = subprocess.Popen(
        [executable, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = None
        deadline = time.monotonic() + 30
        while body is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health") as answer:
                    body = json.load(answer)
            except OSError:
                time.sleep(0.2)
        assert body == {"status": "ok", "database": "ok"}
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert "gunicorn" in output.lower() or "Booting worker" in output
