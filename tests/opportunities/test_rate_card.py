"""The rate card: dated rates that admins add and never edit, and coordinators read."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.opportunities.models import RateCard
from powerwith.opportunities.services import set_rate

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_an_admin_adds_a_rate_from_a_date_and_it_is_audited(riverside_admin):
    rate = set_rate(
        by=riverside_admin, basis="hourly", amount="25", valid_from=today(), note="Board, May"
    )
    assert (rate.basis, rate.amount, rate.valid_from, rate.note) == (
        "hourly",
        Decimal("25.00"),
        today(),
        "Board, May",
    )
    event = AuditEvent.objects.get(action="rate_card.rate_added")
    assert event.details == {"basis": "hourly", "amount": "25.00", "valid_from": str(today())}


def test_a_new_rate_is_a_new_row_and_the_old_one_stays(riverside_admin):
    first = set_rate(by=riverside_admin, basis="hourly", amount="25", valid_from=today())
    set_rate(
        by=riverside_admin, basis="hourly", amount="27", valid_from=today() + timedelta(days=30)
    )
    first.refresh_from_db()
    assert first.amount == Decimal("25.00")
    assert RateCard.objects.count() == 2


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"basis": "voluntary"}, "Unknown basis for a rate 'voluntary'"),
        ({"basis": "tips"}, "Use one of: hourly, daily, per_session, salaried."),
        ({"amount": "-1"}, "The amount cannot be negative."),
        ({"amount": "10000.01"}, "more than the £10,000.00 an hour"),
        ({"basis": "salaried", "amount": "250000"}, "more than the £200,000.00 a year"),
        ({"amount": ""}, "Enter the amount in pounds, like 25.00."),
        ({"amount": "twenty"}, "Enter the amount as a number, like 25.00."),
        ({"valid_from": -1}, "A new rate starts today or later"),
        ({"note": "x" * 201}, "The note must be 200 characters or fewer."),
    ],
)
def test_bad_rates_are_refused_and_nothing_is_saved(riverside_admin, values, message):
    given = {"basis": "hourly", "amount": "25", "valid_from": 0, "note": "", **values}
    given["valid_from"] = today() + timedelta(days=given["valid_from"])
    with pytest.raises(InvalidInput, match=re.escape(message)):
        set_rate(by=riverside_admin, **given)
    assert not RateCard.objects.exists()


@pytest.mark.parametrize("who", ["riverside_coordinator", "riverside_auditor"])
def test_only_an_admin_changes_the_rate_card(request, who):
    with pytest.raises(NotAllowed, match="Only an organisation admin"):
        set_rate(by=request.getfixturevalue(who), basis="hourly", amount="25", valid_from=today())


class TestThePage:
    @pytest.fixture
    def rates(self, riverside_admin, hillview_admin):
        with time_machine.travel(timezone.now() - timedelta(days=60), tick=False):
            set_rate(by=riverside_admin, basis="hourly", amount="20", valid_from=today())
        set_rate(by=riverside_admin, basis="hourly", amount="22.50", valid_from=today())
        set_rate(
            by=riverside_admin,
            basis="salaried",
            amount="24000",
            valid_from=today() + timedelta(days=10),
        )
        set_rate(by=hillview_admin, basis="daily", amount="999", valid_from=today())

    def test_it_lists_each_basis_rates_with_which_is_in_use(self, client, riverside_admin, rates):
        client.force_login(riverside_admin.user)
        page = client.get("/organisation/rates/")
        assert page.status_code == 200
        text = re.sub(r"\s+", " ", page.text)
        assert "£22.50 an hour" in text
        assert "£20.00 an hour" in text
        assert "£24,000.00 a year" in text
        assert text.index("In use now") < text.index("Replaced")
        assert "From a later date" in text
        assert "£999.00" not in text
        assert "Add a new rate" in text

    def test_a_coordinator_reads_it_without_the_form(self, client, riverside_coordinator, rates):
        client.force_login(riverside_coordinator.user)
        page = client.get("/organisation/rates/")
        assert page.status_code == 200
        assert "£22.50 an hour" in page.text
        assert "Add a new rate" not in page.text
        assert "Your organisation admin can add a new rate." in page.text
        posted = client.post(
            "/organisation/rates/",
            {"basis": "hourly", "amount": "99", **date_fields("valid_from", today())},
        )
        assert posted.status_code == 403
        assert not RateCard.objects.filter(amount=99).exists()

    @pytest.mark.parametrize("who", ["riverside_auditor", "riverside_contact"])
    def test_other_roles_cannot_see_it(self, client, request, who):
        client.force_login(request.getfixturevalue(who).user)
        assert client.get("/organisation/rates/").status_code == 403

    def test_an_admin_adds_a_rate(self, client, riverside_admin):
        client.force_login(riverside_admin.user)
        response = client.post(
            "/organisation/rates/",
            {"basis": "daily", "amount": "£1,150", **date_fields("valid_from", today())},
            follow=True,
        )
        assert response.redirect_chain == [("/organisation/rates/", 302)]
        assert "The new rate of £1,150.00 a day is saved." in response.text
        assert RateCard.objects.get().amount == Decimal("1150.00")

    def test_a_refused_rate_is_shown_in_the_error_summary(self, client, riverside_admin):
        client.force_login(riverside_admin.user)
        yesterday = today() - timedelta(days=1)
        response = client.post(
            "/organisation/rates/",
            {"basis": "hourly", "amount": "25", **date_fields("valid_from", yesterday)},
        )
        assert response.status_code == 400
        assert "<title>Error: Rate card" in response.text
        assert 'href="#id_valid_from_0">A new rate starts today or later' in response.text
        assert not RateCard.objects.exists()

    def test_a_date_that_is_not_real_is_shown_on_the_date(self, client, riverside_admin):
        client.force_login(riverside_admin.user)
        response = client.post(
            "/organisation/rates/",
            {
                "basis": "hourly",
                "amount": "25",
                "valid_from_0": "31",
                "valid_from_1": "2",
                "valid_from_2": "2027",
            },
        )
        assert 'href="#id_valid_from_0">Start date must be a real date' in response.text
        assert not RateCard.objects.exists()
