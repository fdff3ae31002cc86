"""Staff acting on a person's word (docs/adr/015-acting-on-the-persons-word.md).

Many people on the register have no login: they tell a member of staff what they decided,
in person, on the phone, by letter or through a supporter. Each action here does what the
person's own action does, through the same service, and adds one ``ActedFor`` record:
how the person told them, an optional note, who recorded it and when. The person is then
sent a confirmation in plain words ("You told Hannah Clarke on the phone that you accept
the offer of work: …"), through :func:`confirm`, the one place that decides how it
reaches them.

Staff may never act this way for a person who has a login of their own unless the person
has said so in their profile (``Person.staff_may_act_for_me``): a person who can answer
for themself does. Figures count these actions like the person's own (the action is the
same row; only who pressed the button differs).
"""

from powerwith.people.services.acting import OnBehalf
from powerwith.workflows.on_behalf.at_work import (
    answer_wellbeing_check,
    ask_for_adjustment,
    stop_or_time_out,
)
from powerwith.workflows.on_behalf.offers import accept_offer, decline_offer, record_consent
from powerwith.workflows.on_behalf.pay import give_feedback, make_claim
from powerwith.workflows.on_behalf.rules import confirm, refusal_for, require_may_act

__all__ = [
    "OnBehalf",
    "accept_offer",
    "answer_wellbeing_check",
    "ask_for_adjustment",
    "confirm",
    "decline_offer",
    "give_feedback",
    "make_claim",
    "record_consent",
    "refusal_for",
    "require_may_act",
    "stop_or_time_out",
]
