"""The site in two languages: Danish at /, English under /en/ (core/i18n.py).

A small tree built with the factories and translated the way wagtail-localize and
the content format do it (copy_for_translation, then publish), and the demo site
with its English tree as `make run` builds it.
"""

import io
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from casebook.factories import CasebookIndexPageFactory, CasePageFactory
from casebook.models import CasePage
from core.i18n import sync_trees
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceIndexPageFactory,
    GuidanceSectionPageFactory,
    RegionalAdaptationPageFactory,
    entry,
    recommendation,
    text,
)
from guidelines.models import GuidanceDocumentPage, RegionPage

XMLNS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
SECTION = "/vejledninger/model/maalgruppe/"
SECTION_EN = "/en/vejledninger/model/maalgruppe/"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def english():
    return Locale.objects.get(language_code="en")


def translate(page, **values):
    """The page's English translation, with `values`, published."""
    translation = page.specific.copy_for_translation(english(), copy_parents=True)
    for name, value in values.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


def switcher(html):
    return html.find("nav", class_="language-switcher")


def alternates(html):
    return {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}


@pytest.fixture
def tree(home):
    """Home, guidance index, a document and two sections; all but the second section
    translated into English."""
    index = GuidanceIndexPageFactory(parent=home)
    document = GuidanceDocumentPageFactory(parent=index, slug="model", title="Model")
    section = GuidanceSectionPageFactory(
        parent=document,
        slug="maalgruppe",
        title="Målgruppe",
        number="1",
        body=[text("<p>Voksne med svære psykiske lidelser.</p>"), recommendation("1.1")],
    )
    untranslated = GuidanceSectionPageFactory(
        parent=document,
        slug="opfoelgning",
        title="Opfølgning",
        number="2",
        body=[text("<p>Følg op hvert år.</p>")],
    )
    home_en = translate(home, title="Home")
    index_en = translate(index, title="Guidance")
    document_en = translate(document, title="Model (English)", summary="A summary.")
    section_en = translate(
        section,
        title="Target group",
        body=[text("<p>Adults with severe mental illness.</p>"), recommendation("1.1")],
    )
    return {
        "home": home,
        "document": document,
        "section": section,
        "untranslated": untranslated,
        "home_en": home_en,
        "index_en": index_en,
        "document_en": document_en,
        "section_en": section_en,
    }


# --- Locales and trees --------------------------------------------------------


def test_danish_is_the_default_locale_and_english_syncs_from_it(db):
    assert Locale.get_default().language_code == "da"
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["da", "en"]
    sync = LocaleSynchronization.objects.get()
    assert (sync.locale.language_code, sync.sync_from.language_code) == ("en", "da")


def test_translations_keep_their_slugs(tree):
    assert tree["section_en"].slug == "maalgruppe"
    assert tree["section_en"].url == SECTION_EN
    assert tree["home_en"].url == "/en/"


def test_sync_gives_every_danish_page_an_english_alias_in_the_same_order(tree):
    created = sync_trees()
    assert created == 1  # only the untranslated section was missing
    alias = Page.objects.get(translation_key=tree["untranslated"].translation_key, locale=english())
    assert alias.alias_of_id == tree["untranslated"].pk and alias.live
    assert alias.url == "/en/vejledninger/model/opfoelgning/"
    # A new Danish page first in its parent: its alias moves to the same place.
    first = GuidanceSectionPageFactory(parent=tree["document"], slug="forord", number="0")
    first.move(tree["document"], pos="first-child")
    assert sync_trees() == 1
    children = Page.objects.child_of(tree["document_en"]).values_list("slug", flat=True)
    assert list(children) == ["forord", "maalgruppe", "opfoelgning"]
    assert sync_trees() == 0  # and again: nothing to do
    out = io.StringIO()
    call_command("sync_languages", stdout=out)
    assert "0 nye sider" in out.getvalue()


# --- The switcher, <html lang> and hreflang -------------------------------------


def test_the_switcher_links_a_page_to_its_translation_and_back(client, tree):
    danish = soup(client.get(SECTION))
    link = switcher(danish).find("a", hreflang="en")
    assert (link["href"], link["lang"], link.get_text(strip=True)) == (SECTION_EN, "en", "English")
    assert danish.html["lang"] == "da"

    english_page = soup(client.get(SECTION_EN))
    assert english_page.html["lang"] == "en"
    assert "Adults with severe mental illness." in english_page.main.get_text()
    link = switcher(english_page).find("a", hreflang="da")
    assert (link["href"], link["lang"], link.get_text(strip=True)) == (SECTION, "da", "Dansk")
    current = switcher(english_page).find(attrs={"aria-current": "true"})
    assert current.get_text(strip=True) == "English"
    assert not english_page.find(class_="translation-notice")


def test_every_page_names_its_translations_for_search_engines(client, tree):
    expected = {
        "da": "http://testserver" + SECTION,
        "en": "http://testserver" + SECTION_EN,
        "x-default": "http://testserver" + SECTION,
    }
    assert alternates(soup(client.get(SECTION))) == expected
    assert alternates(soup(client.get(SECTION_EN))) == expected
    assert not soup(client.get(SECTION)).find("link", rel="canonical")


def test_a_sub_route_switches_to_the_same_sub_route(client, tree):
    html = soup(client.get("/vejledninger/model/anbefaling/1-1/"))
    href = switcher(html).find("a", hreflang="en")["href"]
    assert href == "/en/vejledninger/model/anbefaling/1-1/"
    english_page = soup(client.get(href))
    assert english_page.html["lang"] == "en"
    assert switcher(english_page).find("a", hreflang="da")["href"] == (
        "/vejledninger/model/anbefaling/1-1/"
    )


def test_an_english_document_without_editions_shows_the_danish_ones(client, national):
    translate(national, title="Model for care pathways")
    url = "/vejledninger/model/udgaver/1-udgave-2015/"
    href = switcher(soup(client.get(url))).find("a", hreflang="en")["href"]
    assert href == "/en" + url
    html = soup(client.get(href))
    assert html.html["lang"] == "en"
    assert html.h1["lang"] == "da"  # the frozen text is the Danish edition's
    assert html.h1.get_text(strip=True) == "Model for forløbsprogrammer"


def test_dates_are_written_the_way_each_language_writes_them(client, national):
    translate(national, title="Model for care pathways")
    danish = soup(client.get("/vejledninger/model/")).main.get_text(" ", strip=True)
    english = soup(client.get("/en/vejledninger/model/")).main.get_text(" ", strip=True)
    assert "1. januar 2015" in danish
    assert "1 January 2015" in english and "1. January" not in english
    feed = client.get("/en/udgaver/feed/").content.decode()
    assert "1 January 2015" in feed


def test_each_language_has_its_own_feed_of_editions(client, national):
    translate(national, title="Model for care pathways")
    english_feed = client.get("/en/udgaver/feed/")
    assert english_feed.status_code == 200
    body = english_feed.content.decode()
    assert "<title>Model for care pathways: 1. udgave, 2015</title>" in body
    assert "http://testserver/en/vejledninger/model/udgaver/1-udgave-2015/" in body
    danish = client.get("/udgaver/feed/").content.decode()
    assert "<title>Model for forløbsprogrammer: 1. udgave, 2015</title>" in danish
    assert "/en/" not in danish


def test_the_search_switches_to_the_same_search(client, tree):
    html = soup(client.get("/soeg/?q=plan"))
    assert switcher(html).find("a", hreflang="en")["href"] == "/en/soeg/?q=plan"
    assert alternates(html)["en"] == "http://testserver/en/soeg/?q=plan"
    english_page = soup(client.get("/en/soeg/?q=plan"))
    assert english_page.html["lang"] == "en"
    assert switcher(english_page).find("a", hreflang="da")["href"] == "/soeg/?q=plan"


def test_the_dotted_recommendation_address_keeps_the_language(client, tree):
    response = client.get("/en/vejledninger/model/anbefaling/1.1/")
    assert response.status_code == 301
    assert response["Location"] == "/en/vejledninger/model/anbefaling/1-1/"


# --- Untranslated pages ---------------------------------------------------------


def test_an_untranslated_page_shows_the_danish_original_with_a_notice(client, tree):
    sync_trees()
    url = "/en/vejledninger/model/opfoelgning/"
    html = soup(client.get(url))
    assert html.html["lang"] == "en"  # the interface is English
    assert html.main["lang"] == "da"  # the text is the Danish original
    assert "Følg op hvert år." in html.main.get_text()
    notice = html.main.find(class_="translation-notice")
    assert notice["lang"] == "en"
    # Search engines are sent to the original; the alias is no English version.
    original = "http://testserver/vejledninger/model/opfoelgning/"
    assert html.find("link", rel="canonical")["href"] == original
    assert alternates(html) == {"da": original, "x-default": original}
    # The switcher still leads back, and the Danish page offers the English one.
    assert switcher(html).find("a", hreflang="da")["href"] == "/vejledninger/model/opfoelgning/"
    danish = soup(client.get("/vejledninger/model/opfoelgning/"))
    assert switcher(danish).find("a", hreflang="en")["href"] == url
    assert "en" not in alternates(danish)


def test_untranslated_menu_items_are_marked_danish(client, tree, home):
    casebook = CasebookIndexPageFactory(parent=home)
    sync_trees()
    html = soup(client.get("/en/"))
    items = {a.get_text(strip=True): a.get("lang") for a in html.select(".site-nav__list a")}
    assert items == {"Guidance": None, casebook.title: "da"}


def test_a_page_without_an_english_counterpart_links_to_the_english_home(client, tree):
    url = "/vejledninger/model/opfoelgning/"  # not synced, not translated
    href = switcher(soup(client.get(url))).find("a", hreflang="en")["href"]
    assert href == "/en/?untranslated=1"
    home = soup(client.get(href))
    assert home.html["lang"] == "en"
    assert home.main.find(class_="translation-notice")
    assert home.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not soup(client.get("/en/")).find(class_="translation-notice")


# --- Sitemap ----------------------------------------------------------------------


def test_the_sitemap_lists_both_languages_with_their_alternates(client, tree):
    sync_trees()
    urlset = ElementTree.fromstring(client.get("/sitemap.xml").content)
    urls = {url.findtext("sm:loc", namespaces=XMLNS): url for url in urlset}
    assert {"http://testserver" + SECTION, "http://testserver" + SECTION_EN} <= set(urls)
    assert "http://testserver/en/" in urls
    # The untranslated section's alias is left out: its original is listed.
    assert "http://testserver/vejledninger/model/opfoelgning/" in urls
    assert "http://testserver/en/vejledninger/model/opfoelgning/" not in urls
    links = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://testserver" + SECTION].findall("xhtml:link", namespaces=XMLNS)
    }
    assert links == {
        "da": "http://testserver" + SECTION,
        "en": "http://testserver" + SECTION_EN,
        "x-default": "http://testserver" + SECTION,
    }


# --- Models that translations used to break ------------------------------------


def test_a_region_page_can_be_translated_but_not_doubled(regions):
    midt = regions["midtjylland"]
    translation = midt.copy_for_translation(english(), copy_parents=True)
    translation.save_revision().publish()
    assert RegionPage.objects.filter(region=midt.region).count() == 2
    second = RegionPage(title="Endnu en", slug="endnu-en", region=midt.region)
    with pytest.raises(ValidationError, match="allerede en side på dette sprog"):
        translation.get_parent().add_child(instance=second)


def test_the_reader_s_region_is_found_in_the_reader_s_language(client, regions, national):
    midt = regions["midtjylland"]
    midt.copy_for_translation(english(), copy_parents=True).save_revision().publish()
    translate(national.get_parent())
    translate(national, title="Model for care pathways")
    response = client.post("/en/regioner/vaelg/", {"region": "midtjylland"})
    assert response["Location"] == "/en/regioner/midtjylland/"


def test_a_case_s_translation_shares_its_slug(home, regions):
    casebook = CasebookIndexPageFactory(parent=home)
    case = CasePageFactory(parent=casebook, slug="randers")
    translation = case.copy_for_translation(english(), copy_parents=True)
    translation.full_clean()  # the same slug is fine for the same case
    translation.save_revision().publish()
    # Another case may not take the slug, in either language.
    midt_en = regions["midtjylland"].copy_for_translation(english(), copy_parents=True)
    other = CasePageFactory.build(slug="randers", start_year=2016)
    with pytest.raises(ValidationError, match="En anden case bruger allerede denne slug"):
        midt_en.add_child(instance=other)
    assert CasePage.objects.filter(slug="randers").count() == 2


def test_an_english_adaptation_shows_the_english_national_text(client, regions, national):
    adaptation = RegionalAdaptationPageFactory(
        parent=regions["midtjylland"],
        document=national,
        based_on=national.edition_list[-1],
        sections=[entry("maalgruppe", text="<p>I Midtjylland også unge.</p>")],
    )
    translate(national.get_parent(), title="Guidance")
    national_en = translate(national, title="Model for care pathways")
    maalgruppe = national.sections[0]
    translate(maalgruppe, title="Target group", body=[text("<p>Adults in need.</p>")])
    translation = adaptation.copy_for_translation(english(), copy_parents=True)
    translation.save_revision().publish()
    translation = type(adaptation).objects.get(pk=translation.pk)

    # The link still names the Danish document; the text shown is the English one.
    assert translation.document_id == national.pk
    assert translation.national_document == national_en
    html = soup(client.get("/en/regioner/midtjylland/model/maalgruppe/?tekst=national"))
    assert "Adults in need." in html.main.get_text()
    assert "Voksne med svære psykiske lidelser." not in html.main.get_text()
    danish = soup(client.get("/regioner/midtjylland/model/maalgruppe/?tekst=national"))
    assert "Voksne med svære psykiske lidelser." in danish.main.get_text()
    # Editions stay the Danish document's: the review and its links follow them.
    assert translation.review.document == national
    assert not translation.review.needed
    translation.full_clean()


# --- The demo ---------------------------------------------------------------------


def test_the_demo_has_a_full_english_tree(demo_site, client):
    danish = Page.objects.filter(locale__language_code="da", depth__gt=1)
    english_keys = set(
        Page.objects.filter(locale__language_code="en").values_list("translation_key", flat=True)
    )
    assert danish.exists()
    assert set(danish.values_list("translation_key", flat=True)) <= english_keys
    for page in danish.live().specific():
        counterpart = Page.objects.get(translation_key=page.translation_key, locale=english())
        url = counterpart.url
        assert url == "/en" + page.url, page.url
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="en">' in response.content.decode(), url
    # The English home page leads on into the English tree.
    html = soup(client.get("/en/"))
    assert html.select_one(".site-nav__list a")["href"].startswith("/en/")
    assert GuidanceDocumentPage.objects.filter(locale=english()).exists()


def test_every_page_type_has_an_english_version_reachable_through_the_switcher(demo_site, client):
    """From a Danish page of each type, the switcher leads to its own English
    translation (written in English, not the Danish original with a notice) and back."""
    danish_types = {
        type(page)
        for page in Page.objects.filter(locale__language_code="da", depth__gt=1).specific()
    }
    translated = Page.objects.filter(locale=english(), alias_of__isnull=True, live=True)
    examples = {}
    for page in translated.specific():
        examples.setdefault(type(page), page)
    assert danish_types <= set(examples), danish_types - set(examples)

    for page_type, english_page in examples.items():
        original = english_page.get_translation(Locale.objects.get(language_code="da"))
        danish = soup(client.get(original.url))
        link = switcher(danish).find("a", hreflang="en")
        assert link is not None, (page_type, original.url)
        assert link["href"] == english_page.url, page_type

        followed = soup(client.get(link["href"]))
        assert followed.html["lang"] == "en", page_type
        assert english_page.title in followed.find("h1").get_text(" ", strip=True), page_type
        assert english_page.title != original.title, page_type
        assert not followed.find(class_="translation-notice"), page_type
        back = switcher(followed).find("a", hreflang="da")
        assert back["href"] == original.url, page_type
