"""The recommendation index (code -> section) follows every change readers can see:
a page that names a recommendation finds it where it is now, and only if published."""

import pytest
from wagtail.models import PageViewRestriction

from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)
from guidelines.models import RecommendationEntry

URL = "/vejledninger/dobbeltdiagnose/"


@pytest.fixture
def document(guidance_index):
    document = GuidanceDocumentPageFactory(parent=guidance_index, slug="dobbeltdiagnose")
    GuidanceSectionPageFactory(
        parent=document, slug="a", number="1", body=[recommendation("1.1", title="Første")]
    )
    GuidanceSectionPageFactory(parent=document, slug="b", number="2", body=[text("<p>Tekst.</p>")])
    return document


def section(document, slug):
    return document.all_sections().get(slug=slug).specific


def test_a_published_recommendation_is_found_in_its_section(client, document):
    b = section(document, "b")
    b.body = [text("<p>Tekst.</p>"), recommendation("2.1", title="Ny")]
    b.save_revision().publish()
    page = client.get(URL + "anbefaling/2-1/")
    assert (
        page.status_code == 200
        and 'href="/vejledninger/dobbeltdiagnose/b/#anbefaling-2-1"' in page.content.decode()
    )
    # The contents list names it, from the index.
    assert "Ny" in client.get(URL).content.decode()


def test_a_recommendation_moved_to_another_section_is_found_there(client, document):
    a, b = section(document, "a"), section(document, "b")
    a.body = [text("<p>Flyttet.</p>")]
    a.save_revision().publish()
    b.body = [recommendation("1.1", title="Første")]
    b.save_revision().publish()
    html = client.get(URL + "anbefaling/1-1/").content.decode()
    assert 'href="/vejledninger/dobbeltdiagnose/b/#anbefaling-1-1"' in html


def test_a_draft_does_not_move_it_and_unpublishing_takes_it_away(client, document):
    a = section(document, "a")
    a.body = [text("<p>Kladde uden anbefalingen.</p>")]
    a.save_revision()  # a draft: readers still see 1.1
    assert client.get(URL + "anbefaling/1-1/").status_code == 200
    a.unpublish()
    assert client.get(URL + "anbefaling/1-1/").status_code in (404, 410)
    assert not RecommendationEntry.objects.filter(document=document, code="1.1").exists()


def test_a_restricted_section_hides_its_recommendations(client, document):
    PageViewRestriction.objects.create(
        page=section(document, "a"), restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(URL + "anbefaling/1-1/").status_code in (404, 410)
