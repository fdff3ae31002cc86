"""Settings for powerwith, read from the environment and nowhere else.

Defaults suit a developer's machine and the demo: SQLite under ``var/``, e-mail printed
to the console. Production sets ``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL``
and leaves ``DEBUG`` off; the secure defaults of the parts then pass ``check --deploy``.

The parts, read in this order (a setting that is missing or wrong stops the first part
that needs it): ``environment`` (reading a variable), ``base`` (paths, the local demo,
the secret key, the apps and the templates), ``database``, ``logins`` (passwords, login
throttling and the second factor), ``files`` (static files and uploads), ``mail``,
``security`` (sessions, cookies, HTTPS and the content security policy), ``logs``,
``caches`` (the shared cache and the worker), ``keys`` (the field-encryption and ledger
keys, the metrics token) and ``service`` (links, figures kept, the error page).
"""

# In this order, not the alphabet's: a missing or wrong setting stops the part that reads it
# first, and each part reads only the parts above it.
# isort: off
from powerwith.settings.environment import *  # noqa: F403
from powerwith.settings.base import *  # noqa: F403
from powerwith.settings.database import *  # noqa: F403
from powerwith.settings.logins import *  # noqa: F403
from powerwith.settings.files import *  # noqa: F403
from powerwith.settings.mail import *  # noqa: F403
from powerwith.settings.security import *  # noqa: F403
from powerwith.settings.logs import *  # noqa: F403
from powerwith.settings.caches import *  # noqa: F403
from powerwith.settings.keys import *  # noqa: F403
from powerwith.settings.service import *  # noqa: F403
# isort: on
