"""POST /api/v1/clarity-check: any token, the contract's field names, clear 422s."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import api_client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/clarity-check"


def post(client: Client, body: object):
    return client.post(URL, body, content_type="application/json")


def test_it_answers_the_findings_with_the_contracts_field_names(riverside_coordinator):
    response = post(
        api_client_for(riverside_coordinator),
        {"text": "We will be in touch soon.", "audience": "standard"},
    )
    assert response.status_code == 200
    assert response.json() == {
        "findings": [
            {
                "rule": "vague_time",
                "severity": "warning",
                "message": "“soon” is vague about time. Give a date or a number of days, for "
                "example “by 12 January 2027” or “within 14 days”.",
                "excerpt": "soon",
                "blocks": True,
            }
        ]
    }


def test_it_says_which_findings_stop_an_offer_being_sent(riverside_coordinator):
    response = post(
        api_client_for(riverside_coordinator),
        {"text": "We will facilitate it, hopefully."},
    )
    found = [(f["rule"], f["blocks"]) for f in response.json()["findings"]]
    assert found == [("hard_word", False), ("speculative", True)]


def test_easy_read_is_stricter(riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    text = {"text": "You will be paid £25 an hour."}
    assert post(client, text).json() == {"findings": []}
    [finding] = post(client, {**text, "audience": "easy_read"}).json()["findings"]
    assert (finding["rule"], finding["excerpt"]) == ("passive_voice", "be paid")


@pytest.mark.parametrize("who", ["riverside_auditor", "riverside_contact", "riverside_admin"])
def test_any_staff_token_may_check_a_text(request, who):
    response = post(api_client_for(request.getfixturevalue(who)), {"text": "Hopefully."})
    assert response.status_code == 200
    assert response.json()["findings"][0]["rule"] == "speculative"


def test_an_experts_token_may_check_a_text_too(expert_at_riverside):
    response = post(api_client_for(expert_at_riverside.user.memberships.get()), {"text": "Soon."})
    assert response.status_code == 200
    assert response.json()["findings"][0]["rule"] == "vague_time"


def test_it_needs_a_token(db):
    response = post(Client(), {"text": "Hopefully."})
    assert response.status_code == 401
    assert "token" in response.json()["detail"]


def test_it_reads_twenty_thousand_characters(riverside_coordinator):
    response = post(api_client_for(riverside_coordinator), {"text": "a" * 20_000})
    assert response.status_code == 200


def test_a_longer_text_is_refused_with_a_clear_detail(riverside_coordinator):
    response = post(api_client_for(riverside_coordinator), {"text": "a" * 20_001})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "The text is 20,001 characters long; the clarity checker reads 20,000 at "
        "most. Check it in parts."
    }


def test_an_unknown_audience_is_refused(riverside_coordinator):
    response = post(
        api_client_for(riverside_coordinator), {"text": "Hello.", "audience": "large_print"}
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"][-1] == "audience"
    assert "'standard' or 'easy_read'" in error["msg"]


def test_text_is_required(riverside_coordinator):
    response = post(api_client_for(riverside_coordinator), {"audience": "standard"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "text"


def test_it_is_in_the_openapi_schema_with_its_limit(db):
    schema = Client().get("/api/v1/openapi.json").json()
    body = schema["components"]["schemas"]["ClarityCheckIn"]["properties"]
    assert body["text"]["maxLength"] == 20_000
    assert body["audience"]["enum"] == ["standard", "easy_read"]
    assert "/api/v1/clarity-check" in schema["paths"]
