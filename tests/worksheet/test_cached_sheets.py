"""The blank sketch and the example are shared pages the page cache keeps; publishing
a change to a part's section purges them, nationally and in every region's version.
The form itself is never kept (it shows the matrix and the directory too)."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from guidelines.models import GuidanceSectionPage

from .helpers import NATIONAL, REGIONAL

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache():
    roomy = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sheets"}
    roomy["OPTIONS"] = {"MAX_ENTRIES": 100_000}
    with override_settings(PAGE_CACHE_SECONDS=600, CACHES={"default": roomy}):
        cache.clear()
        yield
        cache.clear()


def test_a_published_part_reaches_the_cached_sheets(
    demo_site, client, page_cache, django_capture_on_commit_callbacks
):
    sheets = [NATIONAL + "tom/", REGIONAL + "tom/", NATIONAL + "eksempel/"]
    for address in sheets:
        assert "Krise- og tilbagefaldsplan" in client.get(address).content.decode()
        assert client.get(address)["X-Page-Cache"] == "hit", address
    client.get(NATIONAL)
    assert client.get(NATIONAL).get("X-Page-Cache") != "hit"

    section = GuidanceSectionPage.objects.get(
        slug="indsatsplanens-dele", locale__language_code="da"
    )
    for block in section.body:
        if block.block_type == "action_plan_part" and block.value["name"].startswith("Krise"):
            block.value["name"] = "Kriseplan"
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()

    for address in sheets:
        html = client.get(address).content.decode()
        assert "Kriseplan" in html, address
        assert "Krise- og tilbagefaldsplan" not in html, address
        assert client.get(address)["X-Page-Cache"] == "hit", address  # kept again
