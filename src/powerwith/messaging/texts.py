"""Text messages: short, plain, from one template per topic, never special-category.

A text says who it is from, that there is something to read or answer, and where (a
link); never what the work is about, since a phone's lock screen shows it to anyone. One
that comes out longer than :data:`TEXT_LIMIT` is refused, never cut: a cut text can drop
the link or change the meaning.
"""

from __future__ import annotations

from django.template.loader import render_to_string

# Two parts of a concatenated text in the GSM alphabet: still short enough to read at a
# glance, and sent as one message by every network.
TEXT_LIMIT = 306

# Every topic a message for a person can have, with the name of its text template and
# of its phone script (messaging/texts/<topic>.txt, messaging/calls/<topic>.txt).
TOPICS = {
    "offer_sent": "an offer of work",
    "offer_withdrawn": "an offer of work that was withdrawn",
    "question_answered": "an answer to your question",
    "session_booked": "a session booked",
    "session_changed": "a session that changed",
    "session_cancelled": "a session cancelled",
    "wellbeing_check": "a wellbeing check",
    "claim_step": "a claim for payment",
    "feedback_asked": "feedback",
    "consent_ends_soon": "your consent",
    "consent_receipt": "a receipt for your consent",
    "review_due": "a review",
    "what_you_told_us": "what you told us",
    "check_expires": "a check that ends soon",
    "summary_comments": "a draft to read and comment on",
    "information_ready": "a copy of your information",
}


class TextTooLong(Exception):
    """A text message that would be longer than the channel allows."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"the text message would be {length} characters, more than the {TEXT_LIMIT} "
            "a text can carry"
        )
        self.length = length


class UnknownTopic(Exception):
    pass


def text_for(
    topic: str, *, name: str, organisation: str, link: str, for_supporter: str = ""
) -> str:
    """The text message for ``topic``, or :class:`TextTooLong`; never shortened."""
    if topic not in TOPICS:
        raise UnknownTopic(f"no text message is written for {topic!r}")
    body = render_to_string(
        f"messaging/texts/{topic}.txt",
        {"name": name, "organisation": organisation, "link": link},
    ).strip()
    body = " ".join(body.split())
    if for_supporter:
        body = f"For {for_supporter}, who named you as their supporter: {body}"
    if len(body) > TEXT_LIMIT:
        raise TextTooLong(len(body))
    return body


def phone_script(topic: str, *, name: str, organisation: str, about: str) -> str:
    """What to say on a call and what to write down, in plain words."""
    if topic not in TOPICS:
        raise UnknownTopic(f"no phone script is written for {topic!r}")
    return render_to_string(
        f"messaging/calls/{topic}.txt",
        {"name": name, "organisation": organisation, "about": about},
    ).strip()
