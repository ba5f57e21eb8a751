"""The worksheet keeps nothing: after a whole fill-and-download every table has the
rows it had, no file has appeared or changed under MEDIA_ROOT or DATA_DIR, no
response sets a cookie, and no log line holds what was typed."""

import logging
import os
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

from guidelines.models import Municipality

from .helpers import NATIONAL, REGIONAL, SAME_SITE, docx_text, form_data, pdf_text

pytestmark = pytest.mark.django_db


def row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def files():
    found = {}
    for root in {Path(settings.MEDIA_ROOT), Path(settings.DATA_DIR)}:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder, name)
                stat = path.stat()
                found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def cached_values():
    """Every value in every configured cache (local memory here: the page cache, the
    rate limits, the search's caches), pickled as they are kept."""
    found = []
    for alias in settings.CACHES:
        store = getattr(caches[alias], "_cache", {})
        found += [value for value in store.values() if isinstance(value, bytes)]
    return found


@pytest.fixture
def page_cache_on():
    # The page cache on, as in production: a post's answer must not end up in it.
    with override_settings(PAGE_CACHE_SECONDS=600):
        yield


@pytest.mark.parametrize("address", [NATIONAL, REGIONAL])
def test_a_fill_and_download_stores_nothing(demo_site, client, caplog, page_cache_on, address):
    client.get(address)  # anything the first visit may set up lazily, before counting
    caplog.set_level(logging.DEBUG)
    secret = f"Hemmelig-{uuid.uuid4().hex}"
    tables, on_disk = row_counts(), files()

    responses = [client.get(address)]
    data = form_data(responses[0].content.decode())
    data.update({"citizen": secret, "del1-r1-k1": secret + " mål", "del2-3": secret})
    steps = [
        {"handling": "tilfoej-1"},
        {"handling": "kommune", "municipality": str(Municipality.objects.get(name="Randers").code)},
        {"handling": "udskriv"},
        {"handling": "pdf"},
        {"handling": "docx"},
    ]
    for step in steps:
        data.update(step)
        response = client.post(address, data, **SAME_SITE)
        assert response.status_code == 200, step
        responses.append(response)
        if step["handling"] in ("tilfoej-1", "kommune"):
            data = {**form_data(response.content.decode()), **{"citizen": secret}}

    assert secret in responses[3].content.decode()
    assert secret in pdf_text(responses[4].content).replace("\n", "")
    assert secret in docx_text(responses[5].content)

    assert row_counts() == tables
    assert files() == on_disk
    assert cached_values(), "the caches were looked into"
    for value in cached_values():
        assert secret.encode() not in value
    for response in responses:
        assert "Set-Cookie" not in response.headers, response.headers
        assert not response.cookies
    # Every record any logger made while this ran, at any level, with its arguments.
    logged = "\n".join(
        f"{record.name} {record.getMessage()} {record.args!r} {record.__dict__!r}"
        for record in caplog.records
    )
    assert secret not in logged
    assert secret not in caplog.text


def test_an_error_report_never_holds_what_was_typed(demo_site, client):
    """If the view failed, Django's error report (mailed to admins) would show the
    POST: the view marks every posted field sensitive, so the report hides them."""
    from django.views.debug import SafeExceptionReporterFilter

    request = client.post(NATIONAL, {"citizen": "Hemmelig"}, **SAME_SITE).wsgi_request
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert cleaned["citizen"] != "Hemmelig"
