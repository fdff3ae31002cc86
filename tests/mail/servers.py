"""Mail servers that misbehave, as e-mail backends a test can put in MAILERS."""

from __future__ import annotations

import smtplib
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend


class Down(BaseEmailBackend):
    """Refuses every connection, as a mail server that is down does."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise ConnectionRefusedError(111, "Connection refused")


class RefusesTheAddress(BaseEmailBackend):
    """Answers as a real server does when it will not deliver: quoting the address."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        refused = {
            address: (550, f"5.1.1 <{address}>: Recipient address rejected".encode())
            for message in email_messages
            for address in message.recipients()
        }
        raise smtplib.SMTPRecipientsRefused(refused)
