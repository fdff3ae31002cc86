"""Writing down who has looked at a person's sensitive details.

Called, one line each, wherever a page or endpoint shows someone other than the person
their profile details, experience, Wellness Action Plan, wellbeing notes or reasonable
adjustments. Lists such as the register show none of those and are not logged.
"""

from __future__ import annotations

from collections.abc import Iterable

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from powerwith.privacy.models import AccessLogEntry, What


def record_read(
    *, viewer: Membership, person: Person, what: What, where: str
) -> AccessLogEntry | None:
    """Note that ``viewer`` (a member of staff acting for their organisation) read
    ``what`` of ``person`` at ``where`` (a page's path or an API path). The person
    reading their own information is not logged."""
    if person.user_id is not None and person.user_id == viewer.user_id:
        return None
    return AccessLogEntry.objects.create(
        person=person,
        organisation_id=viewer.organisation_id,
        viewer_id=viewer.user_id,
        viewer_role=viewer.role,
        what=what,
        where=where[:200],
    )


def record_reads(*, viewer: Membership, people: Iterable[Person], what: What, where: str) -> None:
    """The same for a page that shows several people's details at once (one entry each)."""
    rows = [
        AccessLogEntry(
            person=person,
            organisation_id=viewer.organisation_id,
            viewer_id=viewer.user_id,
            viewer_role=viewer.role,
            what=what,
            where=where[:200],
        )
        for person in {p.pk: p for p in people}.values()
        if person.user_id is None or person.user_id != viewer.user_id
    ]
    AccessLogEntry.objects.bulk_create(rows)


def keep(
    sender: object,
    *,
    viewer: Membership,
    people: list[Person],
    what: What,
    where: str,
    **kwargs: object,
) -> None:
    """Receives ``people.reads.details_read``: the pages below privacy note their reads
    there, and the entries are written here."""
    record_reads(viewer=viewer, people=people, what=what, where=where)
