"""Reading outputs, scoped to the organisation and the role asking.

Coordinators and admins see all of their organisation's outputs. A contact person sees
the outputs they own and those of the opportunities they are appointed to (a "take down"
task sends them there). An expert sees, on their own pages, the outputs they contributed
to. Another organisation's output is a 404 for everyone.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.consent.models import Output
from powerwith.core.permissions import Capability, can, require, roles_with
from powerwith.offers.models import Offer, OfferStatus
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.people.queries import RegisterFilters, register_of, search_register


def _loaded(outputs: QuerySet[Output]) -> QuerySet[Output]:
    return outputs.select_related("organisation", "opportunity__contact_user", "owner")


def outputs_for(membership: Membership) -> QuerySet[Output]:
    """The outputs this member of staff may read, newest first."""
    scoped = _loaded(Output.objects.filter(organisation_id=membership.organisation_id))
    if can(membership, Capability.MANAGE_OUTPUTS):
        return scoped
    if can(membership, Capability.LOOK_AFTER_OUTPUTS):
        return scoped.filter(
            Q(owner_id=membership.user_id)
            | Q(opportunity__contact_user_id=membership.user_id)
            | Q(opportunity__backup_contact_user_id=membership.user_id)
        )
    raise PermissionDenied("Only coordinators, admins and contact people can see outputs.")


def get_output_for(membership: Membership, output_id: int) -> Output:
    """One output this member of staff may read; 404 for another organisation's."""
    if not Output.objects.filter(pk=output_id, organisation_id=membership.organisation_id).exists():
        raise Http404("No such output.")
    found = outputs_for(membership).filter(pk=output_id).first()
    if found is None:
        raise PermissionDenied("That output is not one you look after.")
    return found


def require_manager(membership: Membership) -> None:
    require(membership, Capability.MANAGE_OUTPUTS, "Only coordinators and admins can add outputs.")


def outputs_of_person(person: Person, membership: Membership) -> QuerySet[Output]:
    """The outputs containing the person's contribution, with the membership's
    organisation."""
    return _loaded(
        Output.objects.filter(organisation_id=membership.organisation_id, contributors=person)
    )


def own_outputs(person: Person) -> QuerySet[Output]:
    """Every organisation's outputs containing the person's contribution, for their own
    pages: reached through the person, never the current organisation, so someone who
    works with two sees both and no one reaches an output they did not contribute to."""
    return _loaded(Output.objects.filter(contributors=person))


def get_own_output(person: Person, output_id: int) -> Output:
    """One output the person contributed to, whichever organisation made it; 404 for any
    other."""
    found = own_outputs(person).filter(pk=output_id).first()
    if found is None:
        raise Http404("No such output.")
    return found


def opportunities_for_outputs(membership: Membership) -> QuerySet[Opportunity]:
    return Opportunity.objects.filter(organisation_id=membership.organisation_id).order_by(
        "title", "pk"
    )


FOUND_AT_MOST = 20


def people_named(membership: Membership, name: str) -> list[Person]:
    """Up to ``FOUND_AT_MOST`` people on the register found by part of their name."""
    if not name.strip():
        return []
    found = search_register(membership, RegisterFilters(name=name))
    return list(found.order_by("preferred_name", "pk")[:FOUND_AT_MOST])


def contributor_choices(
    membership: Membership,
    *,
    opportunity_ids: list[int],
    ticked: list[int],
    found: list[Person] | None = None,
) -> list[Person]:
    """Who the output form offers as contributors, never the whole register: the people
    who took part in the work (accepted an offer for it) first, then anyone already
    ticked (if on the register), then those ``found`` by name."""
    register = register_of(membership).order_by("preferred_name", "pk")
    took_part = register.filter(
        Exists(
            Offer.objects.filter(
                person=OuterRef("pk"),
                organisation_id=membership.organisation_id,
                opportunity_id__in=opportunity_ids,
                status=OfferStatus.ACCEPTED,
            )
        )
    )
    chosen: dict[int, Person] = {p.pk: p for p in took_part}
    for person in register.filter(pk__in=ticked):
        chosen.setdefault(person.pk, person)
    for person in found or []:
        chosen.setdefault(person.pk, person)
    return list(chosen.values())


def contributors_of(output: Output) -> list[Person]:
    return list(output.contributors.order_by("preferred_name", "pk"))


def staff_owners(membership: Membership) -> QuerySet[User]:
    """Members of staff who may be responsible for an output."""
    return User.objects.filter(
        memberships__organisation_id=membership.organisation_id,
        memberships__role__in=roles_with(Capability.LOOK_AFTER_OUTPUTS),
    ).distinct()


def output_titles(membership: Membership, output_ids: set[int]) -> dict[int, str]:
    """Titles of the organisation's outputs, for showing consents in words."""
    return dict(
        Output.objects.filter(
            pk__in=output_ids, organisation_id=membership.organisation_id
        ).values_list("pk", "title")
    )
