"""``powerwith demo`` (what ``make demo`` runs) serves with the worker beside it: e-mail a
page queues is sent by the demo's worker, printed by the console backend; its first round
of reminders reminds someone of something the demo data holds due; and Ctrl+C at the
terminal stops the server and the worker together."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from http.cookiejar import CookieJar
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.test_cli import free_port

POWERWITH = Path(sys.executable).with_name("powerwith")
# Set by the test suite for itself; the demo runs as someone at a terminal runs it.
SUITE_ONLY = ("DJANGO_ALLOW_ASYNC_UNSAFE", "TASKS_BACKEND", "POWERWITH_TESTING", "DATABASE_URL")


def wait_for(condition: Callable[[], object], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=5) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def worker_of(parent: int) -> int | None:
    """The pid of ``powerwith worker`` started by ``parent``, if it is running."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and b"powerwith.cli\x00worker" in command:
            return int(stat.parent.name)
    return None


def ask_for_a_password_reset(site: str, email: str) -> None:
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with browser.open(f"{site}/password-reset/", timeout=10) as page:
        form = page.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token[1], "email": email}).encode()
    with browser.open(f"{site}/password-reset/", data=data, timeout=10) as sent:
        assert sent.url.endswith("/password-reset/sent/")


def test_the_demo_worker_sends_what_a_page_queues_and_stops_with_the_server(tmp_path):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in SUITE_ONLY}
    env.update(
        {
            "POWERWITH_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        }
    )
    log = tmp_path / "demo.log"
    with log.open("wb") as output:
        demo = subprocess.Popen(
            [POWERWITH, "demo", "--people", "5", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = None
    try:
        wait_for(lambda: healthy(port), seconds=300)
        worker = worker_of(demo.pid)
        assert worker is not None, log.read_text()
        ask_for_a_password_reset(f"http://127.0.0.1:{port}", "coordinator@riverside.example")
        wait_for(lambda: "Subject: Reset your powerwith password" in log.read_text(), 60)
    finally:
        os.killpg(demo.pid, signal.SIGINT)  # Ctrl+C at the terminal
        demo.wait(timeout=120)
    printed = log.read_text()
    assert demo.returncode == 0, printed
    assert "To: coordinator@riverside.example" in printed
    assert not Path(f"/proc/{worker}").exists()
    loading = printed.split("Password for every demo login")[0]
    assert "Task id=" not in loading  # the e-mail the load sends does not bury the logins


REMINDERS_TASK = "powerwith.reminders.send_reminders"


def rows(database: Path, sql: str, *parameters: object) -> list[tuple[object, ...]]:
    """Read the demo's database as it is now, beside the running demo (SQLite in WAL)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10) as db:
            return db.execute(sql, parameters).fetchall()
    except sqlite3.OperationalError:  # not made yet, or busy for a moment
        return []


def first_round_done(database: Path) -> bool:
    """The worker's first run of the reminders has finished, and so has every task it
    queued that was due (the messages it decided on): all that is left waiting is the
    next run, a quarter of an hour on."""
    finished = rows(
        database,
        "SELECT count(*) FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = ? AND status = 'SUCCESSFUL'",
        REMINDERS_TASK,
    )
    if not finished or not finished[0][0]:
        return False
    waiting = rows(
        database,
        "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN "
        "('READY', 'RUNNING') AND (run_after IS NULL OR run_after <= "
        "strftime('%Y-%m-%d %H:%M:%f', 'now'))",
    )
    return bool(waiting) and waiting[0][0] == 0


# Nothing that buzzes a phone is sent from 9pm until 8am, the organisation's time.
LONDON = ZoneInfo("Europe/London")
MORNING = clock(8)
EVENING = clock(21)


def the_morning_after(now: datetime) -> datetime | None:
    """8am London time next, in UTC, when ``now`` is at night; None by day."""
    local = now.astimezone(LONDON)
    if MORNING <= local.time() < EVENING:
        return None
    day = local if local.time() < MORNING else local + timedelta(days=1)
    return day.replace(hour=8, minute=0, second=0, microsecond=0).astimezone(UTC)


def reminders_once(database: Path, status: str, within: float) -> list[tuple[object, ...]]:
    """The reminders in the demo's database once the check's one reads as ``status``, or
    as they stand when ``within`` seconds have passed. Read more than once: a read that
    meets the worker mid-write answers nothing, and the message's own task may still be
    finishing when the round's last task is counted done."""
    deadline = time.monotonic() + within
    while True:
        found = rows(database, "SELECT topic, status FROM messaging_message WHERE reminder = 1")
        if ("check_expires", status) in found or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def test_the_demo_workers_first_round_sends_a_reminder(tmp_path):
    """Straight after ``powerwith demo`` starts, with nothing done by anyone, the worker's
    first round reminds someone of a safe-to-work check that ends in three weeks: the
    demo behaves as the product does, however few people it has. The person hears by
    text, so at night their reminder waits for 8am; their contact person's e-mail goes
    at once."""
    port = free_port()
    database = tmp_path / "demo.sqlite3"
    env = {key: value for key, value in os.environ.items() if key not in SUITE_ONLY}
    env.update({"POWERWITH_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{database}"})
    log = tmp_path / "demo.log"
    with log.open("wb") as output:
        demo = subprocess.Popen(
            [POWERWITH, "demo", "--people", "5", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: healthy(port), seconds=300)
        before = the_morning_after(datetime.now(UTC))
        # A safety net only: the first round finishes in seconds.
        wait_for(lambda: first_round_done(database), seconds=300)
        morning = the_morning_after(datetime.now(UTC))
        reminders = reminders_once(database, "queued" if morning else "sent", within=60)
        waiting = rows(
            database,
            "SELECT run_after FROM django_tasks_database_dbtaskresult "
            "WHERE status = 'READY' AND task_path LIKE '%.check_expires_soon'",
        )
    finally:
        os.killpg(demo.pid, signal.SIGINT)  # Ctrl+C at the terminal
        demo.wait(timeout=120)
    printed = log.read_text()
    if before != morning:  # the round met 8am or 9pm: either answer is right
        assert {("check_expires", "sent"), ("check_expires", "queued")} & set(reminders)
    elif morning is None:
        assert ("check_expires", "sent") in reminders, (reminders, printed[-3000:])
    else:
        assert ("check_expires", "queued") in reminders, (reminders, printed[-3000:])
        assert waiting == [(morning.strftime("%Y-%m-%d %H:%M:%S"),)], waiting
    # Their contact person hears by e-mail, which the demo prints, night or day.
    assert re.search(r"Subject: A check of .+ ends soon", printed), printed[-3000:]
