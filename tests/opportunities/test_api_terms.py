"""Creating and changing opportunities over the API, with DESIGN.md's example as posted."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.offers import content
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import set_rate
from tests.conftest import api_client_for
from tests.opportunities.factories import design_example, future, opportunity, person

pytestmark = pytest.mark.django_db

JSON = "application/json"
STARTS = future(45).astimezone(UTC).isoformat().replace("+00:00", "Z")
PATH = "/api/v1/opportunities"


@pytest.fixture
def posted(riverside_coordinator, riverside_contact):
    client = api_client_for(riverside_coordinator)
    response = client.post(PATH, design_example(riverside_contact.user_id, STARTS), JSON)
    assert response.status_code == 201, response.json()
    return response.json()


def test_the_design_example_is_accepted_as_written_and_answered_in_the_same_shape(
    posted, riverside_contact
):
    sent = design_example(riverside_contact.user_id, STARTS)
    assert posted["id"] == Opportunity.objects.get().pk
    assert posted["status"] == "draft"
    for name in ["title", "purpose", "goal_type", "commitment", "level", "focus", "outcomes"]:
        assert posted[name] == sent[name], name
    assert posted["success_measures"] == sent["success_measures"]
    assert posted["input_expected"] == sent["input_expected"]
    assert posted["required_experience"] == [
        {
            "code": "direct.restrictive_interventions",
            "setting": "mental_health",
            "intervention": "",
            "essential": True,
        }
    ]
    assert posted["location"] == {**sent["location"], "details": ""}
    assert posted["sessions"] == [{"starts_at": STARTS, "minutes": 180}]
    assert posted["reward"] == {**sent["reward"], "label": "Paid by the hour"}
    assert posted["expenses"] == {**sent["expenses"], "equipment": False}
    assert posted["contact_user_id"] == riverside_contact.user_id
    assert posted["output_use"] == sent["output_use"]
    assert posted["missing"] == []


def test_an_offer_built_from_it_lacks_only_what_is_agreed_with_the_person(
    posted, riverside_coordinator
):
    niña = person(riverside_coordinator, "Niña", payment_preference="bank_transfer")
    offer = Offer.objects.create(
        organisation=riverside_coordinator.organisation,
        opportunity=Opportunity.objects.get(pk=posted["id"]),
        person=niña,
        created_by=riverside_coordinator.user,
    )
    assert content.missing(content.build(offer)) == ["adjustments"]


def test_it_reads_back_the_same_shape_in_the_list_and_one_by_one(posted, riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    assert client.get(f"{PATH}/{posted['id']}").json() == posted
    listed = client.get(PATH).json()
    assert listed == {"items": [posted], "count": 1}


def test_a_patch_changes_only_what_it_sends(posted, riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    response = client.patch(
        f"{PATH}/{posted['id']}",
        {
            "location": {"address": "Unit 4, Mill Lane, Leeds"},
            "reward": {"amount": "27.50"},
            "expenses": {"travel": True},
            "status": "open",
        },
        JSON,
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["location"] == {
        "mode": "in_person",
        "address": "Unit 4, Mill Lane, Leeds",
        "details": "",
    }
    assert body["reward"]["amount"] == "27.50"
    assert body["reward"]["paid_within_days"] == 14
    assert body["expenses"]["travel"] is True
    assert body["expenses"]["subsistence"] is False
    assert body["status"] == "open"
    assert body["title"] == posted["title"]
    assert body["sessions"] == posted["sessions"]
    assert AuditEvent.objects.filter(action="opportunity.updated").count() == 1


def test_a_patch_replaces_the_sessions_and_the_required_experience(posted, riverside_coordinator):
    later = future(60).astimezone(UTC).isoformat().replace("+00:00", "Z")
    client = api_client_for(riverside_coordinator)
    body = client.patch(
        f"{PATH}/{posted['id']}",
        {
            "sessions": [
                {"starts_at": STARTS, "minutes": 120},
                {"starts_at": later, "minutes": 60},
            ],
            "required_experience": [{"code": "direct.crisis"}],
        },
        JSON,
    ).json()
    assert body["sessions"] == [
        {"starts_at": STARTS, "minutes": 120},
        {"starts_at": later, "minutes": 60},
    ]
    assert body["required_experience"] == [
        {"code": "direct.crisis", "setting": "", "intervention": "", "essential": False}
    ]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"level": "tokenism"}, "consultation, participation, co_production"),
        ({"location": {"mode": "telepathy"}}, "in_person, phone, video"),
        ({"reward": {"basis": "exposure"}}, "hourly, daily, per_session, salaried, voluntary"),
        ({"outcomes": ["a_promise"]}, "training_resource"),
        ({"expenses": {"champagne": True}}, "travel_in_advance"),
        ({"status": "finished"}, "draft, open, in_progress, completed, reviewed, cancelled"),
        ({"required_experience": [{"code": "direct.flying"}]}, "direct.crisis"),
    ],
)
def test_an_unknown_code_answers_422_naming_the_valid_ones(
    posted, riverside_coordinator, change, named
):
    response = api_client_for(riverside_coordinator).patch(f"{PATH}/{posted['id']}", change, JSON)
    assert response.status_code == 422
    assert named in response.json()["detail"]


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"status": "completed"}, 409, "so it cannot become completed"),
        ({"reward": {"amount": "-3"}}, 422, "The amount cannot be negative."),
        ({"reward": {"amount": "50000"}}, 422, "more than the £10,000.00 an hour"),
        (
            {"sessions": [{"starts_at": "2020-01-12T10:00:00Z", "minutes": 60}]},
            422,
            "Session 1: 12 January 2020 at 10am is in the past.",
        ),
        ({"sessions": [{"starts_at": STARTS, "minutes": 0}]}, 422, "from 1 to 1440 minutes"),
        ({"contact_user_id": 999_999}, 422, "not a member of Riverside Care Partnership"),
        ({"reward": {"amount": "1e999999"}}, 422, "The reward amount is far too large."),
        ({"hours_per_week": "1e30"}, 422, "The hours per week is far too large."),
        ({"commitment": "enduring_role", "status": "open"}, 422, "Set a review date"),
        ({"review_date": "2020-01-01"}, 422, "The review date must be today or later."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(
    posted, riverside_coordinator, change, status, words
):
    client = api_client_for(riverside_coordinator)
    response = client.patch(f"{PATH}/{posted['id']}", change, JSON)
    assert response.status_code == status
    assert words in response.json()["detail"]
    assert client.get(f"{PATH}/{posted['id']}").json() == posted


def test_an_impossible_user_id_is_refused_without_reaching_the_database(
    posted, riverside_coordinator
):
    response = api_client_for(riverside_coordinator).patch(
        f"{PATH}/{posted['id']}", {"contact_user_id": 10**30}, JSON
    )
    assert response.status_code == 422


def test_a_misspelt_field_or_a_missing_title_is_refused(riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    misspelt = client.post(PATH, {"title": "Panel", "colour": "red"}, JSON)
    assert misspelt.status_code == 422
    assert client.post(PATH, {"purpose": "No title"}, JSON).status_code == 422
    assert client.post(PATH, {"title": "   "}, JSON).json() == {
        "detail": "Enter a title for the opportunity."
    }
    assert not Opportunity.objects.exists()


def test_voluntary_work_says_it_is_the_persons_choice(riverside_coordinator):
    body = api_client_for(riverside_coordinator).post(
        PATH, {"title": "Peer panel", "reward": {"basis": "voluntary"}}, JSON
    )
    assert body.json()["reward"] == {
        "basis": "voluntary",
        "amount": None,
        "paid_within_days": None,
        "label": "Voluntary, by the person's own choice",
    }


def test_the_amount_defaults_from_the_rate_card(riverside_coordinator, riverside_admin):
    set_rate(by=riverside_admin, basis="daily", amount="160", valid_from=timezone.localdate())
    body = api_client_for(riverside_coordinator).post(
        PATH, {"title": "Panel", "reward": {"basis": "daily"}}, JSON
    )
    assert body.json()["reward"]["amount"] == "160.00"


def test_an_admin_writes_too(riverside_admin):
    assert api_client_for(riverside_admin).post(PATH, {"title": "Panel"}, JSON).status_code == 201


def test_an_auditor_reads_but_does_not_write(riverside_auditor, riverside_coordinator):
    made = opportunity(riverside_coordinator)
    client = api_client_for(riverside_auditor)
    assert client.get(f"{PATH}/{made.pk}").status_code == 200
    refused = client.post(PATH, {"title": "Panel"}, JSON)
    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "Only coordinators and admins can create or change opportunities."
    }
    assert client.patch(f"{PATH}/{made.pk}", {"title": "Mine"}, JSON).status_code == 403
    made.refresh_from_db()
    assert made.title == "Co-design restraint reduction training"


@pytest.mark.parametrize("who", ["expert_at_riverside", "riverside_contact"])
def test_experts_and_contacts_may_not_write_or_read(request, riverside_coordinator, who):
    made = opportunity(riverside_coordinator)
    member = request.getfixturevalue(who)
    if who == "expert_at_riverside":
        member = member.user.memberships.get()
    client = api_client_for(member)
    assert client.post(PATH, {"title": "Panel"}, JSON).status_code == 403
    assert client.patch(f"{PATH}/{made.pk}", {"title": "Mine"}, JSON).status_code == 403
    assert Opportunity.objects.count() == 1


def test_another_organisations_opportunity_cannot_be_changed(
    riverside_coordinator, hillview_coordinator
):
    theirs = opportunity(hillview_coordinator)
    response = api_client_for(riverside_coordinator).patch(
        f"{PATH}/{theirs.pk}", {"title": "Mine now"}, JSON
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_missing_lists_what_an_offer_would_still_need(riverside_coordinator):
    body = api_client_for(riverside_coordinator).post(
        PATH,
        {"title": "Panel", "location": {"mode": "video"}, "hours_per_week": "7.5"},
        JSON,
    )
    assert body.json()["missing"] == [
        "input_expected",
        "location",
        "reward",
        "payment_timing",
        "expenses",
        "output_use",
        "contact_person",
    ]


def test_the_session_dates_are_checked_against_now(riverside_coordinator):
    soon = (timezone.now() + timedelta(minutes=5)).isoformat()
    response = api_client_for(riverside_coordinator).post(
        PATH, {"title": "Panel", "sessions": [{"starts_at": soon, "minutes": 60}]}, JSON
    )
    assert response.status_code == 201
