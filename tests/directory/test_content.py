"""The directory in the content format, the demo's directory, and the search."""

import textwrap

import pytest

from core.content import ContentError, export_content, import_content
from directory.models import DirectoryIndexPage, OfferPage, RegionalDirectoryPage
from search.backends import SearchRequest, get_backend
from search.query import parse
from tests.conftest import empty_site

BASE = """
format: vejledning/1
site:
  home: {slug: forside, title: Forside}
regions_index:
  slug: regioner
  title: Regioner
  regions:
    - {slug: midtjylland, region: midtjylland, title: Region Midtjylland}
    - {slug: syddanmark, region: syddanmark, title: Region Syddanmark}
"""

DIRECTORY = """
directory_index: {slug: hvem-goer-hvad, title: Hvem gør hvad, intro: Vælg en kommune.}
regional_directories:
  - region: midtjylland
    slug: hvem-goer-hvad
    title: Hvem gør hvad i Region Midtjylland
    coordinator: Kommunens socialpsykiatri (bostøtten)
    division_of_work:
      - type: responsibility_matrix
        value:
          caption: Ansvar
          actors: [Region/psykiatrien, Kommune/misbrugsbehandling]
          rows:
            - {task: Behandle, roles: [A, M]}
    offers:
      - slug: misbrug-randers
        title: Misbrugsbehandlingen i Randers (demo)
        actor_kind: misbrug
        municipalities: [Randers, Favrskov]
        description: Behandling for alkohol og stoffer.
        contact_role: Åben rådgivning
        phone: 12 34 56 78 (opdigtet)
        opening_hours: Hverdage kl. 9–15
        address: |-
          Vej 1
          8900 Randers
        web: https://example.invalid/randers
        verified_on: 2026-03-02
      - slug: akut
        title: Akutteamet (demo)
        actor_kind: akut
        whole_region: true
        verified_on: 2026-01-05
        live: false
  - region: syddanmark
    slug: hvem-goer-hvad
    title: Hvem gør hvad i Region Syddanmark
    offers:
      - {slug: odense, title: Ambulatoriet i Odense, actor_kind: psykiatri,
         municipalities: [Odense], verified_on: 2026-02-01}
"""

ENGLISH = """
format: vejledning/1
locale: en
directory_index: {slug: hvem-goer-hvad, title: Who does what}
regional_directories:
  - region: midtjylland
    slug: hvem-goer-hvad
    title: Who does what in the Central Denmark Region
    offers:
      - slug: misbrug-randers
        title: Substance misuse treatment in Randers (demo)
        actor_kind: misbrug
        municipalities: [Randers, Favrskov]
        verified_on: 2026-03-02
"""


def load(tmp_path, text, name="content.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return import_content(path)


def state():
    """Every directory page as export and the reader see it."""
    return [
        (
            page.url_path,
            page.locale.language_code,
            page.title,
            page.live,
            page.is_demo,
            page.region.slug if not isinstance(page, DirectoryIndexPage) else None,
            {
                field: str(getattr(page, field))
                for field in (
                    "intro",
                    "coordinator",
                    "division_of_work",
                    "actor_kind",
                    "whole_region",
                    "description",
                    "contact_role",
                    "phone",
                    "opening_hours",
                    "address",
                    "web",
                    "verified_on",
                )
                if hasattr(page, field)
            },
            sorted(m.name for m in page.municipalities.all())
            if isinstance(page, OfferPage)
            else None,
        )
        for model in (DirectoryIndexPage, RegionalDirectoryPage, OfferPage)
        for page in model.objects.filter(alias_of__isnull=True).order_by("path")
    ]


def test_the_directory_imports_idempotently_where_it_belongs(db, tmp_path):
    load(tmp_path, BASE + DIRECTORY)
    offer = OfferPage.objects.get(slug="misbrug-randers")
    assert offer.url_path.endswith("/regioner/midtjylland/hvem-goer-hvad/misbrug-randers/")
    assert offer.region.slug == "midtjylland" and offer.live
    assert not OfferPage.objects.get(slug="akut").live
    directory = RegionalDirectoryPage.objects.get(region__slug="midtjylland")
    assert list(directory.division_of_work[0].value["actors"]) == [
        "Region/psykiatrien",
        "Kommune/misbrugsbehandling",
    ]
    assert load(tmp_path, BASE + DIRECTORY)["updated"] == 0


def test_the_directory_and_its_translation_round_trip(db, tmp_path):
    load(tmp_path, BASE + DIRECTORY)
    (tmp_path / "en").mkdir()
    load(tmp_path, ENGLISH, "en/content.yaml")
    before = state()
    assert len(before) == 6 + 3  # 1 + 2 + 3 Danish pages, 3 English translations
    export_content(tmp_path / "out")
    exported = (tmp_path / "out" / "site.yaml").read_text(encoding="utf-8")
    assert "regional_directories:" in exported and "verified_on: 2026-03-02" in exported
    empty_site()
    assert state() == []
    import_content(tmp_path / "out")
    assert state() == before


@pytest.mark.parametrize(
    "change, field",
    [
        (("[Randers, Favrskov]", "[Randers, Odense]"), "municipalities"),
        (("[Randers, Favrskov]", "[Atlantis]"), "municipalities"),
        (("[Randers, Favrskov]", "[]"), "municipalities"),
        (("actor_kind: misbrug", "actor_kind: praest"), "actor_kind"),
        (("12 34 56 78 (opdigtet)", "ring til Hanne"), "phone"),
        (("- region: syddanmark", "- region: atlantis"), "region"),
        (("- region: syddanmark", "- region: midtjylland"), None),  # a region named twice
    ],
)
def test_bad_offers_are_refused_and_nothing_is_imported(db, tmp_path, change, field):
    with pytest.raises(ContentError) as caught:
        load(tmp_path, BASE + DIRECTORY.replace(*change, 1))
    assert caught.value.field == field, caught.value
    assert not OfferPage.objects.exists()


def search(q, **filters):
    results = get_backend().search(SearchRequest(parse(q), filters, per_page=20))
    return results


def test_an_offer_is_found_by_what_and_where(db, tmp_path):
    load(tmp_path, BASE + DIRECTORY)
    results = search("misbrugsbehandling Randers")
    assert results.hits[0].title.replace("<mark>", "").replace("</mark>", "") == (
        "Misbrugsbehandlingen i Randers (demo)"
    )
    assert {value.value: value.count for value in results.facets["type"]}.get("tilbud") == 1
    # Found by a municipality it serves, filtered by its region; not when unpublished.
    hits = [hit.title for hit in search("Favrskov", type=["tilbud"]).hits]
    assert len(hits) == 1
    assert search("Akutteamet", type=["tilbud"]).hits == []
    assert search("Odense", type=["tilbud"], region=["midtjylland"]).hits == []
    assert len(search("Odense", type=["tilbud"], region=["syddanmark"]).hits) == 1


# --- The demo ---------------------------------------------------------------------


def test_the_demo_directory_is_marked_and_covers_several_regions_and_kinds(demo_site):
    offers = OfferPage.objects.filter(locale__language_code="da")
    regions = {offer.region.slug for offer in offers}
    assert {"midtjylland", "syddanmark"} < regions
    midt = offers.filter(region__slug="midtjylland")
    assert len({offer.actor_kind for offer in midt}) >= 5
    served = {m.name for offer in midt for m in offer.municipalities.all()}
    assert {"Randers", "Aarhus", "Norddjurs", "Syddjurs", "Favrskov"} <= served
    for offer in offers:
        assert offer.is_demo and offer.title.endswith("(demo)"), offer.title
        assert "opdigtet" in offer.phone and offer.verified_on.year == 2026, offer.title


def test_the_demo_search_finds_the_offer(demo_site, client):
    html = client.get("/soeg/", {"q": "misbrugsbehandling Randers"}).content.decode()
    assert "Misbrugsbehandlingen i Randers (demo)" in html.replace("<mark>", "").replace(
        "</mark>", ""
    )
    first = search("misbrugsbehandling Randers").hits[0]
    assert first.url == "/regioner/midtjylland/hvem-goer-hvad/misbrugsbehandling-randers/"


def test_the_demo_directory_in_english(demo_site, client):
    response = client.get("/en/hvem-goer-hvad/randers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Substance misuse treatment in Randers (demo)" in html
    # Untranslated offers show in Danish, marked as such.
    assert 'lang="da">Socialpsykiatrien i Randers Kommune (demo)' in html
