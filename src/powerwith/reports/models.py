"""The reports are computed from the other parts' records; they keep no data of their own."""
