"""The default cache is shared by every process through the database, counts exactly
under contention, and Redis through Django's own backend is the option for large sites
(``CACHE_URL``; tested against a real redis-server when ``REDIS_TEST_URL`` names one)."""

from __future__ import annotations

import os
import threading

import pytest
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import override_settings

from powerwith.settings import cache_from_url


def test_the_default_cache_is_the_database_one_shared_by_every_process():
    assert cache_from_url("")["BACKEND"] == "powerwith.core.cache.DatabaseCache"
    assert cache_from_url("db://")["LOCATION"] == "powerwith_cache"


def test_a_redis_url_chooses_djangos_own_redis_backend():
    found = cache_from_url("redis://cache.internal:6379/1")
    assert found == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/1",
    }


def test_an_unknown_cache_url_stops_the_start_with_a_reason():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_from_url("memcached://somewhere")


@pytest.mark.django_db
def test_migrate_makes_the_cache_table_and_the_cache_keeps_values_in_it():
    assert "powerwith_cache" in connection.introspection.table_names()
    cache.set("shared:probe", {"figure": 7}, 60)
    assert cache.get("shared:probe") == {"figure": 7}
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM powerwith_cache WHERE cache_key LIKE %s", ["%probe"])
        assert cursor.fetchone()[0] == 1


@pytest.mark.django_db(transaction=True)
def test_counting_from_many_threads_at_once_loses_no_count():
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and (name in (":memory:", "") or "mode=memory" in name):
        pytest.skip("threads share no in-memory SQLite database")
    cache.delete("shared:count")
    cache.add("shared:count", 0, 60)
    errors: list[BaseException] = []

    def count() -> None:
        try:
            for _ in range(10):
                cache.incr("shared:count")
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=count) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert cache.get("shared:count") == 40


@pytest.mark.django_db
def test_a_missing_or_expired_counter_is_not_counted():
    cache.delete("shared:gone")
    with pytest.raises(ValueError, match="not found"):
        cache.incr("shared:gone")
    cache.set("shared:gone", 3, -1)
    with pytest.raises(ValueError, match="not found"):
        cache.incr("shared:gone")


REDIS = os.environ.get("REDIS_TEST_URL", "")


@pytest.mark.skipif(not REDIS, reason="REDIS_TEST_URL names no redis-server (.ci/run starts one)")
@pytest.mark.django_db
def test_with_redis_the_rate_limit_and_the_figures_are_kept_in_redis(riverside_coordinator):
    from tests.conftest import api_client_for

    with override_settings(CACHES={"default": cache_from_url(REDIS)}, API_TOKEN_RATE_PER_MINUTE=2):
        redis = caches["default"]
        assert type(redis).__name__ == "RedisCache"
        redis.clear()
        api = api_client_for(riverside_coordinator)
        answers = [api.get("/api/v1/me").status_code for _ in range(3)]
        assert answers[:2] == [200, 200]
        assert answers[2] == 429
        health = api.get("/api/v1/health").json()
        assert health["cache"] == "ok"
        redis.clear()
