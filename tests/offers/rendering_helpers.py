"""A complete offer sent to a person, for the rendering tests: two dated sessions (one in
winter, one in British Summer Time), a named contact and backup, benefits advice asked
for, and the person's own formats."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from powerwith.accounts.models import Membership, User
from powerwith.core.roles import Role
from powerwith.engagements.models import Session
from powerwith.offers import queries, services
from powerwith.offers.models import Offer
from powerwith.people.models import Person
from powerwith.people.services import update_person
from tests.conftest import make_member, make_user
from tests.offers.factories import draft_offer

SESSIONS = [
    (datetime(2030, 1, 15, 10, 0, tzinfo=UTC), 180),
    (datetime(2030, 6, 18, 9, 30, tzinfo=UTC), 150),
]
FIRST_SESSION = "Tuesday 15 January 2030, 10am to 1pm"
SECOND_SESSION = "Tuesday 18 June 2030, 10:30am to 1pm"
ADDRESS = "Riverside House, 1 Mill Lane, Leeds"


def named_member(organisation: Any, email: str, name: str, role: str) -> Membership:
    if not User.objects.filter(email=email).exists():
        make_user(email, name)
    return make_member(organisation, email, role)


def prefers(person: Person, *formats: str, benefits_advice: str = "yes") -> Person:
    """The person says, on their own profile, how they read best."""
    assert person.user is not None
    membership = Membership.objects.filter(user=person.user).first()
    return update_person(
        person,
        user=person.user,
        membership=membership,
        changes={"formats": list(formats), "benefits_advice": benefits_advice},
    )


def offer_to(
    by: Membership, person: Person, *, sessions: bool = True, send: bool = True, **terms: Any
) -> Offer:
    organisation = by.organisation
    domain = f"{organisation.slug}.example"
    contact = named_member(organisation, f"jo@{domain}", "Jo Bloggs", Role.CONTACT)
    backup = named_member(organisation, f"kim@{domain}", "Kim Lee", Role.CONTACT)
    offer = draft_offer(
        by,
        person,
        contact=contact.user,
        sessions=0,
        backup_contact_user=backup.user,
        location_details="Step-free entrance on Mill Lane.",
        **terms,
    )
    if sessions:
        for starts_at, minutes in SESSIONS:
            Session.objects.create(
                opportunity=offer.opportunity, starts_at=starts_at, minutes=minutes
            )
    if send:
        services.send_offer(offer, by=by, acknowledge_warnings=True)
    return offer


def sent_content(offer: Offer) -> dict[str, Any]:
    version = queries.latest_version(offer)
    assert version is not None
    return dict(version.content)


def flat(text: str) -> str:
    return " ".join(text.split())


class Blocks(HTMLParser):
    """The text of each block of an HTML document, leaving out the head and anything
    inside an element with the given class."""

    BLOCK = frozenset({"h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "div", "section"})
    VOID = frozenset({"img", "br", "meta", "link", "input", "hr"})

    def __init__(self, skip_class: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.skip_class = skip_class
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[str] = []
        self.current: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        skip = tag in {"head", "style", "title"} or (self.skip_class in classes)
        if tag in self.BLOCK:
            self.flush()
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if tag in self.BLOCK:
            self.flush()
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def flush(self) -> None:
        text = flat("".join(self.current))
        self.current = []
        if text:
            self.blocks.append(text)


def blocks_of(html: str, skip_class: str = "") -> list[str]:
    parser = Blocks(skip_class)
    parser.feed(html)
    parser.close()
    return parser.blocks


def sentences_of(blocks: list[str]) -> list[str]:
    found = []
    for block in blocks:
        found += [s for s in re.split(r"(?<=[.!?:])\s+", block) if s.strip()]
    return found


def user_of(person: Person) -> User:
    assert person.user is not None
    return person.user
