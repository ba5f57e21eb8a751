"""schemathesis against the read API's own OpenAPI schema, through the WSGI app (no
network, no server): for every operation it generates requests (valid and invalid
parameters) and checks that none gives a server error and every answer has a
status, content type and body that the schema declares."""

from contextlib import contextmanager

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.schema_text import undescribed

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@contextmanager
def connections_kept():
    """Requests through the WSGI app end with Django closing a connection that is not in
    autocommit, as a test's is (inside its transaction): on PostgreSQL that would end the
    test's transaction and the shared demo's. Django's test client disconnects the same
    receivers."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


# Read when the tests are collected: serving the schema needs no database.
# (schemathesis.pytest.from_fixture would load it in a fixture, but does not work with
# pytest 9.)
with connections_kept():
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_keeps_to_the_schema(case, demo_site):
    with connections_kept():
        if case.method == "TRACE":
            # The whole site answers TRACE with 501 before any view (core.middleware):
            # no address implements it, the API's included.
            assert case.call().status_code == 501
            return
        case.call_and_validate(checks=CHECKS)


def test_every_field_and_parameter_is_described_in_both_languages(client):
    danish = client.get("/api/v1/schema/").json()
    english = client.get("/api/v1/schema/?lang=en").json()
    assert undescribed(danish) == []
    assert english["paths"].keys() == danish["paths"].keys()

    def descriptions(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("description", "summary") and isinstance(value, str):
                    yield value
                else:
                    yield from descriptions(value)
        elif isinstance(node, list):
            for value in node:
                yield from descriptions(value)

    pairs = list(zip(descriptions(danish), descriptions(english), strict=True))
    untranslated = sorted({da for da, en in pairs if da == en})
    assert untranslated == [], untranslated
