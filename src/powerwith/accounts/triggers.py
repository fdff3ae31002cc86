"""The audit log is append-only: on PostgreSQL the database refuses to change or remove an
audit event, so not even a raw query can quietly rewrite who did what (installed by
migration 0005 and after every migrate; see powerwith.core.triggers)."""

from powerwith.core.triggers import AppendOnly

AUDIT_EVENTS = AppendOnly(
    table="accounts_auditevent", name="audit_event_append_only", rows="audit events"
)
