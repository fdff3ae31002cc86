"""Load benchmark: the real server under 16 connections, with ratios to Django's ceiling.

For each of two datasets (1,000 people and 100,000 people, built once under var/bench/
by bench/dataset.py and reused), this starts the production server (``powerwith serve``:
gunicorn, sync workers, one per core) on loopback with a throwaway SECRET_KEY and the
settings of ``bench.reference_settings`` (the product's, with the reference views of
``bench/reference_views.py`` mounted), logs in once per user, then drives each target
with wrk from a second process at 16 connections for a fixed time. It prints requests
per second and p50/p95/p99 for each target with its ratio to the references measured in
the same run:

- ``hello``: a hello-world JSON view in the same server process (Django's ceiling);
- ``bare list``: the same 25 people rows with no log-in, tenancy or consent checks
  (HTML, and JSON for the API targets);
- ``bare insert``: one row inserted in a transaction (for the consent withdrawal).

Then it reports each goal of issue 19 as met or not met (goals, not assertions: the exit
status is 0 either way unless something broke). On SQLite it then measures the bare insert
and the consent withdrawal again on two fresh servers, ``synchronous=NORMAL`` and ``FULL``
(the product's), and prints what FULL costs as one ratio. All of it goes to
var/bench/load-result-<time>.json.

    .venv/bin/python bench/load.py [--people 100000] [--small 1000] [--seconds 10]
    .venv/bin/python bench/load.py --people 1000 --seconds 5 --synchronous-only

BENCH_DATABASE_URL (or DATABASE_URL) chooses PostgreSQL; by default SQLite files
var/bench/load-<people>.sqlite3. Delete var/bench/load-* to rebuild.
"""

# ruff: noqa: S603, S310 - runs our own server, wrk and loopback URLs it builds itself

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dataset  # bench/ is not a package

ROOT = dataset.ROOT
BENCH_DIR = dataset.BENCH_DIR
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
CONNECTIONS = 16
THREADS = 2
COORDINATOR = "coordinator@riverside.example"
EXPERT = "expert1@people.example"

# Goals from issue 19 (issue 10's, raised): each printed as met or not met from one run.
OF_BARE = 0.50
BIG_OF_SMALL = 0.80
MATCHING_OF_REGISTER_P50 = 2.0
WITHDRAW_OF_INSERT = 0.50
P95_MS = 250.0
POSTGRES_OF_SQLITE = 0.70


@dataclass
class Target:
    name: str
    path: str
    kind: str  # html | json | write | ref
    who: str = ""  # coordinator | expert | token | "" (anonymous)
    method: str = "GET"
    body: str = ""
    body_again: str = ""
    pool: list[int] = field(default_factory=list)


@dataclass
class Result:
    name: str
    kind: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests: int
    errors: int
    status: int


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_env(people: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(dataset.environment(people))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    return env


def powerwith_command() -> list[str]:
    script = Path(sys.executable).parent / "powerwith"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "powerwith.cli"]


def start_server(
    people: int, port: int, workers: int, extra_env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    log = (BENCH_DIR / f"server-{people}.log").open("wb")
    process = subprocess.Popen(
        [
            *powerwith_command(),
            "serve",
            "--host=127.0.0.1",
            f"--port={port}",
            f"--workers={workers}",
        ],
        env={**server_env(people), **(extra_env or {})},
        stdout=subprocess.DEVNULL,  # the access log: one line a request
        stderr=log,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=5):
                return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process.poll() is not None:
                raise SystemExit(f"the server stopped; see {log.name}") from None
            time.sleep(0.5)
    stop_server(process)
    raise SystemExit(f"the server did not answer within a minute; see {log.name}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def log_in(base: str, email: str) -> str:
    """Logs in through the login page once; answers the Cookie header."""
    from_demo = "power-with-demo"  # secrets-check: allow (the demo's published password)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/", timeout=30).read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if match is None:
        raise SystemExit("no CSRF token on the login page")
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": match.group(1), "username": email, "password": from_demo}
    ).encode()
    request = urllib.request.Request(
        f"{base}/login/", data=data, headers={"Referer": f"{base}/login/"}
    )
    answer = opener.open(request, timeout=30)
    if "/two-step/" in answer.geturl():
        # Staff give a code from their authenticator (bench/dataset.py set its key).
        page = answer.read().decode()
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if match is None:
            raise SystemExit("no CSRF token on the second-step page")
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": match.group(1), "code": totp(dataset.TOTP_KEY)}
        ).encode()
        request = urllib.request.Request(
            answer.geturl(), data=data, headers={"Referer": answer.geturl()}
        )
        answer = opener.open(request, timeout=30)
        if "/two-step/" in answer.geturl():
            raise SystemExit(f"the second step of logging in as {email} failed")
    answer.read()
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    if "session" not in cookies:
        raise SystemExit(f"logging in as {email} gave no session cookie")
    return cookies


def totp(key_hex: str, step: int = 30, digits: int = 6) -> str:
    """RFC 6238, as django-otp's TOTPDevice checks it."""
    counter = int(time.time()) // step
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def api_token(people: int) -> str:
    out = subprocess.run(
        [*powerwith_command(), "token", "create", COORDINATOR, "--name", "load benchmark"],
        env=server_env(people),
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


# ---------------------------------------------------------------- running wrk


def headers_for(target: Target, auth: dict[str, str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    if target.who in ("coordinator", "expert"):
        headers["Cookie"] = auth[target.who]
    elif target.who == "token":
        headers["Authorization"] = f"Bearer {auth['token']}"
    if target.method == "POST":
        headers["Content-Type"] = "application/json"
    return headers


def check(base: str, target: Target, auth: dict[str, str]) -> int:
    """One request as wrk will make it: the status, and no silent redirect to log in."""
    path = target.path.replace("{id}", str(target.pool[0])) if target.pool else target.path
    request = urllib.request.Request(
        base + path,
        headers=headers_for(target, auth),
        method=target.method,
        data=(target.body or "{}").encode() if target.method == "POST" else None,
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            status: int = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status


def wrk(
    base: str, target: Target, auth: dict[str, str], seconds: float, offset: int = 0
) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        {
            "BENCH_OFFSET": str(offset),
            "BENCH_METHOD": target.method,
            "BENCH_THREADS": str(THREADS),
            "BENCH_PATH": target.path,
            "BENCH_POOL": ",".join(str(i) for i in target.pool),
        }
    )
    if target.body:
        env["BENCH_BODY"] = target.body
    if target.body_again:
        env["BENCH_BODY_AGAIN"] = target.body_again
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{max(1, round(seconds))}s",
        "--timeout=30s",
        f"-s{LUA}",
    ]
    for name, value in headers_for(target, auth).items():
        command += ["-H", f"{name}: {value}"]
    command.append(base + target.path.split("{")[0] if not target.pool else base + "/")
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            summary: dict[str, Any] = json.loads(line.removeprefix("BENCH_JSON "))
            return summary
    raise SystemExit(f"wrk said:\n{out.stdout}\n{out.stderr}")


def measure(base: str, target: Target, auth: dict[str, str], seconds: float) -> Result:
    status = check(base, target, auth)
    # Warm the workers (and their caches) first; the pool carries on after the check
    # and the warm-up, so every request of a write target changes something.
    warm = wrk(base, target, auth, 1, offset=1)
    summary = wrk(base, target, auth, seconds, offset=1 + warm["requests"])
    errors = sum(
        summary[k]
        for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    )
    result = Result(
        name=target.name,
        kind=target.kind,
        rps=summary["requests"] / (summary["duration_us"] / 1e6),
        p50_ms=summary["p50_us"] / 1000,
        p95_ms=summary["p95_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        requests=summary["requests"],
        errors=errors,
        status=status,
    )
    flag = "" if status == 200 and not errors else f"  (status {status}, {errors} errors)"
    print(
        f"  {target.name:<34} {result.rps:8.1f} req/s  p50 {result.p50_ms:7.1f}  "
        f"p95 {result.p95_ms:7.1f}  p99 {result.p99_ms:7.1f} ms{flag}",
        flush=True,
    )
    return result


# ---------------------------------------------------------------- the targets


def targets(meta: dict[str, Any], pool: list[int]) -> list[Target]:
    opportunity = meta["opportunity_id"]
    return [
        Target("hello (Django's ceiling)", "/bench/hello", "ref"),
        Target("bare list (HTML)", "/bench/people", "ref"),
        Target("bare list (JSON)", "/bench/people?format=json", "ref"),
        Target("bare insert", "/bench/insert", "ref", method="POST"),
        Target("register list page", "/people/", "html", "coordinator"),
        Target("person page", f"/people/{meta['person_id']}/", "html", "coordinator"),
        Target(
            "match results page", f"/opportunities/{opportunity}/matches/", "html", "coordinator"
        ),
        Target("offer page", f"/offers/{meta['offer_id']}/", "html", "coordinator"),
        Target("expert's home page", "/", "html", "expert"),
        Target("coordinator's home page", "/", "html", "coordinator"),
        Target("the dashboard", "/dashboard/", "html", "coordinator"),
        Target("opportunities list", "/opportunities/", "html", "coordinator"),
        Target("claims list", "/claims/", "html", "coordinator"),
        Target("action-needed list", "/action-needed/", "html", "coordinator"),
        Target("the person's consents page", "/my-consents/", "html", "expert"),
        Target("API people list", "/api/v1/people", "json", "token"),
        Target("API offers list", "/api/v1/offers", "json", "token"),
        Target("API opportunities list", "/api/v1/opportunities", "json", "token"),
        Target("API matches", f"/api/v1/opportunities/{opportunity}/matches", "json", "token"),
        Target(
            "consent withdrawal (API write)",
            "/api/v1/people/{id}/consents",
            "write",
            "token",
            method="POST",
            body='{"scope": "keep_contact", "action": "withdraw", "method": "verbal"}',
            body_again='{"scope": "keep_contact", "action": "grant", "method": "verbal"}',
            pool=pool,
        ),
    ]


def run_dataset(people: int, seconds: float, workers: int) -> dict[str, Result]:
    print(f"\n== {people:,} people", flush=True)
    subprocess.run([sys.executable, __file__, "--build", str(people)], check=True)
    meta_file = dataset.meta_path(people)
    meta = json.loads(meta_file.read_text())
    # Each request withdraws a different granted consent (the build step grants them all
    # again before each run); a run longer than the pool grants them again on its second
    # pass, withdraws on the third, and so on: every request appends to the ledger.
    pool = meta["pool"][:15000]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(people, port, workers)
    try:
        auth = {
            "coordinator": log_in(base, COORDINATOR),
            "expert": log_in(base, EXPERT),
            "token": api_token(people),
        }
        results = {}
        for target in targets(meta, pool):
            results[target.name] = measure(base, target, auth, seconds)
    finally:
        stop_server(server)
    return results


SYNCHRONOUS_TARGETS = ("bare insert", "consent withdrawal (API write)")


def run_synchronous(
    people: int, seconds: float, workers: int, rounds: int = 2
) -> dict[str, dict[str, Result]]:
    """SQLite only: the bare insert and the consent withdrawal with ``synchronous=NORMAL``
    and ``FULL`` (the product's), each on a fresh server and a refilled pool, in one run,
    so the cost of syncing the WAL at every commit is one ratio. The modes alternate over
    ``rounds`` (NORMAL then FULL, then FULL then NORMAL, ...) and each keeps its best
    round: on a shared machine other work only ever slows a round down."""
    best: dict[str, dict[str, Result]] = {"NORMAL": {}, "FULL": {}}
    for round_number in range(rounds):
        order = ("NORMAL", "FULL") if round_number % 2 == 0 else ("FULL", "NORMAL")
        for mode in order:
            print(f"\n== synchronous={mode}, {people:,} people, round {round_number + 1}")
            subprocess.run([sys.executable, __file__, "--build", str(people)], check=True)
            meta = json.loads(dataset.meta_path(people).read_text())
            pool = meta["pool"][:15000]
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            server = start_server(people, port, workers, {"BENCH_SQLITE_SYNCHRONOUS": mode})
            try:
                auth = {"token": api_token(people)}
                for target in targets(meta, pool):
                    if target.name not in SYNCHRONOUS_TARGETS:
                        continue
                    result = measure(base, target, auth, seconds)
                    kept = best[mode].get(target.name)
                    if kept is None or result.rps > kept.rps:
                        best[mode][target.name] = result
            finally:
                stop_server(server)
    return best


def synchronous_lines(compared: dict[str, dict[str, Result]]) -> list[str]:
    lines = ["synchronous=FULL against NORMAL (SQLite; the product runs FULL):"]
    for name in SYNCHRONOUS_TARGETS:
        normal, full = compared["NORMAL"][name], compared["FULL"][name]
        ratio = full.rps / normal.rps if normal.rps else 0.0
        lines.append(
            f"  {name:<34} NORMAL {normal.rps:8.1f} req/s (p95 {normal.p95_ms:6.1f} ms)  "
            f"FULL {full.rps:8.1f} req/s (p95 {full.p95_ms:6.1f} ms)  FULL÷NORMAL {ratio:.0%}"
        )
    return lines


# ---------------------------------------------------------------- the report


def ratio_table(results: dict[str, Result], small: dict[str, Result] | None) -> list[str]:
    hello = results["hello (Django's ceiling)"].rps
    bare_html = results["bare list (HTML)"].rps
    bare_json = results["bare list (JSON)"].rps
    insert = results["bare insert"].rps
    lines = [
        f"{'target':<34} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7}  "
        f"{'÷hello':>6} {'÷bare':>6} {'big÷small':>9} {'errors':>6}",
    ]
    for r in results.values():
        bare = bare_json if r.kind == "json" else insert if r.kind == "write" else bare_html
        of_bare = "" if r.kind == "ref" else f"{r.rps / bare:6.0%}"
        scaled = ""
        if small is not None and r.name in small and small[r.name].rps:
            scaled = f"{r.rps / small[r.name].rps:9.0%}"
        lines.append(
            f"{r.name:<34} {r.rps:8.1f} {r.p50_ms:7.1f} {r.p95_ms:7.1f} {r.p99_ms:7.1f}  "
            f"{r.rps / hello:6.0%} {of_bare:>6} {scaled:>9} {r.errors:>6}"
        )
    lines.append(
        "(ms; ÷bare is against the bare HTML list for pages, the bare JSON list for the API, "
        f"the bare insert for the write; bare insert = {insert:.0f} req/s)"
    )
    return lines


def goals(
    results: dict[str, Result], small: dict[str, Result] | None, postgres_vs: dict[str, Any] | None
) -> list[tuple[str, bool | None, str]]:
    hello = results["hello (Django's ceiling)"].rps
    bare = {"html": results["bare list (HTML)"].rps, "json": results["bare list (JSON)"].rps}
    measured = [r for r in results.values() if r.kind != "ref"]
    reads = [r for r in measured if r.kind in ("html", "json")]
    answer: list[tuple[str, bool | None, str]] = []

    def under(items: list[Result], test: Any, show: Any) -> str:
        missed = [f"{r.name} {show(r)}" for r in items if not test(r)]
        return "; ".join(missed) if missed else "all"

    answer.append(
        (
            "1. every read target >= 50% of its bare reference",
            all(r.rps / bare[r.kind] >= OF_BARE for r in reads),
            under(
                reads,
                lambda r: r.rps / bare[r.kind] >= OF_BARE,
                lambda r: f"{r.rps / bare[r.kind]:.0%}",
            ),
        )
    )
    if small is not None:
        common = [r for r in measured if r.name in small]
        ok = all(r.rps >= BIG_OF_SMALL * small[r.name].rps for r in common)
        answer.append(
            (
                "2. every target at the large size >= 80% of its throughput at the small one",
                ok,
                under(
                    common,
                    lambda r: r.rps >= BIG_OF_SMALL * small[r.name].rps,
                    lambda r: f"{r.rps / small[r.name].rps:.0%}",
                ),
            )
        )
    else:
        answer.append(("2. large >= 80% of small", None, "not measured (--small 0)"))
    register = results["register list page"].p50_ms
    matches = results["API matches"].p50_ms
    page = results["match results page"].p50_ms
    answer.append(
        (
            "3. matching (page and API) p50 <= 2x the register list page's p50",
            # A target none of whose requests finished in the run has no p50 to compare.
            min(matches, page, register) > 0
            and max(matches, page) <= MATCHING_OF_REGISTER_P50 * register,
            f"API {matches / register:.1f}x, page {page / register:.1f}x"
            if register
            else "the register list page finished no request",
        )
    )
    answer.append(
        (
            "4a. p95 <= 250 ms for every read target at 16 connections",
            all(r.p95_ms <= P95_MS for r in reads),
            under(reads, lambda r: r.p95_ms <= P95_MS, lambda r: f"{r.p95_ms:.0f} ms"),
        )
    )
    withdraw = results["consent withdrawal (API write)"]
    insert = results["bare insert"].rps
    answer.append(
        (
            "4b. consent withdrawal >= 50% of a bare insert",
            withdraw.rps >= WITHDRAW_OF_INSERT * insert,
            f"{withdraw.rps / insert:.0%}",
        )
    )
    answer.append(
        (
            "(information) the read targets against hello world",
            None,
            "; ".join(f"{r.name} {r.rps / hello:.0%}" for r in reads),
        )
    )
    if postgres_vs is None:
        answer.append(
            (
                "5. PostgreSQL >= 70% of SQLite on the read targets",
                None,
                "not measured: make bench, then make bench-pg at the same size",
            )
        )
    else:
        sqlite = postgres_vs
        pairs = [(r, sqlite[r.name]["rps"]) for r in reads if r.name in sqlite]
        answer.append(
            (
                "5. PostgreSQL >= 70% of SQLite on the read targets",
                all(r.rps >= POSTGRES_OF_SQLITE * s for r, s in pairs),
                "; ".join(f"{r.name} {r.rps / s:.0%}" for r, s in pairs),
            )
        )
    return answer


def latest_sqlite_run(people: int) -> dict[str, Any] | None:
    for path in sorted(BENCH_DIR.glob("load-result-*.json"), reverse=True):
        data = json.loads(path.read_text())
        if data.get("database") == "sqlite" and data.get("people") == people:
            return {r["name"]: r for r in data["results"]}
    return None


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores {model}".strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000, help="0: skip the small dataset")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--small-seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--synchronous-only",
        action="store_true",
        help="SQLite: measure only the withdrawal and the bare insert, NORMAL against FULL",
    )
    parser.add_argument(
        "--synchronous-rounds",
        type=int,
        default=2,
        help="rounds of NORMAL and FULL, alternating; each mode keeps its best (default 2)",
    )
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        dataset.setup(args.build)
        meta = dataset.build(args.build)
        dataset.ensure_second_factor(COORDINATOR)
        dataset.refill_pool(meta)
        return 0
    if shutil.which("wrk") is None:
        print("bench/load.py needs wrk: `apt-get install wrk` (make bench installs it as root)")
        return 2
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    database = (
        "postgresql" if dataset.database_url(args.people).startswith("postgres") else "sqlite"
    )
    if args.synchronous_only:
        if database != "sqlite":
            print("--synchronous-only measures SQLite's synchronous setting: no DATABASE_URL")
            return 2
        compared = run_synchronous(args.people, args.seconds, args.workers, args.synchronous_rounds)
        print(
            f"\n{args.people:,} people, gunicorn {args.workers} sync workers, wrk {THREADS} "
            f"threads x {CONNECTIONS} connections, {args.seconds:.0f} s each; {machine()}, "
            f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after; "
            f"best of {args.synchronous_rounds} rounds for each mode\n"
        )
        print("\n".join(synchronous_lines(compared)))
        return 0
    small = run_dataset(args.small, args.small_seconds, args.workers) if args.small else None
    big = run_dataset(args.people, args.seconds, args.workers)
    compared = (
        run_synchronous(args.people, args.seconds, args.workers, args.synchronous_rounds)
        if database == "sqlite"
        else {}
    )
    postgres_vs = latest_sqlite_run(args.people) if database == "postgresql" else None

    print(
        f"\n{args.people:,} people, {database}, gunicorn {args.workers} sync workers, "
        f"wrk {THREADS} threads x {CONNECTIONS} connections, {args.seconds:.0f} s each "
        + (
            f"(big÷small: against {args.small:,} people, {args.small_seconds:.0f} s each); "
            if args.small
            else ""
        )
        + f"{machine()}, load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} "
        "after (other work on the machine lowers every figure)\n"
    )
    print("\n".join(ratio_table(big, small)))
    print("\nGoals (issue 19):")
    verdicts = goals(big, small, postgres_vs)
    for name, met, detail in verdicts:
        word = "met" if met else "NOT met" if met is not None else "-"
        print(f"  [{word:^12}] {name}" + (f": {detail}" if detail != "all" else ""))
    if compared:
        print("\n" + "\n".join(synchronous_lines(compared)))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = BENCH_DIR / f"load-result-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "at": stamp,
                "people": args.people,
                "small_people": args.small,
                "database": database,
                "machine": machine(),
                "load_average_before": load_before,
                "load_average_after": os.getloadavg()[0],
                "workers": args.workers,
                "connections": CONNECTIONS,
                "seconds": args.seconds,
                "results": [asdict(r) for r in big.values()],
                "small_results": [asdict(r) for r in small.values()] if small else [],
                "goals": [{"goal": n, "met": m, "detail": d} for n, m, d in verdicts],
                "synchronous": {
                    mode: [asdict(r) for r in measured.values()]
                    for mode, measured in compared.items()
                },
            },
            indent=2,
        )
    )
    print(f"\nwritten to {out.relative_to(ROOT)} ({time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
