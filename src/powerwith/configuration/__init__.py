"""The parts of powerwith's settings, each read from the environment; ``powerwith.settings``
(the module ``DJANGO_SETTINGS_MODULE`` names) reads them in order."""
