"""Staff recording what a person told them another way (by phone, in person, by letter):
the pages of `workflows.on_behalf`, one module for each part whose record they make. They
keep that part's paths and URL names (`workflows.urls`)."""
