"""The pages below privacy note each read of a person's details through `people.reads`,
and privacy writes the access-log entry: the person sees who looked, whichever part's page
showed it, and a read that nothing would note is refused rather than lost."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from powerwith.accounts.models import Membership
from powerwith.people.choices import What
from powerwith.people.reads import details_read, record_read, record_reads
from powerwith.privacy.access import keep
from powerwith.privacy.queries import access_log_of


def test_a_read_noted_by_a_lower_part_reaches_the_persons_access_log(
    riverside_coordinator, expert_at_riverside
):
    record_read(
        viewer=riverside_coordinator, person=expert_at_riverside, what=What.PROFILE, where="/p/"
    )
    entries = list(access_log_of(expert_at_riverside))
    assert [(e.viewer_id, e.what, e.where) for e in entries] == [
        (riverside_coordinator.user_id, What.PROFILE, "/p/")
    ]


def test_the_person_reading_their_own_details_is_not_noted(riverside, expert_at_riverside):
    own = Membership.objects.get(user=expert_at_riverside.user, organisation=riverside)
    record_reads(viewer=own, people=[expert_at_riverside], what=What.EXPERIENCE, where="/me/")
    assert not access_log_of(expert_at_riverside).exists()


def test_a_read_with_nothing_to_keep_the_log_is_refused(riverside_coordinator, expert_at_riverside):
    details_read.disconnect(dispatch_uid="privacy.access.keep")
    try:
        with pytest.raises(ImproperlyConfigured):
            record_read(
                viewer=riverside_coordinator,
                person=expert_at_riverside,
                what=What.PROFILE,
                where="/p/",
            )
    finally:
        details_read.connect(keep, dispatch_uid="privacy.access.keep")
