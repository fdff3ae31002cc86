"""powerwith: fair, respectful co-working with experts by experience."""
