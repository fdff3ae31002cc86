"""``powerwith demo`` (what ``make demo`` runs) serves with the worker beside it: e-mail a
page queues is sent by the demo's worker, printed by the console backend, and Ctrl+C at
the terminal stops the server and the worker together."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from http.cookiejar import CookieJar
from pathlib import Path

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
