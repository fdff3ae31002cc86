"""Every message to an expert by experience, by the channel the person chose
(docs/adr/014-messages-by-the-persons-channel.md)."""
