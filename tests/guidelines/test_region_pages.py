"""Region pages, and the reader's region: chosen once, remembered in a cookie,
offered on the national pages."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from casebook.factories import (
    CasebookIndexPageFactory,
    CasePageFactory,
    CollaborationPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from guidelines.editions.release import release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    RegionalAdaptationPageFactory,
    entry,
    text,
)
from guidelines.models import GuidanceSectionPage, Region
from guidelines.models.regions import chosen_region
from guidelines.region_cookie import COOKIE

CHOOSE = "/regioner/vaelg/"
MIDT = "/regioner/midtjylland/"
ADAPTATION = "/regioner/midtjylland/model/"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def casebook(home):
    return CasebookIndexPageFactory(parent=home)


@pytest.fixture
def meeting_index(casebook):
    return MeetingIndexPageFactory(parent=casebook)


def add_case(region_page, **kwargs):
    return CasePageFactory(parent=region_page, region=region_page.region, **kwargs)


def add_meeting(meeting_index, region, **kwargs):
    return MeetingPageFactory(parent=meeting_index, region=region, **kwargs)


def with_region(slug):
    client = Client()
    client.cookies[COOKIE] = slug
    return client


class TestRegionPage:
    def test_lists_its_adaptations_cases_and_meetings(
        self, client, regions, midtjylland_adaptation, meeting_index
    ):
        midt, nord = Region.objects.get(slug="midtjylland"), Region.objects.get(slug="nordjylland")
        add_case(regions["midtjylland"], title="Fælles indgang i Viborg")
        add_case(regions["nordjylland"], title="Nordjysk case")
        add_meeting(meeting_index, midt, title="Møde om et år", date=days(365))
        add_meeting(meeting_index, midt, title="Møde i næste uge", date=days(7))
        add_meeting(meeting_index, midt, title="Møde sidste år", date=days(-365))
        add_meeting(meeting_index, midt, title="Møde sidste måned", date=days(-30))
        add_meeting(meeting_index, nord, title="Nordjysk møde", date=days(7))
        add_meeting(meeting_index, midt, title="Aflyst møde", date=days(14), live=False)

        page = soup(client.get(MIDT))

        adaptations = page.find(id="adaptations-heading").parent
        item = adaptations.find(class_="adaptation-list__item")
        assert item.find("a", href=ADAPTATION).get_text(strip=True) == (
            "Model for forløbsprogrammer i Region Midtjylland"
        )
        assert item.find("a", href="/vejledninger/model/")  # the national document
        summary = " ".join(item.get_text().split())
        assert "1 afsnit suppleret" in summary and "1 afsnit erstattet" in summary
        assert not item.find(class_="review-marker")

        cases = page.find(id="cases-heading").parent.get_text()
        assert "Fælles indgang i Viborg" in cases and "Nordjysk case" not in cases

        meetings = [a.get_text() for a in page.find(id="meetings-heading").parent.find_all("a")]
        assert meetings == [
            "Møde i næste uge",
            "Møde om et år",  # upcoming, soonest first
            "Møde sidste måned",
            "Møde sidste år",  # then the past, latest first
        ]

    def test_marks_an_adaptation_under_review_after_a_new_national_edition(
        self, client, national, midtjylland_adaptation
    ):
        section = GuidanceSectionPage.objects.get(slug="opfoelgning")
        section.body = [text("<p>Følg op hver sjette måned.</p>")]
        section.save_revision().publish()
        release_edition(
            type(national).objects.get(pk=national.pk),
            label="2. udgave, 2025",
            effective_date=datetime.date(2025, 6, 1),
            change_summary="Nyt.",
        )
        marker = soup(client.get(MIDT)).find(class_="review-marker")
        assert marker.get_text(strip=True) == "under gennemsyn"

    def test_leaves_out_unpublished_and_private_adaptations(
        self, client, regions, national, midtjylland_adaptation
    ):
        PageViewRestriction.objects.create(
            page=midtjylland_adaptation,
            restriction_type=PageViewRestriction.PASSWORD,
            password="hemmelig",
        )
        page = soup(client.get(MIDT))
        assert not page.find("a", href=ADAPTATION)
        assert "uden lokale tilpasninger" in page.get_text()

    def test_has_a_save_as_my_region_button_and_then_a_forget_button(
        self, client, regions, midtjylland_adaptation
    ):
        form = soup(client.get(MIDT)).find("form", class_="region-save")
        assert form["action"] == CHOOSE and form["method"] == "post"
        assert form.find("input", attrs={"name": "region"})["value"] == "midtjylland"
        assert form.find("input", attrs={"name": "next"})["value"] == MIDT
        assert form.button.get_text(strip=True) == "Gem som min region"
        # No CSRF token, so no cookie for a reader who only reads (core/page_cache/).
        assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})

        form = soup(with_region("midtjylland").get(MIDT)).find("form", class_="region-save")
        assert form.find("input", attrs={"name": "region"})["value"] == ""
        assert form.button.get_text(strip=True) == "Glem min region"


def test_region_index_counts_adaptations_and_cases(client, regions, midtjylland_adaptation):
    add_case(regions["midtjylland"])
    add_case(regions["midtjylland"])
    add_case(regions["syddanmark"])
    add_case(regions["syddanmark"], live=False)
    items = {
        li.a.get_text(strip=True): " ".join(li.find(class_="meta").get_text().split())
        for li in soup(client.get("/regioner/")).select(".region-list__item")
    }
    assert items["Region Midtjylland"] == "1 tilpasset vejledning · 2 cases"
    assert items["Region Syddanmark"] == "0 tilpassede vejledninger · 1 case"
    assert items["Region Nordjylland"] == "0 tilpassede vejledninger · 0 cases"


class TestChoosingARegion:
    def test_get_shows_the_form(self, client, regions):
        page = soup(client.get(CHOOSE + "?next=/vejledninger/model/"))
        form = page.find("form", class_="region-choice")
        assert form["method"] == "post"
        assert form.find("input", attrs={"name": "next"})["value"] == "/vejledninger/model/"
        options = [o["value"] for o in form.find_all("option")]
        assert options == [
            "",
            "nordjylland",
            "midtjylland",
            "syddanmark",
            "hovedstaden",
            "sjaelland",
        ]

    def test_post_sets_the_cookie_and_goes_back(self, client, regions):
        response = client.post(CHOOSE, {"region": "midtjylland", "next": "/vejledninger/model/"})
        assert response.status_code == 302
        assert response["Location"] == "/vejledninger/model/"
        cookie = response.cookies[COOKIE]
        assert cookie.value == "midtjylland"
        assert cookie["max-age"] == 365 * 24 * 60 * 60
        assert cookie["samesite"] == "Lax"
        assert cookie["path"] == "/"

    @pytest.mark.parametrize(
        "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
    )
    def test_an_external_or_missing_next_falls_back_to_the_region_page(
        self, client, regions, next_url
    ):
        response = client.post(CHOOSE, {"region": "midtjylland", "next": next_url})
        assert response.status_code == 302
        assert response["Location"] == MIDT
        assert response.cookies[COOKIE].value == "midtjylland"

    @pytest.mark.parametrize("value", ["atlantis", "midtjylland'; drop", "x" * 5000])
    def test_an_unknown_region_is_a_400_with_a_clear_message(self, client, regions, value):
        response = client.post(CHOOSE, {"region": value, "next": "/"})
        assert response.status_code == 400
        assert "Ukendt region" in response.content.decode()
        assert COOKIE not in response.cookies

    def test_an_empty_region_forgets_the_choice(self, regions):
        client = with_region("midtjylland")
        response = client.post(CHOOSE, {"region": "", "next": "/vejledninger/model/"})
        assert response.status_code == 302
        assert response["Location"] == "/vejledninger/model/"
        assert response.cookies[COOKIE].value == ""
        assert response.cookies[COOKIE]["max-age"] == 0
        assert COOKIE not in client.cookies or client.cookies[COOKIE].value == ""

    def test_another_site_cannot_choose_for_the_reader(self, regions):
        client = Client(enforce_csrf_checks=True)
        for headers in (
            {"HTTP_ORIGIN": "https://evil.example"},
            {"HTTP_ORIGIN": "null"},
            {"HTTP_SEC_FETCH_SITE": "cross-site"},
        ):
            response = client.post(CHOOSE, {"region": "midtjylland"}, **headers)
            assert response.status_code == 403, headers
            assert COOKIE not in response.cookies
        # This site's own page posts without a CSRF token, and is heard.
        response = client.post(
            CHOOSE,
            {"region": "midtjylland", "next": "/"},
            HTTP_ORIGIN="http://testserver",
            HTTP_SEC_FETCH_SITE="same-origin",
        )
        assert response.status_code == 302 and response.cookies[COOKIE].value == "midtjylland"

    def test_other_methods_are_not_allowed(self, client, regions):
        assert client.put(CHOOSE).status_code == 405

    def test_junk_in_the_cookie_is_no_region(self, regions):
        request = RequestFactory().get("/")
        for junk in ["atlantis", "", "midt jylland", "<script>", "x" * 500]:
            request.COOKIES[COOKIE] = junk
            vars(request).pop("_chosen_region", None)
            assert chosen_region(request) is None
        request.COOKIES[COOKIE] = "midtjylland"
        vars(request).pop("_chosen_region", None)
        assert chosen_region(request).name == "Region Midtjylland"


class TestNationalPagesOfferTheRegionalVersion:
    def test_document_links_to_the_regions_version(self, national, midtjylland_adaptation):
        offer = soup(with_region("midtjylland").get("/vejledninger/model/")).find(
            class_="regional-offer"
        )
        assert "Region Midtjylland har tilpasset denne vejledning." in " ".join(
            offer.get_text().split()
        )
        assert offer.find("a", href=ADAPTATION).get_text(strip=True) == "Læs regionens version"
        change = offer.find("a", class_="regional-offer__change")
        assert change["href"] == CHOOSE + "?next=/vejledninger/model/"

    @pytest.mark.parametrize(
        "slug, says",
        [
            ("maalgruppe", "Region Midtjylland har suppleret dette afsnit med lokal tekst."),
            ("opfoelgning", "Region Midtjylland har erstattet dette afsnit med egen tekst."),
            ("indsatser", "I Region Midtjylland gælder dette afsnit som nationalt."),
        ],
    )
    def test_section_says_how_the_region_adapts_it_and_links_there(
        self, national, midtjylland_adaptation, slug, says
    ):
        response = with_region("midtjylland").get(f"/vejledninger/model/{slug}/")
        offer = soup(response).find(class_="regional-offer")
        assert says in " ".join(offer.get_text().split())
        assert offer.find("a", href=f"{ADAPTATION}{slug}/")

    def test_a_region_without_an_adaptation_says_the_national_text_applies(
        self, national, midtjylland_adaptation
    ):
        offer = soup(with_region("nordjylland").get("/vejledninger/model/")).find(
            class_="regional-offer"
        )
        assert "Region Nordjylland har ikke tilpasset denne vejledning." in offer.get_text()
        assert not offer.find("a", href=ADAPTATION)

    def test_a_private_or_unpublished_adaptation_is_not_offered(
        self, national, midtjylland_adaptation
    ):
        PageViewRestriction.objects.create(
            page=midtjylland_adaptation.get_parent(),
            restriction_type=PageViewRestriction.PASSWORD,
            password="hemmelig",
        )
        page = soup(with_region("midtjylland").get("/vejledninger/model/"))
        assert not page.find("a", href=ADAPTATION)
        PageViewRestriction.objects.all().delete()
        midtjylland_adaptation.unpublish()
        page = soup(with_region("midtjylland").get("/vejledninger/model/maalgruppe/"))
        assert not page.find("a", href=ADAPTATION + "maalgruppe/")

    @pytest.mark.parametrize("path", ["/vejledninger/model/", "/vejledninger/model/indsatser/"])
    @pytest.mark.parametrize("cookie", [None, "atlantis", "<script>alert(1)</script>"])
    def test_without_a_region_they_offer_the_chooser(
        self, national, midtjylland_adaptation, path, cookie
    ):
        client = with_region(cookie) if cookie else Client()
        page = soup(client.get(path))
        assert not page.find("a", href=ADAPTATION)
        form = page.find("form", class_="regional-offer--choose")
        assert form["action"] == CHOOSE and form["method"] == "post"
        assert form.find("input", attrs={"name": "next"})["value"] == path
        assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})
        assert len(form.select("select[name=region] option[value!='']")) == 5
        assert form.find("label", attrs={"for": "regional-offer-region"})

    def test_choosing_from_the_national_page_then_shows_the_regional_version(
        self, client, national, midtjylland_adaptation
    ):
        response = client.post(
            CHOOSE,
            {"region": "midtjylland", "next": "/vejledninger/model/maalgruppe/"},
            follow=True,
        )
        offer = soup(response).find(class_="regional-offer")
        assert offer.find("a", href=ADAPTATION + "maalgruppe/")

    def test_without_region_pages_there_is_nothing_to_offer(self, client, national):
        page = soup(client.get("/vejledninger/model/"))
        assert not page.find(class_="regional-offer")


# --- Query counts -----------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow_region(regions, meeting_index, guidance_index, n):
    """n more documents adapted by Midtjylland, n cases, meetings and collaborations there."""
    region = regions["midtjylland"]
    for i in range(n):
        document = GuidanceDocumentPageFactory(parent=guidance_index)
        GuidanceSectionPageFactory(parent=document, slug=f"a-{i}", body=[text("<p>x</p>")])
        document = type(document).objects.get(pk=document.pk)
        release_edition(
            document, label="1. udgave", effective_date=datetime.date(2020, 1, 1), change_summary=""
        )
        RegionalAdaptationPageFactory(
            parent=region,
            document=document,
            based_on=document.edition_list[-1],
            sections=[entry(f"a-{i}")],
        )
        add_case(region)
        add_meeting(meeting_index, region.region, date=days(i - n // 2))
        CollaborationPageFactory(parent=region)


def test_region_page_query_count_does_not_grow_with_its_content(
    client, regions, meeting_index, guidance_index
):
    grow_region(regions, meeting_index, guidance_index, 1)
    client.get(MIDT)  # warm per-process caches (content types, site)
    few = count_queries(client, MIDT)
    grow_region(regions, meeting_index, guidance_index, 6)
    assert count_queries(client, MIDT) == few
    assert few <= 26


def test_region_index_query_count_does_not_grow_with_content(
    client, regions, meeting_index, guidance_index
):
    grow_region(regions, meeting_index, guidance_index, 1)
    client.get("/regioner/")
    few = count_queries(client, "/regioner/")
    grow_region(regions, meeting_index, guidance_index, 4)
    assert count_queries(client, "/regioner/") == few


@pytest.mark.parametrize("cookie", [None, "midtjylland", "nordjylland", "atlantis"])
@pytest.mark.parametrize("with_section", [False, True])
def test_the_offer_costs_at_most_two_queries(
    regions, national, midtjylland_adaptation, cookie, with_section
):
    request = RequestFactory().get("/vejledninger/model/")
    if cookie:
        request.COOKIES[COOKIE] = cookie
    section = national.sections[0]
    template = Template(
        "{% load guidelines_tags %}"
        + (
            "{% regional_offer document section %}"
            if with_section
            else "{% regional_offer document %}"
        )
    )
    Site.find_for_request(request)  # as Wagtail's page view has done before rendering
    # A plain context: the site's context processors have queries of their own.
    context = Context({"request": request, "document": national, "section": section})
    with CaptureQueriesContext(connection) as queries:
        html = template.render(context)
    assert len(queries) <= 2
    assert "regional-offer" in html


def test_pages_that_depend_on_the_region_cookie_say_so_to_caches(client, midtjylland_adaptation):
    for url in ("/vejledninger/model/", "/vejledninger/model/maalgruppe/", "/regioner/"):
        assert "Cookie" in client.get(url).get("Vary", ""), url
