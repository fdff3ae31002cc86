"""What a person is asked, per scope, in plain English.

Every consent event stores the SHA-256 of the exact wording the person was shown, so
changing a sentence here later never changes what an earlier event proves they agreed to.
The wording a scope had before is kept in ``EARLIER_WORDING``, so a receipt for an earlier
event still shows the words whose hash it holds.
"""

from __future__ import annotations

import hashlib

from django.db import models


class Scope(models.TextChoices):
    TAKE_PART = "take_part", "Take part in this opportunity"
    SHARE_NARRATIVE = "share_narrative", "Share my personal story within the project"
    BE_RECORDED = "be_recorded", "Be recorded (audio or video)"
    BE_QUOTED = "be_quoted", "Be quoted, named or anonymised"
    PUBLISH = "publish", "Publish outside the organisation"
    DISTRIBUTE = "distribute", "Share with other organisations"
    MONETISE = "monetise", "Use in paid or money-making products"
    KEEP_CONTACT = "keep_contact", "Keep my contact details for future opportunities"
    SHARE_PROFILE = "share_profile", "Share my profile with an organisation"


WORDING: dict[str, str] = {
    # The same promise as the offer's power to stop: all the time booked, and work done.
    Scope.TAKE_PART: (
        "I agree to take part in this piece of work. I can stop at any time, without "
        "giving a reason. If the work is paid, I will still be paid for all the time booked "
        "with me, and for the work I have already done."
    ),
    Scope.SHARE_NARRATIVE: (
        "I agree that the story I share can be used by the people working on this project. "
        "It will not go outside the project unless I agree to that separately."
    ),
    Scope.BE_RECORDED: (
        "I agree to be recorded (sound or video). I can ask for the recording to stop at "
        "any time, and I can withdraw my agreement later."
    ),
    # Where the choice is really made: each use of each output has its own named or
    # anonymised answer (UseChoice, anonymised until the person says otherwise), and the
    # training evidence report names people who gave this consent (reports.training.naming).
    Scope.BE_QUOTED: (
        "I agree that my words can be quoted, and that reports about this work can name me "
        "as someone who took part. For each thing made from the work that uses my words, I "
        "choose on my “Your contributions” page whether my name is used with them. Until I "
        "choose, it is not."
    ),
    Scope.PUBLISH: (
        "I agree that what I contributed can be published where anyone can see it, such as "
        "on a website or in a public report."
    ),
    Scope.DISTRIBUTE: ("I agree that what I contributed can be shared with other organisations."),
    Scope.MONETISE: (
        "I agree that what I contributed can be used in products or training that someone pays for."
    ),
    Scope.KEEP_CONTACT: (
        "I agree that the organisation keeps my contact details to tell me about future "
        "opportunities. I can ask them to stop at any time."
    ),
    Scope.SHARE_PROFILE: (
        "I agree that this organisation can see the parts of my profile I have chosen to share."
    ),
}


# Wording shown before, kept word for word: earlier events hold these texts' hashes.
EARLIER_WORDING: dict[str, tuple[str, ...]] = {
    Scope.TAKE_PART: (
        "I agree to take part in this piece of work. I can stop at any time, without "
        "giving a reason, and I will still be paid for the work I have already done.",
    ),
    Scope.BE_QUOTED: (
        "I agree that my words can be quoted. I choose whether my name is used or whether "
        "I stay anonymous.",
    ),
}


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def wording_for(scope: str) -> str:
    return WORDING[scope]


def wording_hash(scope: str) -> str:
    return _hash(wording_for(scope))


def wording_shown(scope: str, shown_hash: str) -> str | None:
    """The words a person was shown for ``scope``, found by the hash an event holds; None
    when no wording this scope has had matches it."""
    for text in (WORDING[scope], *EARLIER_WORDING.get(scope, ())):
        if _hash(text) == shown_hash:
            return text
    return None
