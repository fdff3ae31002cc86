"""The access log is append-only: on PostgreSQL the database refuses to change or remove an
entry, so not even a raw query can quietly hide who looked at a person's information. The
one exception is the retention sweep removing entries older than the organisation keeps
them: it sets ``powerwith.access_log_expiry`` for its own transaction
(EntryQuerySet.expire). Installed by migration 0002 and after every migrate; see
powerwith.core.triggers."""

from powerwith.core.triggers import AppendOnly

ACCESS_LOG = AppendOnly(
    table="privacy_accesslogentry",
    name="access_log_append_only",
    rows="access-log entries",
    delete_allowed_by="powerwith.access_log_expiry",
)
