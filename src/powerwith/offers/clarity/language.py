"""Speculation and promises: the words that build hopes an offer cannot stand behind.

The charter: communications "should never involve or include speculative assertions, or
what could be construed as intentions or promises".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from powerwith.offers.clarity.core import Hit
from powerwith.offers.clarity.text import before, hits, phrases

_OUTCOME = (
    r"(?:lead (?:on )?to|result in|turn into|become|mean (?:more|further|paid|a)"
    r"|open (?:up )?(?:doors|opportunities|up)"
    r"|be (?:offered|extended|made|possible|more|the start|a (?:step|stepping|chance|way)))"
)
_WORK = r"(?: (?:a |an |more |further )?(?:paid |permanent |new )?(?:work|jobs?|roles?|posts?))?"
_HOPE_PLEASANTRY = (
    r"(?! (?:that )?(?:you(?:'re| are)? (?:are )?(?:well|keeping|doing|enjoy|had|found|have)"
    r"|this (?:helps|finds|email|message|letter)|all is well"
    r"|to (?:see|meet|hear from|catch up with) you))"
)

SPECULATIVE = phrases(
    r"hopefully|possibly|potentially|perhaps|maybe|probably|likely|unlikely|might",
    r"in due course|with any luck|fingers crossed|may well",
    rf"(?:we|i)(?: would| really| do| all)? hope{_HOPE_PLEASANTRY}",
    rf"we'd hope|(?:we are|we're|i am|i'm) hoping{_HOPE_PLEASANTRY}|it is hoped",
    r"there(?: is|'s) (?:a (?:good |real |strong )?|every )chance",
    r"(?:funding|budget|money) permitting|subject to (?:funding|approval)",
    r"depending on (?:the )?(?:funding|budget|feedback|demand|numbers|interest)",
    r"if (?:the )?funding (?:allows|permits|is agreed)|there could be",
    r"(?:we|it|there|this) should (?:have|hear|know|get|be|mean|help|take)",
    # Not "what we expect from you": that states what the role asks.
    r"(?:we|i) (?:anticipate|envisage|expect) (?:that|to|it|this|the)",
    r"it is (?:expected|anticipated)",
    r"(?:we|i)(?: will|'ll| are|'re| am|'m)? (?:aim|aiming|try|trying) (?:to|and)",
    r"do (?:our|my) best|endeavou?r to",
    r"make every (?:effort|attempt)",
    rf"could (?:well |also |potentially |possibly |even |eventually )?{_OUTCOME}{_WORK}",
    rf"(?:should|would) (?:be able to|lead to|result in|be possible|become){_WORK}",
)

# "likely" asking about a person's needs is a question, not a forecast.
_LIKELY_QUESTION = re.compile(r"(?:if|whether|are) you(?:'re| are)?\s*$", re.IGNORECASE)

# "Being paid may affect your benefits", "You might feel upset": an honest warning of a
# risk to the person is what the charter asks for, not a hope being built up.
_CAUTION = re.compile(
    r"\s+(?:not\s+)?(?:affect|upset|trigger|bring\s+(?:up|back)"
    r"|feel\s+(?:upset|uncomfortable|anxious|tired|emotional|distressed|low|worried)"
    r"|be\s+(?:upsetting|difficult|hard|distressing|triggering|tiring|emotional)"
    r"|find\s+(?:it|this|some)\s+(?:\w+\s+)?(?:hard|difficult|upsetting|distressing))\b",
    re.IGNORECASE,
)
_MAY = re.compile(r"\bmay\b", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s*(?:is|was|will|has|and|or|to|\d|,|-|–)", re.IGNORECASE)
_QUESTION_AFTER = re.compile(r"\s+(?:i|we|you)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_SENTENCE_START = re.compile(r"(?:[.!?:;]\s*|\n\s*|^\s*)$")
_YOU_BEFORE = re.compile(r"\byou\s+$", re.IGNORECASE)
# After "you may", these say what might happen to the person; anything else is permission
# ("you may bring a friend").
_HAPPENS_TO_YOU = frozenset(
    {"be", "find", "feel", "need", "get", "experience", "become", "lose", "receive", "hear"}
)

PROMISE = phrases(
    r"promise[sd]?|guarantee[sd]?|definitely|certainly|without (?:a )?doubt|for sure",
    r"rest assured|(?:we|i) (?:can )?assure you",
    r"(?:we are|we're|i am|i'm) (?:confident|certain|sure) (?:that|this|it|you)",
    r"(?:get|put) (?:your|a) foot in the door|stepping stone (?:to|into|towards)",
    r"(?:we|i)(?: will| shall| can| always|'ll)? (?:make sure|ensure) (?:that )?you",
    r"you(?:'ll| will) (?:definitely |certainly |then |also |soon )?"
    r"(?:get|be offered|find|land|be given) (?:a |an |more |further |regular )?"
    r"(?:paid |permanent |new |full-time |part-time )?"
    r"(?:jobs?|roles?|posts?|positions?|work|employment|contracts?)",
    # "You will have a role in shaping the course" is not a job offer.
    r"you(?:'ll| will) (?:definitely |certainly |then )?have "
    r"(?:a (?:paid |permanent )?job|paid work)",
    r"will (?:help you (?:to )?(?:get|find)|lead (?:on )?to|get you) (?:a |an |more )?"
    r"(?:paid |permanent |new )?(?:jobs?|roles?|posts?|positions?|work|employment)",
    r"will (?:make a (?:real |big |huge |lasting |genuine )?difference|change (?:lives|everything)"
    r"|open (?:doors|up opportunities)|transform)",
    r"(?:is|are) going to (?:transform|change (?:lives|everything|the culture|the way))",
    r"will change (?:the culture|the way|how)",
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|can't|can’t|don't|don’t|won't|won’t|couldn't|couldn’t)"
    r"(?:\s+\w+){0,2}\s+$",
    re.IGNORECASE,
)


def speculative_message(excerpt: str) -> str:
    return (
        f"“{excerpt}” is speculative. Say only what is agreed and certain. If something is "
        "not decided yet, say so plainly and say when the person will know."
    )


def promise_message(excerpt: str) -> str:
    return (
        f"“{excerpt}” reads as a promise. State the facts of what is agreed instead, such as "
        "what you will pay and by when, and make no promises about what may follow."
    )


def speculation(text: str) -> Iterator[Hit]:
    for hit in hits(SPECULATIVE, text, "speculative", speculative_message):
        excerpt = text[hit.start : hit.end].lower()
        if excerpt == "likely" and _LIKELY_QUESTION.search(before(text, hit.start)):
            continue
        if excerpt == "might" and _CAUTION.match(text, hit.end):
            continue
        yield hit
    for match in _MAY.finditer(text):
        if _CAUTION.match(text, match.end()):
            continue
        if _is_speculative_may(text, match):
            yield Hit("speculative", match.start(), match.end(), speculative_message(match.group()))


def _is_speculative_may(text: str, match: re.Match[str]) -> bool:
    words_before = before(text, match.start())
    if match.group() == "May":
        at_start = match.start() == 0 or _SENTENCE_START.search(words_before) is not None
        if not at_start:
            return False  # "Tuesday 4 May", "in May": the month
        if _MONTH_AFTER.match(text, match.end()) or _QUESTION_AFTER.match(text, match.end()):
            return False  # "May is a busy month", "May I ask…"
    if _YOU_BEFORE.search(words_before):
        next_word = _NEXT_WORD.match(text, match.end())
        return next_word is not None and next_word.group(1).lower() in _HAPPENS_TO_YOU
    return True


def promises(text: str) -> Iterator[Hit]:
    for hit in hits(PROMISE, text, "promise", promise_message):
        # "We can't promise…", "There is no guarantee…": honesty, not a promise.
        if _NEGATION.search(before(text, hit.start)):
            continue
        yield hit
