"""E-mail, sent only from the worker (docs/adr/012-side-effects-through-the-worker.md).

Each kind of message is a task made with :func:`message` from a function that builds it
from the database, given ids. A change queues it with :func:`send_on_commit`, so the
request writes one row and never waits for, or fails with, the mail server::

    @mail.message
    def booking_made(booking_id: int) -> mail.Letter | None:
        ...  # read the booking, return the e-mail and who hears if it cannot be sent

    mail.send_on_commit(booking_made, booking.pk)

The task table is stored in plain text, so a task takes ids and nothing else: never
names, notes or reasons (the message is built inside the task, afresh on each attempt),
and a secret only sealed with the field-encryption keys (:func:`seal`). A message that
cannot be sent is tried again after each of ``RETRY_AFTER``; when the last attempt fails
too, the member of staff its builder names hears of it on their action-needed list.
"""

from __future__ import annotations

import functools
import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn, Protocol, cast

from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import Task, task
from django.utils import timezone

from powerwith.core.encryption import decrypt, encrypt

logger = logging.getLogger(__name__)

# Waits before the second, third… attempt: a mail server restarting is caught by the
# first, one down for most of a day by the last.
RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
ATTEMPTS = len(RETRY_AFTER) + 1


class Sealed(str):
    """A secret encrypted with the field-encryption keys: the one kind of text a task
    may take besides ids (an invitation's link)."""


def seal(secret: str) -> Sealed:
    return Sealed(encrypt(secret))


def unseal(sealed: str) -> str:
    return decrypt(sealed, where="a sealed task argument")


@dataclass(frozen=True)
class Undelivered:
    """Who hears, on their action-needed list, that a message could not be sent, and in
    which words: "The e-mail about <about> to <to> could not be sent: <reason>"."""

    organisation_id: int
    assignee_ids: tuple[int | None, ...]
    about: str
    to: str
    link: str = ""
    person_id: int | None = None

    def title(self, reason: str, *, by: str = "e-mail") -> str:
        return f"The {by} about {self.about} to {self.to} could not be sent: {reason}."[:300]


@dataclass(frozen=True)
class Recipient:
    """The expert by experience a message is for. Such a message goes by the channel the
    person chose (e-mail, text, letter, phone, a supporter), through the router that
    powerwith.messaging offers; the e-mail is then only one way of sending it.

    ``topic`` names the short templates a text message or a phone script is made from;
    ``reminder`` marks a message the person may stop and that waits for daytime and their
    chosen time; ``contact_ids`` are the staff who make a phone call (the sender's
    ``Undelivered.assignee_ids`` when none are named); ``enclosure`` names a document
    printed with the message when it goes as a letter (``"<kind>:<id>"``, a kind the
    messaging app was told how to print)."""

    person_id: int
    topic: str
    link: str = ""
    reminder: bool = False
    contact_ids: tuple[int | None, ...] = ()
    enclosure: str = ""


@dataclass(frozen=True)
class Letter:
    """A message ready to send. Without ``undelivered`` a failure is only logged: for an
    alert whose action-needed task already exists, or a message nobody else may know of."""

    email: EmailMessage
    undelivered: Undelivered | None = None
    recipient: Recipient | None = None


@dataclass(frozen=True)
class Routed:
    """What the router did with a message: its outcome in words, the message record it
    keeps, and when to try again if it must wait (quiet hours, a reminder time)."""

    outcome: str
    message_id: int | None = None
    wait_until: datetime | None = None


class NotDelivered(Exception):
    """A message the router could not send by the person's channel. ``retry`` is False
    when trying again cannot help (no postal address, no mobile number): the sender hears
    at once instead of after the last attempt."""

    def __init__(
        self, reason: str, *, message_id: int | None, by: str = "message", retry: bool = True
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message_id = message_id
        self.by = by
        self.retry = retry


class Route(Protocol):
    def __call__(
        self,
        letter: Letter,
        *,
        key: str,
        attempt: int,
        message_id: int | None,
        last: bool,
        may_wait: bool,
    ) -> Routed: ...


_routes: list[Route] = []


def route_with(route: Route) -> None:
    """Name who sends a message meant for a person (powerwith.messaging offers itself when
    it is ready, as the action-needed list does with :func:`report_with`)."""
    if route not in _routes:
        _routes.append(route)


class Report(Protocol):
    def __call__(self, undelivered: Undelivered, *, reason: str, key: str, by: str) -> object: ...


_reports: list[Report] = []


def report_with(report: Report) -> None:
    """Name where a message that failed for good is reported. The action-needed list
    (powerwith.inbox) offers itself when the app is ready: it sits above the parts that
    send mail, accounts among them, so this layer cannot import it."""
    if report not in _reports:
        _reports.append(report)


class NotSent(Exception):
    """An attempt that failed, said without personal details (it is kept with the task)."""


def reason_for(error: BaseException) -> str:
    """Why a message was not sent, in words that name no one: the mail server's own
    reply can quote the address, so only its kind and code are kept."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "the mail server refused the address"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "the mail server refused our login"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"the mail server answered {error.smtp_code}"
    if isinstance(error, smtplib.SMTPServerDisconnected | ConnectionError | TimeoutError):
        return "the mail server could not be reached"
    if isinstance(error, smtplib.SMTPException):
        return "the mail server refused it"
    if isinstance(error, OSError):
        return "the mail server could not be reached"
    return f"an unexpected error ({type(error).__name__})"


def message[**P](build: Callable[P, Letter | None]) -> Task[P, str]:
    """Make ``build`` (ids in, a :class:`Letter` out, or None when there is nothing to
    send) a task that sends what it builds, tries again later when that fails, and
    reports a message that failed for good."""

    # Called with the ids the task was queued with, which send_on_commit checked.
    build_from_ids = cast("Callable[..., Letter | None]", build)

    @functools.wraps(build)
    def deliver(*ids: int, attempt: int = 1, message_id: int = 0) -> str:
        try:
            letter = build_from_ids(*ids)
        except ObjectDoesNotExist:
            return "nothing to send: what it was about no longer exists"
        except Exception as error:
            _failed(queued, None, ids, attempt, f"it could not be made ({type(error).__name__})")
        if letter is None:
            return "nothing to send"
        if letter.recipient is not None and _routes:
            return _route(queued, letter, ids, attempt, message_id or None)
        if not letter.email.recipients():
            return "nothing to send: no address"
        try:
            letter.email.send()
        except Exception as error:
            _failed(queued, letter, ids, attempt, reason_for(error))
        return "sent"

    queued = task(deliver)
    return cast("Task[P, str]", queued)


def _what(queued: Task[..., str], ids: tuple[int, ...]) -> str:
    # A sealed secret comes back from the task table as plain text: only ids name it.
    return f"{queued.name} {'-'.join(str(i) for i in ids if isinstance(i, int))}"


def _route(
    queued: Task[..., str],
    letter: Letter,
    ids: tuple[int, ...],
    attempt: int,
    message_id: int | None,
) -> str:
    """Send a person's message by their channel; wait when the router says so (and the
    backend can), try again or report when it could not be sent."""
    may_defer = queued.get_backend().supports_defer
    try:
        routed = _routes[0](
            letter,
            key=_what(queued, ids),
            attempt=attempt,
            message_id=message_id,
            last=attempt >= ATTEMPTS or not may_defer,
            may_wait=may_defer,
        )
    except NotDelivered as failure:
        _failed(
            queued,
            letter,
            ids,
            attempt,
            failure.reason,
            message_id=failure.message_id,
            by=failure.by,
            retry=failure.retry,
        )
    if routed.wait_until is not None and may_defer:
        queued.using(run_after=routed.wait_until).enqueue(
            *ids, attempt=attempt, message_id=routed.message_id or 0
        )
        return f"waiting until {routed.wait_until.isoformat()}"
    return routed.outcome


def _failed(
    queued: Task[..., str],
    letter: Letter | None,
    ids: tuple[int, ...],
    attempt: int,
    reason: str,
    *,
    message_id: int | None = None,
    by: str = "e-mail",
    retry: bool = True,
) -> NoReturn:
    """Queue the next attempt or, after the last, tell staff; then raise, so the task table
    shows the attempt failed (with the reason, never the mail server's reply)."""
    what = _what(queued, ids)
    if retry and attempt < ATTEMPTS and queued.get_backend().supports_defer:
        wait = RETRY_AFTER[attempt - 1]
        queued.using(run_after=timezone.now() + wait).enqueue(
            *ids, attempt=attempt + 1, message_id=message_id or 0
        )
        logger.warning("Could not send %s (attempt %d): %s", what, attempt, reason)
        raise NotSent(
            f"Attempt {attempt} of {ATTEMPTS}: {reason}. Trying again in {wait}."
        ) from None
    logger.error("Gave up sending %s after %d attempts: %s", what, attempt, reason)
    if letter is not None and letter.undelivered is not None:
        key = f"undelivered:{what.replace(' ', ':')}"[:80]
        with transaction.atomic():
            for report in _reports:
                report(letter.undelivered, reason=reason, key=key, by=by)
    raise NotSent(f"Gave up after attempt {attempt}: {reason}.") from None


def send_on_commit[**P](message_task: Task[P, str], *args: P.args, **kwargs: P.kwargs) -> None:
    """Queue the message once the change that caused it commits. A queue that cannot be
    written to is logged, never raised: the change the person made is saved."""
    _ids_only(message_task, [*args, *kwargs.values()])
    transaction.on_commit(functools.partial(message_task.enqueue, *args, **kwargs), robust=True)


def send[**P](message_task: Task[P, str], *args: P.args, **kwargs: P.kwargs) -> None:
    """Queue a message that no change waits for (a password reset writes nothing)."""
    _ids_only(message_task, [*args, *kwargs.values()])
    message_task.enqueue(*args, **kwargs)


def _ids_only(message_task: Task[..., str], values: list[object]) -> None:
    for value in values:
        if not isinstance(value, int | Sealed) or isinstance(value, bool):
            raise TypeError(
                f"{message_task.name} was given {type(value).__name__}: a message task "
                "takes ids (and sealed secrets) only, since the task table is plain text."
            )
