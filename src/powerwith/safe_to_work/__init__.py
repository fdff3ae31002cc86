"""Safe to work: the checks an organisation requires before someone does a kind of work
(a DBS check at a level, named training, an induction), recorded per person, and what
they block while missing or expired."""
