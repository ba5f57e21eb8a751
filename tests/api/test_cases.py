"""The casebook through the read API (/api/v1/cases/, /api/v1/meetings/), over HTTP on
the demo content: what a case's page shows and nothing more, the casebook's own
filters, only live and public pages, and query counts that do not grow with the
page size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from casebook.factories import CasePageFactory, MeetingPageFactory
from casebook.models import CasebookIndexPage, CasePage, MeetingIndexPage, MeetingPage
from core.i18n import locale_for
from guidelines.models import Region

pytestmark = pytest.mark.django_db

API = "/api/v1/"
AALBORG = "tovholder-dobbeltdiagnose-aalborg"


def get(client, path):
    response = client.get(API + path)
    assert response.status_code == 200, (path, response.status_code, response.content[:500])
    return response.json()


def danish_case(slug):
    return CasePage.objects.get(slug=slug, locale=locale_for("da"))


def all_ids(client, path="cases/", key="id"):
    separator = "&" if "?" in path else "?"
    found = get(client, f"{path}{separator}limit=100")
    assert found["next"] is None
    return [item[key] for item in found["items"]]


def test_a_case_gives_what_its_page_shows(client, demo_site):
    page = danish_case(AALBORG)
    case = get(client, f"cases/{AALBORG}/")

    assert case["id"] == AALBORG and case["title"] == page.title
    assert case["summary"] == page.summary
    assert (
        case["region"]["slug"] == "nordjylland" and case["region"]["name"] == "Region Nordjylland"
    )
    assert [m["code"] for m in case["municipalities"]] == [851]  # Aalborg
    assert [t["slug"] for t in case["target_groups"]] == ["voksne"]
    assert {t["slug"] for t in case["themes"]} == {"dobbeltdiagnose", "opsoegende-indsats"}
    assert (case["start_year"], case["end_year"], case["period"]) == (2014, 2016, "2014–2016")
    assert (case["status"], case["status_label"]) == ("forankret", "Forankret i drift")
    assert case["contact_role"] == "Afdelingsleder, Socialpsykiatrien, Aalborg Kommune"
    assert case["partners"] == page.partners and case["funding"] == page.funding
    assert case["what_was_done_markdown"].startswith("Kommunen og regionen udpegede")
    assert "<li>" in case["what_was_done_html"] and "\n- " in case["what_was_done_markdown"]
    assert case["results_html"].startswith("<p>Ved projektperiodens afslutning")
    assert case["language"] == "da" and case["is_demo"] is True

    # The recommendations it puts into practice, in the case's order, each an address
    # on the site and in the API that answer.
    assert [r["id"] for r in case["recommendations"]] == [
        "dobbeltdiagnose/6.1",
        "dobbeltdiagnose/6.2",
        "dobbeltdiagnose/3.1",
    ]
    first = case["recommendations"][0]
    assert first["code"] == "6.1" and first["document"] == "dobbeltdiagnose" and first["current"]
    assert first["url"] == "http://testserver/vejledninger/dobbeltdiagnose/anbefaling/6-1/"
    assert client.get(first["url"]).status_code == 200
    assert get(client, first["api_url"].removeprefix("http://testserver" + API))["code"] == "6.1"

    assert {m["id"] for m in case["meetings"]} == {
        "informationsmoede-nordjylland-2014",
        "informationsmoede-sjaelland-2014",
    }
    assert client.get(case["url"]).status_code == 200
    assert case["url"] == "http://testserver" + page.get_url()
    assert case["api_url"] == f"http://testserver/api/v1/cases/{AALBORG}/"


def test_a_case_gives_no_person_and_nothing_from_the_admin(client, demo_site, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    page = danish_case(AALBORG)
    page.save_revision(user=editor).publish(user=editor)
    body = client.get(API + f"cases/{AALBORG}/").content.decode()
    for private in ("redaktoer", "r@example.org", "revision", "owner", "locked", "@"):
        assert private not in body, private


def test_methods_and_funding_sources_are_linked_in_the_readers_language(client, demo_site):
    danish = get(client, "cases/brobyggere-psykiatrisk-sygehus-aalborg/")
    english = get(client, "cases/brobyggere-psykiatrisk-sygehus-aalborg/?lang=en")
    assert [m["slug"] for m in danish["methods"]] == ["brobyggere"]
    assert danish["methods"][0]["url"] == "http://testserver/metoder/brobyggere/"
    assert english["methods"][0]["url"] == "http://testserver/en/metoder/brobyggere/"
    assert english["methods"][0]["title"] != danish["methods"][0]["title"]
    assert english["url"].startswith("http://testserver/en/")
    # Labels from the code follow the language too.
    assert english["status_label"] != danish["status_label"] == "Afsluttet"

    funded = get(client, "cases/forloebsprogram-unge-vendsyssel/")
    assert funded["funding_source"]["slug"] == "pulje-lokale-forloebsprogrammer-2015"
    assert client.get(funded["funding_source"]["url"]).status_code == 200


def test_the_casebooks_filters_narrow_the_list(client, demo_site):
    everything = get(client, "cases/?limit=100")
    live = CasePage.objects.live().public().filter(locale=locale_for("da"))
    assert everything["count"] == live.count() == len(everything["items"])
    facets = {f["name"]: {o["value"]: o for o in f["options"]} for f in everything["facets"]}
    assert set(facets) == {
        "region",
        "municipality",
        "target_group",
        "theme",
        "method",
        "funding",
        "status",
        "period",
    }

    north = get(client, "cases/?region=nordjylland&limit=100")
    assert north["count"] == facets["region"]["nordjylland"]["count"] == 5
    assert {c["region"]["slug"] for c in north["items"]} == {"nordjylland"}
    assert set(all_ids(client, "cases/?region=nordjylland")) == set(
        live.filter(region__slug="nordjylland").values_list("slug", flat=True)
    )
    north_facets = {f["name"]: f for f in north["facets"]}
    assert [o["value"] for o in north_facets["region"]["options"] if o["selected"]] == [
        "nordjylland"
    ]

    # Values within a filter are alternatives, filters combine.
    two = get(client, "cases/?region=nordjylland&region=sjaelland&limit=100")
    assert two["count"] == 5 + facets["region"]["sjaelland"]["count"]
    both = all_ids(client, "cases/?region=nordjylland&theme=dobbeltdiagnose")
    assert AALBORG in both and len(both) < north["count"]
    assert set(all_ids(client, "cases/?region=national")) == set(
        live.filter(region__isnull=True).values_list("slug", flat=True)
    )

    assert "brobyggere-psykiatrisk-sygehus-aalborg" in all_ids(client, "cases/?method=brobyggere")
    assert "forloebsprogram-unge-vendsyssel" in all_ids(
        client, "cases/?funding=pulje-lokale-forloebsprogrammer-2015"
    )
    assert AALBORG in all_ids(client, "cases/?municipality=851&status=forankret&period=2010-2014")
    assert AALBORG not in all_ids(client, "cases/?municipality=851&status=planlagt")

    # Sorting, and paging that keeps the filters.
    by_title = [c["id"] for c in get(client, "cases/?sort=title&limit=100")["items"]]
    assert by_title == list(live.order_by("title").values_list("slug", flat=True))
    years = [c["start_year"] for c in everything["items"]]
    assert years == sorted(years, reverse=True)
    first = get(client, "cases/?region=nordjylland&limit=2")
    assert "region=nordjylland" in first["next"] and "offset=2" in first["next"]
    rest = client.get(first["next"]).json()
    assert {c["region"]["slug"] for c in rest["items"]} == {"nordjylland"}


@pytest.mark.parametrize(
    "query",
    [
        "region=atlantis",
        "theme=ukendt",
        "municipality=abc",
        "status=lukket",
        "period=1990-1999",
        "sort=random",
        "method=%00",
        "funding=" + "x" * 5000,
        "&".join(["region=nordjylland"] * 21),
        "limit=abc",
        "limit=1000",
        "offset=-5",
    ],
)
def test_an_unknown_filter_value_is_422_never_a_server_error(client, demo_site, query):
    response = client.get(API + "cases/?" + query)
    assert response.status_code == 422, response.content[:300]
    assert "detail" in response.json()


@pytest.mark.parametrize("slug", ["ukendt", "%00", "a%2Fb", "æøå", "-" * 300, "..", "'; --"])
def test_an_unknown_case_or_meeting_is_404(client, demo_site, slug):
    assert client.get(API + f"cases/{slug}/").status_code == 404
    assert client.get(API + f"meetings/{slug}/").status_code == 404


def test_drafts_unpublished_and_private_cases_never_appear(client, demo_site):
    index = CasebookIndexPage.objects.get(locale=locale_for("da"))
    before = get(client, "cases/?limit=100")
    north_before = {f["name"]: f for f in before["facets"]}["region"]["options"][0]["count"]

    # A draft: the editor rewrites the summary but does not publish.
    page = danish_case(AALBORG)
    page.summary = "Kladdens resumé."
    page.save_revision()
    # A new case never published, and one published and then withdrawn.
    CasePageFactory(parent=index, slug="aldrig-udgivet", live=False)
    withdrawn = CasePageFactory(parent=index, slug="trukket-tilbage")
    withdrawn.unpublish()
    # A published case behind a password, and one behind its region page's password.
    private = danish_case("brobyggere-psykiatrisk-sygehus-aalborg")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    listed = get(client, "cases/?limit=100")
    ids = [c["id"] for c in listed["items"]]
    assert listed["count"] == before["count"] - 1
    for hidden in ("aldrig-udgivet", "trukket-tilbage", "brobyggere-psykiatrisk-sygehus-aalborg"):
        assert hidden not in ids
        assert client.get(API + f"cases/{hidden}/").status_code == 404
        # Nor its English version: an alias of a page behind a password is behind
        # it too, as the site serves it (PageQuerySet.public() alone would let it by).
        assert client.get(API + f"cases/{hidden}/?lang=en").status_code == 404
        assert hidden not in all_ids(client, "cases/?lang=en")
    site = client.get("/en/regioner/nordjylland/brobyggere-psykiatrisk-sygehus-aalborg/")
    assert "brobyggere på de psykiatriske sengeafsnit" not in site.content.decode()
    # The facet counts leave it out too.
    north = {f["name"]: f for f in listed["facets"]}["region"]["options"][0]
    assert (north["value"], north["count"]) == ("nordjylland", north_before - 1)
    assert "Kladdens resumé." not in client.get(API + "cases/?limit=100").content.decode()
    published = CasePage.objects.get(pk=page.pk).summary
    assert get(client, f"cases/{AALBORG}/")["summary"] == published != "Kladdens resumé."

    # A meeting's cases and a case's meetings show only what readers may see.
    PageViewRestriction.objects.create(
        page=danish_case(AALBORG), restriction_type="password", password="x"
    )
    meeting = get(client, "meetings/informationsmoede-nordjylland-2014/")
    assert AALBORG not in [c["id"] for c in meeting["cases"]]
    assert meeting["cases"]  # the other case presented there is still listed


def test_a_region_page_behind_a_password_hides_its_cases(client, demo_site):
    from guidelines.models import RegionPage

    region_page = RegionPage.objects.get(region__slug="nordjylland", locale=locale_for("da"))
    PageViewRestriction.objects.create(page=region_page, restriction_type="password", password="x")
    assert get(client, "cases/?region=nordjylland")["count"] == 0
    assert client.get(API + f"cases/{AALBORG}/").status_code == 404


def meeting_index():
    return MeetingIndexPage.objects.get(locale=locale_for("da"))


def test_meetings_are_listed_newest_first_and_filtered(client, demo_site):
    listed = get(client, "meetings/?limit=100")
    live = MeetingPage.objects.live().public().filter(locale=locale_for("da"))
    assert listed["count"] == live.count() == len(listed["items"])
    dates = [m["date"] for m in listed["items"]]
    assert dates == sorted(dates, reverse=True)

    series = get(client, "meetings/?series=informationsmoeder-2014&limit=100")
    assert series["count"] == 5
    assert {m["series"]["slug"] for m in series["items"]} == {"informationsmoeder-2014"}
    midt = get(client, "meetings/?region=midtjylland")
    assert [m["id"] for m in midt["items"]] == ["informationsmoede-midtjylland-2014"]
    assert get(client, "meetings/?region=national")["count"] == live.filter(region=None).count()

    today = timezone.localdate()
    upcoming = get(client, "meetings/?upcoming=true&limit=100")["items"]
    past = get(client, "meetings/?upcoming=false&limit=100")["items"]
    assert len(upcoming) + len(past) == listed["count"]
    assert all(m["upcoming"] and m["date"] >= today.isoformat() for m in upcoming)
    assert all(not m["upcoming"] and m["date"] < today.isoformat() for m in past)

    for query in ("region=atlantis", "series=ukendt", "upcoming=maybe", "region=%00"):
        assert client.get(API + "meetings/?" + query).status_code == 422, query


def test_a_meeting_gives_its_programme_materials_and_cases(client, demo_site):
    slug = "informationsmoede-midtjylland-2014"
    page = MeetingPage.objects.get(slug=slug, locale=locale_for("da"))
    meeting = get(client, f"meetings/{slug}/")
    assert (meeting["date"], meeting["start_time"], meeting["end_time"]) == (
        "2014-09-23",
        "09:30",
        "15:00",
    )
    # The same as moments in time: Danish summer time, two hours ahead of UTC.
    assert meeting["starts_at"] == "2014-09-23T09:30:00+02:00"
    assert meeting["ends_at"] == "2014-09-23T15:00:00+02:00"
    assert meeting["place"] == "Regionshuset, Viborg" and meeting["region"]["slug"] == "midtjylland"
    assert meeting["series"]["slug"] == "informationsmoeder-2014"
    assert meeting["organiser"] == page.organiser and meeting["audience"] == page.audience
    assert "<li>9.30 Ankomst og kaffe</li>" in meeting["programme_html"]
    assert "- 9.30 Ankomst og kaffe" in meeting["programme_markdown"]
    assert [m["url"] for m in meeting["materials"]] == [
        "http://testserver/vejledninger/dobbeltdiagnose/udgaver/1-udgave-2014/pdf/",
        "http://testserver/vejledninger/indsatsplan/udfyld/tom.pdf",
    ]
    assert meeting["materials"][0]["kind"] == "vejledning"
    assert meeting["upcoming"] is False and meeting["registration"] is None
    assert [c["id"] for c in meeting["cases"]] == [
        "misbrug-og-psykiatri-randers-djursland",
        "laeringsnetvaerk-koordinerende-indsatsplaner",
    ]
    for case in meeting["cases"]:
        assert get(client, case["api_url"].removeprefix("http://testserver" + API))["id"]
    assert client.get(meeting["url"]).status_code == 200
    assert client.get(meeting["calendar_url"]).status_code == 200


def test_registration_is_given_only_before_the_meeting(client, demo_site):
    today = timezone.localdate()
    for slug, days in (("kommende", 30), ("holdt", -1)):
        MeetingPageFactory(
            parent=meeting_index(),
            slug=slug,
            date=today + datetime.timedelta(days=days),
            registration_url="https://example.org/tilmelding",
            registration_contact="Sekretariatet",
        )
    coming = get(client, "meetings/kommende/")
    assert coming["upcoming"] is True
    assert coming["registration"] == {
        "url": "https://example.org/tilmelding",
        "contact": "Sekretariatet",
    }
    held = get(client, "meetings/holdt/")
    assert held["upcoming"] is False and held["registration"] is None
    assert "tilmelding" not in client.get(API + "meetings/holdt/").content.decode()


def test_unpublished_and_private_meetings_never_appear(client, demo_site):
    MeetingPageFactory(parent=meeting_index(), slug="kladdemoede", date="2030-01-01", live=False)
    private = MeetingPage.objects.get(
        slug="informationsmoede-sjaelland-2014", locale=locale_for("da")
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    ids = all_ids(client, "meetings/")
    assert "kladdemoede" not in ids and "informationsmoede-sjaelland-2014" not in ids
    assert "informationsmoede-sjaelland-2014" not in all_ids(client, "meetings/?lang=en")
    for language in ("da", "en"):
        for slug in ("kladdemoede", "informationsmoede-sjaelland-2014"):
            assert client.get(API + f"meetings/{slug}/?lang={language}").status_code == 404
        # Nor among the meetings a case was presented at.
        case = get(client, f"cases/{AALBORG}/?lang={language}")
        assert [m["id"] for m in case["meetings"]] == ["informationsmoede-nordjylland-2014"]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(API + path)
    assert response.status_code == 200, (path, response.content[:300])
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "cases/?limit={}",
        "cases/?region=midtjylland&region=nordjylland&limit={}",
        "cases/?lang=en&limit={}",
        "meetings/?limit={}",
        "meetings/?lang=en&limit={}",
    ],
)
def test_the_query_count_is_the_same_for_one_item_as_for_fifty(client, demo_site, path):
    client.get(API + path.format(1))  # the per-process caches: locales, sites, case table
    one = count_queries(client, path.format(1))
    fifty = count_queries(client, path.format(50))
    assert fifty == one, (path, one, fifty)


def test_regions_named_by_cases_and_meetings_answer(client, demo_site):
    for region in Region.objects.all():
        assert get(client, f"regions/{region.slug}/")["name"] == region.name
