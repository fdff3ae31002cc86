"""The messages of learning summaries, sent from the worker by each person's own channel
(``powerwith.core.mail``, ADR 012 and 014): an expert who took part is asked to read a
draft and comment on it."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from powerwith.core import mail
from powerwith.evaluation.queries import prefers_easy_read
from powerwith.learning.models import LearningSummary
from powerwith.people.models import Person

send_on_commit = mail.send_on_commit


def draft_link(summary: LearningSummary, person: Person) -> str:
    """The draft in the person's format where there is one: easy read for those who read
    it best (the rule their offers are sent by), the page otherwise."""
    if prefers_easy_read(person):
        path = reverse(
            "learning:summary_file", kwargs={"summary_id": summary.pk, "file_format": "easy-read"}
        )
    else:
        path = reverse("learning:summary", kwargs={"summary_id": summary.pk})
    return f"{settings.SITE_URL}{path}"


@mail.message
def comments_asked(person_id: int, summary_id: int) -> mail.Letter | None:
    person = Person.objects.select_related("user").get(pk=person_id)
    summary = LearningSummary.objects.select_related("organisation").get(pk=summary_id)
    if summary.is_published:
        return None
    link = draft_link(summary, person)
    return mail.Letter(
        EmailMessage(
            subject="Read what we learned, and tell us what you think",
            body=(
                f"Hello {person.preferred_name},\n\n"
                f"{summary.organisation.name} has written a draft of what it learned from "
                "work you took part in. You can read it and leave a comment before it is "
                "published.\n\n"
                "Your comment goes to the coordinator. It is published only if they ask to "
                "quote it and you have agreed to be quoted. You do not have to comment.\n\n"
                f"{link}\n"
            ),
            to=[person.email],
        ),
        mail.Undelivered(
            organisation_id=summary.organisation_id,
            assignee_ids=(summary.created_by_id,),
            about="a draft learning summary",
            to=person.preferred_name,
            link=reverse("learning:summary", kwargs={"summary_id": summary.pk}),
            person_id=person.pk,
        ),
        mail.Recipient(person.pk, "summary_comments", link=link),
    )
