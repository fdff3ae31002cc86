"""The send gate: an offer is sent only once it states every element the charter asks of
it (``content.missing``), says nothing the charter rules out — speculation, promises,
vague amounts or times, wherever they are written, and whatever is acknowledged — and its
other clarity warnings, about style, have been read and acknowledged."""

from __future__ import annotations

from typing import Any

from powerwith.core.errors import Conflict
from powerwith.offers import checks as offer_checks
from powerwith.offers import content


class SendRefused(Conflict):
    """The send gate's refusal, for the page's error summary and the API's 409: what the
    offer leaves out (``missing``), what it must not say (``blocking``), and its clarity
    ``warnings`` (the blocking ones too, while there are any; else the ones about style
    still to be acknowledged), and why the person may not do the work yet (``unsafe``: a
    required check missing or expired, ``safe_to_work``)."""

    def __init__(
        self,
        message: str,
        *,
        missing: list[str] | None = None,
        blocking: list[dict[str, Any]] | None = None,
        warnings: list[dict[str, Any]],
        unsafe: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.missing = missing or []
        self.blocking = blocking or []
        self.warnings = warnings
        self.unsafe = unsafe or []


def check(snapshot: dict[str, Any], *, offer_id: int, acknowledged: bool) -> list[dict[str, Any]]:
    """Refuse with ``SendRefused``, or answer the style warnings the sender acknowledged."""
    gaps = content.missing(snapshot)
    findings = offer_checks.clarity_findings(snapshot, offer_id=offer_id)
    blocking = offer_checks.blocking_in(findings)
    if gaps or blocking:
        raise SendRefused(
            _cannot_send(gaps, blocking),
            missing=gaps,
            blocking=blocking,
            warnings=offer_checks.warnings_in(findings),
        )
    warnings = offer_checks.style_warnings_in(findings)
    if warnings and not acknowledged:
        count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        raise SendRefused(
            f"The clarity checker has {count} about the offer's wording. Read them, then "
            "change the wording or confirm you have read them before you send the offer.",
            warnings=warnings,
        )
    return warnings


def check_safe_to_work(name: str, reasons: list[str]) -> None:
    """Refuse while a check the work requires is missing or expired: the person would be
    offered work they cannot be booked into."""
    if reasons:
        raise SendRefused(
            f"The offer cannot be sent until {name}'s checks for this work are up to date: "
            + "; ".join(reasons)
            + ".",
            warnings=[],
            unsafe=reasons,
        )


def _cannot_send(gaps: list[str], blocking: list[dict[str, Any]]) -> str:
    sentences = []
    if gaps:
        labels = "; ".join(content.REQUIRED_ELEMENTS[code] for code in gaps)
        sentences.append(f"The offer cannot be sent until it states: {labels}.")
    if blocking:
        sentences.append(
            "The offer cannot be sent while it says something speculative or promised, or "
            "leaves an amount or a time vague, even with the warnings acknowledged. Change: "
            + "; ".join(finding["summary"] for finding in blocking)
            + "."
        )
    return " ".join(sentences)
