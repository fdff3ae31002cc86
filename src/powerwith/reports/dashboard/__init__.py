"""The organisation dashboard: how one organisation is living up to the P.O.W.E.R.
principles over a period, from its own records (figures in ``figures``, reads in
``queries``, the period in ``period``, exports in ``export``)."""
