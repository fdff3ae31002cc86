"""The browser fixtures, for the evaluation pages' own browser tests."""

from tests.browser.conftest import (  # noqa: F401
    _static_files_from_the_source,
    browser,
    context,
    page,
)
