from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from powerwith import demo, demo_data
from powerwith.accounts.models import AuditEvent, Membership, Organisation, User
from powerwith.core.choices import Focus, LocationMode, Outcome, RewardBasis
from powerwith.core.roles import Role
from powerwith.demo import offers as demo_offers
from powerwith.demo import terms as demo_terms
from powerwith.demo.work_data import OPPORTUNITIES
from powerwith.engagements.models import Attendance, Session
from powerwith.offers import checks as offer_checks
from powerwith.offers import clarity, content
from powerwith.offers.models import Offer, OfferAction, OfferEvent, OfferStatus, OfferVersion
from powerwith.offers.readiness import offer_gaps
from powerwith.opportunities.models import (
    Opportunity,
    OpportunityStatus,
    RateCard,
    RequiredExperience,
)
from powerwith.people import services
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person, PersonStatus
from powerwith.people.schedule import ITEMS, ITEMS_BY_CODE, RESTRICTIVE_INTERVENTIONS, SETTINGS

pytestmark = pytest.mark.django_db

DEMO_MODELS = [
    *apps.get_app_config("accounts").get_models(),
    *apps.get_app_config("people").get_models(),
    *apps.get_app_config("opportunities").get_models(),
    *apps.get_app_config("engagements").get_models(),
    *apps.get_app_config("offers").get_models(),
    *apps.get_app_config("consent").get_models(),
    *apps.get_app_config("payments").get_models(),
    *apps.get_app_config("evaluation").get_models(),
]
PROFILE_FIELDS = [
    "preferred_channel",
    "formats",
    "adjustments",
    "available_days",
    "available_modes",
    "skills",
    "interests",
    "personal_goals",
    "professional_goals",
    "payment_preference",
    "benefits_advice",
]
CARER_STORIES = [
    story
    for story, background in zip(demo_data.EXPERIENCES, demo_data.BACKGROUNDS, strict=True)
    if all(ITEMS_BY_CODE[code].kind == "indirect" for code in background.items)
]


def ids_of_every_row() -> dict[str, list[int]]:
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for model in DEMO_MODELS
    }


def register_by_email() -> dict[str, tuple[object, ...]]:
    return {
        person.email: (
            person.preferred_name,
            person.pronouns,
            person.phone,
            person.town,
            person.about,
            person.status,
            person.user.email if person.user else None,
            tuple(sorted((link.organisation.slug, link.sharing) for link in person.links.all())),
            tuple(getattr(person, name) for name in PROFILE_FIELDS),
            tuple(
                sorted(
                    (e.code, e.setting, e.intervention, e.note, e.share_narrative)
                    for e in person.experience.all()
                )
            ),
        )
        for person in Person.objects.select_related("user").prefetch_related(
            "links__organisation", "experience"
        )
    }


def work_by_title() -> dict[tuple[str, str], tuple[object, ...]]:
    return {
        (opportunity.organisation.slug, opportunity.title): (
            opportunity.purpose,
            opportunity.level,
            opportunity.focus,
            opportunity.location_mode,
            opportunity.reward_basis,
            opportunity.status,
            opportunity.created_by.email,
            sorted(
                opportunity.required_experience.values_list(
                    "code", "setting", "intervention", "essential"
                )
            ),
            [
                (
                    session.minutes,
                    sorted(session.attendance.values_list("person__email", "attended")),
                )
                for session in opportunity.sessions.all()
            ],
        )
        for opportunity in Opportunity.objects.select_related("organisation", "created_by")
    }


def offers_by_who_and_what() -> dict[tuple[str, str, str], tuple[object, ...]]:
    return {
        (offer.organisation.slug, offer.opportunity.title, offer.person.email): (
            offer.status,
            offer.version,
            offer.terms,
            [(e.action, e.actor.email, e.text) for e in offer.events.select_related("actor")],
        )
        for offer in Offer.objects.select_related("organisation", "opportunity", "person")
    }


def remove_everything() -> None:
    # Every table emptied as a new database would be: the append-only records (consent,
    # claims, audit) refuse to be deleted row by row, by design.
    if connection.vendor == "postgresql":
        # Foreign keys are checked at commit; TRUNCATE refuses while checks are pending.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def test_it_is_idempotent():
    demo.load(people=40)
    counts = {model._meta.label: model._default_manager.count() for model in DEMO_MODELS}
    ids = ids_of_every_row()

    for model in [
        ExperienceEntry,
        Opportunity,
        RequiredExperience,
        Session,
        Attendance,
        RateCard,
        Offer,
        OfferVersion,
        OfferEvent,
    ]:
        assert counts[model._meta.label] > 0, model

    summary = demo.load(people=40)

    assert {model._meta.label: model._default_manager.count() for model in DEMO_MODELS} == counts
    assert ids_of_every_row() == ids
    assert summary.people_added == 0
    assert summary.opportunities_added == 0
    assert summary.offers_added == 0
    assert summary.offers == counts["offers.Offer"]


def test_it_makes_both_organisations_with_their_four_staff_logins():
    demo.load(people=20)

    for slug, name, domain in [
        ("riverside", "Riverside Care Partnership", "riverside.example"),
        ("hillview", "Hillview Health NHS Foundation Trust", "hillview.example"),
    ]:
        organisation = Organisation.objects.get(slug=slug)
        assert organisation.name == name
        for role in [Role.ADMIN, Role.COORDINATOR, Role.CONTACT, Role.AUDITOR]:
            membership = Membership.objects.get(
                organisation=organisation, user__email=f"{role}@{domain}"
            )
            assert membership.role == role
            assert membership.user.full_name
    assert Organisation.objects.count() == 2


def test_expert1_can_log_in_with_the_demo_password_and_works_with_both_organisations(
    client: Client,
):
    demo.load(people=20)

    assert client.login(email="expert1@people.example", password=demo.DEMO_PASSWORD)
    user = User.objects.get(email="expert1@people.example")
    both = {"riverside", "hillview"}
    assert {m.organisation.slug for m in user.memberships.all()} == both
    assert {m.role for m in user.memberships.all()} == {Role.EXPERT}
    assert {link.organisation.slug for link in user.person.links.all()} == both


def test_staff_log_in_with_the_same_demo_password(client: Client):
    demo.load(people=20)

    assert client.login(email="coordinator@hillview.example", password=demo.DEMO_PASSWORD)
    assert not Client().login(email="admin@riverside.example", password="wrong password")


def test_every_expert_login_has_a_profile_a_membership_and_a_link_for_each_organisation():
    demo.load(people=20)

    for number in range(1, demo.EXPERT_LOGINS + 1):
        user = User.objects.get(email=f"expert{number}@people.example")
        linked = {link.organisation_id for link in user.person.links.all()}
        member_of = {m.organisation_id for m in user.memberships.filter(role=Role.EXPERT)}
        assert linked
        assert linked == member_of
    assert Membership.objects.filter(role=Role.EXPERT).count() == demo.EXPERT_LOGINS + 2


def test_the_other_people_are_register_entries_without_logins():
    demo.load(people=60)

    without_login = Person.objects.filter(user__isnull=True)
    assert without_login.count() == 60 - demo.EXPERT_LOGINS
    for person in without_login:
        assert re.fullmatch(r"[a-z-]+\.[a-z-]+\.\d+@people\.example", person.email)
        assert person.links.exists()
    assert User.objects.filter(email__endswith="@people.example").count() == demo.EXPERT_LOGINS


def test_profiles_are_varied():
    demo.load(people=200)

    people = Person.objects.all()
    assert {p.status for p in people} == set(PersonStatus.values)
    assert {p.pronouns for p in people} == {"she/her", "he/him", "they/them", ""}
    assert len({p.town for p in people}) > 30
    assert len({p.preferred_name for p in people}) > 150
    assert all(p.about.startswith(("I ", "My ")) for p in people if p.about)
    linked_to_both = [p for p in people if p.links.count() == 2]
    assert 10 < len(linked_to_both) < 100


def test_it_is_deterministic():
    demo.load(people=30)
    first = register_by_email()
    work = work_by_title()
    offers = offers_by_who_and_what()
    remove_everything()

    demo.load(people=30)

    assert register_by_email() == first
    assert work_by_title() == work
    assert offers_by_who_and_what() == offers


def test_person_n_is_always_the_same_person():
    # Also across processes: the stream must not depend on hash seeds or the clock.
    assert [profile.name for profile in demo.profiles(3)] == [
        "Anjali Ward",
        "Malik Ibrahim",
        "Uzma Nwosu",
    ]


def test_it_creates_exactly_the_number_of_people_asked_for():
    summary = demo.load(people=50)

    assert Person.objects.count() == 50
    assert summary.people == 50
    assert summary.people_added == 50


def test_asking_for_more_people_adds_only_the_missing_ones():
    demo.load(people=50)
    before = set(Person.objects.values_list("pk", flat=True))

    summary = demo.load(people=80)

    assert summary.people_added == 30
    assert Person.objects.count() == 80
    assert before <= set(Person.objects.values_list("pk", flat=True))
    grown = register_by_email()
    remove_everything()
    demo.load(people=80)
    assert register_by_email() == grown


def test_asking_for_fewer_people_removes_no_one():
    demo.load(people=30)

    demo.load(people=10)

    assert Person.objects.count() == 30


def test_the_command_prints_the_logins_and_the_password():
    out = StringIO()

    call_command("load_demo", people=20, stdout=out)

    text = out.getvalue()
    for email in [
        "admin@riverside.example",
        "auditor@riverside.example",
        "coordinator@hillview.example",
        "contact@hillview.example",
        "expert1@people.example",
        "expert12@people.example",
    ]:
        assert email in text
    assert "Riverside Care Partnership" in text
    assert "Hillview Health NHS Foundation Trust" in text
    assert demo.DEMO_PASSWORD in text
    assert "expert2@people.example shares only a summary" in text
    assert "11 opportunities" in text
    assert "13 offers of work" in text
    assert "expert1 has offers waiting at both organisations" in text
    assert Person.objects.count() == 20


def test_everyone_has_one_to_five_experience_entries_across_the_whole_schedule():
    demo.load(people=200)

    entries = list(ExperienceEntry.objects.all())
    per_person = {p.pk: 0 for p in Person.objects.all()}
    for entry in entries:
        per_person[entry.person_id] += 1
    assert set(per_person.values()) == {1, 2, 3, 4, 5}
    assert {e.code for e in entries} == {item.code for item in ITEMS}
    assert {e.setting for e in entries} - {""} == {code for code, _ in SETTINGS}
    assert {e.intervention for e in entries} - {""} == {c for c, _ in RESTRICTIVE_INTERVENTIONS}
    assert any(e.note for e in entries)
    assert not all(e.note for e in entries)
    assert {e.share_narrative for e in entries} == {"yes", "no", "prefer_not_to_say", ""}


def test_family_carers_have_indirect_experience():
    demo.load(people=200)

    carers = [p for p in Person.objects.prefetch_related("experience") if p.about]
    carers = [p for p in carers if p.about.startswith(tuple(CARER_STORIES))]
    assert len(carers) > 10
    for carer in carers:
        assert any(ITEMS_BY_CODE[e.code].kind == "indirect" for e in carer.experience.all())


def test_every_profile_is_one_the_services_would_accept():
    demo.load(people=200)

    for person in Person.objects.prefetch_related("experience"):
        services.clean_profile({name: getattr(person, name) for name in PROFILE_FIELDS})
        services.clean_experience(
            services.ExperienceInput(e.code, e.setting, e.intervention, e.note, e.share_narrative)
            for e in person.experience.all()
        )


def test_profiles_show_real_choices():
    demo.load(people=200)

    people = list(Person.objects.all())
    formats = [tuple(p.formats) for p in people]
    assert formats.count(("standard",)) > len(people) / 2
    for needed in ["easy_read", "large_print", "bsl", "audio", "supporter"]:
        assert any(needed in f for f in formats), needed
    assert 0.2 < sum(bool(p.adjustments) for p in people) / len(people) < 0.6
    assert {key for p in people for key in p.adjustments} == set(demo_data.ADJUSTMENTS)
    assert all(p.available_modes for p in people)
    assert any(len(p.available_modes) == 1 for p in people)
    assert any(p.available_days for p in people)
    assert any(len(p.available_days) == 1 for p in people)
    assert any(p.skills for p in people)
    assert any(not p.skills for p in people)
    assert all(p.interests for p in people)
    assert 0.1 < sum(bool(p.personal_goals) for p in people) / len(people) < 0.6
    assert any(p.professional_goals for p in people)
    assert len({p.payment_preference for p in people}) >= 5
    assert {"yes", "no"} <= {p.benefits_advice for p in people}


def test_some_people_share_only_a_summary_with_one_of_their_organisations():
    demo.load(people=200)

    both = [p for p in Person.objects.prefetch_related("links") if p.links.count() == 2]
    split = [p for p in both if {link.sharing for link in p.links.all()} == {"summary", "details"}]
    assert 0 < len(split) < len(both)
    summaries = OrganisationLink.objects.filter(sharing="summary")
    assert 0.05 < summaries.count() / OrganisationLink.objects.count() < 0.3
    sharing = dict(
        OrganisationLink.objects.filter(person__email="expert2@people.example").values_list(
            "organisation__slug", "sharing"
        )
    )
    assert sharing == {"riverside": "details", "hillview": "summary"}
    assert set(
        OrganisationLink.objects.filter(person__email="expert1@people.example").values_list(
            "sharing", flat=True
        )
    ) == {"details"}


@pytest.mark.parametrize("slug", ["riverside", "hillview"])
def test_each_organisation_has_four_to_six_opportunities_from_its_coordinator(slug):
    demo.load(people=60)

    opportunities = list(Opportunity.objects.filter(organisation__slug=slug))
    assert 4 <= len(opportunities) <= 6
    assert "Co-design restraint reduction training" in {o.title for o in opportunities}
    assert {o.created_by.email for o in opportunities} == {f"coordinator@{slug}.example"}
    assert len({o.location_mode for o in opportunities}) >= 2
    assert len({o.reward_basis for o in opportunities}) >= 3
    assert {o.location_mode for o in opportunities} <= set(LocationMode.values)
    assert {o.reward_basis for o in opportunities} <= set(RewardBasis.values)
    for opportunity in opportunities:
        assert set(opportunity.focus) <= set(Focus.values)
        required = list(opportunity.required_experience.all())
        assert 2 <= len(required) <= 5
        assert any(r.essential for r in required)
        assert any(not r.essential for r in required)


def test_sessions_fall_in_the_last_twelve_months_and_some_are_still_to_come():
    before = timezone.now()
    demo.load(people=60)

    for organisation in Organisation.objects.all():
        sessions = Session.objects.filter(opportunity__organisation=organisation)
        past = sessions.filter(starts_at__lt=before)
        assert past.count() >= 10
        assert not past.filter(starts_at__lt=before - timedelta(days=365)).exists()
        assert 0 < sessions.filter(starts_at__gt=before).count() < past.count()
        # People are booked into sessions to come, but no one has attended them yet.
        assert not Attendance.objects.filter(
            session__in=sessions.filter(starts_at__gt=before), attended=True
        ).exists()
        for session in sessions:
            assert session.starts_at.weekday() < 5


def test_the_people_who_take_part_have_the_essential_experience():
    demo.load(people=300)

    for attendance in Attendance.objects.select_related("session__opportunity", "person"):
        person = attendance.person
        assert person.status == PersonStatus.ACTIVE
        organisation = attendance.session.opportunity.organisation_id
        assert person.links.filter(organisation_id=organisation).exists()
        for required in attendance.session.opportunity.required_experience.filter(essential=True):
            entries = person.experience.filter(code=required.code)
            if required.setting:
                entries = entries.filter(setting=required.setting)
            if required.intervention:
                entries = entries.filter(intervention=required.intervention)
            assert entries.exists(), (person, required)


def test_paid_work_is_concentrated_on_a_few_regulars():
    demo.load(people=300)

    for organisation in Organisation.objects.all():
        minutes: Counter[int] = Counter()
        for person_id, length in (
            Attendance.objects.filter(
                attended=True, session__opportunity__organisation=organisation
            )
            .exclude(session__opportunity__reward_basis="voluntary")
            .values_list("person_id", "session__minutes")
        ):
            minutes[person_id] += length
        active = organisation.people_links.filter(person__status=PersonStatus.ACTIVE).count()
        busiest_tenth = sum(m for _, m in minutes.most_common(max(1, active // 10)))
        assert len(minutes) < active / 4
        assert busiest_tenth / sum(minutes.values()) > 0.75
        assert sum(m for _, m in minutes.most_common(5)) / sum(minutes.values()) > 0.4


def test_an_opportunity_is_found_by_its_organisation_and_title():
    demo.load(people=40)
    # One with no offers of work: an opportunity that has them cannot be deleted.
    removed = Opportunity.objects.get(
        organisation__slug="hillview", title="Tribunal experience focus group"
    )
    kept = set(Opportunity.objects.exclude(pk=removed.pk).values_list("pk", flat=True))
    removed.delete()

    summary = demo.load(people=40)

    assert summary.opportunities_added == 1
    assert kept < set(Opportunity.objects.values_list("pk", flat=True))
    assert Opportunity.objects.filter(title="Tribunal experience focus group").count() == 1


def test_with_nobody_on_the_register_the_opportunities_come_without_attendance():
    summary = demo.load(people=0)

    assert summary.people == 0
    assert summary.opportunities == Opportunity.objects.count() > 0
    assert Session.objects.exists()
    assert not Attendance.objects.exists()


def test_every_demo_opportunity_states_its_terms_from_the_rate_card():
    demo.load(people=20)

    for opportunity in Opportunity.objects.select_related("organisation"):
        organisation = opportunity.organisation
        assert offer_gaps(opportunity) == [], opportunity
        contact, backup = opportunity.contact_user, opportunity.backup_contact_user
        assert contact is not None
        assert contact.email == f"contact@{organisation.slug}.example"
        assert backup is not None
        assert backup.email == f"coordinator@{organisation.slug}.example"
        assert opportunity.ground_rules == demo_terms.GROUND_RULES
        assert opportunity.wellbeing_checks
        assert opportunity.input_expected
        assert opportunity.success_measures
        assert opportunity.outcomes
        assert set(opportunity.outcomes) <= set(Outcome.values)
        assert set(opportunity.expenses) == set(content.EXPENSE_KEYS)
        assert set(opportunity.output_use) == set(content.OUTPUT_USE_KEYS)
        if opportunity.location_mode == LocationMode.IN_PERSON:
            assert opportunity.location_address
        else:
            assert opportunity.location_details
        if opportunity.reward_basis == RewardBasis.VOLUNTARY:
            assert opportunity.reward_amount is None
            assert opportunity.paid_within_days is None
        else:
            assert opportunity.reward_amount is not None
            assert opportunity.reward_amount > 0
            assert opportunity.paid_within_days == 14
        if opportunity.reward_basis in ("hourly", "daily", "per_session"):
            rate = RateCard.objects.get(organisation=organisation, basis=opportunity.reward_basis)
            assert opportunity.reward_amount == rate.amount
        if opportunity.commitment == "enduring_role":
            assert opportunity.hours_per_week
            assert opportunity.review_date is not None
            assert opportunity.review_date > timezone.localdate()
        if opportunity.status == OpportunityStatus.OPEN:
            assert opportunity.sessions.filter(starts_at__gt=timezone.now()).exists()
    rates = RateCard.objects.filter(organisation__slug="riverside")
    assert {(r.basis, str(r.amount), r.valid_from.isoformat()) for r in rates} >= {
        ("hourly", "25.00", "2026-04-01"),
        ("daily", "150.00", "2026-04-01"),
        ("per_session", "60.00", "2026-04-01"),
    }


def test_the_demo_wording_has_no_clarity_warnings_even_for_easy_read():
    texts = [demo_terms.GROUND_RULES, demo_offers.QUESTION, demo_offers.ANSWER]
    for slug, templates in OPPORTUNITIES.items():
        for template in templates:
            terms = demo_terms.TERMS[(slug, template.title)]
            texts += [template.purpose, terms.input_expected, terms.success_measures]
    texts += [plan.message for plan in demo_offers.PLANNED if plan.message]
    texts += [plan.adjustments for plan in demo_offers.PLANNED]

    for text in texts:
        for audience in clarity.AUDIENCES:
            warnings = [f for f in clarity.check(text, audience) if f.severity == "warning"]
            assert warnings == [], (text, audience)


@pytest.mark.parametrize("slug", ["riverside", "hillview"])
def test_each_organisation_has_offers_in_every_state_made_through_the_services(slug):
    demo.load(people=20)

    offers = Offer.objects.filter(organisation__slug=slug)
    assert {o.status for o in offers} == {
        OfferStatus.DRAFT,
        OfferStatus.SENT,
        OfferStatus.ACCEPTED,
        OfferStatus.DECLINED,
    }
    asked = OfferEvent.objects.get(offer__in=offers, action=OfferAction.QUESTION)
    answered = OfferEvent.objects.get(offer__in=offers, action=OfferAction.ANSWER)
    assert asked.actor == asked.offer.person.user
    assert answered.offer == asked.offer
    assert answered.actor.email == f"coordinator@{slug}.example"
    for offer in offers:
        assert offer.person.status == PersonStatus.ACTIVE
        for required in offer.opportunity.required_experience.filter(essential=True):
            entries = offer.person.experience.filter(code=required.code)
            if required.setting:
                entries = entries.filter(setting=required.setting)
            assert entries.exists(), (offer, required)
        assert AuditEvent.objects.filter(action="offer.created", target_id=str(offer.pk)).exists()
        if offer.status == OfferStatus.ACCEPTED:
            accepted = offer.events.get(action=OfferAction.ACCEPTED)
            assert accepted.content_hash == offer.versions.get().content_hash


def test_every_sent_demo_offer_states_everything_and_reads_clearly():
    demo.load(people=20)

    sent = Offer.objects.filter(status=OfferStatus.SENT, opportunity__status="open")
    assert sent.count() >= 4
    for offer in sent:
        built = content.build(offer)
        assert content.missing(built) == [], offer
        assert offer_checks.warnings_in(offer_checks.clarity_findings(built)) == []
        assert offer.versions.get().content_hash == content.content_hash(built)


def test_nothing_the_demo_says_would_stop_an_offer_being_sent():
    """Speculation, promises and vague amounts or times block sending: no demo opportunity,
    and no version of any demo offer, may say any."""
    demo.load(people=20)

    for opportunity in Opportunity.objects.all():
        assert offer_checks.opportunity_blocking_rules(opportunity) == [], opportunity
    for version in OfferVersion.objects.all():
        assert offer_checks.blocking_rules(version.content) == [], version.offer_id


def test_expert1_has_a_sent_offer_waiting_at_each_organisation():
    demo.load(people=20)

    waiting = Offer.objects.filter(
        person__email="expert1@people.example", status=OfferStatus.SENT
    ).values_list("organisation__slug", flat=True)
    assert set(waiting) == {"riverside", "hillview"}
