"""What a reader sees: the national “Hvem gør hvad” with a view per municipality,
and each region's directory page."""

import itertools
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from core.text import danish_slug
from directory.kinds import ActorKind
from guidelines.models import Municipality, Region

from .conftest import make_offer

KIND_LABELS = [kind.label for kind in ActorKind]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def groups(response):
    """[(kind heading, [offer titles])] in the order shown."""
    return [
        (
            section.h3.get_text(strip=True),
            [h.get_text(strip=True) for h in section.select(".offer-card__title")],
        )
        for section in soup(response).select("section.offer-group")
    ]


@pytest.fixture
def many_offers(directories):
    """Several offers of every kind in every region, as the demo has them and more:
    for each region one per kind for a few municipalities, and one for the whole region."""
    kinds = itertools.cycle(ActorKind.values)
    offers = []
    for region in Region.objects.all():
        directory = directories[region.slug]
        municipalities = list(Municipality.objects.filter(region=region))
        for n in range(8):
            kind = next(kinds)
            offers.append(
                make_offer(
                    directory,
                    municipalities[n % len(municipalities) :][:3],
                    title=f"{region.name}: tilbud {n} (demo)",
                    slug=f"tilbud-{n}",
                    actor_kind=kind,
                )
            )
        offers.append(
            make_offer(
                directory,
                whole_region=True,
                title=f"{region.name}: akuttelefon (demo)",
                slug="akut",
                actor_kind="akut",
            )
        )
    return offers


def test_every_municipality_answers_in_under_30_queries(
    client, many_offers, django_assert_max_num_queries
):
    municipalities = list(Municipality.objects.all())
    assert len(municipalities) == 98
    for municipality in municipalities:
        with django_assert_max_num_queries(29):
            response = client.get(f"/hvem-goer-hvad/{danish_slug(municipality.name)}/")
        assert response.status_code == 200, municipality.name
        # The region's offer for all of it is there, whatever else is.
        shown = [title for _kind, titles in groups(response) for title in titles]
        assert f"{municipality.region.name}: akuttelefon (demo)" in shown


def test_the_municipality_view_groups_offers_by_actor_in_the_matrix_order(client, midt_offers):
    response = client.get("/hvem-goer-hvad/randers/")
    assert response.status_code == 200
    assert groups(response) == [
        ("Psykiatrisk ambulatorium", ["Psykiatrisk ambulatorium Randers (demo)"]),
        ("Kommunens socialpsykiatri", []),
        ("Misbrugsbehandling", ["Misbrugscenter Randers (demo)"]),
        ("Akutte tilbud", ["Psykiatrisk akuttelefon (demo)"]),
        ("Egen læge og lægevagt", []),
        ("Bruger- og pårørendeforeninger", []),
    ]
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Hvem gør hvad i Randers"
    assert page.find(string="Ingen tilbud registreret endnu.")
    card = page.select_one(".offer-card")
    text = card.get_text(" ", strip=True)
    for shown in [
        "Visitationen",
        "12 34 56 78 (opdigtet)",
        "Hverdage kl. 8–15",
        "Skovvej 1",
        "Voksne over 18 år",
        "Sidst kontrolleret 1. februar 2026",
        "Region Midtjylland",
    ]:
        assert shown in text, shown
    assert card.find("a", href="tel:12345678")
    assert card.find("a", href="https://example.invalid/ambulatorium")
    # The municipality stays chosen in the picker.
    assert page.find("option", selected=True)["value"] == "randers"


def test_aarhus_gets_only_its_own_and_the_regions_offers(client, midt_offers, syd_offer):
    response = client.get("/hvem-goer-hvad/aarhus/")
    shown = {title for _kind, titles in groups(response) for title in titles}
    assert shown == {"Socialpsykiatrien i Aarhus (demo)", "Psykiatrisk akuttelefon (demo)"}


def test_drafts_unpublished_and_private_offers_are_never_shown(client, midt_offers, directories):
    draft = make_offer(directories["midtjylland"], ["Randers"], title="Kladde (demo)", slug="k")
    draft.unpublish()
    private = make_offer(directories["midtjylland"], ["Randers"], title="Lukket (demo)", slug="l")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    # A live offer with a newer draft shows its published version.
    offer = midt_offers["misbrug"]
    offer.title = "Ny titel i kladden"
    offer.save_revision()

    for url in ["/hvem-goer-hvad/randers/", "/regioner/midtjylland/hvem-goer-hvad/"]:
        html = client.get(url).content.decode()
        assert "Psykiatrisk ambulatorium Randers (demo)" in html, url
        assert "Misbrugscenter Randers (demo)" in html, url
        for hidden in ["Kladde (demo)", "Lukket (demo)", "Ny titel i kladden"]:
            assert hidden not in html, (url, hidden)


def test_the_picker_leads_to_the_municipality(client, directory_index):
    page = soup(client.get("/hvem-goer-hvad/"))
    select = page.find("select", attrs={"name": "kommune"})
    label = page.find("label", attrs={"for": select["id"]})
    assert label.get_text(strip=True) == "Kommune"
    assert len(select.find_all("optgroup")) == 5
    assert len(select.find_all("option")) == 98 + 1  # and "Vælg en kommune"
    assert select.find("optgroup", label="Region Syddanmark").find("option", value="aeroe")

    response = client.get("/hvem-goer-hvad/", {"kommune": "aarhus"})
    assert response.status_code == 302
    assert response["Location"] == "/hvem-goer-hvad/aarhus/"
    # Search engines find each municipality's view in the sitemap.
    assert "/hvem-goer-hvad/aeroe/</loc>" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("value", ["atlantis", "", "<script>", "a" * 5000, "aarhus/../x"])
def test_a_bad_municipality_is_a_form_error_not_a_crash(client, directory_index, value):
    response = client.get("/hvem-goer-hvad/", {"kommune": value})
    assert response.status_code == 400
    page = soup(response)
    error = page.select_one(".form-error-message")
    assert error is not None
    assert error.get_text(strip=True) in ("Vælg en af kommunerne på listen.", "Vælg en kommune.")
    assert page.find("select", attrs={"name": "kommune"})["aria-invalid"] == "true"
    assert "<script>" not in response.content.decode().split("</header>")[-1].replace(
        "&lt;script&gt;", ""
    )


def test_an_unknown_municipality_address_is_not_found(client, directory_index):
    assert client.get("/hvem-goer-hvad/atlantis/").status_code == 404
    assert client.get("/hvem-goer-hvad/aarhus/x/").status_code == 404


def test_the_national_page_lists_the_regions_directories(client, directories):
    page = soup(client.get("/hvem-goer-hvad/"))
    links = [a["href"] for a in page.select(".region-list a")]
    assert links == [
        f"/regioner/{region.slug}/hvem-goer-hvad/" for region in Region.objects.order_by("code")
    ]


def test_the_region_page_links_its_directory(client, directories):
    page = soup(client.get("/regioner/midtjylland/"))
    assert page.find("a", href="/regioner/midtjylland/hvem-goer-hvad/")


def test_the_regional_directory_lists_its_municipalities_and_offers(client, midt_offers, syd_offer):
    response = client.get("/regioner/midtjylland/hvem-goer-hvad/")
    assert response.status_code == 200
    page = soup(response)
    links = {a.get_text(strip=True): a["href"] for a in page.select(".municipality-list a")}
    assert len(links) == Municipality.objects.filter(region__slug="midtjylland").count()
    assert links["Randers"] == "/hvem-goer-hvad/randers/"
    shown = dict(groups(response))
    assert list(shown) == KIND_LABELS
    assert shown["Kommunens socialpsykiatri"] == ["Socialpsykiatrien i Aarhus (demo)"]
    assert "Socialpsykiatrien i Svendborg (demo)" not in response.content.decode()
    assert "Randers, Norddjurs" in page.select_one(".offer-card").get_text(" ", strip=True) or (
        "Norddjurs, Randers" in page.select_one(".offer-card").get_text(" ", strip=True)
    )


def test_the_regional_directory_narrows_to_one_actor(client, midt_offers):
    response = client.get("/regioner/midtjylland/hvem-goer-hvad/", {"aktoer": "misbrug"})
    assert groups(response) == [("Misbrugsbehandling", ["Misbrugscenter Randers (demo)"])]
    page = soup(response)
    assert page.find("a", href="/hvem-goer-hvad/randers/#aktoer-misbrug")
    assert page.find("a", href="/regioner/midtjylland/hvem-goer-hvad/")  # all actors again

    for value in ["nope", "<b>", "x" * 3000]:
        response = client.get("/regioner/midtjylland/hvem-goer-hvad/", {"aktoer": value})
        assert response.status_code == 200
        assert [kind for kind, _titles in groups(response)] == KIND_LABELS
        assert soup(response).select_one(".alert-warning")


def test_the_offer_page_shows_the_offer(client, midt_offers):
    response = client.get("/regioner/midtjylland/hvem-goer-hvad/ambulatorium-randers/")
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert "Psykiatrisk ambulatorium · Region Midtjylland" in text
    assert re.search(r"Dækker (Norddjurs, Randers|Randers, Norddjurs)", text)
    assert "Sidst kontrolleret 1. februar 2026" in text
