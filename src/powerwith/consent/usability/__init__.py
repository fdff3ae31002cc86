"""Whether an output may be used, per use, computed from the consent ledger every time.

Nothing here is stored or cached: a withdrawal recorded in the ledger changes the answer
the moment its transaction commits, for every page, export and API call alike.

The rules, per intended use and per contributor:

- **Which consent.** Each use needs one consent scope (``USE_SCOPE``):
  ``share_internally`` needs *share my personal story within the project*
  (``share_narrative``); ``publish``, ``distribute`` and ``monetise`` need the scope of
  the same name.
- **Which context.** A consent may be recorded for this output, for the output's
  opportunity, or for all of the organisation's work. The most specific context that has
  any record decides. A withdrawal in a wider context recorded *later* than it also
  blocks the use: withdrawing "publish" for all the work withdraws it for every output.
- **Lapsed counts as not given**: a grant or reconfirmation older than the
  organisation's ``reconfirm_months`` has lapsed.
- **Consent after the work.** Once the opportunity has finished (completed, reviewed or
  cancelled), each contributor must reconfirm each outward use (publish, distribute,
  monetise) for this output, in the output's own context, after it finished. Until they
  do the output can be used inside the organisation at most.
- **Expiry.** A person may set a date after which a use of this output lapses by itself
  (``UseChoice.expires_on``); from the day after, the use is blocked.
- **Kinds with a consent of their own.** A recording also needs each contributor's
  consent to be recorded (``be_recorded``), a quote their consent to be quoted
  (``be_quoted``), for every use, in the same contexts.
- An output with no contributors needs nobody's consent. A use the output was never
  meant for is not usable.
"""

from powerwith.consent.usability.decisions import Decision, Usability, usability, usability_of
from powerwith.consent.usability.ledger import (
    Standing,
    inherited_standing,
    standing_for_work,
    standings_for_work,
)
from powerwith.consent.usability.rules import KIND_SCOPE, SCOPE_USES, USE_SCOPE

__all__ = [
    "KIND_SCOPE",
    "SCOPE_USES",
    "USE_SCOPE",
    "Decision",
    "Standing",
    "Usability",
    "inherited_standing",
    "standing_for_work",
    "standings_for_work",
    "usability",
    "usability_of",
]
