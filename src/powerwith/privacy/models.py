"""Who has looked at a person's information, and the person's data rights."""
