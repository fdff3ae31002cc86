from __future__ import annotations

import datetime as dt
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


@pytest.fixture(autouse=True)
def _a_var_directory_of_its_own(tmp_path_factory, monkeypatch) -> None:
    """The CLI reads the demo's key and database from ``var/``; here it reads an empty
    one, whatever ``make demo`` left in the checkout."""
    monkeypatch.setenv("POWERWITH_VAR_DIR", str(tmp_path_factory.mktemp("var")))


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
        # The database is not migrated here, so it has no cache table: a cache of its own.
        "CACHE_URL": "locmem://",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "POWERWITH_METRICS_TOKEN": "metrics-token-for-this-test-only-0123456789",
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
        assert body == {
            "status": "ok",
            "database": "ok",
            "cache": "ok",
            "worker": "missing",
            "checkpoint": "missing",
        }
        scrape = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/metrics",
            headers={"Authorization": f"Bearer {env['POWERWITH_METRICS_TOKEN']}"},
        )
        with urllib.request.urlopen(scrape) as answer:  # noqa: S310 (http, ours)
            request_id = answer.headers["X-Request-ID"]
            scraped = answer.read().decode()
        # Counted in the multiprocess directory that serve prepared, not in one process.
        assert 'route="/api/v1/health",status="2xx"' in scraped
        assert list((tmp_path / "metrics").glob("*.db"))
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert "gunicorn" in output.lower() or "Booting worker" in output
    logged = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert any(line.get("request_id") == request_id for line in logged)  # JSON lines


def demo_machine_environment(var_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a machine where nothing was configured by hand: no key, no
    database address, no DEBUG, not the test suite."""
    unset = {
        "SECRET_KEY",
        "DATABASE_URL",
        "DEBUG",
        "POWERWITH_DEMO",
        "POWERWITH_TESTING",
        "POWERWITH_FIELD_KEYS",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DJANGO_SETTINGS_MODULE",
        "PORT",
        "SITE_URL",
        "HTTPS",
        "ALLOWED_HOSTS",
    }
    inherited = {k: v for k, v in os.environ.items() if k not in unset}
    return {**inherited, "POWERWITH_VAR_DIR": str(var_dir), **extra}


SETTINGS_AS_THE_DEMO_SEES_THEM = """
import sys
from powerwith import cli
cli._demo_environment(int(sys.argv[1]))
cli._setup_django()
from django.conf import settings
print(settings.DEBUG, settings.SITE_URL, settings.HTTPS, ",".join(settings.ALLOWED_HOSTS))
"""


def test_the_demo_shows_the_designed_error_pages_and_links_to_the_port_it_serves_on(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_AS_THE_DEMO_SEES_THEM, "8123"],
        env=demo_machine_environment(tmp_path / "var"),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    debug, site_url, https, hosts = result.stdout.split()
    assert debug == "False", "Django's debug pages (every URL pattern) are not shown to people"
    assert site_url == "http://127.0.0.1:8123"
    assert https == "False"
    assert "localhost" in hosts.split(",")


def run_manage_check(var_dir: Path) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).with_name("powerwith")
    return subprocess.run(
        [executable, "manage", "check"],
        env=demo_machine_environment(var_dir),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_command_line_works_against_the_demo_with_no_variables_set_by_hand(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    (var_dir / cli.DEMO_KEY_FILE).write_text("a-demo-key-made-by-powerwith-demo-" + "q" * 30)
    result = run_manage_check(var_dir)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_without_the_demo_the_command_line_still_asks_for_a_secret_key(tmp_path):
    result = run_manage_check(tmp_path / "var")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_demo_loaded_on_an_earlier_day_is_built_again_and_the_old_one_kept(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("POWERWITH_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    (tmp_path / "powerwith.sqlite3").write_bytes(b"the demo of June")
    (tmp_path / "powerwith.sqlite3-wal").write_bytes(b"its journal")
    (tmp_path / cli.DEMO_DAY_FILE).write_text("2026-06-01")

    cli._fresh_demo_database(dt.date(2026, 12, 7))

    assert not (tmp_path / "powerwith.sqlite3").exists()
    assert (tmp_path / "demo-from-2026-06-01.sqlite3").read_bytes() == b"the demo of June"
    assert (tmp_path / "demo-from-2026-06-01.sqlite3-wal").read_bytes() == b"its journal"
    assert "built again for today" in capsys.readouterr().out


def test_a_demo_loaded_today_is_kept_as_it_is(tmp_path, monkeypatch):
    monkeypatch.setenv("POWERWITH_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    (tmp_path / "powerwith.sqlite3").write_bytes(b"today's demo")
    (tmp_path / cli.DEMO_DAY_FILE).write_text("2026-12-07")

    cli._fresh_demo_database(dt.date(2026, 12, 7))

    assert (tmp_path / "powerwith.sqlite3").read_bytes() == b"today's demo"


def test_a_database_of_its_own_is_never_moved(tmp_path, monkeypatch):
    monkeypatch.setenv("POWERWITH_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'powerwith.sqlite3'}")
    (tmp_path / "powerwith.sqlite3").write_bytes(b"a real site's data")
    (tmp_path / cli.DEMO_DAY_FILE).write_text("2026-06-01")

    cli._fresh_demo_database(dt.date(2026, 12, 7))

    assert (tmp_path / "powerwith.sqlite3").read_bytes() == b"a real site's data"


def test_serve_keeps_each_ports_request_counts_apart_and_starts_them_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("POWERWITH_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    other = tmp_path / "metrics" / "port-8001"
    other.mkdir(parents=True)
    (other / "counter_1.db").write_bytes(b"the other server's counts")
    stale = tmp_path / "metrics" / "port-8000"
    stale.mkdir()
    (stale / "counter_2.db").write_bytes(b"counts from before a restart")

    cli._fresh_metrics_dir(8000)

    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(stale)
    assert list(stale.iterdir()) == []
    assert (other / "counter_1.db").exists()
