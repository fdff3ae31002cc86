"""Opportunity pages and the organisation's rate card."""
