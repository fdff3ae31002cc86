"""A receipt for every consent event: what the person agreed to or withdrew, when, how,
and how to change it — as a page, an easy-read PDF (tagged PDF/UA) and JSON.

The JSON follows the structure of ISO/IEC TS 27560 consent records and the Kantara
Consent Receipt: the parties (controller = the organisation; principal = a pseudonymous
person id, never a name), the purposes, the processing, and the event with its date and
method. It carries the event's ledger hash, so anyone can check it against the chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from powerwith.consent import ledger
from powerwith.consent.models import Action, ConsentEvent, Method, Output
from powerwith.consent.queries import state_of
from powerwith.consent.wording import Scope, wording_for, wording_shown
from powerwith.core.times import clock

SCHEMA = "powerwith consent receipt (ISO/IEC TS 27560:2023 record; Kantara Consent Receipt 1.1)"
VERSION = "1.1.0"

EVENT_TYPE: dict[str, str] = {
    Action.GRANT: "given",
    Action.WITHDRAW: "withdrawn",
    Action.RECONFIRM: "reconfirmed",
}

# What personal data each scope concerns, in words a receipt can show.
DATA: dict[str, list[str]] = {
    Scope.TAKE_PART: ["contact details", "access needs", "attendance"],
    Scope.SHARE_NARRATIVE: ["personal story, which may include health and care experience"],
    Scope.BE_RECORDED: ["voice and image"],
    Scope.BE_QUOTED: ["your words", "your name, if you choose to be named"],
    Scope.PUBLISH: ["what you contributed"],
    Scope.DISTRIBUTE: ["what you contributed"],
    Scope.MONETISE: ["what you contributed"],
    Scope.KEEP_CONTACT: ["contact details"],
    Scope.SHARE_PROFILE: ["the parts of your profile you choose to share"],
}
# Who else may see the data under each scope.
DISCLOSED = frozenset({Scope.PUBLISH, Scope.DISTRIBUTE, Scope.MONETISE})

# Only inline data may load into the PDF; nothing from the network or the disk.
_FETCHER = URLFetcher(allowed_protocols=("data",))


@dataclass(frozen=True)
class Receipt:
    event: ConsentEvent
    scope_label: str
    wording: str
    event_type: str
    when: str
    method: str
    by_self: bool
    opportunity_title: str
    output_title: str
    state_now: str
    months: int

    @property
    def what(self) -> str:
        verb = {
            "given": "You agreed",
            "withdrawn": "You withdrew",
            "reconfirmed": "You agreed again",
        }
        return f"{verb[self.event_type]}: {self.scope_label}."


def _day_and_time(event: ConsentEvent) -> str:
    local = timezone.localtime(event.created_at)
    return f"{date_format(local, 'j F Y')} at {clock(local)}"


def receipt(event: ConsentEvent) -> Receipt:
    output_title = ""
    if event.output_id is not None:
        output_title = (
            Output.objects.filter(pk=event.output_id, organisation_id=event.organisation_id)
            .values_list("title", flat=True)
            .first()
            or ""
        )
    now = state_of(
        event.person, event.organisation, event.scope, event.opportunity_id, event.output_id
    )
    return Receipt(
        event=event,
        scope_label=Scope(event.scope).label,
        # The words this event's hash proves were shown; the current ones only if the
        # record holds a wording nobody kept (which the ledger tests rule out).
        wording=wording_shown(event.scope, event.wording_hash) or wording_for(event.scope),
        event_type=EVENT_TYPE[event.action],
        when=_day_and_time(event),
        method=Method(event.method).label,
        by_self=event.method == Method.SELF,
        opportunity_title=event.opportunity.title if event.opportunity else "",
        output_title=output_title,
        state_now=now.state if now else "",
        months=event.organisation.reconfirm_months,
    )


def how_to_change(found: Receipt) -> str:
    organisation = found.event.organisation.name
    if found.event.action == Action.WITHDRAW:
        again = (
            "To agree again to take part, open the offer of work on your “Your offers” page "
            "and give your consent there"
            if found.event.scope == Scope.TAKE_PART
            else "To agree again, tell your contact person, or answer again when you are asked"
        )
        return (
            f"You can change your mind at any time. {again}, or tell your contact person at "
            f"{organisation}. Nothing you agreed before this withdrawal is used again until "
            "you agree again."
        )
    return (
        "You can change your mind at any time. Withdraw in one step on your “Your consents” "
        f"page, or tell your contact person at {organisation}. You do not have to give a "
        f"reason. A consent you give holds for {found.months} months; after that you are "
        "asked to agree again."
    )


def _iso(moment: Any) -> str:
    return str(moment.astimezone(UTC).isoformat(timespec="seconds"))


def receipt_json(event: ConsentEvent) -> dict[str, Any]:
    found = receipt(event)
    organisation = event.organisation
    my_consents = settings.SITE_URL + reverse("consent:my_consents")
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "receipt_id": f"urn:powerwith:consent-receipt:{event.hash}",
        "event_id": event.pk,
        "language": "en-GB",
        "jurisdiction": "GB",
        "timestamps": {"recorded": _iso(event.created_at), "issued": _iso(timezone.now())},
        "controller": {
            "id": f"urn:powerwith:organisation:{organisation.pk}",
            "name": organisation.name,
        },
        "principal": {"id": f"urn:powerwith:person:{event.person_id}", "id_type": "pseudonymous"},
        "purposes": [
            {
                "scope": event.scope,
                "purpose": found.scope_label,
                "statement": found.wording,
                "statement_sha256": event.wording_hash,
                "context": {
                    "opportunity_id": event.opportunity_id,
                    "opportunity": found.opportunity_title or None,
                    "output_id": event.output_id,
                    "output": found.output_title or None,
                },
            }
        ],
        "processing": {
            "legal_basis": "consent",
            "consent_type": "explicit",
            "personal_data": DATA.get(event.scope, []),
            "special_category_data": event.scope in (Scope.SHARE_NARRATIVE, Scope.BE_RECORDED),
            "third_party_disclosure": event.scope in DISCLOSED,
            "duration": f"until withdrawn, or {found.months} months without reconfirming",
        },
        "event": {
            "type": found.event_type,
            "action": event.action,
            "date": _iso(event.created_at),
            "method": event.method,
            "method_description": found.method,
            "recorded_by": "self" if found.by_self else "staff on the person's behalf",
        },
        "state_now": found.state_now or None,
        "how_to_change": {"text": how_to_change(found), "url": my_consents},
        "ledger": {
            "hash": event.hash,
            "previous_hash": event.previous_hash,
            "algorithm": "SHA-256",
            "seal": ledger.receipt_seal(event),
            "verify": settings.SITE_URL + "/api/v1/consent-ledger/verify",
        },
    }


def receipt_easy_read_html(event: ConsentEvent) -> str:
    """The receipt in easy read, as the page the PDF is made from."""
    found = receipt(event)
    return render_to_string(
        "consent/receipt_easy_read.html",
        {
            "receipt": found,
            "how_to_change": how_to_change(found),
            "organisation": event.organisation,
        },
    )


def receipt_pdf(event: ConsentEvent) -> bytes:
    """The receipt in easy read, as a tagged PDF/UA document."""
    html = receipt_easy_read_html(event)
    pdf = HTML(string=html, url_fetcher=_FETCHER).write_pdf(pdf_variant="pdf/ua-1")
    assert isinstance(pdf, bytes)  # write_pdf answers the bytes when it has no target
    return pdf
