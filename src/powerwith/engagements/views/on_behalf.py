"""Staff recording a person's answer to a wellbeing check that the person gave them
another way: on the phone, in person, by letter or through a supporter."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refused_status,
)
from powerwith.engagements.forms.wellbeing import RecordCheckForm
from powerwith.engagements.queries import wellbeing as queries
from powerwith.engagements.services.wellbeing import kind_words
from powerwith.workflows import on_behalf


@membership_required
def record_check(request: Request, check_id: int) -> HttpResponse:
    membership = membership_of(request)
    check = queries.get_check_for(membership, check_id)
    person = check.attendance.person
    back = reverse("engagements:wellbeing_check_staff", kwargs={"check_id": check.pk})
    form = RecordCheckForm(posted(request))
    status = form_status(form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            on_behalf.answer_wellbeing_check(
                check,
                by=membership,
                word=form.word(),
                feeling=data["feeling"],
                note=data["note"],
                wants_support=data["wants_support"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(request, f"The check for {person.preferred_name} is recorded.")
            return redirect(back)
    session = check.attendance.session
    context = {
        "person": person,
        "form": form,
        "caption": f"{session.opportunity.title}, {session.starts_at:%d %B %Y}",
        "what": f"Their answer to their wellbeing check {kind_words(check.kind)}. "
        "Use their words, and do not ask them to explain their answer.",
        "back": back,
        "refused": "This check has already been answered."
        if check.is_done
        else on_behalf.refusal_for(membership, person),
    }
    return render(request, "includes/record_word.html", context, status=status)
