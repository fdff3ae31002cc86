"""Counts of the register, kept in the shared cache instead of counted on every request.

A register page, the API people list and the coordinator's home each said how many
people there are with a ``COUNT(*)`` over the organisation's links: at 60,000 people a
scan of tens of milliseconds on every request, which grows with the register. Here a
count is kept in the shared cache under the exact SQL and parameters of the query it
counts (so the organisation, the filters and the visibility rules are all in the key and
no count is ever served for another question), together with the register's generation.

Any save or delete of a person, a link to an organisation or an experience entry starts
a new generation (``note_register_changed``, connected in ``PeopleConfig.ready``), so a
change a person makes shows in the next count; a change made around the ORM's signals
(a bulk update) shows within ``REGISTER_COUNT_SECONDS``.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

GENERATION_KEY = "register:generation"


def cached_count(queryset: QuerySet[Any]) -> int:
    """``queryset.count()``, from the shared cache while the register has not changed."""
    seconds = settings.REGISTER_COUNT_SECONDS
    if not seconds:
        return queryset.count()
    sql, params = queryset.query.sql_with_params()
    generation = cache.get(GENERATION_KEY, 0)
    digest = hashlib.sha256(repr((generation, sql, params)).encode()).hexdigest()
    key = f"register:count:{digest}"
    found = cache.get(key)
    if found is None:
        found = queryset.count()
        cache.set(key, found, seconds)
    return int(found)


def note_register_changed(**_: object) -> None:
    """A new generation: every count kept before it is no longer read."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


class CountedPaginator(Paginator[Any]):
    """Django's paginator, with its count kept by ``cached_count``."""

    @cached_property
    def count(self) -> int:
        return cached_count(self.object_list)  # type: ignore[arg-type]
