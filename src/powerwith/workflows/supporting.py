"""What a supporter sees through their own login: the people who named them, what each
lets them do, and what waits for each person's answer at every organisation they work with.

Tenancy: a supporter reaches a person only through a ``Supporter`` row that person has
not removed and that this account accepted an invitation for
(``people.queries.supporters.supporting``), read afresh on every request. A supporter who
may only get messages reaches nothing here. Anything else is 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal

from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import User
from powerwith.engagements.models import Attendance, WellbeingCheck
from powerwith.engagements.queries.sessions import bookings_of_person
from powerwith.engagements.queries.wellbeing import checks_of, next_local_midnight
from powerwith.evaluation.queries import MyEngagement, engagements_of_person
from powerwith.offers.models import Offer, OfferStatus
from powerwith.offers.queries import offers_sent_to
from powerwith.payments import queries as payment_queries
from powerwith.payments.fees import agreed_fee, pay_rate, time_amount
from powerwith.people.choices import SupporterMay
from powerwith.people.models import Person, Supporter
from powerwith.people.queries.supporters import supporting

# What lets a supporter see what waits for the person: helping them answer, or answering.
SEES_WHAT_WAITS = (SupporterMay.HELP_ANSWER, SupporterMay.ANSWER_FOR)


def sees_what_waits(supporter: Supporter) -> bool:
    return any(code in supporter.may for code in SEES_WHAT_WAITS)


def may_answer(supporter: Supporter) -> bool:
    return SupporterMay.ANSWER_FOR in supporter.may


@dataclass
class Supported:
    """One person this user supports, and what waits for their answer."""

    supporter: Supporter
    may: list[str]
    offers: list[Offer] = field(default_factory=list)
    checks: list[WellbeingCheck] = field(default_factory=list)
    bookings: list[Attendance] = field(default_factory=list)
    feedback: list[MyEngagement] = field(default_factory=list)
    to_claim: list[Attendance] = field(default_factory=list)

    @property
    def person(self) -> Person:
        return self.supporter.person

    @property
    def may_answer(self) -> bool:
        return may_answer(self.supporter)

    @property
    def sees(self) -> bool:
        return sees_what_waits(self.supporter)


def _waiting_offers(person: Person) -> list[Offer]:
    return list(offers_sent_to(person).filter(status=OfferStatus.SENT).order_by("-updated_at"))


def _due_checks(person: Person, now: datetime) -> list[WellbeingCheck]:
    opening = next_local_midnight(now)
    return list(
        checks_of(person).filter(completed_at=None, due_at__lt=opening).order_by("due_at", "pk")
    )


def _coming_bookings(person: Person, now: datetime) -> list[Attendance]:
    """Sessions from the start of today: one under way can still be stopped."""
    today = timezone.make_aware(datetime.combine(timezone.localtime(now).date(), time(0, 0)))
    return list(bookings_of_person(person).filter(session__starts_at__gte=today))


def pay_for(booking: Attendance) -> Decimal | None:
    """What the person's time at this session comes to under the offer they accepted, at
    the agreed rate or the lower one they chose; None for work with no pay to claim (no
    accepted offer, no fee by the hour, day or session, or chosen to be unpaid)."""
    person = booking.person
    opportunity_id = booking.session.opportunity_id
    offer = payment_queries.accepted_offer_of(person, opportunity_id)
    if offer is None:
        return None
    fee = agreed_fee(offer)
    rate = pay_rate(fee, payment_queries.latest_choice(person, opportunity_id))
    if rate is None:
        return None
    return time_amount(fee.basis, rate, booking.session.minutes)


def _time_to_claim(person: Person, now: datetime) -> list[Attendance]:
    """Sessions that have started with no claim for the time yet, in paid work: the
    person's own rules (``payments.time_to_claim``), whether or not attendance is
    recorded, as the person's own claim by hand allows."""
    return [
        booking
        for booking in payment_queries.time_to_claim_for_person(person, now)
        if pay_for(booking) is not None
    ]


def pay_to_claim(booking: Attendance, now: datetime) -> bool:
    """Whether the person's time at this session can be claimed now."""
    return any(found.pk == booking.pk for found in _time_to_claim(booking.person, now))


def people_supported(user: User, now: datetime) -> list[Supported]:
    labels = dict(SupporterMay.choices)
    found = []
    for supporter in supporting(user):
        row = Supported(supporter, [labels[code] for code in supporter.may if code in labels])
        if sees_what_waits(supporter):
            row.offers = _waiting_offers(supporter.person)
            row.checks = _due_checks(supporter.person, now)
            row.bookings = _coming_bookings(supporter.person, now)
            row.feedback = [e for e in engagements_of_person(supporter.person, now) if e.to_answer]
            row.to_claim = _time_to_claim(supporter.person, now)
        found.append(row)
    return found


def offer_for_supporter(user: User, offer_id: int) -> tuple[Offer, Supporter]:
    """An offer sent to someone this user supports and may help answer; 404 otherwise."""
    for supporter in supporting(user):
        if not sees_what_waits(supporter):
            continue
        offer = offers_sent_to(supporter.person).filter(pk=offer_id).first()
        if offer is not None:
            return offer, supporter
    raise Http404("No such offer.")


def check_for_supporter(user: User, check_id: int) -> tuple[WellbeingCheck, Supporter]:
    """A wellbeing check of someone this user supports and may help answer; 404 otherwise."""
    for supporter in supporting(user):
        if not sees_what_waits(supporter):
            continue
        check = checks_of(supporter.person).filter(pk=check_id).first()
        if check is not None:
            return check, supporter
    raise Http404("No such wellbeing check.")


def booking_for_supporter(user: User, booking_id: int) -> tuple[Attendance, Supporter]:
    """A booked session of someone this user supports and may help answer; 404 otherwise."""
    for supporter in supporting(user):
        if not sees_what_waits(supporter):
            continue
        booking = bookings_of_person(supporter.person).filter(pk=booking_id).first()
        if booking is not None:
            return booking, supporter
    raise Http404("No such session.")


def engagement_for_supporter(
    user: User, offer_id: int, now: datetime
) -> tuple[MyEngagement, Supporter]:
    """A piece of work someone this user supports took part in, to say how it went, when
    the user may help them answer; 404 otherwise."""
    for supporter in supporting(user):
        if not sees_what_waits(supporter):
            continue
        for engagement in engagements_of_person(supporter.person, now):
            if engagement.offer.pk == offer_id:
                return engagement, supporter
    raise Http404("No such piece of work.")
