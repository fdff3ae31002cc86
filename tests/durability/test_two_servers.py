"""Two app servers, one database, one worker: the product behaves as one site.

The way an organisation grows past one machine: ``powerwith serve`` twice, on two
ports, against one database (a SQLite file here, a fresh PostgreSQL database when the
suite runs on PostgreSQL) and one ``powerwith worker``, with the default cache (the
database's, shared by every process). The test shows that a token's rate limit holds
across both servers, that a session made on one is valid on the other and ended on both
by logging out, that the reminders task runs once however many servers there are, that
the dashboard worked out by one server is served by the other, and that both servers'
health check sees the worker's heartbeat.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from tests.durability.processes import POWERWITH, ROOT, environment_for, powerwith, script
from tests.durability.test_kill_server import Server, free_port

pytestmark = pytest.mark.xdist_group("kill-server")

LIMIT = 6

SETUP = """
from powerwith.accounts import services
from powerwith.core.roles import Role
from tests.conftest import PASSWORD, make_member

riverside = services.create_organisation(name="Riverside Care Partnership", slug="riverside")
coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
_, token = services.create_api_token(membership=coordinator, name="two", actor=coordinator.user)
print(json.dumps({"token": token, "password": PASSWORD}))
"""

REMINDER_RUNS = """
from django_tasks_db.models import DBTaskResult

runs = DBTaskResult.objects.filter(task_path="powerwith.reminders.send_reminders")
print(json.dumps({
    "done": runs.filter(status="SUCCESSFUL").count(),
    "waiting": runs.filter(status="READY").count(),
}))
"""

DASHBOARD_ROW = """
from django.db import connection

with connection.cursor() as cursor:
    cursor.execute(
        "SELECT cache_key, expires FROM powerwith_cache WHERE cache_key LIKE %s",
        ["%dashboard:%"],
    )
    print(json.dumps([[key, str(expires)] for key, expires in cursor.fetchall()]))
"""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """One person's browser: one cookie jar, whichever server it talks to."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirects()
        )

    def get(self, url: str) -> tuple[int, str, str]:
        try:
            with self.opener.open(url, timeout=30) as answer:
                return answer.status, answer.read().decode(), ""
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), error.headers["Location"]

    def post(self, url: str, fields: dict[str, str]) -> tuple[int, str]:
        request = urllib.request.Request(  # noqa: S310 (a loopback URL of the test's own)
            url, data=urllib.parse.urlencode(fields).encode(), headers={"Referer": url}
        )
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.headers["Location"] or ""
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Location"] or ""


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found, "no CSRF token on the page"
    return found.group(1)


def api(base: str, path: str, token: str | None = None) -> tuple[int, dict[str, object]]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(f"{base}/api/v1{path}", headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def wait_for(check: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"waited {seconds} s for {what}")


@pytest.fixture
def site(new_database: Callable[[str], str], tmp_path: Path) -> Iterator[list[Server]]:
    env = environment_for(
        new_database("two_servers"),
        tmp_path / "var",
        POWERWITH_TESTING="",
        DEBUG="",
        HTTPS="0",
        SECRET_KEY="a-long-random-key-for-this-test-only-" + "t2#S" * 10,
        ALLOWED_HOSTS="127.0.0.1",
        POWERWITH_FIELD_KEYS=Fernet.generate_key().decode(),
        POWERWITH_LEDGER_KEYS="k1:throwaway-ledger-key-for-this-test-only-000",
        API_TOKEN_RATE_PER_MINUTE=str(LIMIT),
        SECOND_FACTOR_REQUIRED="0",
        DASHBOARD_CACHE_SECONDS="600",
        WORKER_HEARTBEAT_SECONDS="2",
        LOG_LEVEL="WARNING",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",  # the real queue, not the tests'
        # Pages name static files plainly: this test is about the servers, not the assets.
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    env.pop("CACHE_URL", None)
    (tmp_path / "var").mkdir()
    servers = [Server(env=env, port=free_port(), logs=tmp_path / name) for name in ("a", "b")]
    for server in servers:
        server.logs.mkdir()
    try:
        yield servers
    finally:
        for server in servers:
            server.kill()


@contextlib.contextmanager
def worker(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        process = subprocess.Popen(
            [POWERWITH, "worker", "--interval=0.5"],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_two_app_servers_on_one_database_and_one_worker_behave_as_one_site(
    site: list[Server], tmp_path: Path
) -> None:
    a, b = site
    env = a.env
    migrated = powerwith(env, "manage", "migrate", "--verbosity=0")
    assert migrated.returncode == 0, migrated.stderr
    made = json.loads(script(SETUP, env))
    a.start()
    b.start()
    one, two = f"http://127.0.0.1:{a.port}", f"http://127.0.0.1:{b.port}"

    # The rate limit of one token is one limit for the site, not one per server: taking
    # turns, the two servers let through LIMIT requests in a minute, not twice as many.
    # (Started early in a clock minute, so that the window does not turn mid-way.)
    if time.time() % 60 > 40:
        time.sleep(61 - time.time() % 60)
    answers = [
        api(one if turn % 2 == 0 else two, "/me", made["token"])[0] for turn in range(LIMIT + 2)
    ]
    assert answers == [200] * LIMIT + [429, 429], answers

    # A session made on one server is valid on the other, and logging out ends it on both.
    browser = Browser()
    status, page, _ = browser.get(f"{one}/login/")
    assert status == 200
    status, _ = browser.post(
        f"{one}/login/",
        {
            "csrfmiddlewaretoken": csrf_of(page),
            "username": "coordinator@riverside.example",
            "password": made["password"],
        },
    )
    assert status == 302
    status, first, _ = browser.get(f"{one}/dashboard/")
    assert status == 200
    status, second, _ = browser.get(f"{two}/dashboard/")
    assert status == 200, "the session made on the first server is not valid on the second"

    # The dashboard worked out by the first server is the one the second serves.
    worked_out = re.search(r"Worked out at [^.]+\.", first)
    assert worked_out is not None
    assert worked_out.group(0) in second
    kept = json.loads(script(DASHBOARD_ROW, env))
    assert len(kept) == 1, kept
    browser.get(f"{two}/dashboard/")
    assert json.loads(script(DASHBOARD_ROW, env)) == kept, "the second server worked it out again"

    status, _ = browser.post(f"{two}/logout/", {"csrfmiddlewaretoken": csrf_of(second)})
    assert status in (200, 302)
    for base in (one, two):
        status, _, location = browser.get(f"{base}/dashboard/")
        assert status == 302, f"still logged in on {base}"
        assert "/login/" in location

    # One worker for both servers: its heartbeat shows on each, and reminders run once.
    with worker(env, tmp_path / "worker.log"):
        for base in (one, two):

            def beating(base: str = base) -> bool:
                return api(base, "/health")[1]["worker"] == "ok"

            wait_for(beating, "the worker's heartbeat")

        def reminders_ran() -> bool:
            return bool(json.loads(script(REMINDER_RUNS, env))["done"] >= 1)

        wait_for(reminders_ran, "the reminders task")
    runs = json.loads(script(REMINDER_RUNS, env))
    assert runs == {"done": 1, "waiting": 1}, runs
