"""A person with no login and no e-mail takes part from start to finish through what
they tell staff: the paper pack goes by post and comes back, and phone calls do the
rest — accepting, consenting, attending, a wellbeing check and a claim, each recorded by
staff with the keyboard alone, axe-core run on every page on the way; and the same
forms work without JavaScript."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.consent.models import ConsentEvent
from powerwith.engagements.models import Attendance, CheckKind, Session, WellbeingCheck
from powerwith.engagements.services.booking import book
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import OfferStatus
from powerwith.payments.models import Claim
from powerwith.people.models import ActedFor
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer
from tests.workflows.factories import no_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def audited(page: Page) -> None:
    assert axe_violations(page) == [], page.url


def as_user(browser: Browser, base: str, email: str, javascript: bool = True) -> Page:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, base, email, PASSWORD)
    return page


def test_a_person_with_no_login_takes_part_through_what_they_tell_staff(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
) -> None:
    base = live_server.url
    riverside_coordinator.user.full_name = "Hannah Clarke"
    riverside_coordinator.user.save()
    nia = no_login(riverside_coordinator)
    offer = sent_offer(riverside_coordinator, nia, contact=riverside_contact.user)
    page = as_user(browser, base, riverside_coordinator.user.email)
    staff = KeyboardOnly(page)

    # The letter: the paper pack is printed from the offer page.
    page.goto(f"{base}/offers/{offer.pk}/")
    audited(page)
    expect(page.get_by_role("link", name="Print the paper pack (PDF)")).to_be_visible()
    pack = page.request.get(f"{base}/offers/{offer.pk}/render/?format=paper-pack")
    assert pack.headers["content-type"] == "application/pdf"

    # The reply slip comes back: Nia accepts, by letter.
    staff.follow("Record what Nia told you")
    audited(page)
    staff.choose("answer", "They accept the offer")
    staff.choose("method", "By letter")
    staff.type_into("Note about how they told you", "Reply slip came back on Monday.")
    staff.follow("Record their answer")
    expect(page.get_by_text("Nia has accepted the offer.")).to_be_visible()
    expect(page.get_by_text("Recorded for Nia, who told them by letter")).to_be_visible()
    audited(page)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED

    # A phone call: she agrees to take part.
    staff.follow("Record a consent Nia gave or withdrew")
    audited(page)
    staff.choose("scope", "To take part")
    staff.choose("action", "They agree")
    staff.choose("method", "On the phone")
    staff.follow("Record their answer")
    expect(page.get_by_text("Nia's consent is recorded.")).to_be_visible()
    event = ConsentEvent.objects.get(person=nia, scope="take_part")
    assert (event.action, event.method) == ("grant", "verbal")

    # She is booked, attends, and the session is over.
    session = Session.objects.filter(opportunity=offer.opportunity).first()
    assert session is not None
    booking = book(session=session, person=nia, by=riverside_coordinator)
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(days=1))
    Attendance.objects.filter(pk=booking.pk).update(attended=True)
    check = WellbeingCheck.objects.get(attendance=booking, kind=CheckKind.END)
    WellbeingCheck.objects.filter(pk=check.pk).update(due_at=timezone.now() - timedelta(hours=2))

    # The contact person rings her for her wellbeing check.
    contact = as_user(browser, base, riverside_contact.user.email)
    contact.goto(f"{base}/wellbeing-checks/{check.pk}/")
    audited(contact)
    caring = KeyboardOnly(contact)
    caring.follow("Record what Nia told you")
    audited(contact)
    caring.choose("feeling", "Good", exact=True)
    caring.choose("method", "On the phone")
    caring.follow("Record their answer")
    expect(contact.get_by_text("The check for Nia is recorded.")).to_be_visible()
    check.refresh_from_db()
    assert check.feeling == 4

    # And she claims for her time on the phone.
    page.goto(f"{base}/offers/{offer.pk}/")
    staff.start_over()
    staff.follow("Record a claim Nia made for their time")
    audited(page)
    staff.choose("session_id", "")
    staff.choose("method", "On the phone")
    staff.follow("Record their answer")
    expect(page.get_by_text("Nia's claim is sent for approval.")).to_be_visible()
    audited(page)
    claim = Claim.objects.get(person=nia)
    assert claim.status == "submitted"

    # Every answer has its record of how she told us, and staff are asked to tell her
    # what was recorded, since she has no e-mail.
    methods = sorted(ActedFor.objects.filter(person=nia).values_list("method", flat=True))
    assert methods == ["letter", "phone", "phone", "phone"]
    told = ActionNeeded.objects.filter(kind=ActionKind.TELL_PERSON, person=nia)
    assert told.count() == 4
    page.goto(f"{base}/action-needed/")
    letter = "You told Hannah Clarke in your letter that you accept"
    expect(page.get_by_role("link", name=letter)).to_be_visible()
    audited(page)


def test_the_record_forms_work_without_javascript(
    browser: Browser, live_server, riverside_coordinator: Membership
) -> None:
    base = live_server.url
    nia = no_login(riverside_coordinator)
    offer = sent_offer(riverside_coordinator, nia)
    page = as_user(browser, base, riverside_coordinator.user.email, javascript=False)
    page.goto(f"{base}/offers/{offer.pk}/record-answer/")
    page.get_by_role("button", name="Record their answer").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    page.get_by_label("They do not want it").check()
    page.get_by_label("On the phone").check()
    page.get_by_role("button", name="Record their answer").click()
    expect(page.get_by_text("Nia does not want the offer.")).to_be_visible()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED


def test_a_person_with_a_login_chooses_whether_staff_may_answer_for_them(
    browser: Browser, live_server, expert_at_riverside
) -> None:
    page = as_user(browser, live_server.url, expert_at_riverside.user.email)
    page.goto(f"{live_server.url}/my-profile/")
    person = KeyboardOnly(page)
    page.goto(f"{live_server.url}/my-profile/staff-may-answer/")
    audited(page)
    person.start_over()
    person.choose("allowed", "Yes, staff can record what I tell them")
    person.follow("Save your choice")
    expect(page.get_by_text("Staff can now record your answers")).to_be_visible()
    audited(page)
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.staff_may_act_for_me
