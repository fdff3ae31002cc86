"""A local stand-in for GOV.UK Notify's HTTP API (never the real service): it answers
POST /v2/notifications/email and /sms as Notify does, checks the request is signed with a
JWT from the service's key, and keeps what it was sent. ``refuse_with`` makes it answer
with an error instead, as Notify does for a bad number or a trial-mode key."""

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


@dataclass
class FakeNotify:
    url: str = ""
    received: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    refuse_with: int | None = None


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
            self._answer(201, {"id": str(uuid.uuid4()), "reference": payload.get("reference")})

    return Handler


def start() -> tuple[FakeNotify, ThreadingHTTPServer]:
    fake = FakeNotify()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server
