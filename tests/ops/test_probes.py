"""/healthz and /readyz, as a load balancer asks them."""

import json
import logging
import sys

import pytest
from django.test import override_settings

from ops.jsonlog import JSONFormatter
from search.backends import _backend

pytestmark = pytest.mark.django_db


def test_healthz_says_the_process_is_up_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"] and not response.cookies


def test_readyz_checks_database_cache_and_search(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "ready": True,
        "failed": {},
        "checked": ["database", "cache", "search"],
    }


BROKEN_CACHE = {
    "default": {
        # Nothing listens on port 9: every cache call fails.
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def test_readyz_names_what_is_down(client):
    with override_settings(CACHES=BROKEN_CACHE):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["ready"] is False and list(body["failed"]) == ["cache"]


def test_readyz_is_503_when_search_is_down(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.SEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"
    _backend.cache_clear()  # a backend made for another test would keep its own address
    response = client.get("/readyz")
    _backend.cache_clear()
    assert response.status_code == 503 and "search" in response.json()["failed"]


def test_log_records_are_one_json_object_per_line():
    formatter = JSONFormatter()
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Fejl på %s", ("/x/",), None
    )
    record.status_code = 500
    try:
        raise ValueError("æøå")
    except ValueError:
        record.exc_info = sys.exc_info()
    line = formatter.format(record)
    assert "\n" not in line  # the traceback's lines are escaped inside the string
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert entry["message"] == "Fejl på /x/" and entry["status"] == 500
    assert "ValueError: æøå" in entry["exception"]
