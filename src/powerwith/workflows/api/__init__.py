"""Endpoints that bring several parts together, served under the tag, path and operation
id of the part they belong to (docs/adr/011-layers-and-layout.md): a lower part's endpoint
that needs a higher part lives here, so the lower part never imports the higher one. The
project's `api` mounts each router."""
