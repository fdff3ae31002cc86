"""The CSV import: every row checked, a row-by-row report of every problem in plain
words, nothing recorded if any row is bad, everything recorded at once if all are good."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from powerwith.accounts.models import AuditEvent, Membership
from powerwith.outcomes import csv_import, months
from powerwith.outcomes.models import CountSource, InterventionCount
from tests.conftest import logged_in
from tests.outcomes.factories import ago, figures, ward

URL = "/outcomes/import/"


def upload(client: Client, text: str | bytes, name: str = "figures.csv"):
    data = text.encode() if isinstance(text, str) else text
    return client.post(URL, {"file": SimpleUploadedFile(name, data, "text/csv")})


def csv_of(*rows: str) -> str:
    return "\n".join(["service,month,intervention,count", *rows]) + "\n"


@pytest.fixture
def coordinator(client, riverside_coordinator: Membership) -> Client:
    ward(riverside_coordinator, "Willow Ward")
    ward(riverside_coordinator, "Oak Ward")
    return logged_in(client, riverside_coordinator.user)


def problems(response) -> dict[int, list[str]]:
    check = response.context["check"]
    return {problem.row: problem.messages for problem in check.problems}


def test_a_good_file_is_recorded_all_at_once_and_the_report_lists_it(coordinator):
    last = months.iso(ago(1))
    response = upload(
        coordinator,
        csv_of(
            f"Willow Ward,{last},physical_restraint,4",
            f"willow ward,{last},Seclusion,1",
            f"Oak Ward,{last},Prone (face-down) restraint,0",
        ),
    )
    assert response.status_code == 200
    assert response.context["added"] == 3
    assert InterventionCount.objects.count() == 3
    assert set(InterventionCount.objects.values_list("source", flat=True)) == {CountSource.CSV}
    body = response.content.decode()
    assert "3 figures imported" in body
    by_service = {r.name: (r.added, r.changed) for r in response.context["by_service"]}
    assert by_service == {"Oak Ward": (1, 0), "Willow Ward": (2, 0)}


def test_a_good_file_corrects_a_recorded_figure_and_says_so(coordinator, riverside_coordinator):
    service = ward(riverside_coordinator, "Elm Ward")
    figures(riverside_coordinator, service, ago(2), seclusion=5)
    response = upload(coordinator, csv_of(f"Elm Ward,{months.iso(ago(2))},seclusion,3"))
    assert response.context["changed"] == 1
    [correction] = response.context["corrections"]
    assert (correction.old, correction.entry.count) == (5, 3)
    assert "Figures corrected" in response.content.decode()
    assert InterventionCount.objects.get(service=service).count == 3
    event = AuditEvent.objects.get(action="outcomes.count_corrected")
    assert (event.details["old"], event.details["new"]) == (5, 3)


def test_one_bad_row_means_nothing_is_recorded(coordinator):
    last = months.iso(ago(1))
    response = upload(
        coordinator,
        csv_of(f"Willow Ward,{last},physical_restraint,4", f"Nowhere Ward,{last},seclusion,1"),
    )
    assert response.status_code == 400
    assert not InterventionCount.objects.exists()
    assert response.context["changes"] is None
    assert list(problems(response)) == [3]
    body = response.content.decode()
    assert "Error: " in body  # the page title and the error summary
    assert "The file has 1 problem in 1 row, listed below. Nothing has been recorded." in body


def test_the_report_names_every_kind_of_problem_row_by_row(coordinator):
    last = months.iso(ago(1))
    future = months.iso(ago(-1))
    response = upload(
        coordinator,
        csv_of(
            f"Nowhere Ward,{last},seclusion,1",  # 2: unknown service
            "Willow Ward,2025-13,seclusion,1",  # 3: not a real month
            f"Willow Ward,{future},seclusion,1",  # 4: in the future
            f"Willow Ward,{last},hugging,1",  # 5: unknown intervention
            f"Willow Ward,{last},seclusion,-2",  # 6: negative
            f"Willow Ward,{last},physical_restraint,2.5",  # 7: not whole
            f"Oak Ward,{last},seclusion,1",  # 8: fine
            f"oak ward,{last},Seclusion,2",  # 9: repeats row 8
            f",{last},,",  # 10: missing values
        ),
    )
    found = problems(response)
    assert sorted(found) == [2, 3, 4, 5, 6, 7, 9, 10]
    assert "There is no service called 'Nowhere Ward'" in found[2][0]
    assert "'2025-13' is not a real month" in found[3][0]
    assert "is in the future" in found[4][0]
    assert "'hugging' is not a type of restrictive intervention" in found[5][0]
    assert "'-2' is not a whole number of 0 or more" in found[6][0]
    assert "'2.5' is not a whole number" in found[7][0]
    assert "This row repeats row 8" in found[9][0]
    assert found[10] == [
        "The service is missing.",
        "The type of intervention is missing.",
        "The count is missing. Write 0 if there were none.",
    ]
    assert not InterventionCount.objects.exists()
    body = response.content.decode()
    assert "10 problems in 8 rows" in body
    assert "<code>Nowhere Ward</code>" in body  # the values of the row are shown


def test_a_missing_column_is_reported_against_the_header(coordinator):
    response = upload(coordinator, "service,month,count\nWillow Ward,2025-01,3\n")
    assert problems(response) == {
        1: [
            "The file has no 'intervention' column. The first row must name the columns "
            "service, month, intervention, count."
        ]
    }
    assert not InterventionCount.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"\n\n", "The file is empty"),
        (b"service,month,intervention,count\n", "a header row but no figures"),
        (
            "service,month,intervention,count\nGr\xfcn,2025-01,seclusion,1\n".encode("latin-1"),
            "not saved as UTF-8",
        ),
        (b"PK\x03\x04\x00\x00", "not a CSV file"),
    ],
)
def test_files_that_cannot_be_read_get_a_clear_message(coordinator, content, message):
    response = upload(coordinator, content)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors["file"])
    assert not InterventionCount.objects.exists()


def test_a_file_over_the_size_limit_is_refused(coordinator):
    line = f"Willow Ward,{months.iso(ago(1))},seclusion,1\n"
    big = csv_of() + line * (csv_import.MAX_BYTES // len(line) + 1)
    response = upload(coordinator, big)
    assert "larger than 1 MB" in str(response.context["form"].errors["file"])


def test_a_file_over_the_row_limit_is_refused(coordinator, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_ROWS", 3)
    line = f"Willow Ward,{months.iso(ago(1))},seclusion,1\n"
    response = upload(coordinator, csv_of() + line * 4)
    assert "more than 3 rows" in str(response.context["form"].errors["file"])


def test_a_file_that_is_not_csv_by_name_is_refused(coordinator):
    response = upload(coordinator, csv_of(), name="figures.xlsx")
    assert "must be a CSV file" in str(response.context["form"].errors["file"])


def test_the_template_downloads_and_would_import_once_the_service_exists(
    coordinator, riverside_coordinator
):
    response = coordinator.get("/outcomes/import/template.csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "service,month,intervention,count"
    ward(riverside_coordinator, "Example Ward")
    imported = upload(coordinator, text)
    assert imported.context["added"] == 2


def test_an_export_goes_out_and_comes_back_unchanged(coordinator, riverside_coordinator):
    service = ward(riverside_coordinator, "=Cmd Ward")
    figures(riverside_coordinator, service, ago(3), seclusion=2, physical_restraint=7)
    response = coordinator.get("/outcomes/outcomes.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("service,month,intervention,count")
    assert "'=Cmd Ward" in lines[1]  # never a formula in a spreadsheet
    assert len(lines) == 3


@pytest.mark.parametrize("role", ["riverside_auditor", "riverside_contact"])
def test_only_coordinators_and_admins_import(client, request, role):
    member = request.getfixturevalue(role)
    response = upload(logged_in(client, member.user), csv_of())
    assert response.status_code == 403
