"""The demo's offers of work, one or more in every state, made through the real offer
services: the coordinator makes, words and sends each one, and the expert's own login
accepts, declines or asks a question, which the coordinator answers.

They go to the experts who can log in, so each state can be seen from both sides; expert1
has offers waiting at both organisations. An offer is found by (opportunity, person): a
later run makes only the missing ones and leaves the rest as the demo left them. Someone
who no longer meets the work's essential requirements, or is taking a break, is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.demo.logins import coordinator_email
from powerwith.offers import services
from powerwith.offers.models import Offer
from powerwith.offers.readiness import offer_gaps
from powerwith.opportunities.models import Opportunity, OpportunityStatus
from powerwith.people.choices import PaymentPreference
from powerwith.people.models import Person, PersonStatus
from powerwith.workflows import offers as offer_workflows

NONE_NEEDED = "None needed, thank you."
QUESTION = "Can my support worker come with me to the sessions?"
ANSWER = (
    "Yes, they are welcome. We pay for their time and their travel too. "
    "Tell us their name before the first session."
)
SEND, ACCEPT, DECLINE, ASK = "send", "accept", "decline", "ask"


@dataclass(frozen=True)
class PlannedOffer:
    slug: str
    title: str
    expert: int
    # What happens once it is made, in order; with nothing, it stays a draft.
    then: tuple[str, ...] = ()
    adjustments: str = NONE_NEEDED
    message: str = ""


CO_DESIGN = "Co-design restraint reduction training"
SENT = (SEND,)

PLANNED: tuple[PlannedOffer, ...] = (
    PlannedOffer(
        "riverside",
        CO_DESIGN,
        1,
        SENT,
        adjustments="Papers by email a week before each session.",
        message="You told us about seclusion in a secure unit. That is the experience "
        "this course needs.",
    ),
    PlannedOffer("riverside", "Review of seclusion policy", 1, (*SENT, ASK)),
    PlannedOffer("riverside", CO_DESIGN, 3, (*SENT, ACCEPT)),
    PlannedOffer(
        "riverside",
        "Peer support worker role",
        5,
        (*SENT, ACCEPT),
        adjustments="A quiet room to use between visits.",
    ),
    PlannedOffer(
        "riverside", "Family carers' reference group on behaviours of concern", 11, (*SENT, DECLINE)
    ),
    PlannedOffer("riverside", "Peer support worker role", 2),
    PlannedOffer("hillview", CO_DESIGN, 1, SENT),
    PlannedOffer("hillview", "Evaluate the rapid tranquilisation guidance", 1, SENT),
    PlannedOffer(
        "hillview", "Review of seclusion and long-term segregation policy", 10, (*SENT, ASK)
    ),
    PlannedOffer("hillview", CO_DESIGN, 12, (*SENT, ACCEPT)),
    PlannedOffer(
        "hillview",
        "Evaluate the rapid tranquilisation guidance",
        10,
        (*SENT, ACCEPT),
        adjustments="Breaks of ten minutes every hour.",
    ),
    PlannedOffer("hillview", "Sharing lived experience at staff induction", 12, (*SENT, DECLINE)),
    PlannedOffer("hillview", "Peer support worker role", 2),
)


def _meets_essentials(person: Person, opportunity: Opportunity) -> bool:
    for required in opportunity.required_experience.filter(essential=True):
        entries = person.experience.filter(code=required.code)
        if required.setting:
            entries = entries.filter(setting=required.setting)
        if required.intervention:
            entries = entries.filter(intervention=required.intervention)
        if not entries.exists():
            return False
    return True


def _terms(plan: PlannedOffer, person: Person) -> dict[str, str]:
    terms = {"adjustments": plan.adjustments}
    if plan.message:
        terms["message"] = plan.message
    if person.payment_preference in ("", PaymentPreference.PREFER_NOT_TO_SAY):
        # Asked when the offer was discussed; the register does not say.
        terms["payment_method"] = PaymentPreference.BANK_TRANSFER
    return terms


def _make(
    plan: PlannedOffer, opportunity: Opportunity, person: Person, user: User, by: Membership
) -> None:
    offer = services.create_offer(by=by, opportunity=opportunity, person=person)
    services.change_terms(offer, by=by, terms=_terms(plan, person))
    if SEND not in plan.then:
        return
    # The demo's wording has no clarity warnings (its tests check), so none are waved by.
    services.send_offer(offer, by=by)
    if ACCEPT in plan.then:
        offer_workflows.accept_offer(offer, user=user, version=offer.version)
    if DECLINE in plan.then:
        services.decline_offer(offer, user=user)
    if ASK in plan.then:
        offer_workflows.ask_question(offer, user=user, text=QUESTION)
        offer_workflows.answer_question(offer, by=by, text=ANSWER)


def add_offers(organisations: dict[str, Organisation]) -> int:
    """Make the planned offers that do not exist yet. Returns how many were made."""
    coordinators = {
        m.organisation_id: m
        for m in Membership.objects.select_related("user", "organisation").filter(
            user__email__in=[coordinator_email(slug) for slug in organisations],
            organisation__in=organisations.values(),
        )
    }
    people = {
        p.email: p
        for p in Person.objects.select_related("user").filter(
            email__in={f"expert{plan.expert}@people.example" for plan in PLANNED}
        )
    }
    made = 0
    for plan in PLANNED:
        organisation = organisations[plan.slug]
        by = coordinators.get(organisation.pk)
        person = people.get(f"expert{plan.expert}@people.example")
        opportunity = (
            Opportunity.objects.filter(organisation=organisation, title=plan.title)
            .order_by("created_at", "id")
            .first()
        )
        if by is None or person is None or person.user is None or opportunity is None:
            continue
        if Offer.objects.filter(opportunity=opportunity, person=person).exists():
            continue
        if (
            opportunity.status != OpportunityStatus.OPEN
            or person.status != PersonStatus.ACTIVE
            or not person.links.filter(organisation=organisation).exists()
            or not _meets_essentials(person, opportunity)
            or offer_gaps(opportunity)
        ):
            continue
        _make(plan, opportunity, person, person.user, by)
        made += 1
    return made
