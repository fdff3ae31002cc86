"""Most reports are computed from the other parts' records and keep no data of their own.
The exception is restraint-reduction outcomes: the monthly counts of restrictive
interventions a service records (see ``models_outcomes``)."""

from powerwith.reports.models_outcomes import (
    CountSource,
    InterventionCount,
    Service,
    ServiceProject,
)

__all__ = ["CountSource", "InterventionCount", "Service", "ServiceProject"]
