"""The load benchmark's dataset: the demo at N people plus proportionate work, in bulk.

``build(people)`` loads ``powerwith.demo.load(people=N)`` (through the demo's own code),
then adds, with bulk inserts and a fixed seed, rows in proportion to the register (for
100,000 people: 5,000 opportunities, 10,000 sessions, 50,000 offers, 5,000 bookings,
500,000 consent events, 5,000 claims with their events, 1,000 outputs). The consent
events are real ledger events: each one's hash is computed with ``compute_hash`` over the
previous one's, continuing the demo's chain, and the chain head is moved to the last, so
``verify_chain`` passes. The last events grant ``keep_contact`` to a pool of Riverside's
people: the consent-withdrawal target withdraws them one by one.

What the load test needs (ids of the opportunity with five requirements, a person, an
offer, the pool) is written next to the database as ``<name>.json``, with the dataset's
fingerprint: every migration on disk (its name and its text, the project's and the
libraries') and the code that builds the data (the demo package and these benchmark
files). A dataset is reused only while its fingerprint is today's; when a migration is
added, changed, renamed or removed, or the demo changes, it is dropped and built again,
so a benchmark never measures a schema or data a clean clone would not have.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import batched
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SEED = 20_261_125
BATCH = 5_000
POOL_SIZE = 20_000
BENCH_TITLE = "Bench work"
# A fixed throwaway key for the encrypted fields (bench databases only).
FIELD_KEY = "YmVuY2gtb25seS10aHJvd2F3YXktZmllbGRrZXktMDA="  # secrets-check: allow


def database_url(people: int) -> str:
    """SQLite under var/bench/ by default; PostgreSQL when BENCH_DATABASE_URL or
    DATABASE_URL names one: each dataset then has its own database next to the one named,
    ``<name>_bench_<people>``, made when missing (the user needs CREATEDB)."""
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if url.startswith("postgres"):
        return f"{url.rstrip('/')}_bench_{people}"
    return f"sqlite:///{BENCH_DIR / f'load-{people}.sqlite3'}"


def meta_path(people: int) -> Path:
    url = database_url(people)
    if url.startswith("sqlite"):
        return BENCH_DIR / f"load-{people}.json"
    return BENCH_DIR / f"load-{url.rsplit('/', 1)[-1]}.json"


def environment(people: int) -> dict[str, str]:
    """The settings both the builder and the server run with."""
    return {
        "DATABASE_URL": database_url(people),
        "POWERWITH_VAR_DIR": str(BENCH_DIR),
        "SECRET_KEY": "bench-only-throwaway-" + "k" * 40,  # secrets-check: allow
        # Production settings need keys for the encrypted fields: a fixed throwaway one
        # (never production's), shared by the builder and the server, so a dataset built
        # in one run still reads in the next.
        "POWERWITH_FIELD_KEYS": FIELD_KEY,
        "POWERWITH_LEDGER_KEYS": "bench:" + "b" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "HTTPS": "0",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        # The product's settings with the reference views mounted (bench/reference_views.py).
        "DJANGO_SETTINGS_MODULE": "bench.reference_settings",
        # The per-token API limit (600 a minute) would answer 429 to most of a load test;
        # the throttle still runs (and costs what it costs), it just never says no.
        "API_TOKEN_RATE_PER_MINUTE": "1000000000",
    }


def _create_database(url: str) -> None:
    """PostgreSQL: make the small dataset's database next to the big one if missing."""
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup(people: int) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    _create_database(database_url(people))
    os.environ.update(environment(people))
    sys.path.insert(0, str(ROOT))  # bench.reference_settings
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    import django

    django.setup()


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint() -> str:
    """What a dataset is built from: every migration Django would apply (app, name and
    text) and the code that makes the data. Needs ``setup()`` first."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        source = sys.modules[type(migration).__module__].__file__
        text = Path(source).read_bytes() if source else b""
        digest.update(f"{app}.{name}\0".encode() + hashlib.sha256(text).digest())
    demo = sorted((ROOT / "src" / "powerwith" / "demo").rglob("*.py"))
    bench = [Path(__file__).resolve(), ROOT / "bench" / "matching.py"]
    digest.update(_digest(demo + bench).encode())
    return digest.hexdigest()


def stale(meta_file: Path, current: str) -> bool:
    """A dataset with no record of what it was built from, or built from something else."""
    try:
        built_from = json.loads(meta_file.read_text()).get("fingerprint")
    except (OSError, ValueError):  # never written, or a build cut off while writing it
        return True
    return bool(built_from != current)


def discard_if_stale(people: int, current: str) -> bool:
    """Drop the dataset when its schema or data would not be today's (see the module's
    docstring); answers whether it did. Runs before anything connects to it."""
    meta_file = meta_path(people)
    url = database_url(people)
    if not stale(meta_file, current):
        return False
    from django.db import connections

    connections.close_all()
    if url.startswith("postgres"):
        _recreate_database(url)
    elif remove_sqlite(Path(url.removeprefix("sqlite:///"))):
        print(f"the {people:,}-person dataset predates the schema or the demo: building anew")
    meta_file.unlink(missing_ok=True)
    return True


def remove_sqlite(database: Path) -> bool:
    """Remove a SQLite database with its write-ahead log; answers whether it was there."""
    existed = database.exists()
    for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    return existed


def _recreate_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def build(people: int) -> dict[str, Any]:
    """Build (or reuse) the dataset; answers what the load test needs."""
    from django.core.management import call_command

    from bench.reference_views import create_insert_table
    from powerwith import demo

    started = time.perf_counter()
    path = meta_path(people)
    current = fingerprint()
    discard_if_stale(people, current)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from powerwith.opportunities.models import Opportunity

    if path.exists():
        meta: dict[str, Any] = json.loads(path.read_text())
        # The file outlives a database dropped or recreated under it: check it still fits.
        if Opportunity.objects.filter(pk=meta["opportunity_id"]).exists():
            print(f"reusing the {people:,}-person dataset ({database_url(people).split('@')[-1]})")
            return meta
    demo.load(people=people)
    print(f"  demo data for {people:,} people: {time.perf_counter() - started:.0f} s", flush=True)
    import matching  # the matching benchmark's helpers: experience, the opportunity

    matching.add_experience()
    by = matching.coordinator()
    opportunity = matching.the_opportunity(by)
    meta = _add_work(people, by, opportunity.pk)
    meta["fingerprint"] = current
    create_insert_table()
    _analyse()
    print(f"  dataset ready in {time.perf_counter() - started:.0f} s", flush=True)
    path.write_text(json.dumps(meta, indent=2))
    return meta


TOTP_KEY = "62656e63682d6f6e6c792d746f74702d6b6579"  # hex; a throwaway, bench databases only


def ensure_second_factor(email: str) -> str:
    """Staff log in with a second factor in production settings: give the bench's
    coordinator an authenticator with a known key, so the harness can log in as a person
    would (bench/load.py computes the 6-digit code). Answers the key."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from powerwith.accounts.models import User

    user = User.objects.get(email=email)
    if not TOTPDevice.objects.filter(user=user, key=TOTP_KEY, confirmed=True).exists():
        TOTPDevice.objects.filter(user=user).delete()
        TOTPDevice.objects.create(user=user, name="bench", key=TOTP_KEY, confirmed=True)
    return TOTP_KEY


def refill_pool(meta: dict[str, Any]) -> None:
    """Grant ``keep_contact`` again to every person of the withdrawal pool (each run of
    the write target withdraws some), as chained ledger events after the newest."""
    from django.db import transaction

    from powerwith.consent.models import ConsentChainHead, ConsentEvent
    from powerwith.consent.wording import wording_hash

    by = _coordinator()
    with transaction.atomic():
        head, _ = ConsentChainHead.objects.select_for_update().get_or_create(pk=1)
        previous = head.last_hash
        events = []
        for person_id in meta["pool"]:
            event = ConsentEvent(
                person_id=person_id,
                organisation=by.organisation,
                scope="keep_contact",
                action="grant",
                recorded_by=by.user,
                method="verbal",
                wording_hash=wording_hash("keep_contact"),
                previous_hash=previous,
            )
            event.hash = event.compute_hash()
            previous = event.hash
            events.append(event)
        ConsentEvent.objects.bulk_create(events, batch_size=BATCH)
        head.last_hash = previous
        head.save(update_fields=["last_hash"])


def _coordinator() -> Any:
    import matching

    return matching.coordinator()


def _analyse() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _add_work(people: int, by: Any, opportunity_id: int) -> dict[str, Any]:
    from django.db import transaction

    from powerwith.accounts.models import Membership
    from powerwith.consent.models import ConsentChainHead, ConsentEvent, Output
    from powerwith.consent.wording import wording_hash
    from powerwith.engagements.models import Attendance, Session
    from powerwith.offers.models import Offer
    from powerwith.opportunities.models import Opportunity
    from powerwith.payments.models import Claim, ClaimEvent
    from powerwith.people.models import OrganisationLink

    rng = random.Random(SEED)  # noqa: S311 - repeatable on purpose
    now = datetime.now(UTC)
    organisation = by.organisation
    user = by.user
    hillview = (
        Membership.objects.select_related("organisation", "user")
        .filter(user__email="coordinator@hillview.example")
        .first()
    )
    linked = list(
        OrganisationLink.objects.filter(organisation=organisation)
        .order_by("person_id")
        .values_list("person_id", flat=True)
    )
    took = time.perf_counter()
    with transaction.atomic():
        # Opportunities: 1 per 20 people, mostly Riverside's, a few Hillview's.
        count = people // 20
        opportunities = []
        for number in range(count):
            at = hillview if hillview is not None and number % 10 == 9 else by
            opportunities.append(
                Opportunity(
                    organisation=at.organisation,
                    title=f"{BENCH_TITLE} {number + 1}",
                    purpose="Work with experts by experience on restraint reduction.",
                    level="co_production",
                    location_mode="video",
                    reward_basis="hourly",
                    reward_amount=Decimal("25.00"),
                    paid_within_days=14,
                    contact_user=at.user,
                    status=rng.choice(["open", "open", "completed"]),
                    created_by=at.user,
                )
            )
        Opportunity.objects.bulk_create(opportunities, batch_size=BATCH)
        ours = list(
            Opportunity.objects.filter(organisation=organisation, title__startswith=BENCH_TITLE)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        # Sessions: two per opportunity, one past and one to come.
        Session.objects.bulk_create(
            (
                Session(
                    opportunity_id=opp,
                    starts_at=now + timedelta(days=rng.randint(-200, 200), hours=rng.randint(0, 8)),
                    minutes=120,
                )
                for opp in ours
                for _ in range(2)
            ),
            batch_size=BATCH,
        )
        first_session = dict(
            Session.objects.filter(opportunity_id__in=ours)
            .order_by("opportunity_id", "pk")
            .values_list("opportunity_id", "pk")
        )
        # Offers: 1 per 2 people, each (opportunity, person) pair once.
        offers = []
        for number in range(people // 2):
            person_id = linked[number % len(linked)]
            opp = ours[(number + number // len(linked)) % len(ours)]
            status = rng.choice(["sent", "accepted", "accepted", "declined", "draft"])
            offers.append(
                Offer(
                    organisation=organisation,
                    opportunity_id=opp,
                    person_id=person_id,
                    status=status,
                    version=0 if status == "draft" else 1,
                    created_by=user,
                )
            )
        Offer.objects.bulk_create(offers, batch_size=BATCH)
        accepted = list(
            Offer.objects.filter(opportunity_id__in=ours, status="accepted")
            .order_by("pk")
            .values_list("pk", "person_id", "opportunity_id")
        )
        # Bookings and claims for every fifth accepted offer.
        some = accepted[::5]
        Attendance.objects.bulk_create(
            (
                Attendance(session_id=first_session[opp], person_id=person_id, booked_by=user)
                for _pk, person_id, opp in some
            ),
            batch_size=BATCH,
        )
        Claim.objects.bulk_create(
            (
                Claim(
                    organisation=organisation,
                    person_id=person_id,
                    offer_id=pk,
                    session_id=first_session[opp],
                    kind="time",
                    minutes=120,
                    amount=Decimal("50.00"),
                    status=rng.choice(["submitted", "approved", "paid"]),
                    created_by=user,
                )
                for pk, person_id, opp in some
            ),
            batch_size=BATCH,
        )
        ClaimEvent.objects.bulk_create(
            (
                ClaimEvent(claim_id=pk, status="submitted", actor=user)
                for pk in Claim.objects.filter(offer__opportunity_id__in=ours).values_list(
                    "pk", flat=True
                )
            ),
            batch_size=BATCH,
        )
        # Outputs: 1 per 100 people, five contributors each.
        outputs = [
            Output(
                organisation=organisation,
                opportunity_id=ours[number % len(ours)],
                title=f"{BENCH_TITLE} output {number + 1}",
                kind="report",
                owner=user,
                created_by=user,
                uses=["share_internally"],
            )
            for number in range(people // 100)
        ]
        Output.objects.bulk_create(outputs, batch_size=BATCH)
        through = Output.contributors.through
        through.objects.bulk_create(
            (
                through(output_id=output.pk, person_id=rng.choice(linked))
                for output in Output.objects.filter(title__startswith=BENCH_TITLE)
                for _ in range(5)
            ),
            batch_size=BATCH,
            ignore_conflicts=True,
        )
    print(f"  work in bulk: {time.perf_counter() - took:.0f} s", flush=True)

    # Consent events: 5 per person, a valid chain continuing the demo's.
    took = time.perf_counter()
    pool = linked[:POOL_SIZE]
    total = people * 5
    scopes = ["take_part", "share_narrative", "be_quoted", "publish", "keep_contact"]
    with transaction.atomic():
        head, _ = ConsentChainHead.objects.select_for_update().get_or_create(pk=1)
        previous = head.last_hash
        hashes = {scope: wording_hash(scope) for scope in scopes}
        start = now - timedelta(days=365)
        step = timedelta(days=364) / max(total, 1)

        def events() -> Any:
            nonlocal previous
            for number in range(total):
                if number >= total - len(pool):
                    person_id, scope, action = (
                        pool[number - (total - len(pool))],
                        scopes[4],
                        "grant",
                    )
                else:
                    person_id = linked[rng.randrange(len(linked))]
                    scope = scopes[rng.randrange(4)]
                    action = "withdraw" if rng.random() < 0.1 else "grant"
                event = ConsentEvent(
                    person_id=person_id,
                    organisation=organisation,
                    scope=scope,
                    action=action,
                    recorded_by=user,
                    method="verbal",
                    wording_hash=hashes[scope],
                    created_at=start + step * number,
                    previous_hash=previous,
                )
                event.hash = event.compute_hash()
                previous = event.hash
                yield event

        for chunk in batched(events(), BATCH, strict=False):
            ConsentEvent.objects.bulk_create(chunk)
        head.last_hash = previous
        head.save(update_fields=["last_hash"])
    print(f"  {total:,} consent events: {time.perf_counter() - took:.0f} s", flush=True)

    demo_offer = (
        Offer.objects.filter(organisation=organisation, status__in=["sent", "accepted"])
        .exclude(opportunity_id__in=ours)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    person_id = (
        OrganisationLink.objects.filter(organisation=organisation, person__experience__isnull=False)
        .order_by("person_id")
        .values_list("person_id", flat=True)
        .first()
    )
    return {
        "people": people,
        "opportunity_id": opportunity_id,
        "person_id": person_id,
        "offer_id": demo_offer,
        "pool": pool,
        "built_at": now.isoformat(),
    }
