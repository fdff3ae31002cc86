"""One probe for each row of the capability table (``powerwith.core.permissions``): a real
page request, and a real API request where the capability has one, that uses it.

A probe names its request from the ``Values`` of a world made through the real services
(``tests/test_permissions.py`` makes it): every value of the every-page audit
(``tests/routes.py``), made for the Riverside cast with Alex as the expert, and a few of
its own. Sam, a second expert, is at work twice: once where the contact person is
appointed (his wellbeing check, his offer with a question, an output), and once where
they are not (his adjustment, a session only those who oversee all the work may open).
So a probe asked as Alex, or as the contact person, is never let in by being the person
themself or the appointed contact, unless that is what the capability is about.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponseBase
from django.urls import reverse
from django.utils import timezone

from powerwith.core.permissions import Capability
from powerwith.evaluation.readiness import FACTORS

Values = dict[str, Any]


@dataclass(frozen=True)
class Ask:
    """One request, and how to tell that the role was let in.

    ``done`` are the statuses of an answer that went through: for a page, a 2xx or a 3xx
    for a read, and the redirect of a write (a form shown again with an error is not
    done); for the API, a 2xx. ``shown``, when given, must also hold of the answer: a
    page that shows less to some roles lets them in only when it shows what was asked
    for."""

    method: str
    path: str
    body: Any = None
    done: tuple[int, ...] = ()
    shown: Callable[[HttpResponseBase], bool] | None = None


@dataclass(frozen=True)
class Probe:
    page: Callable[[Values], Ask] | None = None
    api: Callable[[Values], Ask] | None = None


def page(name: str, method: str = "GET", body: Any = None, **kwargs: Any) -> Ask:
    """A page by its route name; ``kwargs`` name the Values entry of each URL parameter."""
    done = tuple(range(200, 400)) if method == "GET" else (302, 303)
    return Ask(method, reverse(name, kwargs=kwargs), body, done)


def api(method: str, path: str, body: Any = None) -> Ask:
    return Ask(method, f"/api/v1{path}", body, tuple(range(200, 300)))


def names_alex(response: HttpResponseBase) -> bool:
    return b"alex@people.example" in response.content  # type: ignore[attr-defined]


def lists_an_expert(response: HttpResponseBase) -> bool:
    return any(m["role"] == "expert" for m in json.loads(response.content))  # type: ignore[attr-defined]


def _check_page() -> dict[str, Any]:
    day = timezone.localdate()
    return {
        "kind": "induction",
        "done_on_0": day.day,
        "done_on_1": day.month,
        "done_on_2": day.year,
    }


def _readiness(v: Values) -> dict[str, Any]:
    review = timezone.localdate() + dt.timedelta(days=30)
    return {"ratings": {f.code: f.ratings[0][0] for f in FACTORS}, "review_date": str(review)}


def _rate(v: Values) -> dict[str, Any]:
    day = timezone.localdate()
    return {
        "basis": "hourly",
        "amount": "31",
        "valid_from_0": day.day,
        "valid_from_1": day.month,
        "valid_from_2": day.year,
    }


P = Capability
PROBES: dict[Capability, Probe] = {
    # A page that only reads: an empty POST reaches it, except for the read-only auditor.
    P.MAKE_CHANGES: Probe(
        page=lambda v: Ask("POST", reverse("people:benefits_advice"), {}, (200,)),
    ),
    P.WORK_AS_STAFF: Probe(page=lambda v: page("inbox:action_needed")),
    P.SEE_MEMBERS: Probe(
        page=lambda v: page("accounts:members"), api=lambda v: api("GET", "/members")
    ),
    P.SEE_NAMES: Probe(
        page=lambda v: Ask("GET", reverse("accounts:members"), done=(200,), shown=names_alex),
        api=lambda v: Ask("GET", "/api/v1/members", done=(200,), shown=lists_an_expert),
    ),
    P.MANAGE_MEMBERS: Probe(
        page=lambda v: page("accounts:invite"),
        api=lambda v: api("PATCH", f"/members/{v['contact_user_id']}", {"role": "contact"}),
    ),
    P.READ_AUDIT_LOG: Probe(page=lambda v: page("accounts:audit_log")),
    P.CHANGE_SETTINGS: Probe(
        page=lambda v: page("accounts:organisation_settings"),
        api=lambda v: api("GET", "/organisation/retention"),
    ),
    P.CLOSE_ANYONES_TASKS: Probe(
        page=lambda v: page("inbox:action_done", "POST", {}, action_id=v["others_task_id"]),
        api=lambda v: api("POST", f"/action-needed/{v['others_task_id']}/done"),
    ),
    P.READ_REGISTER: Probe(
        page=lambda v: page("people:register"), api=lambda v: api("GET", f"/people/{v['sam_id']}")
    ),
    P.KEEP_DEVELOPMENT_PLANS: Probe(
        page=lambda v: page("evaluation:person_development", dev_person_id=v["dev_person_id"]),
    ),
    P.ERASE_PEOPLE: Probe(
        page=lambda v: page("privacy:erase_person", erase_person_id=v["erase_person_id"]),
        api=lambda v: api(
            "POST", f"/people/{v['erase_person_id']}/erase", {"how_asked": "By letter"}
        ),
    ),
    P.READ_OPPORTUNITIES: Probe(
        page=lambda v: page("opportunities:list"), api=lambda v: api("GET", "/opportunities")
    ),
    P.MANAGE_OPPORTUNITIES: Probe(
        page=lambda v: page("opportunities:new"),
        api=lambda v: api("POST", "/opportunities", {"title": "Probe"}),
    ),
    P.SEE_MATCHES: Probe(
        page=lambda v: page("opportunities:matches", opportunity_id=v["opportunity_id"]),
        api=lambda v: api("GET", f"/opportunities/{v['opportunity_id']}/matches"),
    ),
    P.READ_RATES: Probe(page=lambda v: page("opportunities:rates")),
    P.SET_RATES: Probe(page=lambda v: page("opportunities:rates", "POST", _rate(v))),
    P.MANAGE_OFFERS: Probe(
        page=lambda v: page("offers:create", opportunity_id=v["opportunity_id"]),
        api=lambda v: api(
            "POST", f"/opportunities/{v['opportunity_id']}/offers", {"person_id": v["person_id"]}
        ),
    ),
    P.ANSWER_QUESTIONS: Probe(
        page=lambda v: page(
            "offers:offer_answer", "POST", {"text": "Yes."}, offer_id=v["asked_offer_id"]
        ),
        api=lambda v: api("POST", f"/offers/{v['asked_offer_id']}/answers", {"text": "Yes."}),
    ),
    P.CHECK_CLARITY: Probe(page=lambda v: page("offers:clarity_check")),
    P.OVERSEE_ALL_WORK: Probe(
        page=lambda v: page("engagements:session", session_id=v["unappointed_session_id"]),
        api=lambda v: api("GET", f"/sessions/{v['unappointed_session_id']}"),
    ),
    P.CARE_FOR_PEOPLE: Probe(
        page=lambda v: page("engagements:wellbeing_check_staff", check_id=v["sam_check_id"]),
        api=lambda v: api(
            "POST",
            "/stop",
            {
                "opportunity_id": v["appointed_opportunity_id"],
                "session_id": v["appointed_session_id"],
                "person_id": v["sam_id"],
                "kind": "time_out",
            },
        ),
    ),
    P.MANAGE_SESSIONS: Probe(
        page=lambda v: page("engagements:session_new", opportunity_id=v["opportunity_id"]),
        api=lambda v: api(
            "POST",
            f"/sessions/{v['unappointed_session_id']}/bookings",
            {"person_id": v["sam_id"]},
        ),
    ),
    P.ARRANGE_ADJUSTMENTS: Probe(
        page=lambda v: page(
            "engagements:adjustment_confirm", "POST", {}, adjustment_id=v["sam_adjustment_id"]
        ),
        api=lambda v: api("POST", f"/adjustments/{v['sam_adjustment_id']}/confirm"),
    ),
    P.RECORD_CONSENT_FOR_PERSON: Probe(
        page=lambda v: page(
            "offers:offer_leave", "POST", {"method": "verbal"}, leaving_offer_id=v["asked_offer_id"]
        ),
        api=lambda v: api(
            "POST",
            f"/people/{v['sam_id']}/consents",
            {"scope": "keep_contact", "action": "grant", "method": "verbal"},
        ),
    ),
    P.VERIFY_LEDGER: Probe(api=lambda v: api("GET", "/consent-ledger/verify")),
    P.MANAGE_OUTPUTS: Probe(
        page=lambda v: page("consent:output_new"),
        api=lambda v: api(
            "POST",
            "/outputs",
            {
                "opportunity_id": v["appointed_opportunity_id"],
                "title": "Probe",
                "kind": "narrative",
                "contributors": [v["sam_id"]],
                "uses": ["share_internally"],
            },
        ),
    ),
    P.LOOK_AFTER_OUTPUTS: Probe(
        page=lambda v: page("consent:output", output_id=v["appointed_output_id"]),
        api=lambda v: api("GET", f"/outputs/{v['appointed_output_id']}"),
    ),
    P.MANAGE_CLAIMS: Probe(
        page=lambda v: page("payments:claims"), api=lambda v: api("GET", "/payments/timeliness")
    ),
    P.READ_EVALUATION: Probe(
        page=lambda v: page(
            "evaluation:opportunity_feedback",
            evaluation_opportunity_id=v["evaluation_opportunity_id"],
        ),
        api=lambda v: api("GET", f"/opportunities/{v['evaluation_opportunity_id']}/feedback"),
    ),
    P.WRITE_EVALUATION: Probe(
        page=lambda v: page(
            "evaluation:opportunity_feedback_ask",
            "POST",
            {},
            evaluation_opportunity_id=v["evaluation_opportunity_id"],
        ),
    ),
    P.READ_READINESS: Probe(
        page=lambda v: page("evaluation:readiness"), api=lambda v: api("GET", "/readiness")
    ),
    P.ASSESS_READINESS: Probe(
        page=lambda v: page("evaluation:readiness_new"),
        api=lambda v: api("POST", "/readiness", _readiness(v)),
    ),
    P.READ_TRAINING_EVIDENCE: Probe(
        page=lambda v: page("reports:training_courses"),
        api=lambda v: api(
            "GET", f"/opportunities/{v['training_opportunity_id']}/training-evidence"
        ),
    ),
    P.RECORD_TRAINING_EVIDENCE: Probe(
        page=lambda v: page(
            "reports:training_evidence_record",
            training_opportunity_id=v["training_opportunity_id"],
        ),
    ),
    P.RECORD_CHECKS: Probe(
        page=lambda v: page(
            "safe_to_work:person_checks", "POST", _check_page(), person_id=v["person_id"]
        ),
        api=lambda v: api(
            "PUT",
            f"/people/{v['person_id']}/checks",
            {"items": [{"kind": "induction", "done_on": str(timezone.localdate())}]},
        ),
    ),
    P.READ_OUTCOMES: Probe(
        page=lambda v: page("outcomes:outcomes"), api=lambda v: api("GET", "/services")
    ),
    P.RECORD_OUTCOMES: Probe(
        page=lambda v: page("outcomes:outcome_service_new"),
        api=lambda v: api("POST", "/services", {"name": "Probe Ward"}),
    ),
    P.READ_SCORECARDS: Probe(
        page=lambda v: page("reports:dashboard"),
        api=lambda v: api("GET", f"/opportunities/{v['scorecard_opportunity_id']}/scorecard"),
    ),
}


# The person's own actions, asked by staff on the person's word (``on_behalf``): each goes
# through for exactly the roles that may record what a person told them
# (``RECORD_CONSENT_FOR_PERSON``; the contact person as the one appointed to Nia's work),
# and is refused for everyone else, the person's own role included. Their values are
# Nia's, who has no login (tests/browser/page_values/on_behalf.py); the isolation battery
# asks them again with another organisation's Nia.
BY_PHONE = {"method": "phone", "note": "They rang the office."}
ON_BEHALF_GOVERNED_BY = P.RECORD_CONSENT_FOR_PERSON
ON_BEHALF: dict[str, Callable[[Values], Ask]] = {
    "accept an offer": lambda v: api(
        "POST", f"/offers/{v['word_sent_offer_id']}/accept", {"on_behalf": BY_PHONE}
    ),
    "decline an offer": lambda v: api(
        "POST", f"/offers/{v['word_sent_offer_id']}/decline", {"on_behalf": BY_PHONE}
    ),
    "answer a wellbeing check": lambda v: api(
        "POST", f"/wellbeing-checks/{v['word_check_id']}", {"feeling": 4, "on_behalf": BY_PHONE}
    ),
    "take time out": lambda v: api(
        "POST",
        "/stop",
        {
            "opportunity_id": v["word_opportunity_id"],
            "session_id": v["word_session_id"],
            "person_id": v["word_person_id"],
            "kind": "time_out",
            "on_behalf": BY_PHONE,
        },
    ),
    "ask for an adjustment": lambda v: api(
        "POST",
        f"/sessions/{v['word_session_id']}/adjustments",
        {"person_id": v["word_person_id"], "details": "A quiet room.", "on_behalf": BY_PHONE},
    ),
    "make a claim": lambda v: api(
        "POST",
        "/claims",
        {
            "offer_id": v["word_worked_offer_id"],
            "kind": "time",
            "session_id": v["word_session_id"],
            "on_behalf": BY_PHONE,
        },
    ),
    "give feedback": lambda v: api(
        "POST",
        f"/offers/{v['word_finished_offer_id']}/feedback",
        {"answers": {}, "comments": "A good day.", "on_behalf": BY_PHONE},
    ),
}
