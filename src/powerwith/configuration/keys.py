"""The keys of the encrypted fields and of the consent ledger, and the metrics token:
required in production, fixed local ones for the demo and the tests."""

import base64
import hashlib
import os
from pathlib import Path

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from powerwith.configuration.base import LOCAL, VAR_DIR
from powerwith.configuration.environment import env_bool, env_list

# Keys of the encrypted special-category fields (powerwith.core.encryption, docs/adr/
# 007-field-encryption.md): Fernet keys, comma-separated; the first encrypts, every one
# decrypts. Rotate by putting a new key first, running `powerwith manage rotate_keys`,
# then removing the old one. Without keys only the local demo and the tests start, with
# a fixed key made here (never a production key: anyone can compute it).
FIELD_ENCRYPTION_KEYS = env_list("POWERWITH_FIELD_KEYS")
if not FIELD_ENCRYPTION_KEYS:
    if not LOCAL and not env_bool("POWERWITH_TESTING"):
        raise ImproperlyConfigured(
            "POWERWITH_FIELD_KEYS is not set. Set it to one or more Fernet keys, "
            "comma-separated (make one with: python -c 'from cryptography.fernet import "
            "Fernet; print(Fernet.generate_key().decode())'), "
            "or run the local demo with `powerwith demo`."
        )
    FIELD_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(
            hashlib.sha256(b"powerwith local demo and tests").digest()
        ).decode()
    ]
for _key in FIELD_ENCRYPTION_KEYS:
    try:
        Fernet(_key)
    except ValueError:
        raise ImproperlyConfigured(
            "A key in POWERWITH_FIELD_KEYS is not a Fernet key (32 bytes, URL-safe base64)."
        ) from None

# Keys that seal each consent event and sign the ledger's checkpoints (powerwith.consent.
# ledger, docs/adr/018-anchored-ledger.md): ``id:secret`` pairs, comma-separated; the first
# seals, every one verifies, and each event keeps its key's id, so a new key goes in front
# and an old one stays for as long as its events must verify. Without keys only the local
# demo and the tests start, with a fixed key made here (anyone can compute it).
LEDGER_KEYS = env_list("POWERWITH_LEDGER_KEYS")
if not LEDGER_KEYS:
    if not LOCAL and not env_bool("POWERWITH_TESTING"):
        raise ImproperlyConfigured(
            "POWERWITH_LEDGER_KEYS is not set. Set it to one or more id:secret pairs, "
            "comma-separated (make a secret with: python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))'), or run the local demo with `powerwith demo`."
        )
    LEDGER_KEYS = ["demo:" + hashlib.sha256(b"powerwith local ledger key").hexdigest()]
for _pair in LEDGER_KEYS:
    _id, _, _secret = _pair.partition(":")
    if not _id or len(_id) > 32 or len(_secret) < 32:
        raise ImproperlyConfigured(
            "A key in POWERWITH_LEDGER_KEYS is not an id:secret pair with an id of at most "
            "32 characters and a secret of 32 characters or more."
        )
# Where the signed checkpoints of the ledger's head are written: a directory the database
# cannot rewrite (on another disk or a write-once mount in production), never rewritten.
LEDGER_CHECKPOINT_DIR = Path(
    os.environ.get("POWERWITH_LEDGER_CHECKPOINT_DIR") or VAR_DIR / "ledger-checkpoints"
)

# The bearer token that opens GET /api/v1/metrics to a Prometheus scraper; unset, the
# endpoint answers 404 (docs/adr/019-operable.md).
METRICS_TOKEN = os.environ.get("POWERWITH_METRICS_TOKEN", "").strip()
if METRICS_TOKEN and len(METRICS_TOKEN) < 32:
    raise ImproperlyConfigured(
        "POWERWITH_METRICS_TOKEN is too short: use 32 characters or more (python -c "
        "'import secrets; print(secrets.token_urlsafe(32))')."
    )
