"""Sections kept in the page cache follow the glossary: publishing it purges them
(it stands under the home page, and a change there purges the whole site:
core/page_cache/purges.py)."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from glossary.factories import term

from .conftest import publish

SECTION = "/vejledninger/model/samarbejde/"


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(PAGE_CACHE_SECONDS=600):
        cache.clear()
        yield
        cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the purge) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_publishing_the_glossary_purges_the_sections_in_both_languages(
    glossary, english, committed
):
    reader = Client()
    paths = [SECTION, "/en" + SECTION, "/en/vejledninger/model/ikke-oversat/", "/ordliste/"]
    for path in paths:
        reader.get(path)
        assert reader.get(path)["X-Page-Cache"] == "hit", path
    glossary.terms = [term("Samarbejde om borgeren", "samarbejde", forms=["borgeren"])]
    with committed():
        publish(glossary)
    danish = reader.get(SECTION)
    assert danish["X-Page-Cache"] == "miss"
    assert 'href="/ordliste/#samarbejde">Borgeren</a>' in danish.content.decode()
    for path in paths[1:]:
        assert reader.get(path)["X-Page-Cache"] == "miss", path
