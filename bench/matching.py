"""Matching benchmark: the matches endpoint against the first page of the register.

Builds (or reuses) a database of 100,000 demo people under var/bench/, makes an
opportunity with five requirements (two essential), then times, in one run and on the
same database, the median of N requests to

    GET /api/v1/opportunities/{id}/matches
    GET /api/v1/people                       (the first page of the register)

and prints both medians and their ratio. The goal (issue 3) is a ratio of at most 10:
matching must stay within ten times the cost of listing one page of people, which it can
only do by ranking in the database rather than loading everyone into Python.

    .venv/bin/python bench/matching.py [--people 100000] [--runs 15]

BENCH_DATABASE_URL chooses another database (for example a PostgreSQL one); by default
it is the SQLite file var/bench/matching.sqlite3, kept between runs because building it
takes a minute or two.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from powerwith.accounts.models import Membership
    from powerwith.opportunities.models import Opportunity

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SEED = 20_261_125
OPPORTUNITY_TITLE = "Benchmark: co-design restraint reduction training"
EARLIER_WORK_TITLE = "Benchmark: earlier paid panels"


def configure() -> str:
    """Settings for a local benchmark; answers the database URL."""
    import dataset  # bench/dataset.py, a sibling (it imports this module too)

    # The static directory only quietens WhiteNoise: the API serves no static files.
    (BENCH_DIR / "static").mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{BENCH_DIR / 'matching.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("POWERWITH_VAR_DIR", str(BENCH_DIR))
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    # The load benchmark's key: make bench runs this on the database that one built.
    os.environ.setdefault("POWERWITH_FIELD_KEYS", dataset.FIELD_KEY)
    os.environ.setdefault("POWERWITH_LEDGER_KEYS", "bench:" + "b" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["HTTPS"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "powerwith.settings")
    import django

    django.setup()
    return url


def build(people: int) -> None:
    """Its own SQLite database is kept only while it was built from today's migrations
    and demo (``dataset.fingerprint``); one named by BENCH_DATABASE_URL (``make bench``
    passes the load benchmark's, which checks the same) is migrated as it is."""
    import dataset  # bench/dataset.py, a sibling (it imports this module too)
    from django.core.management import call_command

    from powerwith import demo
    from powerwith.people.models import ExperienceEntry, Person

    own = not os.environ.get("BENCH_DATABASE_URL")
    record = BENCH_DIR / "matching.json"
    current = f"{dataset.fingerprint()} {people}" if own else ""
    if own and dataset.stale(record, current):
        from django.db import connections

        connections.close_all()
        if dataset.remove_sqlite(BENCH_DIR / "matching.sqlite3"):
            print("the matching database predates the schema or the demo: building anew")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    demo.load(people=people)
    print(f"demo data: {Person.objects.count():,} people ({time.perf_counter() - started:.0f} s)")
    if ExperienceEntry.objects.count() < Person.objects.count():
        add_experience()
    if own:
        record.write_text(json.dumps({"fingerprint": current}, indent=2))


def analyse() -> None:
    """PostgreSQL's autovacuum keeps planner statistics in production, but only some time
    after a bulk load; without them it plans as if tables were tiny. SQLite is left as
    the product runs it, with no statistics."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def add_experience() -> None:
    """Experience for every person, for a demo that does not make any yet.

    Deterministic: the same seed, people in id order. Common items are common, so that
    the essential filter leaves thousands of people to rank, not a handful.
    """
    from itertools import batched

    from powerwith.people.models import ExperienceEntry, Person
    from powerwith.people.schedule import ITEMS, SETTINGS

    codes = [item.code for item in ITEMS]
    weights = [6 if code.startswith("direct.") else 3 for code in codes]
    weights[codes.index("direct.restrictive_interventions")] = 20
    weights[codes.index("direct.diagnosis")] = 20
    settings = [code for code, _label in SETTINGS]
    rng = random.Random(SEED)  # noqa: S311 - repeatable on purpose
    ids = list(
        Person.objects.filter(experience__isnull=True).order_by("pk").values_list("pk", flat=True)
    )
    started = time.perf_counter()
    for batch in batched(ids, 5_000, strict=False):
        rows = []
        for person_id in batch:
            chosen = set(rng.choices(codes, weights=weights, k=rng.randint(1, 4)))
            rows.extend(
                ExperienceEntry(person_id=person_id, code=code, setting=rng.choice(settings))
                for code in sorted(chosen)
            )
        ExperienceEntry.objects.bulk_create(rows)
    took = time.perf_counter() - started
    print(f"added experience for {len(ids):,} people (the demo had none; {took:.0f} s)")


def coordinator() -> Membership:
    from powerwith.accounts.models import Membership

    return Membership.objects.select_related("organisation", "user").get(
        user__email="coordinator@riverside.example"
    )


def the_opportunity(by: Membership) -> Opportunity:
    """Five requirements, two of them essential, and a paid history to spread fairly."""
    from powerwith.engagements.models import Attendance, Session
    from powerwith.opportunities.models import Opportunity
    from powerwith.opportunities.services import RequirementInput, create_opportunity
    from powerwith.people.models import Person

    found = Opportunity.objects.filter(organisation=by.organisation, title=OPPORTUNITY_TITLE)
    if found.exists():
        return found.get()
    opportunity = create_opportunity(
        by=by,
        data={
            "title": OPPORTUNITY_TITLE,
            "level": "co_production",
            "focus": ["designing_training", "delivering_training"],
            "location_mode": "video",
            "reward_basis": "hourly",
            "status": "open",
        },
        requirements=[
            RequirementInput("direct.restrictive_interventions", essential=True),
            RequirementInput("direct.diagnosis", essential=True),
            RequirementInput("direct.mh_tribunal", "mental_health"),
            RequirementInput("direct.crisis", "community"),
            RequirementInput("indirect.adverse_incidents"),
        ],
    )
    # Sessions on Tuesdays, so availability by day counts too.
    Session.objects.create(
        opportunity=opportunity, starts_at=datetime(2027, 1, 12, 10, tzinfo=UTC), minutes=180
    )
    earlier = create_opportunity(
        by=by, data={"title": EARLIER_WORK_TITLE, "reward_basis": "hourly", "status": "open"}
    )
    # The same few hundred people did 200 paid sessions over the last year.
    regulars = list(
        Person.objects.filter(links__organisation=by.organisation)
        .order_by("pk")
        .values_list("pk", flat=True)[:400]
    )
    rng = random.Random(SEED)  # noqa: S311 - repeatable on purpose
    now = datetime.now(UTC)
    for number in range(200):
        session = Session.objects.create(
            opportunity=earlier, starts_at=now - timedelta(days=number + 1), minutes=120
        )
        Attendance.objects.bulk_create(
            Attendance(session=session, person_id=person_id, attended=True)
            for person_id in rng.sample(regulars, 8)
        )
    return opportunity


def median_ms(label: str, call: Callable[[], object], runs: int) -> float:
    for _warm_up in range(2):
        call()
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(f"  {label:<52} median {median:8.1f} ms  (min {min(times):.1f}, max {max(times):.1f})")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    url = configure()

    from django.db import connection
    from django.test import Client

    from powerwith.accounts.services import create_api_token
    from powerwith.matching.scoring import candidates, plan_for
    from powerwith.people.queries import people_visible_to, profiles_for

    build(args.people)
    by = coordinator()
    opportunity = the_opportunity(by)
    analyse()
    _token_row, token = create_api_token(membership=by, name="benchmark", actor=by.user)
    client = Client(headers={"Authorization": f"Bearer {token}"})

    register = people_visible_to(by).count()
    passing = candidates(by, plan_for(opportunity, datetime.now(UTC))).count()
    print(
        f"\n{connection.vendor} database {url.split('@')[-1]}\n"
        f"{register:,} people on {by.organisation.name}'s register; the opportunity has "
        f"{opportunity.required_experience.count()} requirements "
        f"({opportunity.required_experience.filter(essential=True).count()} essential), "
        f"and {passing:,} active people have every essential one.\n"
    )

    def matches() -> object:
        response = client.get(f"/api/v1/opportunities/{opportunity.pk}/matches")
        assert response.status_code == 200, response.content[:300]
        return response

    def people_api() -> object:
        response = client.get("/api/v1/people")
        assert response.status_code == 200, response.content[:300]
        return response

    def people_query() -> object:
        return profiles_for(by, people_visible_to(by)[:25])

    has_people_api = client.get("/api/v1/people").status_code == 200
    match_ms = median_ms(f"GET /api/v1/opportunities/{opportunity.pk}/matches", matches, args.runs)
    if has_people_api:
        page_ms = median_ms("GET /api/v1/people (first page)", people_api, args.runs)
    else:
        print("  (GET /api/v1/people is not there yet: comparing with the query it will make)")
        page_ms = median_ms(
            "profiles_for(people_visible_to(...)[:25]) (first page)", people_query, args.runs
        )
    ratio = match_ms / page_ms
    verdict = "goal met" if ratio <= 10 else "goal NOT met"
    print(f"\nratio {ratio:.1f} (matches / first page of people): {verdict} (goal: at most 10)")
    return 0 if ratio <= 10 else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
