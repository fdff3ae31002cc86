"""Slips of wording that reached pages once: none may come back, in a template or in the
code that writes what people read (migrations keep the history as it was)."""

from __future__ import annotations

from pathlib import Path

import pytest

from powerwith.evaluation.readiness import FACTORS

SOURCE = Path(__file__).resolve().parent.parent / "src" / "powerwith"
SLIPS = [
    "the first first",
    "Paid hours (in minutes)",
    "never the less",
    "concerns over such as",
]


def written_for_people() -> list[Path]:
    return [
        path
        for pattern in ("*.html", "*.py", "*.txt")
        for path in SOURCE.rglob(pattern)
        if "migrations" not in path.parts
    ]


@pytest.mark.parametrize("slip", SLIPS)
def test_the_slip_is_nowhere(slip):
    found = [str(p.relative_to(SOURCE)) for p in written_for_people() if slip in p.read_text()]
    assert found == []


def test_the_charters_barrier_is_written_correctly():
    [time_and_cost] = [f for f in FACTORS if f.code == "barrier.time_and_cost"]
    assert time_and_cost.text == (
        "Practical constraints, such as concerns over time and cost implications"
    )
