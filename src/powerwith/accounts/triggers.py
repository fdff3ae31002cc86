"""The audit log is append-only: on PostgreSQL and SQLite the database refuses to change or
remove an audit event, so not even a raw query can quietly rewrite who did what. The one
exception is the retention sweep removing events older than the organisation keeps them,
through ``AuditEventQuerySet.expire`` (``AUDIT_EVENTS.deleting``). Installed by migrations
0005 and 0006 and after every migrate; see powerwith.core.triggers."""

from powerwith.core.triggers import AppendOnly

AUDIT_EVENTS = AppendOnly(
    table="accounts_auditevent",
    name="audit_event_append_only",
    rows="audit events",
    delete_allowed_by="powerwith.audit_log_expiry",
)
