"""Pages that bring several parts together, served under the name of the part they belong
to (docs/adr/011-layers-and-layout.md): a lower part's page that needs a higher part lives
here, so the lower part never imports the higher one. `workflows.urls` lists them by the
namespace they keep."""
