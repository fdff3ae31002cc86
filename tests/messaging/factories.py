"""People who hear from us in different ways, made through the real services."""

from __future__ import annotations

from typing import Any

from powerwith.accounts.models import Membership
from powerwith.messaging.models import Message
from powerwith.people.models import Person, Supporter
from powerwith.people.services import update_person
from powerwith.people.services.supporters import SupporterInput, add_supporter
from tests.people.factories import add_to_register

ADDRESS = "Flat 2\n14 Canal Street\nLeeds\nLS1 4AB"


def on_the_register(coordinator: Membership, name: str, **profile: Any) -> Person:
    """Someone with no account, whom the coordinator put on the register."""
    return add_to_register(coordinator, name, **profile)


def hears_by(person: Person, channel: str, **profile: Any) -> Person:
    """The person (with their own account) chooses how they hear from us."""
    assert person.user is not None
    return update_person(
        person,
        user=person.user,
        membership=None,
        changes={"preferred_channel": channel, **profile},
    )


def supporter_for(person: Person, name: str = "Priya", **details: Any) -> Supporter:
    assert person.user is not None
    values = {"relationship": "my sister", "email": "priya@family.example", **details}
    return add_supporter(
        person,
        user=person.user,
        membership=None,
        details=SupporterInput(name=name, **values),
    )


def messages_to(person: Person) -> list[Message]:
    return list(Message.objects.filter(person=person).order_by("created_at", "id"))


def only_message_to(person: Person) -> Message:
    (message,) = messages_to(person)
    return message
