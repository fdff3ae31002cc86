"""Noting who has read a person's sensitive details.

Pages and endpoints call ``record_read`` (or ``record_reads``), one line each, wherever
they show someone other than the person their profile details, experience, Wellness Action
Plan, wellbeing notes or reasonable adjustments. The access log itself is privacy's
(``privacy.access``), which sits above the parts whose pages show those details, so the
note is a signal that privacy receives in the same transaction: a failure to write the
entry fails the page. A read with no one to note it is refused rather than lost.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal

from powerwith.accounts.models import Membership
from powerwith.people.choices import What
from powerwith.people.models import Person

# Sent with viewer (Membership), people (list of Person), what (What) and where (str).
details_read = Signal()


def record_reads(*, viewer: Membership, people: Iterable[Person], what: What, where: str) -> None:
    """Note that ``viewer`` (a member of staff acting for their organisation) read ``what``
    of each of ``people`` at ``where`` (a page's path or an API path). A person reading
    their own information is not logged."""
    if not details_read.has_listeners():
        raise ImproperlyConfigured("Nothing keeps the access log: is powerwith.privacy installed?")
    details_read.send(sender=Person, viewer=viewer, people=list(people), what=what, where=where)


def record_read(*, viewer: Membership, person: Person, what: What, where: str) -> None:
    """The same for one person's details."""
    record_reads(viewer=viewer, people=[person], what=what, where=where)
