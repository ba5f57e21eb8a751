"""The demo's glossary (content/demo/glossary.yaml and en/glossary.yaml) and its
links from the demo guidance."""

from bs4 import BeautifulSoup

from glossary.alphabet import sort_key
from glossary.models import GlossaryPage
from guidelines.models import GuidanceSectionPage, RegionalAdaptationPage

REQUIRED = {
    "forloebsprogram",
    "koordinerende-indsatsplan",
    "tovholder",
    "rop",
    "rusmiddelproblem",
    "misbrug",
    "dobbeltdiagnose",
    "udskrivningsaftale",
    "koordinationsplan",
    "sundhedsaftale",
    "behandlingspsykiatri",
    "socialpsykiatri",
    "integreret-behandling",
    "almen-praksis",
    "paaroerende",
    "recovery",
    "rehabilitering",
    "peerstoette",
    "udgaaende-team",
    "genindlaeggelse",
    "indsats",
    "indsatsplan",
}


def page(language):
    return GlossaryPage.objects.get(locale__language_code=language, alias_of__isnull=True)


def definitions(glossary):
    return {child.value["anchor"]: child.value for child in glossary.terms}


def test_the_demo_glossary_has_the_fields_words_in_both_languages(demo_site):
    danish, english = definitions(page("da")), definitions(page("en"))
    assert set(danish) >= REQUIRED
    assert set(english) == set(danish)
    assert page("da").is_demo and page("en").is_demo
    assert "KI-plan" in danish["koordinerende-indsatsplan"]["forms"]


def test_the_demo_definitions_say_what_the_domain_brief_says(demo_site):
    danish = {anchor: str(value["definition"]) for anchor, value in definitions(page("da")).items()}
    assert "rusmiddelproblemer og psykiske lidelser" in danish["rop"]
    assert "i stedet for udskrivningsaftalen" in danish["koordinationsplan"]
    assert "1. september 2024" in danish["integreret-behandling"]
    assert "rusmiddelproblem" in danish["misbrug"] and "misbrug" in danish["rusmiddelproblem"]
    sources = {anchor: value["source"] for anchor, value in definitions(page("da")).items()}
    assert (
        sources["udskrivningsaftale"]
        == sources["koordinationsplan"]
        == ("Psykiatriloven §§ 13 a–c")
    )
    assert "§ 82 c" in sources["integreret-behandling"]


def test_the_demo_glossary_is_in_danish_order_and_marked_as_demo(demo_site, client):
    html = BeautifulSoup(client.get("/ordliste/").content, "html.parser")
    assert "Demoindhold" in html.get_text()
    terms = [dt.find("dfn").get_text() for dt in html.select("dt.glossary__term")]
    assert terms == sorted(terms, key=lambda word: sort_key(word, "da"))
    assert terms.index("Pårørende") < terms.index("Recovery") < terms.index("ROP")
    assert html.select(".glossary__letter-list li")[-1].get_text(strip=True) == "Å"


def test_the_demo_sections_link_to_the_glossary_in_their_language(demo_site, client):
    for language, prefix in (("da", ""), ("en", "/en")):
        sections = GuidanceSectionPage.objects.live().filter(locale__language_code=language)
        linked = 0
        for section in sections:
            html = BeautifulSoup(client.get(section.url).content, "html.parser")
            hrefs = [a["href"] for a in html.select("a.glossary-term")]
            assert all(href.startswith(f"{prefix}/ordliste/#") for href in hrefs), section.url
            assert len(hrefs) == len(set(hrefs)), section.url  # once per term
            linked += bool(hrefs)
        assert linked > len(sections) / 2, (language, linked, len(sections))


def test_a_regional_adaptation_links_the_national_text(demo_site, client):
    adaptation = RegionalAdaptationPage.objects.live().filter(locale__language_code="da").first()
    section = adaptation.document.specific.sections[0]
    html = BeautifulSoup(client.get(adaptation.url + section.slug + "/").content, "html.parser")
    assert html.select(".national-text a.glossary-term")
