import html

import pytest
from django.utils.html import strip_tags

from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)
from search.backends import SearchRequest, get_backend
from search.query import parse


def publish(page):
    """Publish as an editor does (a revision, then publish), which is what indexes."""
    page.save_revision().publish()
    return page


def search(q, **filters):
    """Titles of the results for a query, best first."""
    results = get_backend().search(SearchRequest(parse(q), filters, per_page=50))
    return [hit_title(hit) for hit in results.hits]


def hit_title(hit):
    return html.unescape(strip_tags(hit.title))


@pytest.fixture
def document(guidance_index):
    """A published document with two sections, one holding a recommendation."""
    document = publish(
        GuidanceDocumentPageFactory(
            parent=guidance_index, title="Dobbeltdiagnose", slug="dobbeltdiagnose"
        )
    )
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Tovholderen",
            slug="tovholderen",
            number="6",
            body=[
                text("<p>Tovholderen samler <b>misbrugsbehandlingen</b> og psykiatrien.</p>"),
                recommendation(
                    "6.1",
                    title="Udpeg en fast tovholder",
                    statement="<p>Kommunen udpeger en tovholder for borgere med stofmisbrug.</p>",
                ),
            ],
        )
    )
    publish(
        GuidanceSectionPageFactory(
            parent=document,
            title="Pårørende",
            slug="paaroerende",
            number="7",
            body=[text("<p>Inddrag de pårørende i forløbet.</p>")],
        )
    )
    return document
