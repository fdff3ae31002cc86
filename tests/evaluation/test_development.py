"""Development plans: the person's goals, what each organisation offers, and progress
kept as dated notes. Each organisation sees only its own actions, and the goals only
when the person shares their details with it."""

from __future__ import annotations

import pytest
from django.core import mail

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.evaluation.models.development import DevelopmentAction, DevelopmentNote
from powerwith.evaluation.services.development import (
    comment_on_action,
    offer_action,
    record_progress,
)
from powerwith.people.models import OrganisationLink, Person
from tests.conftest import logged_in, make_expert

GOALS = {
    "personal_goals": "Feel confident speaking to a room of people.",
    "professional_goals": "Train ward staff alongside a clinician.",
}


def _with_goals(person: Person) -> Person:
    Person.objects.filter(pk=person.pk).update(**GOALS)
    person.refresh_from_db()
    return person


def _offered(by, person, code="public_speaking", details="Six coaching sessions."):
    return offer_action(by=by, person=person, code=code, details=details)


def test_a_coordinator_offers_an_action_and_records_progress(
    client, riverside_coordinator, expert_at_riverside
):
    person = _with_goals(expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/people/{person.pk}/development/").content.decode()
    assert "Feel confident speaking to a room of people." in page
    response = client.post(
        f"/people/{person.pk}/development/",
        {"code": "public_speaking", "details": "Six sessions with a coach."},
    )
    assert response.status_code == 302
    action = DevelopmentAction.objects.get()
    assert (action.organisation, action.person, action.code) == (
        riverside_coordinator.organisation,
        person,
        "public_speaking",
    )
    response = client.post(
        f"/people/{person.pk}/development/{action.pk}/",
        {"status": "under_way", "note": "First two sessions done."},
    )
    assert response.status_code == 302
    note = DevelopmentNote.objects.get()
    assert (note.status, note.text, note.written_by) == (
        "under_way",
        "First two sessions done.",
        riverside_coordinator.user,
    )
    plan = client.get(f"/people/{person.pk}/development/").content.decode()
    assert "Coaching in public speaking" in plan
    assert "Under way" in plan
    assert set(AuditEvent.objects.values_list("action", flat=True)) >= {
        "development.action_offered",
        "development.progress_recorded",
    }


def test_progress_is_appended_and_earlier_notes_stay(riverside_coordinator, expert_at_riverside):
    action = _offered(riverside_coordinator, expert_at_riverside)
    record_progress(by=riverside_coordinator, action=action, status="under_way", note="Started.")
    record_progress(by=riverside_coordinator, action=action, status="done", note="Finished.")
    notes = list(action.notes.order_by("id"))
    assert [(n.status, n.text) for n in notes] == [("under_way", "Started."), ("done", "Finished.")]
    notes[0].text = "Changed."
    with pytest.raises(ValueError, match="kept as it was written"):
        notes[0].save()
    assert "Started." in [note.text for note in DevelopmentNote.objects.all()]  # encrypted


def test_a_note_without_a_change_of_progress_is_kept_as_a_note(
    riverside_coordinator, expert_at_riverside
):
    action = _offered(riverside_coordinator, expert_at_riverside)
    record_progress(by=riverside_coordinator, action=action, status="not_started", note="Booked.")
    note = DevelopmentNote.objects.get()
    assert (note.status, note.text) == ("", "Booked.")


def test_the_same_progress_with_no_note_is_refused_and_nothing_is_written(
    client, riverside_coordinator, expert_at_riverside
):
    action = _offered(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/people/{expert_at_riverside.pk}/development/{action.pk}/",
        {"status": "not_started", "note": ""},
    )
    assert response.status_code == 400
    assert "Change the progress, or write a note" in response.content.decode()
    assert not DevelopmentNote.objects.exists()


def test_an_unknown_action_code_is_a_clear_error_and_nothing_is_written(
    client, riverside_coordinator, expert_at_riverside
):
    with pytest.raises(InvalidInput) as refused:
        _offered(riverside_coordinator, expert_at_riverside, code="juggling")
    assert refused.value.field == "code"
    assert "juggling is not one of the actions we offer" in refused.value.message
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/people/{expert_at_riverside.pk}/development/", {"code": "juggling", "details": ""}
    )
    assert response.status_code == 400
    assert "Choose one of the actions in the list" in response.content.decode()
    assert not DevelopmentAction.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="development.").exists()


def test_something_else_needs_details(riverside_coordinator, expert_at_riverside):
    with pytest.raises(InvalidInput, match="Say what the action is"):
        _offered(riverside_coordinator, expert_at_riverside, code="other", details=" ")
    assert not DevelopmentAction.objects.exists()


def test_an_unknown_progress_is_refused(riverside_coordinator, expert_at_riverside):
    action = _offered(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match="not started, under way or done"):
        record_progress(by=riverside_coordinator, action=action, status="finished")
    assert not DevelopmentNote.objects.exists()


def test_progress_on_another_organisations_action_is_refused_and_nothing_is_written(
    client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    action = _offered(riverside_coordinator, expert_at_both)
    with pytest.raises(InvalidInput, match="not offered by your organisation"):
        record_progress(by=hillview_coordinator, action=action, status="done", note="Done.")
    logged_in(client, hillview_coordinator.user)
    url = f"/people/{expert_at_both.pk}/development/{action.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "done", "note": "Done."}).status_code == 404
    assert not DevelopmentNote.objects.exists()


def test_an_action_for_someone_who_does_not_work_with_us_is_refused(
    riverside_coordinator, hillview
):
    elsewhere = make_expert("kim@people.example", "Kim", hillview)
    with pytest.raises(InvalidInput, match="does not work with your organisation"):
        _offered(riverside_coordinator, elsewhere)
    assert not DevelopmentAction.objects.exists()


def test_another_organisations_staff_cannot_reach_the_plan(
    client, riverside_coordinator, hillview_coordinator, hillview_admin, expert_at_riverside
):
    action = _offered(riverside_coordinator, expert_at_riverside)
    for member in (hillview_coordinator, hillview_admin):
        logged_in(client, member.user)
        assert client.get(f"/people/{expert_at_riverside.pk}/development/").status_code == 404
        assert (
            client.post(
                f"/people/{expert_at_riverside.pk}/development/", {"code": "training"}
            ).status_code
            == 404
        )
        url = f"/people/{expert_at_riverside.pk}/development/{action.pk}/"
        assert client.get(url).status_code == 404
    assert DevelopmentAction.objects.count() == 1


@pytest.mark.parametrize("role", ["riverside_contact", "riverside_auditor"])
def test_only_coordinators_and_admins_see_a_persons_plan(
    client, request, role, riverside_coordinator, expert_at_riverside
):
    member = request.getfixturevalue(role)
    logged_in(client, member.user)
    assert client.get(f"/people/{expert_at_riverside.pk}/development/").status_code == 404


def test_an_admin_sees_and_updates_the_plan(
    client, riverside_coordinator, riverside_admin, expert_at_riverside
):
    action = _offered(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_admin.user)
    assert client.get(f"/people/{expert_at_riverside.pk}/development/").status_code == 200
    response = client.post(
        f"/people/{expert_at_riverside.pk}/development/{action.pk}/", {"status": "done"}
    )
    assert response.status_code == 302
    assert DevelopmentNote.objects.get().written_by == riverside_admin.user


def test_each_organisation_sees_only_the_actions_it_offered(
    client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    _offered(riverside_coordinator, expert_at_both, code="mentoring", details="A peer mentor.")
    ours = _offered(hillview_coordinator, expert_at_both, code="it_support", details="A laptop.")
    logged_in(client, hillview_coordinator.user)
    page = client.get(f"/people/{expert_at_both.pk}/development/").content.decode()
    assert "A laptop." in page
    assert "A peer mentor." not in page
    riverside_action = DevelopmentAction.objects.exclude(pk=ours.pk).get()
    url = f"/people/{expert_at_both.pk}/development/{riverside_action.pk}/"
    assert client.get(url).status_code == 404


def test_goals_are_shown_only_to_an_organisation_the_person_shares_details_with(
    client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    person = _with_goals(expert_at_both)
    OrganisationLink.objects.filter(
        person=person, organisation=hillview_coordinator.organisation
    ).update(sharing="summary")
    logged_in(client, hillview_coordinator.user)
    page = client.get(f"/people/{person.pk}/development/").content.decode()
    assert page.count("Feel confident speaking") == 0
    assert "shares only a summary of their profile" in page
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/people/{person.pk}/development/").content.decode()
    assert "Feel confident speaking to a room of people." in page


def test_the_person_sees_their_whole_plan_and_comments_on_it(
    client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    person = _with_goals(expert_at_both)
    action = _offered(riverside_coordinator, person, details="Six coaching sessions.")
    _offered(hillview_coordinator, person, code="training", details="A course on co-production.")
    assert person.user is not None
    logged_in(client, person.user)
    page = client.get("/my-development/").content.decode()
    for text in (
        "Train ward staff alongside a clinician.",
        "Six coaching sessions.",
        "A course on co-production.",
        "Riverside Care Partnership",
        "Hillview Health NHS Foundation Trust",
    ):
        assert text in page
    response = client.post(f"/my-development/{action.pk}/", {"text": "Can we do it online?"})
    assert response.status_code == 302
    note = DevelopmentNote.objects.get()
    assert (note.by_person, note.status, note.written_by) == (True, "", person.user)
    logged_in(client, riverside_coordinator.user)
    staff_page = client.get(f"/people/{person.pk}/development/{action.pk}/").content.decode()
    assert "Can we do it online?" in staff_page


def test_whoever_offered_the_action_is_told_of_a_comment_without_its_words(
    client, django_capture_on_commit_callbacks, riverside_coordinator, expert_at_riverside
):
    action = _offered(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/my-development/{action.pk}/", {"text": "I would rather have a mentor."})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@riverside.example"]
    assert message.subject == "Alex commented on their development plan"
    assert f"/people/{expert_at_riverside.pk}/development/{action.pk}/" in message.body
    assert "rather have a mentor" not in message.body


def test_an_empty_comment_is_refused_and_nothing_is_written(
    client, riverside_coordinator, expert_at_riverside
):
    action = _offered(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    response = client.post(f"/my-development/{action.pk}/", {"text": "  "})
    assert response.status_code == 400
    assert "Write your comment" in response.content.decode()
    assert not DevelopmentNote.objects.exists()


def test_nobody_else_reads_or_comments_on_a_persons_action(
    client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    action = _offered(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_both.user)
    assert client.get(f"/my-development/{action.pk}/").status_code == 404
    assert client.post(f"/my-development/{action.pk}/", {"text": "Hello"}).status_code == 404
    logged_in(client, riverside_coordinator.user)
    assert client.get(f"/my-development/{action.pk}/").status_code == 404
    with pytest.raises(NotAllowed):
        comment_on_action(user=expert_at_both.user, action=action, text="Hello")
    assert not DevelopmentNote.objects.exists()


def test_staff_without_a_profile_have_no_development_page_of_their_own(
    client, riverside_coordinator
):
    logged_in(client, riverside_coordinator.user)
    assert client.get("/my-development/").status_code == 404


def test_a_person_cannot_offer_themself_an_action(client, riverside, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)
    response = client.post(
        f"/people/{expert_at_riverside.pk}/development/", {"code": "training", "details": "x"}
    )
    assert response.status_code == 404
    assert not DevelopmentAction.objects.exists()
