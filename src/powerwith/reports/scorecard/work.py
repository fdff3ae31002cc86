"""W — inclusive work and support: pay, the contact person, formats, adjustments,
wellbeing checks and claims."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from powerwith.engagements.wellbeing_completion import (
    BookedSession,
    checks_of,
    wellbeing_completion,
)
from powerwith.offers.formats import preferred_format
from powerwith.payments.models import ClaimStatus
from powerwith.reports.scorecard.base import (
    Check,
    accepted_before,
    before_first,
    not_yet,
    of,
    voluntary_choice_before,
)
from powerwith.reports.scorecard.records import Records


def reward_agreed(r: Records) -> Check:
    def agreed(person_id: int, first: datetime) -> bool:
        if voluntary_choice_before(r, person_id, first):
            return True
        return r.opportunity.is_paid and accepted_before(r, person_id, first)

    return before_first(
        r,
        "Reward agreed before the start",
        "had their pay agreed (or their own choice not to be paid recorded)",
        agreed,
    )


def contact_appointed(r: Records) -> Check:
    contact = r.opportunity.contact_user
    if contact is None:
        return Check("Contact person appointed", False, "No contact person is appointed.")
    return Check("Contact person appointed", True, "A contact person is appointed.")


def offer_in_format(r: Records) -> Check:
    """The e-mail attaches the offer in ``preferred_format`` of the formats recorded in
    the version sent (see ``offers.notifications``); the person's best format now also
    counts easy read first from their display settings."""
    name = "Offer given in the person's format"
    sent = [o for o in r.sent_offers if o.pk in r.sent_formats]
    if not sent:
        return not_yet(name, "no offer has been sent.")
    right = 0
    for offer in sent:
        person = offer.person
        wanted = preferred_format(
            person.formats, easy_read_first=bool(person.user and person.user.easy_read_first)
        )
        # The e-mail attaches the format chosen from the formats in the sent version.
        right += preferred_format(r.sent_formats[offer.pk]) == wanted
    return Check(
        name,
        right == len(sent),
        f"{of(right, len(sent), 'offer')} {'was' if len(sent) == 1 else 'were'} sent in the "
        "format the person reads best.",
    )


def adjustments_confirmed(r: Records) -> Check:
    """Each adjustment confirmed before the session it is for (or before the first
    session, when it is for all of them). One not confirmed while its session is still
    ahead is not late yet, so it is not judged."""
    name = "Adjustments confirmed before the first session"
    first = r.first_start
    if not r.adjustments:
        return not_yet(name, "nobody asked for an adjustment.")
    if first is None:
        return not_yet(name, "there are no sessions yet.")
    judged = 0
    confirmed = 0
    for adjustment in r.adjustments:
        deadline = r.session_starts.get(adjustment.session_id or 0, first)
        on_time = adjustment.confirmed_at is not None and adjustment.confirmed_at < deadline
        if on_time or deadline <= r.now:
            judged += 1
            confirmed += on_time
    if not judged:
        return not_yet(name, "the adjustments asked for are not due yet.")
    return Check(
        name,
        confirmed == judged,
        f"{of(confirmed, judged, 'adjustment')} due by now "
        f"{'was' if judged == 1 else 'were'} confirmed before the session.",
    )


def wellbeing_checks_done(r: Records) -> Check:
    """Wellbeing completion (``engagements.wellbeing_completion``) of this opportunity's
    bookings: the dashboard's figure, restricted to them."""
    name = "Wellbeing checks before, at the end and follow-up done"
    if not r.opportunity.wellbeing_checks:
        return Check(name, False, "Wellbeing checks are switched off for this opportunity.")
    share = wellbeing_completion(
        [
            BookedSession(t.person_id, t.session_id, t.starts_at, t.ends_at)
            for t in r.takings
            if t.booked
        ],
        checks_of(r.checks),
        r.opportunity.organisation.follow_up_days,
        r.now,
    )
    if not share.whole:
        return not_yet(name, "no wellbeing check is due yet.")
    return Check(
        name,
        share.part == share.whole,
        f"{of(share.part, share.whole, 'wellbeing check')} due by now "
        f"{'was' if share.whole == 1 else 'were'} done.",
    )


def claims_paid_on_time(r: Records) -> Check:
    """Against the organisation's target (``payment_target_days``) from the day the claim
    was made. Withdrawn and rejected claims are left out; an unpaid one is late once the
    target has passed, and not judged before."""
    name = "Claims paid within the target"
    target = r.opportunity.organisation.payment_target_days
    on_time = late = waiting = 0
    for claim in r.claims:
        deadline = timezone.localdate(claim.created_at) + timedelta(days=target)
        if claim.status == ClaimStatus.PAID and claim.paid_on is not None:
            on_time += claim.paid_on <= deadline
            late += claim.paid_on > deadline
        elif r.today > deadline:
            late += 1
        else:
            waiting += 1
    if not on_time + late:
        return not_yet(name, "no claim has been paid or become due.")
    still = f" {waiting} more {'is' if waiting == 1 else 'are'} not due yet." if waiting else ""
    return Check(
        name,
        late == 0,
        f"{of(on_time, on_time + late, 'claim')} {'was' if on_time + late == 1 else 'were'} "
        f"paid within {target} days.{still}",
    )
