"""The consent ledger anchored outside the database (docs/adr/018-anchored-ledger.md).

The hash chain alone shows that a stored event changed, but not that someone who can
write to the database changed it and recomputed every later hash and the chain head.
Two things the database does not hold make that visible:

- **a seal on every event**: an HMAC-SHA256 of the event's hash with a ledger key from
  the environment (``POWERWITH_LEDGER_KEYS``: ``id:secret`` pairs, the first seals, every
  one verifies; the key's id is stored with the event, so keys rotate without resealing);
- **signed checkpoints** of the chain head (newest event id, its hash, how many events)
  written to an append-only directory outside the database (``LEDGER_CHECKPOINT_DIR``),
  each a new file that is never rewritten: at once by ``powerwith manage
  checkpoint_ledger`` and at least daily by the worker (``sweep``), which also e-mails
  it to the auditors of each organisation that asked (``consent.emails``).

``verify`` recomputes the chain, checks each seal, and checks that every checkpoint's
event is still there with the hash it had, naming the first event that no longer matches.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings

from powerwith.consent.models import GENESIS_HASH, ConsentChainHead, ConsentEvent

CHECKPOINT_KIND = "powerwith consent ledger checkpoint"
RECEIPT_SEAL = "HMAC-SHA256"
#: The worker writes a checkpoint when the newest is older than this, or when events
#: were added and the newest is older than ``AFTER_CHANGES``.
AT_LEAST_EVERY = timedelta(days=1)
AFTER_CHANGES = timedelta(hours=1)


class LedgerKeyMissing(Exception):
    """An event or checkpoint names a key that is not in POWERWITH_LEDGER_KEYS."""


@dataclass(frozen=True)
class Verification:
    ok: bool
    #: Events verified: the whole ledger's, or, for an organisation, its own.
    events: int
    #: The first event that no longer matches (None when intact, or when it is another
    #: organisation's and the caller asked about their own).
    first_bad_event_id: int | None = None
    #: In words, why it does not match.
    problem: str = ""
    checkpoints: int = 0


def keys() -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for pair in settings.LEDGER_KEYS:
        key_id, _, secret = pair.partition(":")
        found[key_id] = secret.encode("utf-8")
    return found


def _current() -> tuple[str, bytes]:
    key_id, _, secret = settings.LEDGER_KEYS[0].partition(":")
    return key_id, secret.encode("utf-8")


def _mac(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def seal(event_hash: str) -> tuple[str, str]:
    """The key id and seal for a new event's hash."""
    key_id, secret = _current()
    return key_id, _mac(secret, event_hash.encode("ascii"))


def seal_matches(event_hash: str, key_id: str, mac: str) -> bool:
    secret = keys().get(key_id)
    if secret is None or not mac:
        return False
    return hmac.compare_digest(_mac(secret, event_hash.encode("ascii")), mac)


# Checkpoints ---------------------------------------------------------------------------


def checkpoint_dir() -> Path:
    return Path(settings.LEDGER_CHECKPOINT_DIR)


def _signed_part(checkpoint: dict[str, Any]) -> bytes:
    fields = {k: v for k, v in checkpoint.items() if k != "signature"}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _head() -> tuple[int | None, str, int, int | None]:
    last = ConsentEvent.objects.order_by("-id").values_list("id", "hash", "organisation_id").first()
    count = ConsentEvent.objects.count()
    if last is None:
        return None, GENESIS_HASH, 0, None
    return last[0], last[1], count, last[2]


def write_checkpoint(now: datetime | None = None) -> Path:
    """A new signed checkpoint of the chain head, as a file no later run overwrites
    (created exclusively, then made read-only)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    event_id, head_hash, count, organisation_id = _head()
    key_id, secret = _current()
    checkpoint: dict[str, Any] = {
        "kind": CHECKPOINT_KIND,
        "written_at": now.isoformat(timespec="microseconds"),
        "event_id": event_id,
        "hash": head_hash,
        "events": count,
        "organisation_id": organisation_id,
        "key_id": key_id,
    }
    checkpoint["signature"] = _mac(secret, _signed_part(checkpoint))
    directory = checkpoint_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"checkpoint-{now:%Y%m%dT%H%M%S%fZ}-{event_id or 0}.json"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump(checkpoint, file, indent=2, sort_keys=True)
        file.write("\n")
        file.flush()
        os.fsync(file.fileno())
    return path


@dataclass(frozen=True)
class Checkpoint:
    path: Path
    written_at: datetime | None
    event_id: int | None
    hash: str
    events: int
    organisation_id: int | None
    signed: bool


def checkpoints() -> list[Checkpoint]:
    """Every checkpoint in the directory, oldest first, with whether its signature holds."""
    directory = checkpoint_dir()
    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.glob("checkpoint-*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            secret = keys().get(str(data.get("key_id", "")))
            signed = secret is not None and hmac.compare_digest(
                _mac(secret, _signed_part(data)), str(data.get("signature", ""))
            )
            found.append(
                Checkpoint(
                    path=path,
                    written_at=datetime.fromisoformat(data["written_at"]),
                    event_id=data["event_id"],
                    hash=str(data["hash"]),
                    events=int(data["events"]),
                    organisation_id=data.get("organisation_id"),
                    signed=signed,
                )
            )
        except (ValueError, KeyError, TypeError):
            found.append(Checkpoint(path, None, None, "", 0, None, signed=False))
    return found


def latest_checkpoint_at() -> datetime | None:
    times = [c.written_at for c in checkpoints() if c.signed and c.written_at]
    return max(times) if times else None


def checkpoint_due(now: datetime) -> bool:
    """A checkpoint is due at least daily, and within the hour of changes
    (the worker's part is ``consent.anchoring.sweep``)."""
    latest = [c for c in checkpoints() if c.signed and c.written_at]
    newest = max(latest, key=lambda c: c.written_at or now) if latest else None
    if newest is None or newest.written_at is None:
        return True
    age = now - newest.written_at
    changed = _head()[1] != newest.hash
    return not (age < AFTER_CHANGES or (not changed and age < AT_LEAST_EVERY))


# Verification --------------------------------------------------------------------------


def verify(organisation_id: int | None = None) -> Verification:
    """Recompute the whole chain (it is one chain across organisations), check every seal
    and every checkpoint. For an organisation, count only its events, and name a bad
    event only if it is the organisation's own."""
    problems: dict[int, str] = {}
    anchors = checkpoints()
    unsigned = [c for c in anchors if not c.signed]
    expected: dict[int, str] = {c.event_id: c.hash for c in anchors if c.signed and c.event_id}
    # A removed event's organisation went with it: its checkpoint remembers it.
    checkpointed_owner = {c.event_id: c.organisation_id for c in anchors if c.signed and c.event_id}
    previous = GENESIS_HASH
    count = 0
    own = 0
    owners: dict[int, int | None] = {}
    last_id: int | None = None
    seen: set[int] = set()
    rows = ConsentEvent.objects.order_by("id")
    for event in rows.iterator(chunk_size=2000):
        count += 1
        last_id = event.pk
        owners[event.pk] = event.organisation_id
        if event.organisation_id == organisation_id:
            own += 1
        if event.previous_hash != previous:
            problems.setdefault(event.pk, "it does not follow the event before it")
        elif event.compute_hash() != event.hash:
            problems.setdefault(event.pk, "its contents no longer match its hash")
        elif not seal_matches(event.hash, event.key_id, event.mac):
            problems.setdefault(
                event.pk, "its seal does not match: it was changed or written without the key"
            )
        if event.pk in expected:
            seen.add(event.pk)
            if expected[event.pk] != event.hash:
                problems.setdefault(event.pk, "a checkpoint recorded a different hash for it")
        if problems:
            break
        previous = event.hash
    if not problems:
        for event_id in sorted(set(expected) - seen):
            problems[event_id] = "a checkpoint recorded it, and it is no longer in the ledger"
            owners.setdefault(event_id, checkpointed_owner.get(event_id))
            break
    if not problems and count:
        head = ConsentChainHead.objects.filter(pk=1).values_list("last_hash", flat=True).first()
        if head != previous and last_id is not None:
            problems[last_id] = "the chain head does not point at the newest event"
    events = own if organisation_id is not None else count
    if problems:
        first = min(problems)
        named: int | None = first
        problem = f"Event {first}: {problems[first]}."
        if organisation_id is not None and owners.get(first) != organisation_id:
            named = None
            problem = (
                "The shared ledger no longer matches at an event of another organisation; "
                "its own administrators are told which."
            )
        return Verification(
            ok=False,
            events=events,
            first_bad_event_id=named,
            problem=problem,
            checkpoints=len(anchors),
        )
    if unsigned:
        return Verification(
            ok=False,
            events=events,
            problem=f"The checkpoint {unsigned[0].path.name} is not signed by a ledger key.",
            checkpoints=len(anchors),
        )
    return Verification(ok=True, events=events, checkpoints=len(anchors))


# Receipts ------------------------------------------------------------------------------


def receipt_seal(event: ConsentEvent) -> dict[str, str]:
    """What a receipt carries so it can be checked later against the ledger."""
    return {"algorithm": RECEIPT_SEAL, "key_id": event.key_id, "seal": event.mac}


@dataclass(frozen=True)
class ReceiptCheck:
    ok: bool
    message: str
    event_id: int | None = None


def check_receipt(receipt: Any) -> ReceiptCheck:
    """Whether a receipt the person kept was issued here and still matches the ledger: its
    seal must be ours for its hash, and the ledger must still hold that event with that
    hash (a rewritten event has another hash, so its receipt no longer finds it)."""
    try:
        recorded = receipt["ledger"]
        event_hash = str(recorded["hash"])
        key_id = str(recorded["seal"]["key_id"])
        mac = str(recorded["seal"]["seal"])
        event_id = int(receipt["event_id"])
    except (KeyError, TypeError, ValueError):
        return ReceiptCheck(False, "This is not a consent receipt from this service.")
    if not seal_matches(event_hash, key_id, mac):
        return ReceiptCheck(
            False,
            "The receipt's seal does not match: it was not issued by this service, or it "
            "was changed after it was issued.",
            event_id,
        )
    stored = ConsentEvent.objects.filter(pk=event_id).values_list("hash", flat=True).first()
    if stored is None:
        return ReceiptCheck(
            False,
            f"The ledger no longer holds event {event_id}, which this receipt records.",
            event_id,
        )
    if stored != event_hash:
        return ReceiptCheck(
            False,
            f"Event {event_id} in the ledger no longer matches this receipt: it was changed "
            "after the receipt was issued.",
            event_id,
        )
    return ReceiptCheck(True, f"The receipt matches event {event_id} in the ledger.", event_id)
