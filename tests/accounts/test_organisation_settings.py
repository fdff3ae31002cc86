"""The organisation settings page: an admin sets the fairness weight matching uses."""

from __future__ import annotations

import pytest

from powerwith.accounts.models import AuditEvent
from powerwith.accounts.services import set_fairness_weight
from powerwith.core.errors import DomainError, NotAllowed
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

URL = "/organisation/settings/"


def test_an_admin_sets_the_fairness_weight_and_it_is_audited(client, riverside, riverside_admin):
    client.force_login(riverside_admin.user)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'value="0.3"' in page.text
    response = client.post(URL, {"fairness_weight": "0.55"})
    assert response.status_code == 302
    assert response["Location"] == URL
    riverside.refresh_from_db()
    assert riverside.fairness_weight == 0.55
    event = AuditEvent.objects.get(action="organisation.fairness_weight_changed")
    assert event.actor == riverside_admin.user
    assert event.details == {"previous": 0.3, "fairness_weight": 0.55}


@pytest.mark.parametrize("value", ["1.5", "-0.1", "a lot", "", "nan"])
def test_a_weight_outside_0_to_1_is_refused_with_a_clear_message(
    client, riverside, riverside_admin, value
):
    client.force_login(riverside_admin.user)
    response = client.post(URL, {"fairness_weight": value})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Enter a fairness weight from 0 to 1, like 0.3." in response.text
    riverside.refresh_from_db()
    assert riverside.fairness_weight == 0.3
    assert not AuditEvent.objects.filter(action="organisation.fairness_weight_changed").exists()


@pytest.mark.parametrize("who", ["riverside_coordinator", "riverside_auditor", "riverside_contact"])
def test_only_admins_may_change_the_settings(request, client, riverside, who):
    member = request.getfixturevalue(who)
    client.force_login(member.user)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"fairness_weight": "0.9"}).status_code == 403
    riverside.refresh_from_db()
    assert riverside.fairness_weight == 0.3


def test_an_expert_may_not_change_the_settings(client, expert_at_riverside):
    client.force_login(expert_at_riverside.user)
    assert client.get(URL).status_code == 403


def test_the_weight_changes_only_the_admins_own_organisation(riverside, hillview, riverside_admin):
    set_fairness_weight(by=riverside_admin, weight=1)
    hillview.refresh_from_db()
    assert hillview.fairness_weight == 0.3


def test_the_service_refuses_non_admins_and_bad_weights(riverside_admin, riverside_coordinator):
    with pytest.raises(NotAllowed):
        set_fairness_weight(by=riverside_coordinator, weight=0.5)
    for weight in (1.01, -1, float("nan")):
        with pytest.raises(DomainError, match="from 0 to 1"):
            set_fairness_weight(by=riverside_admin, weight=weight)


def test_setting_the_same_weight_again_records_nothing(riverside_admin):
    set_fairness_weight(by=riverside_admin, weight=0.3)
    assert not AuditEvent.objects.filter(action="organisation.fairness_weight_changed").exists()


def test_admin_sets_how_the_work_runs(client, riverside_admin):
    logged_in(client, riverside_admin.user)
    response = client.post(
        URL,
        {
            "settings": "work",
            "follow_up_days": "3",
            "payment_target_days": "10",
            "reconfirm_months": "6",
        },
    )
    assert response.status_code == 302
    riverside_admin.organisation.refresh_from_db()
    organisation = riverside_admin.organisation
    assert (organisation.follow_up_days, organisation.payment_target_days) == (3, 10)
    assert organisation.reconfirm_months == 6
    event = AuditEvent.objects.get(action="organisation.work_settings_changed")
    assert event.details["previous"] == {
        "follow_up_days": 2,
        "payment_target_days": 14,
        "reconfirm_months": 12,
    }


def test_a_setting_out_of_range_is_explained_and_changes_nothing(client, riverside_admin):
    logged_in(client, riverside_admin.user)
    response = client.post(
        URL,
        {
            "settings": "work",
            "follow_up_days": "0",
            "payment_target_days": "14",
            "reconfirm_months": "12",
        },
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    riverside_admin.organisation.refresh_from_db()
    assert riverside_admin.organisation.follow_up_days == 2
    assert not AuditEvent.objects.filter(action="organisation.work_settings_changed").exists()
