"""Prints the clarity checker's precision and recall at the end of every run that scored
the corpus, whether or not output capture is on."""

from __future__ import annotations

import pytest
from _pytest.terminal import TerminalReporter

from tests.offers.clarity_scoring import CLARITY_SCORE


def pytest_terminal_summary(
    terminalreporter: TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    score = config.stash.get(CLARITY_SCORE, None)
    if score is None:
        return
    terminalreporter.write_sep("-", "clarity checker against its labelled corpus")
    for line in score.lines():
        terminalreporter.write_line(line)
