"""Settings for powerwith, read from the environment and nowhere else.

Defaults suit a developer's machine and the demo: SQLite under ``var/``, e-mail printed
to the console. Production sets ``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL``
and leaves ``DEBUG`` off; the secure defaults of the parts then pass ``check --deploy``.

The parts live in ``powerwith.configuration``, read in this order (a setting that is
missing or wrong stops the first part that needs it): ``environment`` (reading a
variable), ``base`` (paths, the local demo, the secret key, the apps and the templates),
``database``, ``logins`` (passwords, login throttling and the second factor), ``files``
(static files and uploads), ``mail``, ``security`` (sessions, cookies, HTTPS and the
content security policy), ``logs``, ``caches`` (the shared cache and the worker),
``keys`` (the field-encryption and ledger keys, the metrics token) and ``service``
(links, figures kept, the error page).
"""

# In this order, not the alphabet's: a missing or wrong setting stops the part that reads it
# first, and each part reads only the parts above it.
# isort: off
from powerwith.configuration.environment import *  # noqa: F403
from powerwith.configuration.base import *  # noqa: F403
from powerwith.configuration.database import *  # noqa: F403
from powerwith.configuration.logins import *  # noqa: F403
from powerwith.configuration.files import *  # noqa: F403
from powerwith.configuration.mail import *  # noqa: F403
from powerwith.configuration.security import *  # noqa: F403
from powerwith.configuration.logs import *  # noqa: F403
from powerwith.configuration.caches import *  # noqa: F403
from powerwith.configuration.keys import *  # noqa: F403
from powerwith.configuration.service import *  # noqa: F403
# isort: on
