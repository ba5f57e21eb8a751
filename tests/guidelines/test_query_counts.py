"""Document and section pages cost the same number of queries however long they are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)


def build_document(parent, slug, sections, recommendations_per_section):
    document = GuidanceDocumentPageFactory(parent=parent, slug=slug)
    for s in range(1, sections + 1):
        body = [text(f"<p>Afsnit {s}.</p>")]
        body += [recommendation(f"{s}.{r}") for r in range(1, recommendations_per_section + 1)]
        GuidanceSectionPageFactory(parent=document, slug=f"afsnit-{s}", number=str(s), body=body)
    return document


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def small_and_large(guidance_index):
    small = build_document(guidance_index, "lille", sections=2, recommendations_per_section=1)
    large = build_document(guidance_index, "stor", sections=15, recommendations_per_section=6)
    return small, large


@pytest.mark.parametrize(
    "path",
    ["", "afsnit-2/", "anbefalinger/", "anbefaling/2-1/"],
    ids=["document", "section", "recommendation-list", "recommendation"],
)
def test_query_count_does_not_grow_with_sections_or_recommendations(client, small_and_large, path):
    client.get("/vejledninger/lille/")  # warm per-process caches (content types, site)
    small = count_queries(client, f"/vejledninger/lille/{path}")
    large = count_queries(client, f"/vejledninger/stor/{path}")
    assert large == small
    assert small <= 25  # routing walks the tree: a cost per level, not per section


def test_guidance_index_query_count_does_not_grow_with_documents(client, guidance_index):
    build_document(guidance_index, "a", 1, 1)
    client.get("/vejledninger/")
    few = count_queries(client, "/vejledninger/")
    for n in range(6):
        build_document(guidance_index, f"b{n}", 1, 1)
    assert count_queries(client, "/vejledninger/") == few
