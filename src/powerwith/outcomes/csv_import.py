"""Reading a CSV file of monthly counts (``service,month,intervention,count``) and the
export, which has the same first four columns so a file can go out and come back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date

from powerwith.outcomes import months
from powerwith.outcomes.models import InterventionCount, Service
from powerwith.outcomes.rows import RowCheck, RowProblem, check_rows
from powerwith.people.csv import UnreadableFile
from powerwith.people.csv import decode as decode_upload
from powerwith.people.csv.export import csv_lines, safe_cell
from powerwith.people.schedule import INTERVENTION_LABELS, SETTING_LABELS

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
COLUMNS = ("service", "month", "intervention", "count")
EXPORT_COLUMNS = [*COLUMNS, "intervention_label", "setting", "source", "recorded_at"]


def decode(data: bytes) -> str:
    if not data.strip():
        raise UnreadableFile(
            "The file is empty. Download the template, add one figure a row and upload it."
        )
    return decode_upload(data, MAX_BYTES)


def check_import(text: str, *, services: Mapping[str, Service], today: date) -> RowCheck:
    """Check every row. Rows are numbered as a spreadsheet shows them: the header is row 1."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise UnreadableFile(
                f"The file is empty. Its first row must name the columns: {','.join(COLUMNS)}."
            )
        names = [cell.strip().lower() for cell in header]
        missing = [column for column in COLUMNS if column not in names]
        if missing:
            return RowCheck(
                problems=[
                    RowProblem(
                        1,
                        {},
                        [
                            f"The file has no '{column}' column. The first row must name "
                            f"the columns {', '.join(COLUMNS)}."
                            for column in missing
                        ],
                    )
                ]
            )
        rows = list(_rows(reader, names))
    except csv.Error as error:
        raise UnreadableFile(
            f"Row {reader.line_num} could not be read as CSV ({error}). Check the file is "
            "saved as CSV, with commas between cells."
        ) from error
    if not rows:
        raise UnreadableFile("The file has a header row but no figures under it.")
    return check_rows(rows, services=services, today=today)


def _rows(reader: Iterable[list[str]], names: list[str]) -> Iterable[tuple[int, dict[str, str]]]:
    count = 0
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise UnreadableFile(
                f"The file has more than {MAX_ROWS:,} rows. Import at most {MAX_ROWS:,} "
                "at a time: split it into smaller files."
            )
        values = {name: cell for name, cell in zip(names, cells, strict=False) if name in COLUMNS}
        yield number, values


def template_lines() -> Iterable[str]:
    yield "\ufeff"
    yield from csv_lines(
        [
            list(COLUMNS),
            ["Example Ward", "2026-01", "physical_restraint", "4"],
            ["Example Ward", "2026-01", "Seclusion", "1"],
        ]
    )


def export_lines(counts: Iterable[InterventionCount]) -> Iterable[str]:
    # The byte order mark lets spreadsheets read names in every script as UTF-8.
    yield "\ufeff" + "".join(csv_lines([EXPORT_COLUMNS]))
    for count in counts:
        yield from csv_lines(
            [
                [
                    safe_cell(count.service.name),
                    months.iso(count.month),
                    count.intervention,
                    str(count.count),
                    INTERVENTION_LABELS.get(count.intervention, count.intervention),
                    SETTING_LABELS.get(count.service.setting, ""),
                    count.source,
                    count.recorded_at.isoformat(timespec="seconds"),
                ]
            ]
        )
