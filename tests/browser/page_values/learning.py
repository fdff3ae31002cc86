"""Every-page values for sharing the learning: a draft learning summary of work the
expert took part in (so the expert sees it too, with the comment form) and the expert's
comment on it (so the coordinator sees it beside the draft, with its quote button), and
a summary imported from another installation."""

from __future__ import annotations

import json
from typing import Any

from powerwith.accounts.models import Membership
from powerwith.learning import services
from powerwith.learning.sections import document_of, reading_of
from tests.browser.page_values import PartCast
from tests.workflows.factories import agreed_offer

NOT_PAGES = {
    "learning:summary_file": "the summary as a file (PDF, easy read, web page, JSON): "
    "tests/browser/test_learning_journey.py audits the HTML ones",
    "learning:schema": "the JSON Schema of the summary document",
    "learning:benchmarks_csv": "the network benchmarks as a CSV download",
    "learning:summary_draft": "the form's action on the summaries page (a GET goes back there)",
    "learning:summary_publish": "the publish button's action (a GET goes back to the summary)",
    "learning:summary_comment": "the comment form's action (a GET goes back to the summary)",
    "learning:summary_draft_period": "the period form's action on the summaries page (a GET "
    "goes back there)",
    "learning:summary_ask": "the ask-for-comments button's action (a GET goes back to the summary)",
    "learning:comment_quote": "the quote button's action (a GET goes back to the summary)",
}


def values(cast: PartCast) -> dict[str, Any]:
    offer = agreed_offer(cast.coordinator, cast.expert)
    summary = services.draft_summary(by=cast.coordinator, opportunity=offer.opportunity)
    assert cast.expert.user is not None
    expert = Membership.objects.get(user=cast.expert.user, organisation=summary.organisation)
    comment = services.comment_on_summary(by=expert, summary=summary, text="It reads fairly.")
    document = document_of(reading_of(summary))
    document["status"] = "published"
    imported = services.import_summary(by=cast.coordinator, raw=json.dumps(document))
    return {
        "summary_id": summary.pk,
        "comment_id": comment.pk,
        "imported_id": imported.pk,
        "file_format": "html",
    }
