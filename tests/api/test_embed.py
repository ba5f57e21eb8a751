"""Embeds for intranets: oEmbed (/api/v1/oembed/) hands out an <iframe> of a small
view (/embed/…) that any site may frame and that always shows the current live text
of a recommendation or a section, with its code, strength, the edition in force
and a link back; nothing a reader cannot see on the site."""

import html
import re

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from core.page_cache import store
from guidelines.factories import GuidanceSectionPageFactory, recommendation, text
from guidelines.models import GuidanceDocumentPage

pytestmark = pytest.mark.django_db

OEMBED = "/api/v1/oembed/"
SITE = "http://testserver"
RECOMMENDATION = SITE + "/vejledninger/dobbeltdiagnose/anbefaling/3-1/"


@pytest.fixture
def document(demo_site):
    return GuidanceDocumentPage.objects.get(slug="dobbeltdiagnose", locale__language_code="da")


def oembed(client, url, **params):
    response = client.get(OEMBED, {"url": url, "format": "json", **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


def iframe_src(answer):
    found = re.search(r'<iframe src="([^"]+)"', answer["html"])
    assert found, answer["html"]
    return html.unescape(found.group(1))


def framable_by_anyone(response):
    policy = response["Content-Security-Policy"]
    ancestors = re.search(r"frame-ancestors ([^;]*)", policy).group(1).split()
    return "X-Frame-Options" not in response and ancestors == ["*"]


def test_a_recommendation_embeds_with_its_code_strength_edition_and_a_link_back(client, document):
    answer = oembed(client, RECOMMENDATION)
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert answer["provider_url"] == SITE + "/"
    assert answer["title"].startswith("Anbefaling 3.1 ")
    assert (answer["width"], answer["height"]) == (560, 360)
    src = iframe_src(answer)
    assert src == SITE + "/embed/dobbeltdiagnose/anbefaling/3-1/?lang=da"

    embed = client.get(src)
    assert embed.status_code == 200
    page = embed.content.decode()
    _section, value = document.find_recommendation("3.1")
    assert '<span class="embed__code">3.1</span>' in page
    assert f"strength--{value['strength']}" in page
    assert document.edition_in_force().label in page
    assert f'href="{RECOMMENDATION}" target="_top"' in page
    assert '<base target="_top">' in page
    assert "<script" not in page
    assert framable_by_anyone(embed)


@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_embed_always_shows_the_live_text_never_a_draft(client, document):
    store.cache().clear()  # copies kept by earlier tests in this process
    src = iframe_src(oembed(client, RECOMMENDATION))
    assert "Misbrug er ikke en grund" in client.get(src).content.decode()
    section, _value = document.find_recommendation("3.1")
    section.body = [
        recommendation("3.1", "Ny titel", strength="kan", statement="<p>Den nye ordlyd.</p>")
        if block["type"] == "recommendation" and block["value"]["code"] == "3.1"
        else block
        for block in section.body.raw_data
    ]
    section.save_revision().publish()
    published = client.get(src).content.decode()
    assert "Den nye ordlyd." in published and "strength--kan" in published

    section.body = [recommendation("3.1", "Kladde", statement="<p>Kun i kladden.</p>")]
    section.save_revision()  # a draft: the embed keeps the published text
    assert "Kun i kladden." not in client.get(src).content.decode()


def test_a_section_embeds_too_and_so_does_a_recommendation_in_its_section(client, document):
    section_url = SITE + "/vejledninger/dobbeltdiagnose/maalgruppe/"
    answer = oembed(client, section_url, maxwidth=300, maxheight=200)
    assert (answer["width"], answer["height"]) == (300, 200)
    assert 'width="300" height="200"' in answer["html"]
    src = iframe_src(answer)
    assert src == SITE + "/embed/dobbeltdiagnose/maalgruppe/?lang=da"
    embed = client.get(src)
    assert embed.status_code == 200 and framable_by_anyone(embed)
    page = embed.content.decode()
    assert "2. Målgruppe" in page and document.edition_in_force().label in page
    assert "2.1" in page  # the section's recommendation, with its code

    in_context = oembed(client, section_url + "#anbefaling-2-1")
    assert iframe_src(in_context) == SITE + "/embed/dobbeltdiagnose/anbefaling/2-1/?lang=da"


def test_an_embedded_recommendation_that_is_withdrawn_says_so_in_the_frame(client, document):
    # 7.3 was in the first edition and is gone from the live text (the demo's 2nd).
    embed = client.get("/embed/dobbeltdiagnose/anbefaling/7-3/")
    assert embed.status_code == 410 and framable_by_anyone(embed)
    page = embed.content.decode()
    assert "Anbefaling 7.3 (" in page and "er udgået" in page
    assert "1. udgave, 2014" in page
    # Nothing current to embed anew.
    url = SITE + "/vejledninger/dobbeltdiagnose/anbefaling/7-3/"
    assert client.get(OEMBED, {"url": url}).status_code == 404


def test_an_english_page_embeds_in_english(client, document):
    english = GuidanceDocumentPage.objects.get(slug="dobbeltdiagnose", locale__language_code="en")
    assert english.recommendation_url("3.1").startswith("/en/")
    answer = oembed(client, SITE + english.recommendation_url("3.1"))
    assert answer["provider_url"] == SITE + "/en/"
    src = iframe_src(answer)
    assert src.endswith("?lang=en")
    embed = client.get(src)
    assert embed.status_code == 200 and embed["Content-Language"] == "en"
    assert '<html lang="en">' in embed.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/vejledninger/dobbeltdiagnose/anbefaling/3-1/",
        SITE + "/vejledninger/dobbeltdiagnose/anbefaling/99-9/",
        SITE + "/vejledninger/findes-ikke/anbefaling/3-1/",
        SITE + "/vejledninger/dobbeltdiagnose/",
        SITE + "/vejledninger/dobbeltdiagnose/maalgruppe/#anbefaling-9-9",
        SITE + "/andet-sted/dobbeltdiagnose/maalgruppe/",
        SITE + "/",
        "/vejledninger/dobbeltdiagnose/anbefaling/3-1/",
        "javascript:alert(1)",
        "http://[::1/vejledninger/",
        SITE + "/vejledninger/dobbelt\x00diagnose/anbefaling/3-1/",
    ],
)
def test_an_unknown_or_foreign_address_is_404(client, document, url):
    response = client.get(OEMBED, {"url": url})
    assert response.status_code == 404, url
    assert "detail" in response.json()


def test_xml_is_not_implemented_and_a_missing_url_is_422(client, document):
    assert client.get(OEMBED, {"url": RECOMMENDATION, "format": "xml"}).status_code == 501
    assert client.get(OEMBED).status_code == 422
    assert client.get(OEMBED, {"url": RECOMMENDATION, "maxwidth": "0"}).status_code == 422


def test_drafts_and_private_pages_are_404_in_both(client, document):
    private = GuidanceSectionPageFactory(
        parent=document,
        slug="fortrolig",
        title="Fortrolig",
        body=[recommendation("19.1", "Hemmelig", statement="<p>Hemmelig.</p>")],
    )
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    draft = GuidanceSectionPageFactory(
        parent=document, slug="kladde", title="Kladde", body=[text("<p>Kladde.</p>")]
    )
    draft.unpublish()
    for url in (
        SITE + "/vejledninger/dobbeltdiagnose/fortrolig/",
        SITE + "/vejledninger/dobbeltdiagnose/anbefaling/19-1/",
        SITE + "/vejledninger/dobbeltdiagnose/kladde/",
    ):
        assert client.get(OEMBED, {"url": url}).status_code == 404, url
    for path in (
        "/embed/dobbeltdiagnose/fortrolig/",
        "/embed/dobbeltdiagnose/anbefaling/19-1/",
        "/embed/dobbeltdiagnose/kladde/",
        "/embed/findes-ikke/maalgruppe/",
    ):
        assert client.get(path).status_code == 404, path


def test_only_the_embeds_may_be_framed_by_other_sites(client, document):
    page = client.get(RECOMMENDATION)
    assert page["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in page["Content-Security-Policy"]
    assert client.post("/embed/dobbeltdiagnose/anbefaling/3-1/").status_code == 405


def test_the_recommendation_page_says_where_its_oembed_is(client, document):
    page = client.get(RECOMMENDATION).content.decode()
    found = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    assert found, "no oEmbed discovery link"
    answer = client.get(html.unescape(found.group(1)))
    assert answer.status_code == 200
    assert iframe_src(answer.json()).endswith("/embed/dobbeltdiagnose/anbefaling/3-1/?lang=da")
