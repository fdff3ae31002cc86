"""Matching people to an opportunity's required experience, explainably, and spreading the
work fairly (P: the right people with the right experience). It reads the register
(people), the opportunity's requirements and the work people have already done
(engagements), so it sits above all three; it keeps no data of its own."""
