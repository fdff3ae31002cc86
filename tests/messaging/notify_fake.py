"""A local stand-in for GOV.UK Notify's HTTP API (never the real service): it answers
POST /v2/notifications/email and /sms as Notify does, checks the request is signed with a
JWT from the service's key, and keeps what it was sent. ``refuse_with`` makes it answer
with an error instead, as Notify does for a bad number or a trial-mode key.
``delivery_receipt`` writes the callback Notify would post back about one it sent."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt

SERVICE_ID = "9b5e2f6a-2b0e-4e4c-9c0e-0f2c1c7a5d11"
SECRET = "3f0c2b8e-6a4d-4b1e-8f1a-6c2d9e7b4a22"
API_KEY = f"powerwith_test-{SERVICE_ID}-{SECRET}"
EMAIL_TEMPLATE = "0c1f6d4e-1111-4a55-9a77-0123456789ab"
TEXT_TEMPLATE = "0c1f6d4e-2222-4a55-9a77-0123456789ab"


@dataclass
class FakeNotify:
    url: str = ""
    received: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    refuse_with: int | None = None
    # The id it gave each notification, by the reference it was sent with.
    ids: dict[str, str] = field(default_factory=dict)

    def delivery_receipt(self, reference: str, status: str) -> dict[str, Any]:
        """The body of Notify's delivery-status callback for the notification sent with
        ``reference``: ``delivered``, ``permanent-failure``, ``temporary-failure`` or
        ``technical-failure``."""
        path = next(p for p, sent in self.received if sent.get("reference") == reference)
        return {
            "id": self.ids[reference],
            "reference": reference,
            "to": "hidden",
            "status": status,
            "created_at": "2026-12-07T10:00:00.000000Z",
            "completed_at": "2026-12-07T10:00:05.000000Z",
            "sent_at": "2026-12-07T10:00:01.000000Z",
            "notification_type": "sms" if path.endswith("/sms") else "email",
            "template_id": "0c1f6d4e-0000-4a55-9a77-0123456789ab",
            "template_version": 1,
        }


def _handler(fake: FakeNotify) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            try:
                claims = jwt.decode(token, SECRET, algorithms=["HS256"])
            except jwt.PyJWTError:
                self._answer(403, {"errors": [{"error": "AuthError"}], "status_code": 403})
                return
            if claims.get("iss") != SERVICE_ID:
                self._answer(403, {"errors": [{"error": "AuthError"}], "status_code": 403})
                return
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            if self.path not in ("/v2/notifications/email", "/v2/notifications/sms"):
                self._answer(404, {"errors": [{"error": "NotFound"}], "status_code": 404})
                return
            if fake.refuse_with is not None:
                error = {"error": "BadRequestError", "message": f"Can't send to {payload}"}
                self._answer(fake.refuse_with, {"errors": [error], "status_code": fake.refuse_with})
                return
            fake.received.append((self.path, payload))
            notification_id = str(uuid.uuid4())
            fake.ids[str(payload.get("reference"))] = notification_id
            self._answer(201, {"id": notification_id, "reference": payload.get("reference")})

    return Handler


def start() -> tuple[FakeNotify, ThreadingHTTPServer]:
    fake = FakeNotify()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server
