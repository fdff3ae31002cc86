"""The offer in easy read: short sentences with one idea each, in the active voice.

Every sentence here is made from the structured content — codes, dates, amounts, names —
never by shortening what a coordinator wrote. Their own text still appears, in a section
marked "In their words" that does not claim to be easy read. Each sentence has at most
15 words (tests check every branch).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from powerwith.core.choices import LocationMode
from powerwith.offers.content import DEFAULT_BENEFITS_SIGNPOST
from powerwith.offers.renderings import words
from powerwith.offers.renderings.base import Rendered, html_document, icon
from powerwith.offers.renderings.easy_phrases import (
    CONSENTS,
    EXPENSES,
    FOCUS,
    LEVEL,
    THEIR_WORDS,
    USES,
)
from powerwith.offers.renderings.words import Content


@dataclass
class Part:
    """One easy-read section: a heading, its icon, and its sentences. ``items`` are
    short listed facts (dates, what you agree to); ``quoted`` is coordinator-written
    text such as an address, shown as theirs."""

    heading: str
    icon: str = ""
    sentences: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    quoted: list[tuple[str, str]] = field(default_factory=list)
    after: list[str] = field(default_factory=list)

    @property
    def picture(self) -> str:
        return icon(self.icon) if self.icon else ""


def _contact_name(content: Content) -> str:
    return str(content["contact"]["name"]) if content["contact"] else "your contact person"


def _first_upper(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def what(content: Content) -> Part:
    part = Part("What you will do", "what")
    part.sentences = [FOCUS[code] for code in content["opportunity"]["focus"] if code in FOCUS]
    if content["opportunity"]["level"] in LEVEL:
        part.sentences.append(LEVEL[content["opportunity"]["level"]])
    if not part.sentences:
        part.sentences.append("You work with them on a piece of work.")
    if content["input_expected"].strip():
        part.after.append("You can read what they ask you to do in their words, below.")
    return part


def where(content: Content) -> Part:
    part = Part("Where", "where")
    location = content["location"]
    if location["mode"] == LocationMode.IN_PERSON:
        part.sentences = ["You meet them in person."]
        part.quoted.append(("The address is:", location["address"]))
    elif location["mode"] == LocationMode.PHONE:
        part.sentences = ["You talk to them on the phone."]
    elif location["mode"] == LocationMode.VIDEO:
        part.sentences = ["You talk to them on a video call."]
    if location["details"].strip():
        label = "Getting there:" if location["mode"] == LocationMode.IN_PERSON else "How to join:"
        part.quoted.append((label, location["details"]))
    return part


def when(content: Content) -> Part:
    part = Part("When", "when")
    found = words.sessions(content)
    lengths = {session.minutes for session in found}
    if len(found) == 1:
        part.sentences.append("There is 1 session.")
    elif found:
        part.sentences.append(f"There are {len(found)} sessions.")
    if len(lengths) == 1:
        part.items = [session.when for session in found]
        part.after.append(f"Each session is {found[0].length} long." if len(found) > 1 else "")
    else:
        part.items = [f"{session.when} ({session.length})" for session in found]
    weekly = words.hours_per_week(content)
    if weekly:
        part.after.append(f"The work is {weekly}.")
    part.after = [sentence for sentence in part.after if sentence]
    return part


def money(content: Content) -> Part:
    part = Part("Money", "money")
    if words.is_voluntary(content):
        part.sentences = ["This work is unpaid.", "You chose to do it as a volunteer."]
    else:
        rate, total = words.rate(content), words.total(content)
        if rate:
            part.sentences.append(f"They pay you {rate}.")
        if total:
            part.sentences.append(f"That is {total}.")
        if words.paid_within(content):
            part.sentences.append(f"They pay you {words.paid_within(content)}.")
        if words.payment_method(content):
            part.sentences.append(f"They pay you {words.payment_method(content)}.")
        part.sentences.extend(words.pay_route_sentences(content))
    if content["benefits_signpost"]:
        part.after = [
            "Money from this work can change your benefits.",
            "You can get free advice about this before you say yes.",
            _first_upper(f"{_contact_name(content)} can help you get advice."),
        ]
    return part


def expenses(content: Content) -> Part:
    part = Part("Expenses", "money")
    covered = content["expenses"]
    if covered.get("travel"):
        part.sentences.append("They pay for your travel.")
        part.sentences.append(
            "They can pay for your travel before the day."
            if covered.get("travel_in_advance")
            else "They pay your travel back to you after the work."
        )
    part.sentences += [sentence for key, sentence in EXPENSES.items() if covered.get(key)]
    if covered and not part.sentences:
        part.sentences.append("They do not pay any expenses.")
    return part


def outputs(content: Content) -> Part:
    part = Part("What happens to your work")
    part.sentences = [sentence for key, sentence in USES.items() if content["output_use"].get(key)]
    if content["output_use"] and not part.sentences:
        part.sentences.append("They do not share your work with anyone.")
    return part


def consent(content: Content) -> Part:
    part = Part("Your consent")
    part.sentences = ["They ask if you agree, before the work starts.", "You can agree:"]
    part.items = [
        CONSENTS.get(scope, scope.replace("_", " ")) for scope in content["consent_needed"]
    ]
    part.after = [
        "They ask you again after the work.",
        "You can change your mind at any time.",
        f"Just tell {_contact_name(content)}.",
    ]
    return part


def support(content: Content) -> Part:
    part = Part("Support")
    if content["support"]["wellbeing_checks"]:
        part.sentences = [
            _first_upper(f"{_contact_name(content)} asks how you are before the work."),
            "They ask again at the end.",
            "They check on you again after the work.",
        ]
    part.sentences += ["You can stop at any time.", "You can take a break at any time."]
    if not words.is_voluntary(content):
        part.sentences.append("They still pay you for the time booked.")
    if content["adjustments"].strip():
        part.sentences.append("They agreed changes to make the work easier for you.")
    if content["support"]["text"].strip() or words.ground_rules(content):
        part.after.append("You can read more about support in their words, below.")
    return part


def who(content: Content) -> Part:
    part = Part("Who to ask", "who")
    contact, backup = content["contact"], content["backup_contact"]
    if contact:
        part.sentences = [
            f"Your contact person is {contact['name']}.",
            f"Their email is {contact['email']}.",
        ]
    if backup:
        part.after = [
            f"If they are away, ask {backup['name']}.",
            f"Their email is {backup['email']}.",
        ]
    return part


def saying_no(content: Content) -> Part:
    return Part(
        "It's OK to say no",
        "say-no",
        sentences=[
            "You do not have to say yes.",
            "You do not have to give a reason.",
            "Saying no will not count against you.",
        ],
    )


def answering(content: Content) -> Part:
    return Part(
        "Saying yes or no",
        "say-no",
        sentences=[
            "You can say yes or no to this offer.",
            "You can ask a question first.",
            "Sign in to powerwith to answer.",
            f"Or tell {_contact_name(content)}.",
        ],
    )


def their_words(content: Content) -> list[tuple[str, str]]:
    """Coordinator-written text, labelled; the default benefits signpost is ours, and the
    easy-read money section already says it in short sentences."""
    texts = {
        "message": content["message"],
        "input_expected": content["input_expected"],
        "purpose": content["opportunity"]["purpose"],
        "success_measures": content["opportunity"]["success_measures"],
        "support": content["support"]["text"],
        "ground_rules": words.ground_rules(content),
        "adjustments": content["adjustments"],
        "benefits_signpost": (
            ""
            if content["benefits_signpost"] == DEFAULT_BENEFITS_SIGNPOST
            else content["benefits_signpost"] or ""
        ),
    }
    return [(label, texts[key]) for key, label in THEIR_WORDS if texts[key].strip()]


def key_facts(content: Content) -> list[Part]:
    """What, where, when, money, who to ask: the box at the top, briefer than the parts."""
    focus = [FOCUS[code] for code in content["opportunity"]["focus"] if code in FOCUS]
    what = Part(
        "What", "what", sentences=focus[:1], quoted=[("Name of the work:", words.title(content))]
    )
    where = Part("Where", "where", sentences=[words.where_short(content)])
    if content["location"]["mode"] == LocationMode.IN_PERSON:
        where.quoted.append(("The address is:", content["location"]["address"]))
    when = Part("When", "when")
    found = words.sessions(content)
    if len(found) == 1:
        when.sentences.append(f"{found[0].when}.")
    elif found:
        when.sentences += [f"{len(found)} sessions.", f"The first is on {found[0].when}."]
    if words.hours_per_week(content):
        when.sentences.append(f"{_first_upper(words.hours_per_week(content) or '')}.")
    money = Part("Money", "money")
    if words.is_voluntary(content):
        money.sentences.append("Unpaid, because you chose to volunteer.")
    elif words.rate(content):
        money.sentences.append(f"They pay you {words.rate(content)}.")
        if words.total(content):
            money.sentences.append(f"That is {words.total(content)}.")
    contact = content["contact"]
    who = Part("Who to ask", "who")
    if contact:
        who.sentences = [f"{contact['name']}.", f"Email: {contact['email']}"]
    return [what, where, when, money, who]


def parts(content: Content) -> list[Part]:
    return [
        what(content),
        where(content),
        when(content),
        money(content),
        expenses(content),
        outputs(content),
        consent(content),
        support(content),
        who(content),
        answering(content),
    ]


def sentences(content: Content) -> list[str]:
    """Every sentence this rendering makes, for checking."""
    found = []
    for part in [*key_facts(content), saying_no(content), *parts(content)]:
        found += part.sentences + part.after
    return found


def render(content: Content) -> Rendered:
    context = {
        "content": content,
        "organisation": content["organisation"],
        "key_facts": key_facts(content),
        "say_no": saying_no(content),
        "parts": parts(content),
        "their_words": their_words(content),
        "contact_name": _contact_name(content),
    }
    return html_document(
        "offers/render/easy_read.html", context, "offer-easy-read.css", "-easy-read.html"
    )
