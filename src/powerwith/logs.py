"""Logs as JSON lines, each naming the request it belongs to, and never a person.

Every request gets an id (``X-Request-ID``: the caller's own when it is a short safe
token, else a new one), sent back in the response and written on every line logged
while the request is answered, so one request's lines can be found together and matched
with what the person or the proxy saw.

A line holds the time, level, logger, message, request id, and for the line that closes a
request its method, route pattern, status and duration. Nothing else is copied from the
log record: no URL (it can hold an id or a one-time token), no query string, no body, no
header, no user. An exception is written as its class and where it was raised, without
its message, because a database error's message can quote the row it refused (an
e-mail address, a name).
"""

from __future__ import annotations

import json
import logging
import re
import traceback
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
#: An incoming id is kept only when it is this: short, and letters, digits, ``.``, ``_``
#: and ``-`` only (no spaces, no ``@``, nothing a log reader could mistake for a field).
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

#: The fields a request's closing line adds, and nothing more.
REQUEST_FIELDS = ("method", "route", "status", "duration_ms")


def request_id_from(incoming: str | None) -> str:
    """The caller's id if it is safe to write in a log, else a new one."""
    if incoming and SAFE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestId(logging.Filter):
    """Puts the id of the request being answered (or None) on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": _message(record),
            "request_id": getattr(record, "request_id", current_request_id.get()),
        }
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info and record.exc_info[0] is not None:
            kind, _, trace = record.exc_info
            line["exception"] = kind.__name__
            line["trace"] = "".join(traceback.format_tb(trace)).rstrip()
        return json.dumps(line, ensure_ascii=False, default=str)


def _message(record: logging.LogRecord) -> str:
    """The record's message; for Django's own line about a failed request ("Internal
    Server Error: /path"), only its first part: the path is left out."""
    from_django = record.name.startswith("django.") and getattr(record, "request", None)
    if from_django and isinstance(record.args, tuple) and record.args and record.msg == "%s: %s":
        return str(record.args[0])
    return record.getMessage()
