"""Restraint-reduction outcomes: services record monthly counts of restrictive
interventions (by form, CSV or the API), link the co-working projects that concern them,
and see the trend with the months of that work marked. It shows association, not cause."""
