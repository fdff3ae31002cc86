"""Reports are computed from the other parts' records and keep no data of their own.
(Restraint-reduction outcomes, which do, are an app of their own: powerwith.outcomes.)"""
