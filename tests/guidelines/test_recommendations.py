"""Recommendations: stable codes, their own URLs, anchors and copy links."""

import pytest
from django.core.exceptions import ValidationError

from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)


@pytest.fixture
def document(guidance_index):
    document = GuidanceDocumentPageFactory(parent=guidance_index, slug="dobbeltdiagnose")
    GuidanceSectionPageFactory(
        parent=document,
        slug="maalgruppe",
        title="Målgruppe",
        number="2",
        body=[text("<p>Indledning.</p>"), recommendation("2.1", title="Fælles udredning")],
    )
    GuidanceSectionPageFactory(
        parent=document,
        slug="indsatsplan",
        number="3",
        body=[recommendation("3.1"), recommendation("3.2", title="Tovholder")],
    )
    return document


def test_recommendation_has_its_own_page(client, document):
    response = client.get("/vejledninger/dobbeltdiagnose/anbefaling/3-2/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tovholder" in html
    assert 'href="/vejledninger/dobbeltdiagnose/indsatsplan/#anbefaling-3-2"' in html
    assert "http://testserver/vejledninger/dobbeltdiagnose/anbefaling/3-2/" in html


def test_section_page_anchors_every_recommendation_with_a_copy_link(client, document):
    html = client.get("/vejledninger/dobbeltdiagnose/indsatsplan/").content.decode()
    assert 'id="anbefaling-3-1"' in html and 'id="anbefaling-3-2"' in html
    assert 'data-copy="http://testserver/vejledninger/dobbeltdiagnose/anbefaling/3-2/"' in html


@pytest.mark.parametrize("code", ["9-9", "3-2-", "abc", "3--2", "%00", "3-2<script>", "3.2.x"])
def test_unknown_or_malformed_code_is_404(client, document, code):
    assert client.get(f"/vejledninger/dobbeltdiagnose/anbefaling/{code}/").status_code == 404


def test_recommendation_url_survives_edit_and_republish(client, document):
    url = "/vejledninger/dobbeltdiagnose/anbefaling/3-2/"
    section = document.sections[1]
    section.title = "Koordinerende indsatsplan"
    section.slug = "koordinerende-indsatsplan"
    section.body = [
        text("<p>Ny indledning før anbefalingerne.</p>"),
        recommendation("3.2", title="Tovholder", statement="<p>Ny formulering.</p>"),
        recommendation("3.1"),
    ]
    section.save_revision().publish()

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ny formulering." in html
    assert "/vejledninger/dobbeltdiagnose/koordinerende-indsatsplan/#anbefaling-3-2" in html


def test_recommendation_moved_to_another_section_keeps_its_url(client, document):
    first, second = document.sections
    second.body = [recommendation("3.1")]
    second.save_revision().publish()
    first.body = list(first.body.raw_data) + [recommendation("3.2", title="Flyttet")]
    first.save_revision().publish()
    html = client.get("/vejledninger/dobbeltdiagnose/anbefaling/3-2/").content.decode()
    assert "Flyttet" in html and "/maalgruppe/#anbefaling-3-2" in html


def test_unpublished_section_hides_its_recommendations(client, document):
    document.sections[1].unpublish()
    assert client.get("/vejledninger/dobbeltdiagnose/anbefaling/3-2/").status_code == 404


def test_codes_are_unique_within_a_document(document):
    section = GuidanceSectionPageFactory.build(body=[recommendation("2.1")], slug="ny")
    document.add_child(instance=GuidanceSectionPageFactory.build(slug="tom", body=[]))
    clash = document.sections[0].__class__.objects.get(slug="tom")
    clash.body = section.body
    with pytest.raises(ValidationError, match="2.1"):
        clash.full_clean()


def test_codes_are_unique_within_a_section(document):
    section = document.sections[0]
    section.body = [recommendation("2.1"), recommendation("2.1")]
    with pytest.raises(ValidationError):
        section.full_clean()


@pytest.mark.parametrize("code", ["3,2", "A.1", "3.2.1.1.1", ""])
def test_malformed_codes_are_rejected_in_the_editor(document, code):
    section = document.sections[0]
    section.body = [recommendation(code)]
    with pytest.raises(ValidationError):
        section.full_clean()


def test_recommendation_list_shows_all_codes_in_order(client, document):
    html = client.get("/vejledninger/dobbeltdiagnose/anbefalinger/").content.decode()
    positions = [html.index(f">{code}</a>") for code in ("2.1", "3.1", "3.2")]
    assert positions == sorted(positions)


def test_dotted_code_redirects_to_the_stable_url(client, document):
    response = client.get("/vejledninger/dobbeltdiagnose/anbefaling/3.2/")
    assert response.status_code == 301
    assert response["Location"] == "/vejledninger/dobbeltdiagnose/anbefaling/3-2/"
    assert client.get(response["Location"]).status_code == 200
