"""Prints the clarity checker's precision and recall at the end of every run that scored
the corpus or the held-back sample, whether or not output capture is on."""

from __future__ import annotations

import pytest
from _pytest.terminal import TerminalReporter

from powerwith.offers.clarity import BLOCKING_RULES
from tests.offers.clarity_scoring import CLARITY_SCORE, HELD_BACK_SCORE


def pytest_terminal_summary(
    terminalreporter: TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    score = config.stash.get(CLARITY_SCORE, None)
    if score is not None:
        terminalreporter.write_sep("-", "clarity checker against its labelled corpus")
        for line in score.lines():
            terminalreporter.write_line(line)
    held_back = config.stash.get(HELD_BACK_SCORE, None)
    if held_back is not None:
        terminalreporter.write_sep("-", "clarity checker against its held-back sample")
        blocking = held_back.of(BLOCKING_RULES)
        terminalreporter.write_line(
            f"rules that block sending: precision {blocking.precision:.3f}, "
            f"recall {blocking.recall:.3f}"
        )
        for line in held_back.lines():
            terminalreporter.write_line(line)
