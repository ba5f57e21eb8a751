"""Regions and their adaptations of the national documents through the read API
(/api/v1/regions/), over HTTP on the demo content: each national section's mode and
local text as the adaptation's page shows them, the based-on edition and the review
flags as the editors' review computes them, and only live, public adaptations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.i18n import locale_for
from guidelines.factories import RegionalAdaptationPageFactory, entry
from guidelines.models import (
    AdaptationMode,
    GuidanceDocumentPage,
    Region,
    RegionalAdaptationPage,
    RegionPage,
    SectionAdaptation,
)

pytestmark = pytest.mark.django_db

API = "/api/v1/"
SYD = "regions/syddanmark/adaptations/forloebsprogrammer/"


def get(client, path):
    response = client.get(API + path)
    assert response.status_code == 200, (path, response.status_code, response.content[:500])
    return response.json()


def adaptation(region, language="da"):
    return RegionalAdaptationPage.objects.get(
        document__slug="forloebsprogrammer",
        locale=locale_for(language),
        path__startswith=RegionPage.objects.get(
            region__slug=region, locale=locale_for(language)
        ).path,
    )


def test_the_five_regions_with_their_pages(client, demo_site):
    regions = get(client, "regions/")
    assert [r["slug"] for r in regions] == list(Region.objects.values_list("slug", flat=True))
    assert len(regions) == 5
    midt = next(r for r in regions if r["slug"] == "midtjylland")
    assert (midt["name"], midt["code"]) == ("Region Midtjylland", 1082)
    assert midt["url"] == "http://testserver/regioner/midtjylland/"
    assert midt["api_url"] == "http://testserver/api/v1/regions/midtjylland/"
    for region in regions:
        assert client.get(region["url"]).status_code == 200
        one = get(client, region["api_url"].removeprefix("http://testserver" + API))
        assert one["slug"] == region["slug"] and one["municipalities"]
        assert client.get(one["adaptations_api_url"]).status_code == 200
    english = get(client, "regions/?lang=en")
    assert english[1]["url"] == "http://testserver/en/regioner/midtjylland/"


def test_a_regions_adaptations(client, demo_site):
    listed = get(client, "regions/syddanmark/adaptations/")
    assert [a["id"] for a in listed] == ["syddanmark/forloebsprogrammer"]
    summary = listed[0]
    page = adaptation("syddanmark")
    assert summary["title"] == page.title and summary["intro"] == page.intro
    assert summary["document"]["id"] == "forloebsprogrammer"
    assert (
        summary["document"]["api_url"] == "http://testserver/api/v1/documents/forloebsprogrammer/"
    )
    assert summary["url"] == "http://testserver/regioner/syddanmark/forloebsprogrammer/"
    assert client.get(summary["url"]).status_code == 200
    assert summary["api_url"] == "http://testserver/api/v1/" + SYD
    modes = [e.mode for e in page.section_adaptations.all()]
    assert summary["supplemented"] == modes.count(AdaptationMode.SUPPLEMENTED)
    assert summary["replaced"] == modes.count(AdaptationMode.REPLACED) == 1

    # A region without adaptations answers with none; an unknown region is 404.
    assert get(client, "regions/hovedstaden/adaptations/") == []
    for path in ("regions/atlantis/adaptations/", "regions/atlantis/", "regions/%00/"):
        assert client.get(API + path).status_code == 404, path


def test_each_national_section_with_the_regions_mode_and_text(client, demo_site):
    page = adaptation("syddanmark")
    found = get(client, SYD)
    national = GuidanceDocumentPage.objects.get(slug="forloebsprogrammer", locale=locale_for("da"))
    assert [s["slug"] for s in found["sections"]] == [s.slug for s in national.get_sections()]

    entries = {e.section: e for e in page.section_adaptations.all()}
    for section in found["sections"]:
        own = entries.get(section["slug"])
        assert section["mode"] == (own.mode if own else "national"), section["slug"]
        assert section["reason"] == (own.reason if own else "")
        if own is None:
            assert section["local_text_html"] == section["local_text_markdown"] == ""
        assert section["url"].startswith(found["url"] + section["slug"])
        assert section["national_api_url"] == (
            f"http://testserver/api/v1/documents/forloebsprogrammer/sections/{section['slug']}/"
        )

    target = next(s for s in found["sections"] if s["slug"] == "maalgruppe")
    assert target["mode"] == "supplemented"
    assert target["local_text_markdown"].startswith("**Målgruppe i Sydvestjylland (demo).**")
    assert target["local_text_html"].startswith("<p><b>Målgruppe i Sydvestjylland")
    assert client.get(target["url"]).status_code == 200
    assert get(client, target["national_api_url"].removeprefix("http://testserver" + API))

    replaced = next(s for s in found["sections"] if s["mode"] == "replaced")
    assert replaced["reason"].strip() and replaced["local_text_html"]
    # Every national recommendation in a replaced section, with the region's stance.
    national_section = national.get_sections().get(slug=replaced["slug"])
    assert [s["code"] for s in replaced["stances"]] == [
        r["code"] for r in national_section.recommendations
    ]
    stances = {s.code: s for s in page.recommendation_stances.all()}
    assert {s["code"]: s["stance"] for s in replaced["stances"]} == {"7.1": "adapted"}
    assert replaced["stances"][0]["text_html"] == stances["7.1"].text.strip()
    assert replaced["stances"][0]["title"] == national_section.recommendations[0]["title"]


def test_based_on_edition_and_what_a_newer_edition_makes_stale(client, demo_site):
    # Syddanmark wrote to the 1st edition; the 2nd changed two of its own sections.
    syd, page = get(client, SYD), adaptation("syddanmark")
    assert syd["based_on"]["id"] == "forloebsprogrammer/1-udgave-2015"
    assert syd["newer_edition"]["id"] == "forloebsprogrammer/2-udgave-2025-demo"
    assert syd["needs_review"] is True
    stale = [s["slug"] for s in syd["sections"] if s["stale"]]
    assert stale == page.review.sections == ["organisatorisk-ramme", "opfoelgning-og-tilpasning"]
    stale_stances = [st["code"] for s in syd["sections"] for st in s["stances"] if st["stale"]]
    assert stale_stances == page.review.stances
    assert client.get(syd["based_on"]["url"]).status_code == 200
    assert get(client, syd["based_on"]["api_url"].removeprefix("http://testserver" + API))

    # Midtjylland follows the newest: nothing to review.
    midt = get(client, "regions/midtjylland/adaptations/forloebsprogrammer/")
    assert midt["based_on"]["id"] == "forloebsprogrammer/2-udgave-2025-demo"
    assert midt["newer_edition"] is None and midt["needs_review"] is False
    assert not any(s["stale"] for s in midt["sections"])


def test_in_english(client, demo_site):
    english = get(client, SYD + "?lang=en")
    assert english["url"] == "http://testserver/en/regioner/syddanmark/forloebsprogrammer/"
    assert english["document"]["url"] == "http://testserver/en/vejledninger/forloebsprogrammer/"
    assert english["needs_review"] is True
    assert [s["slug"] for s in english["sections"]] == [
        s["slug"] for s in get(client, SYD)["sections"]
    ]
    assert client.get(english["url"]).status_code == 200


def test_drafts_unpublished_and_private_adaptations_never_appear(client, demo_site):
    page = adaptation("syddanmark")
    # A draft: the region rewrites its introduction and its sections, without publishing.
    page.intro = "Kladdens introduktion."
    page.section_adaptations = [
        SectionAdaptation(
            section=own.section,
            mode=own.mode,
            text="<p>Hemmelig kladde.</p>",
            reason=own.reason and "Hemmelig begrundelse.",
        )
        for own in page.section_adaptations.all()
    ]
    page.save_revision()
    body = client.get(API + SYD).content.decode()
    for secret in ("Kladdens introduktion", "Hemmelig kladde", "Hemmelig begrundelse"):
        assert secret not in body
    assert "Målgruppe i Sydvestjylland" in body

    # Unpublished: gone from the list and the detail.
    midt = adaptation("midtjylland")
    midt.unpublish()
    assert get(client, "regions/midtjylland/adaptations/") == []
    assert (
        client.get(API + "regions/midtjylland/adaptations/forloebsprogrammer/").status_code == 404
    )

    # Behind a password, its own or its region page's.
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    for language in ("da", "en"):  # the English alias is behind the Danish page's password
        assert get(client, f"regions/syddanmark/adaptations/?lang={language}") == []
        assert client.get(API + SYD + f"?lang={language}").status_code == 404
    PageViewRestriction.objects.filter(page=page).delete()
    assert client.get(API + SYD).status_code == 200
    region_page = RegionPage.objects.get(region__slug="syddanmark", locale=locale_for("da"))
    PageViewRestriction.objects.create(page=region_page, restriction_type="password", password="x")
    # (The English region page is a translation, with restrictions of its own.)
    assert get(client, "regions/syddanmark/adaptations/") == []
    assert client.get(API + SYD).status_code == 404
    regions = {r["slug"]: r for r in get(client, "regions/")}
    assert regions["syddanmark"]["url"] is None


def test_an_adaptation_of_a_private_national_document_is_not_given(client, demo_site):
    national = GuidanceDocumentPage.objects.get(slug="forloebsprogrammer", locale=locale_for("da"))
    PageViewRestriction.objects.create(page=national, restriction_type="password", password="x")
    assert get(client, "regions/syddanmark/adaptations/") == []
    assert client.get(API + SYD).status_code == 404


def test_a_national_section_behind_a_password_is_left_out(client, demo_site):
    national = GuidanceDocumentPage.objects.get(slug="forloebsprogrammer", locale=locale_for("da"))
    section = national.get_children().get(slug="maalgruppe")
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    slugs = [s["slug"] for s in get(client, SYD)["sections"]]
    assert "maalgruppe" not in slugs and "organisatorisk-ramme" in slugs


@pytest.mark.parametrize(
    "path",
    [
        "regions/syddanmark/adaptations/ukendt/",
        "regions/syddanmark/adaptations/%00/",
        "regions/syddanmark/adaptations/dobbeltdiagnose/",  # a document it does not adapt
        "regions/ukendt/adaptations/forloebsprogrammer/",
    ],
)
def test_unknown_adaptations_are_404(client, demo_site, path):
    assert client.get(API + path).status_code == 404


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(API + path).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_number_of_adaptations(client, demo_site):
    path = "regions/syddanmark/adaptations/"
    client.get(API + path)  # the per-process caches: locales, sites
    one = count_queries(client, path)
    # Two more adaptations in the region, of the other national documents.
    region_page = RegionPage.objects.get(region__slug="syddanmark", locale=locale_for("da"))
    for slug in ("dobbeltdiagnose", "indsatsplan"):
        document = GuidanceDocumentPage.objects.get(slug=slug, locale=locale_for("da"))
        section = document.get_sections().first()
        RegionalAdaptationPageFactory(
            parent=region_page,
            document=document,
            based_on=document.edition_list[-1] if document.edition_list else None,
            sections=[entry(section.slug)],
        )
    assert len(get(client, path)) == 3
    three = count_queries(client, path)
    assert three == one, (one, three)
