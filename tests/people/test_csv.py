"""The register as CSV: an import that writes everyone or no one, after a dry run that
names every problem; an export of only what each person shares."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import InvalidInput
from powerwith.people import csv as csv_io
from powerwith.people import queries, services
from powerwith.people.csv import export as csv_export
from powerwith.people.models import Person
from powerwith.people.services import ExperienceInput, PersonInput
from powerwith.people.views.register_csv import PENDING
from tests.people.factories import add_person, share_only_a_summary
from tests.people.steps import register_state

pytestmark = pytest.mark.django_db

HEADER = "preferred_name,pronouns,email,formats,available_days,status,experience\n"
GOOD_ROWS = (
    "Niña,she/her,nina@example.org,easy_read;large_print,mon;wed,,direct.crisis@mental_health\n"
    "王芳,,,,,paused,\n"
    "Jo O'Hare,they/them,,,fri,,"
    "direct.restrictive_interventions@secure_forensic@seclusion;indirect.carer_training\n"
)


def upload(text: str | bytes, name: str = "people.csv") -> SimpleUploadedFile:
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def problems_in(html: str) -> list[tuple[str, str, str]]:
    """The rows of the problems table: (row, column, problem), tags and spacing removed."""
    table = html.split('id="problems"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.DOTALL)
    found = []
    for row in rows[1:]:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
        row_number, column, why = (" ".join(re.sub(r"<[^>]+>", "", c).split()) for c in cells)
        found.append((row_number, column, why))
    return found


@pytest.fixture
def coordinator(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    return client


def test_it_imports_every_row_after_a_dry_run_that_writes_nothing(
    coordinator, riverside, riverside_coordinator
):
    before = register_state()
    checked = coordinator.post("/people/import/", {"file": upload("\ufeff" + HEADER + GOOD_ROWS)})
    assert checked.status_code == 302
    assert checked["Location"] == "/people/import/check/"
    assert register_state() == before, "the dry run wrote something"
    ready = coordinator.get("/people/import/check/")
    assert "Check and add 3 people" in ready.text
    assert register_state() == before
    digest = coordinator.session[PENDING]["digest"]
    done = coordinator.post("/people/import/check/", {"digest": digest})
    assert done.status_code == 302
    assert done["Location"] == "/people/"
    nina = Person.objects.get(preferred_name="Niña")
    assert nina.formats == ["easy_read", "large_print"]
    assert nina.available_days == ["mon", "wed"]
    assert nina.status == "active"
    assert Person.objects.get(preferred_name="王芳").status == "paused"
    jo = Person.objects.get(preferred_name="Jo O'Hare")
    assert list(jo.experience.values_list("code", "setting", "intervention")) == [
        ("direct.restrictive_interventions", "secure_forensic", "seclusion"),
        ("indirect.carer_training", "", ""),
    ]
    assert queries.register_of(riverside_coordinator).count() == 3
    assert AuditEvent.objects.get(action="people.imported").details == {"count": 3}
    assert PENDING not in coordinator.session


def test_one_bad_row_among_good_ones_writes_nothing_and_names_row_column_and_why(coordinator):
    before = register_state()
    bad = "Sam,,sam@example.org,easy_reed,,,\n"
    response = coordinator.post("/people/import/", {"file": upload(HEADER + GOOD_ROWS + bad)})
    assert response.status_code == 400
    assert "Error: Import people" in response.text
    assert "The file has 1 problem in 1 row, listed below. Nobody has been added." in response.text
    [(row, column, why)] = problems_in(response.text)
    assert (row, column) == ("5", "formats")
    assert why.startswith(
        "Unknown formats: easy_reed. Use any of: standard, large_print, easy_read"
    )
    assert register_state() == before
    assert PENDING not in coordinator.session


def test_the_dry_run_reports_every_bad_row_and_column(coordinator):
    text = (
        HEADER
        + ",,,,,,\n"  # blank rows are skipped, but still counted as spreadsheet rows
        + ",he/him,not-an-email,,someday,retired,direct.crisis@the_moon\n"
        + "Ok,,,,,,\n"
        + "Bo,,,,,,direct.nonsense\n"
    )
    response = coordinator.post("/people/import/", {"file": upload(text)})
    found = problems_in(response.text)
    assert [(row, column) for row, column, _ in found] == [
        ("3", "preferred_name"),
        ("3", "email"),
        ("3", "available_days"),
        ("3", "status"),
        ("3", "experience"),
        ("5", "experience"),
    ]
    why = {(row, column): message for row, column, message in found}
    assert why[("3", "preferred_name")] == "Enter the name the person likes to be called."
    assert "correct format" in why[("3", "email")]
    assert (
        "Unknown status &#x27;retired&#x27;. Use one of: active, paused, left."
        in why[("3", "status")]
    )
    assert (
        "unknown setting &#x27;the_moon&#x27;. Use one of: mental_health,"
        in why[("3", "experience")]
    )
    assert "The file has 6 problems in 2 rows" in response.text


def test_an_unknown_experience_code_names_the_valid_ones(coordinator):
    response = coordinator.post(
        "/people/import/", {"file": upload("preferred_name,experience\nBo,direct.nonsense\n")}
    )
    [(_, column, why)] = problems_in(response.text)
    assert column == "experience"
    assert "Experience 1: unknown experience code &#x27;direct.nonsense&#x27;." in why
    assert "Use one of: direct.diagnosis, direct.crisis," in why
    assert "indirect.adverse_incidents." in why


def test_unknown_and_missing_columns_are_reported_on_row_1(coordinator):
    response = coordinator.post(
        "/people/import/", {"file": upload("name,email,email\nBo,bo@example.org,\n")}
    )
    assert problems_in(response.text) == [
        ("1", "name", "Unknown column. The columns are: " + ", ".join(csv_io.COLUMN_NAMES) + "."),
        ("1", "email", "This column appears more than once."),
        (
            "1",
            "preferred_name",
            "The file needs a preferred_name column: every person needs the name they like "
            "to be called.",
        ),
    ]


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (upload(b"PK\x03\x04\x00\x00binary", "people.csv"), "The file is not a CSV file."),
        (upload("preferred_name\nBo\n", "people.xlsx"), "with a name ending .csv"),
        (upload("preferred_name\nJosé\n".encode("latin-1")), "The file is not saved as UTF-8"),
        (upload("preferred_name\n"), "The file has a header row but no people under it."),
        (upload("\n\n"), "The file is empty."),
        (upload('preferred_name\n"Bo\x00\n'), "The file is not a CSV file."),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_clear_message_not_an_error_page(
    coordinator, file, message
):
    before = register_state()
    response = coordinator.post("/people/import/", {"file": file})
    assert response.status_code == 400
    assert message in response.text
    assert register_state() == before


def test_a_file_that_is_not_valid_csv_gets_a_clear_message(coordinator):
    huge_cell = '"' + "x" * 200_000 + '"'
    response = coordinator.post(
        "/people/import/", {"file": upload(f"preferred_name\n{huge_cell}\n")}
    )
    assert response.status_code == 400
    assert "could not be read as CSV" in response.text


def test_a_file_over_2_mb_is_refused(coordinator):
    text = "preferred_name\n" + "Bo\n" * (csv_io.MAX_BYTES // 3 + 1)
    response = coordinator.post("/people/import/", {"file": upload(text)})
    assert response.status_code == 400
    assert "The file is larger than 2 MB." in response.text


def test_a_file_with_too_many_people_is_refused(coordinator, monkeypatch):
    monkeypatch.setattr(csv_io, "MAX_ROWS", 3)
    response = coordinator.post("/people/import/", {"file": upload("preferred_name\na\nb\nc\nd\n")})
    assert response.status_code == 400
    assert "The file has more than 3 people in it." in response.text
    assert register_state()[0] == []


def test_the_import_service_adds_everyone_or_no_one(riverside_coordinator):
    before = register_state()
    people = [
        PersonInput({"preferred_name": "Ada"}),
        PersonInput({"preferred_name": "Bo"}, (ExperienceInput("direct.nonsense"),)),
    ]
    with pytest.raises(InvalidInput):
        services.import_people(by=riverside_coordinator, people=people)
    assert register_state() == before


def test_confirming_without_a_checked_file_adds_nobody(coordinator):
    response = coordinator.post("/people/import/check/", {"digest": "anything"})
    assert response.status_code == 302
    assert response["Location"] == "/people/import/"
    assert Person.objects.count() == 0


def test_confirming_a_file_other_than_the_one_shown_adds_nobody(coordinator):
    coordinator.post("/people/import/", {"file": upload(HEADER + GOOD_ROWS)})
    response = coordinator.post("/people/import/check/", {"digest": "not the one shown"})
    assert response.status_code == 302
    assert Person.objects.count() == 0


def test_a_file_checked_for_one_organisation_is_not_added_to_another(
    client, riverside, hillview, riverside_coordinator, hillview_coordinator
):
    riverside_coordinator.user.memberships.create(organisation=hillview, role="coordinator")
    client.force_login(riverside_coordinator.user)
    client.post("/organisation/switch/", {"organisation": riverside.pk})
    client.post("/people/import/", {"file": upload(HEADER + GOOD_ROWS)})
    assert client.session[PENDING]["organisation_id"] == riverside.pk
    digest = client.session[PENDING]["digest"]
    client.post("/organisation/switch/", {"organisation": hillview.pk})
    response = client.post("/people/import/check/", {"digest": digest})
    assert response["Location"] == "/people/import/"
    assert Person.objects.count() == 0


def test_the_import_page_documents_the_columns_and_offers_a_template(coordinator):
    page = coordinator.get("/people/import/").text
    for name in csv_io.COLUMN_NAMES:
        assert f"<code>{name}</code>" in page
    assert "<code>easy_read</code>" in page
    assert "<code>secure_forensic</code>" in page
    template = coordinator.get("/people/import/template.csv")
    assert template["Content-Type"] == "text/csv; charset=utf-8"
    header = template.content.decode("utf-8-sig").strip()
    assert header.split(",") == csv_io.COLUMN_NAMES


def export(client, **filters: str) -> list[dict[str, str]]:
    response = client.get("/people/export.csv", filters)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_export_holds_the_filtered_register(
    coordinator, riverside_coordinator, hillview_coordinator
):
    add_person(
        riverside_coordinator,
        "王芳",
        ExperienceInput("direct.crisis", "mental_health", note="Two admissions."),
        email="wang@example.org",
        formats=["easy_read", "bsl"],
    )
    add_person(riverside_coordinator, "Left Lee", status="left")
    add_person(riverside_coordinator, "Bo", formats=["standard"])
    add_person(hillview_coordinator, "Hamid")
    rows = export(coordinator)
    assert [row["preferred_name"] for row in rows] == ["Bo", "王芳"]
    wang = rows[1]
    assert wang["email"] == "wang@example.org"
    assert wang["formats"] == "easy_read; bsl"
    assert wang["experience"] == "direct.crisis@mental_health"
    assert wang["experience_notes"] == "direct.crisis@mental_health: Two admissions."
    assert wang["shares"] == "details"
    assert [row["preferred_name"] for row in export(coordinator, format="easy_read")] == ["王芳"]
    assert [row["preferred_name"] for row in export(coordinator, status="left")] == ["Left Lee"]


def test_the_export_holds_only_what_a_person_shares(coordinator, riverside, expert_at_both):
    share_only_a_summary(expert_at_both, riverside.pk)
    [sam] = export(coordinator)
    assert sam["preferred_name"] == "Sam"
    assert sam["experience"] == "direct.crisis@mental_health"
    assert sam["shares"] == "summary"
    for column in ["email", "phone", "full_name", "experience_notes", "adjustments"]:
        assert sam[column] == "not shared"
    raw = b"".join(coordinator.get("/people/export.csv").streaming_content).decode()
    for private in ["sam@people.example", "07700 900456", "Private-Surname", "A private note."]:
        assert private not in raw


def test_the_export_never_hands_a_spreadsheet_a_formula(coordinator, riverside_coordinator):
    add_person(
        riverside_coordinator,
        '=HYPERLINK("http://evil.example","click")',
        pronouns="@SUM(A1)",
        phone="+44 7700 900123",
        town="-2+3",
    )
    [row] = export(coordinator)
    assert row["preferred_name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["pronouns"] == "'@SUM(A1)"
    assert row["phone"] == "'+447700900123"  # stored in E.164, still made harmless
    assert row["town"] == "'-2+3"
    assert csv_export.safe_cell("\t=1") == "'\t=1"
    assert csv_export.safe_cell("Niña") == "Niña"


def test_the_export_reads_the_register_in_batches_without_missing_anyone(riverside_coordinator):
    for name in ["Cy", "Ada", "Bo", "Ada", "Ada", "Di", "Bo"]:
        add_person(riverside_coordinator, name)
    batches = list(
        queries.register_in_batches(riverside_coordinator, queries.RegisterFilters(), size=2)
    )
    assert [len(batch) for batch in batches] == [2, 2, 2, 1]
    ids = [profile.id for batch in batches for profile in batch]
    assert len(set(ids)) == 7
    assert [p.preferred_name for batch in batches for p in batch] == [
        "Ada",
        "Ada",
        "Ada",
        "Bo",
        "Bo",
        "Cy",
        "Di",
    ]


def test_a_checked_file_is_never_kept_in_plain_text_in_the_session_table(coordinator):
    coordinator.post("/people/import/", {"file": upload(HEADER + GOOD_ROWS, "seclusion.csv")})
    stored = " ".join(s.session_data for s in Session.objects.all())
    stored += " ".join(str(s.get_decoded()) for s in Session.objects.all())
    for planted in ("Niña", "nina@example.org", "seclusion", "O'Hare"):
        assert planted not in stored
    assert "Niña" in coordinator.get("/people/import/check/").text


def test_a_checked_file_is_dropped_after_an_hour(coordinator):
    coordinator.post("/people/import/", {"file": upload(HEADER + GOOD_ROWS)})
    session = coordinator.session
    kept = session[PENDING]
    kept["checked_at"] = (timezone.now() - timedelta(hours=1, minutes=1)).isoformat()
    session[PENDING] = kept
    session.save()
    response = coordinator.get("/people/import/check/")
    assert response["Location"] == "/people/import/"
    assert PENDING not in coordinator.session
