"""Actions whose effects reach across the parts of the product: one thing a person does,
in one transaction, that lands in several apps — accepting an offer records the
adjustments agreed in it; changing the work sends everyone offered it the new version;
leaving the work withdraws consent to take part, cancels the sessions to come and keeps
the pay for what was done.

The domain apps never import this package; pages, the API and commands call it.
"""
