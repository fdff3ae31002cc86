"""Vague amounts and vague times: an offer says how much, and when, in figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from powerwith.offers.clarity.core import Hit
from powerwith.offers.clarity.text import before, has_amount, hits, phrases

_UNITS_OF_WORK = (
    r"(?:hours?|sessions?|meetings?|workshops?|days of work|tasks|pieces of work|activities"
    r"|calls|visits)"
)

# Vague whatever else the text says.
VAGUE_AMOUNT = phrases(
    rf"a (?:few|couple of|handful of|(?:small |large )?number of) {_UNITS_OF_WORK}",
    rf"several {_UNITS_OF_WORK}",
    r"some (?:of (?:your|the) )?(?:travel )?(?:expenses|costs|money|payment|pay|travel)",
    r"some (?:reading|preparation|homework|work|tasks|travelling|time commitment)",
    r"tbc|tbd|tba|to be (?:confirmed|decided|agreed|arranged|announced|determined)",
    r"details to follow",
    r"(?:paid|covered|reimbursed|refunded) as (?:appropriate|necessary|required)",
    r"(?:pay|give) you something|something (?:towards|for your time)",
)
UNDECIDED = frozenset({"tbc", "tbd", "tba"})

_POUNDS = r"(?:£\s?\d[\d,]*(?:\.\d\d)?|\d[\d,]*(?:\.\d\d)? pounds)"
# A limit is not an amount: "up to £50" leaves the person to guess what they will get.
UPPER_BOUND = phrases(
    rf"(?:up to|a maximum of|maximum of|no more than|capped at|at most) {_POUNDS}",
)

# Money named without a sum: vague only when the text gives no amount in pounds anywhere.
# An offer usually states its rate once ("£25 an hour") and then says "you will be paid
# within 14 days"; flagging every later mention would teach people to ignore warnings.
MONEY_WITHOUT_AMOUNT = phrases(
    # Paying someone back is for what they spent: the amount is on their receipt.
    r"(?:you(?:'ll| will| would| are| get| will get|'ll get)?|to) (?:be )?paid(?! back)",
    r"pay you(?! back)|remunerated? you|(?:paid|pay) for your time",
    r"(?:receive|sort out|arrange|organise|process|make) payment",
    r"(?:a|one) (?:thank-you |thank you )?(?:payment|fee|honorarium|voucher|gift card)",
    r"a (?:small|modest|nominal|token|one-off) (?:fee|payment|sum|amount|honorarium"
    r"|contribution|thank-you payment|thank you payment)",
    r"a contribution towards?|a reasonable amount",
    r"reasonable (?:travel )?(?:expenses|costs|travel)",
    r"(?:the )?(?:usual|standard|normal|going) rate",
    r"competitive (?:hourly |daily )?(?:rate|salary|pay|fee)",
    r"payments? (?:will be|is|are|shall be) made|a paid (?:role|post|position|opportunity)",
)

VAGUE_TIME = phrases(
    r"(?<!as\s)soon|shortly|eventually|promptly|sometime|asap|in due time",
    r"as soon as (?:possible|(?:we|i|you) can|we are able)",
    r"in the (?:near |not too distant )?future|at some (?:point|stage|time)",
    r"some time (?:next|this|in|soon|later)",
    r"later (?:this|next|in the) (?:year|month|week|spring|summer|autumn|winter|term)",
    r"(?:early|late|mid) next (?:year|month)|at a later (?:date|stage|time|point)",
    r"in the coming (?:days|weeks|months)",
    r"(?:in )?a (?:few|couple of) (?:days|weeks|months)|several (?:days|weeks|months)",
    r"(?:a|one|two|three|\d+) (?:days?|weeks?|months?) or so",
    r"(?:a|one) (?:day|week|month) or two|by return(?: of post)?",
    r"(?:dates?|times?)(?: and times?)? to follow",
    r"when(?:ever)? (?:we can|possible|we are able|we have (?:time|capacity)"
    r"|funding (?:allows|permits))",
    r"in a timely (?:manner|fashion|way)|(?:won't|will not) be long|before long",
    r"in the new year|(?:in|over|during|by|until|before|after) the (?:spring|summer|autumn|winter)",
    r"(?:this|next|early|late|in) (?:spring|summer|autumn|winter)",
    r"(?:on )?a weekday(?: morning| afternoon| evening)?|one (?:morning|afternoon|evening)",
    r"(?:usually|normally|generally|typically) (?:on|at|in|within|by|between"
    r"|held|paid|sent|made|arrives?|takes?|lasts?|runs?|starts?|finishes?)",
    r"sooner or later|later on",
)
# "Later" on its own says nothing about when ("we may pay you something later"), unless it
# is "no later than" a date, a number of days after something, or further on in the text.
LATER = phrases(r"later")
_NOT_VAGUE_BEFORE_LATER = re.compile(
    r"\b(?:no|not|\d+|(?:days?|weeks?|months?|hours?|minutes?))\s+$", re.IGNORECASE
)
_NOT_VAGUE_AFTER_LATER = re.compile(
    r"\s+(?:than\b|(?:in|on)\s+(?:this|the)\s+(?:letter|e-?mail|offer|message|page)\b)",
    re.IGNORECASE,
)


def _amount_message(excerpt: str) -> str:
    if excerpt.lower() in UNDECIDED or excerpt.lower().startswith(("to be", "details")):
        return (
            f"“{excerpt}” leaves something undecided. Confirm it before you send this, or "
            "say plainly that it is not decided yet and the date the person will hear."
        )
    return (
        f"“{excerpt}” is vague. Give the exact figure, such as the number of hours or the "
        "amount in pounds."
    )


def _limit_message(excerpt: str) -> str:
    return (
        f"“{excerpt}” is a limit, not an amount. Say what the person will get, for example "
        "“£50” or “the cost of your train ticket”."
    )


def _money_message(excerpt: str) -> str:
    return (
        f"“{excerpt}” mentions money but the text gives no amount. Say how much in pounds, "
        "for example “£25 an hour”."
    )


def _time_message(excerpt: str) -> str:
    return (
        f"“{excerpt}” is vague about time. Give a date or a number of days, for example "
        "“by 12 January 2027” or “within 14 days”."
    )


def vague_amounts(text: str) -> Iterator[Hit]:
    yield from hits(VAGUE_AMOUNT, text, "vague_amount", _amount_message)
    yield from hits(UPPER_BOUND, text, "vague_amount", _limit_message)
    if not has_amount(text):
        yield from hits(MONEY_WITHOUT_AMOUNT, text, "vague_amount", _money_message)


def vague_times(text: str) -> Iterator[Hit]:
    yield from hits(VAGUE_TIME, text, "vague_time", _time_message)
    for hit in hits(LATER, text, "vague_time", _time_message):
        if _NOT_VAGUE_BEFORE_LATER.search(before(text, hit.start)):
            continue
        if _NOT_VAGUE_AFTER_LATER.match(text, hit.end):
            continue
        yield hit
