"""Erasure and retention over the API: the same services, the same refusals."""

from __future__ import annotations

import pytest

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from powerwith.privacy.models import ErasureRecord, RetentionPolicy
from powerwith.privacy.services import PSEUDONYM
from tests.conftest import api_client_for

pytestmark = pytest.mark.django_db

PERIODS = {
    "wellbeing_note_months": 6,
    "access_log_months": 12,
    "left_person_months": 18,
    "feedback_text_months": 24,
    "payment_months": 84,
}


def own(person: Person) -> Membership:
    return Membership.objects.get(user=person.user)


def test_a_person_erases_their_information_over_the_api(expert_at_riverside: Person) -> None:
    api = api_client_for(own(expert_at_riverside))
    response = api.post("/api/v1/me/erase", {"confirm": True}, content_type="application/json")
    assert response.status_code == 200
    assert any("six years" in line for line in response.json()["kept"])
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.preferred_name == PSEUDONYM
    # The account is closed, so its token no longer works.
    assert api.get("/api/v1/me").status_code == 401


def test_erasing_without_confirming_changes_nothing(expert_at_riverside: Person) -> None:
    api = api_client_for(own(expert_at_riverside))
    for body in ({"confirm": False}, {}, {"confirm": "perhaps"}, {"confirm": True, "x": 1}):
        response = api.post("/api/v1/me/erase", body, content_type="application/json")
        assert response.status_code == 422, body
        assert "detail" in response.json()
    assert not ErasureRecord.objects.exists()


def test_staff_have_nothing_to_erase(riverside_coordinator: Membership) -> None:
    api = api_client_for(riverside_coordinator)
    response = api.post("/api/v1/me/erase", {"confirm": True}, content_type="application/json")
    assert response.status_code == 404


def test_an_admin_reads_and_sets_the_periods(riverside_admin: Membership) -> None:
    api = api_client_for(riverside_admin)
    assert api.get("/api/v1/organisation/retention").json()["payment_months"] == 72
    response = api.put("/api/v1/organisation/retention", PERIODS, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {**PERIODS, "audit_log_months": 72}
    assert RetentionPolicy.objects.get().left_person_months == 18


def test_payments_kept_less_than_six_years_is_refused(riverside_admin: Membership) -> None:
    api = api_client_for(riverside_admin)
    body = {**PERIODS, "payment_months": 60}
    response = api.put("/api/v1/organisation/retention", body, content_type="application/json")
    assert response.status_code == 422
    assert "72 months" in response.json()["detail"]
    assert not RetentionPolicy.objects.exists()


@pytest.mark.parametrize("bad", [{**PERIODS, "access_log_months": 0}, {"payment_months": 80}])
def test_bad_periods_are_refused(riverside_admin: Membership, bad: dict[str, int]) -> None:
    api = api_client_for(riverside_admin)
    response = api.put("/api/v1/organisation/retention", bad, content_type="application/json")
    assert response.status_code == 422
    assert not RetentionPolicy.objects.exists()


def test_other_roles_cannot_read_or_set_the_periods(riverside_coordinator: Membership) -> None:
    api = api_client_for(riverside_coordinator)
    assert api.get("/api/v1/organisation/retention").status_code == 403
    response = api.put("/api/v1/organisation/retention", PERIODS, content_type="application/json")
    assert response.status_code == 403
    assert not RetentionPolicy.objects.exists()
