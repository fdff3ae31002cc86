"""The demo's shared learning: both organisations share their summaries and figures with
the network; Riverside has published a summary of "Co-design restraint reduction
training" and Hillview has one of the same work in draft, for its experts to comment on.

Made through the learning services by each organisation's admin and coordinator. A later
run adds only what is missing, and refreshes the network's figures.
"""

from __future__ import annotations

from powerwith.accounts.models import Membership
from powerwith.core.roles import Role
from powerwith.demo.logins import staff_email
from powerwith.learning import benchmarks, queries, services
from powerwith.learning.models import LearningSummary
from powerwith.opportunities.models import Opportunity

WORK = "Co-design restraint reduction training"
WORDS = {
    "riverside": {
        "what_was_done": (
            "Six experts by experience and four ward staff designed a one-day course on "
            "reducing restraint, over three planning meetings. We worked at the level of "
            "co-production: the experts chose what the course covers and how."
        ),
        "what_did_not": (
            "Two planning meetings were in person only, so one expert could not join them. "
            "Feedback forms went out late after the first meeting."
        ),
        "what_worked": (
            "The experts by experience chose the order of the day. Staff said the session on "
            "what restraint feels like changed how they saw their own practice."
        ),
        "do_differently": (
            "Pay travel before the day for everyone, and hold the planning meetings by video "
            "as well as in person."
        ),
    },
    "hillview": {},
}


def _member(slug: str, role: Role) -> Membership | None:
    return (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=staff_email(slug, role), organisation__slug=slug)
        .first()
    )


def add_learning() -> int:
    """Make the demo's summaries and network choices that do not exist yet; how many."""
    added = 0
    for slug, words in WORDS.items():
        admin, coordinator = _member(slug, Role.ADMIN), _member(slug, Role.COORDINATOR)
        if admin is None or coordinator is None:
            continue
        if queries.sharing_of(admin.organisation) is None:
            services.set_network_sharing(by=admin, share_summaries=True, contribute_figures=True)
        work = Opportunity.objects.filter(
            organisation_id=coordinator.organisation_id, title=WORK
        ).first()
        if work is None or LearningSummary.objects.filter(opportunity=work).exists():
            continue
        summary = services.draft_summary(by=coordinator, opportunity=work)
        if words:
            summary = services.edit_summary(by=coordinator, summary=summary, **words)
            services.publish_summary(by=coordinator, summary=summary)
        added += 1
    benchmarks.refresh()
    return added
