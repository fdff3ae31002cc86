"""The core layer: what every part of powerwith shares and nothing in it depends on —
the errors services raise, the request type, the view helpers and form rendering, the
roles and what each may do, the shared vocabulary of the work, times, figures, the
encrypted fields, and e-mail through the worker. It imports no app of the product
(docs/adr/011-layers-and-layout.md)."""
