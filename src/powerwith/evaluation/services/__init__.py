"""Every write of evaluation: one function per user action, each in a transaction with
its audit record."""
