"""Sharing the learning: learning summaries of a piece of work, the network library of
published summaries, and network benchmarks of anonymised figures (ADR 017)."""
