"""Every write about the running of the work, one function per user action, each in a
transaction with its own audit record. Import from the module that holds the action
(``engagements.services.booking`` and so on)."""
