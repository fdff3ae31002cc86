"""Who supports a person, and what the person lets each of them do.

:func:`supporters_who_may` is the one answer to "may this supporter do this for this
person?": messages go to the supporters who may receive them, and staff recording an answer
a supporter gave ask it too. A supporter the person removed is never among them.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from powerwith.people.choices import SupporterMay
from powerwith.people.models import Person, Supporter


def supporters_of(person: Person) -> QuerySet[Supporter]:
    """The supporters the person has named and not removed, in the order they were added."""
    return Supporter.objects.filter(person=person, removed_at=None)


def supporters_who_may(person: Person, what: SupporterMay | str) -> list[Supporter]:
    """The person's current supporters who may do ``what`` (a SupporterMay code)."""
    code = SupporterMay(what).value
    return [supporter for supporter in supporters_of(person) if code in supporter.may]


def own_supporter(person: Person, supporter_id: int) -> Supporter:
    """One of the person's own current supporters; 404 for anyone else's."""
    found = supporters_of(person).filter(pk=supporter_id).first()
    if found is None:
        raise Http404("No such supporter.")
    return found
