"""The consent ledger is append-only: on PostgreSQL the database refuses to change or remove
a consent event, so not even a raw query can quietly rewrite the ledger; SQLite relies on
the model layer and on verify_ledger noticing (installed by migration 0002 and after every
migrate; see powerwith.core.triggers)."""

from powerwith.core.triggers import AppendOnly

CONSENT_EVENTS = AppendOnly(
    table="consent_consentevent", name="consent_event_append_only", rows="consent events"
)
