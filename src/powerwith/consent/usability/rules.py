"""Which consent each use and each kind of output needs, and how each reads in words."""

from __future__ import annotations

from powerwith.consent.models import OutputKind, Use
from powerwith.consent.wording import Scope
from powerwith.opportunities.models import OpportunityStatus

USE_SCOPE: dict[str, str] = {
    Use.SHARE_INTERNALLY: Scope.SHARE_NARRATIVE,
    Use.PUBLISH: Scope.PUBLISH,
    Use.DISTRIBUTE: Scope.DISTRIBUTE,
    Use.MONETISE: Scope.MONETISE,
}
SCOPE_USES: dict[str, list[str]] = {}
for _use, _scope in USE_SCOPE.items():
    SCOPE_USES.setdefault(_scope, []).append(_use)

# Some kinds of output need a consent of their own, whatever the use: a recording needs
# consent to be recorded, a quote consent to be quoted.
KIND_SCOPE: dict[str, str] = {
    OutputKind.RECORDING: Scope.BE_RECORDED,
    OutputKind.QUOTE: Scope.BE_QUOTED,
}
KIND_VERB: dict[str, str] = {Scope.BE_RECORDED: "be recorded", Scope.BE_QUOTED: "be quoted"}

OUTWARD_USES = frozenset({Use.PUBLISH, Use.DISTRIBUTE, Use.MONETISE})
FINISHED = frozenset(
    {OpportunityStatus.COMPLETED, OpportunityStatus.REVIEWED, OpportunityStatus.CANCELLED}
)

# How each use reads in a sentence: "Alex has not given consent to publish it."
VERB: dict[str, str] = {
    Use.SHARE_INTERNALLY: "share it inside the organisation",
    Use.PUBLISH: "publish it",
    Use.DISTRIBUTE: "share it with other organisations",
    Use.MONETISE: "use it in paid products",
}
PASSIVE: dict[str, str] = {
    Use.SHARE_INTERNALLY: "shared inside the organisation",
    Use.PUBLISH: "published",
    Use.DISTRIBUTE: "shared with other organisations",
    Use.MONETISE: "used in paid products",
}

# What each reason says to the person themself.
PERSONAL: dict[str, str] = {
    "none": "You have not said yes to this.",
    "withdrawn": "You said no to this. You can say yes again at any time.",
    "lapsed": "Your yes has run out. Say yes again if you still agree.",
    "not_reconfirmed": "The work has finished. Say yes again if you still agree.",
    "expired": "The end date you chose has passed.",
}

# A context is where a consent applies, from the most specific to the widest.
OUTPUT, OPPORTUNITY, ORGANISATION = "output", "opportunity", "organisation"
CONTEXT_WORDS = {
    OPPORTUNITY: "for all of this opportunity's work",
    ORGANISATION: "for all work with the organisation",
}
