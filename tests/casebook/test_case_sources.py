"""Funding sources, the method catalogue and collaborations: their pages, the cases
they list, the cases that name them, and the editor's rules."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from casebook.factories import FundingIndexPageFactory
from casebook.models import CasePage, FundingPage, TargetGroup, Theme

from .conftest import make_case, make_funding_sources, make_methods


def test_the_pool_page_shows_rounds_amounts_and_the_cases_it_paid_for(client, demo_site):
    html = client.get("/casebog/puljer/pulje-lokale-forloebsprogrammer-2015/").content.decode()
    assert "En region sammen med en eller flere kommuner." in html
    assert html.count("5.900.000 kr.") == 2 and "13.000.000 kr." in html
    pool = FundingPage.objects.get(
        slug="pulje-lokale-forloebsprogrammer-2015", locale__language_code="da"
    )
    cases = CasePage.objects.live().filter(funding_source=pool, locale=pool.locale)
    assert cases.count() == 5
    for case in cases:
        assert f'href="{case.url}"' in html
        page = client.get(case.url).content.decode()
        assert 'href="/casebog/puljer/pulje-lokale-forloebsprogrammer-2015/"' in page


def test_a_method_page_lists_the_cases_using_it_in_the_readers_language(client, demo_site):
    html = client.get("/metoder/peerstoette/").content.decode()
    assert 'href="/regioner/hovedstaden/peerstoette-ved-udskrivning-koebenhavn/"' in html
    assert 'href="/regioner/sjaelland/peerstoette-unge-roskilde-koege/"' in html
    assert 'href="/casebog/?metode=peerstoette"' in html
    english = client.get("/en/metoder/peerstoette/").content.decode()
    assert "<h1>Peer support</h1>" in english
    assert 'href="/en/regioner/hovedstaden/peerstoette-ved-udskrivning-koebenhavn/"' in english
    case = client.get("/regioner/nordjylland/aaben-dialog-himmerland/").content.decode()
    assert 'href="/metoder/aaben-dialog/"' in case


def test_the_alliance_page_names_partners_and_initiatives_and_its_cases_name_it(client, demo_site):
    html = client.get("/regioner/midtjylland/alliance-om-den-naere-psykiatri/").content.decode()
    assert "april 2019" in html
    for partner in ("SIND", "Red Barnet", "PLO-Midtjylland"):
        assert partner in html
    assert html.count('class="demo-note"') == 7
    assert "Alliancen nævnte ti initiativer" in html
    case = client.get("/regioner/midtjylland/alliancen-it-medcom/").content.decode()
    assert case.count('href="/regioner/midtjylland/alliance-om-den-naere-psykiatri/"') == 1
    region = client.get("/regioner/midtjylland/").content.decode()
    assert "Samarbejder i regionen" in region
    assert 'href="/regioner/midtjylland/alliance-om-den-naere-psykiatri/"' in region
    # A region without one shows no empty heading.
    assert "Samarbejder i regionen" not in client.get("/regioner/nordjylland/").content.decode()


def test_the_casebook_filters_by_method_and_by_funding(client, demo_site):
    html = client.get("/casebog/?metode=ips").content.decode()
    assert 'href="/regioner/syddanmark/ips-sydvestjylland/"' in html
    assert "peerstoette-ved-udskrivning" not in html
    pooled = client.get("/casebog/?finansiering=pulje-lokale-forloebsprogrammer-2015").content
    assert pooled.decode().count('href="/regioner/') >= 5
    assert "Anden finansiering" in html


def test_the_casebook_links_the_funding_pages_and_the_method_catalogue(client, demo_site):
    html = client.get("/casebog/").content.decode()
    assert 'href="/casebog/puljer/"' in html and 'href="/metoder/"' in html
    assert 'href="/en/metoder/"' in client.get("/en/casebog/").content.decode()


# --- The editor's rules -----------------------------------------------------------


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.org", "x"))
    return client


def funding_form(total, amounts):
    return nested_form_data(
        {
            "title": "Ny pulje",
            "slug": "ny-pulje",
            "summary": "Resumé.",
            "granted_by": "Staten",
            "administrator": "",
            "start_year": "2015",
            "end_year": "2017",
            "total_amount": total,
            "eligibility": "",
            "rounds": inline_formset(
                [
                    {"name": f"{n}. runde", "deadline": "", "amount": a, "note": ""}
                    for n, a in enumerate(amounts, 1)
                ]
            ),
            "body": rich_text(""),
            "source": "",
            "source_url": "",
            "action-publish": "action-publish",
        }
    )


def test_rounds_may_not_grant_more_than_the_pool_holds(editor, casebook):
    index = FundingIndexPageFactory(parent=casebook)
    url = f"/admin/pages/add/casebook/fundingpage/{index.pk}/"
    response = editor.post(url, funding_form("10000000", ["5900000", "5900000"]))
    assert response.status_code == 200
    assert (
        "Runderne uddeler i alt 11.800.000 kr., mere end puljens 10.000.000 kr."
        in response.content.decode()
    )
    assert not FundingPage.objects.exists()
    response = editor.post(url, funding_form("12000000", ["5900000", "5900000"]))
    assert response.status_code == 302
    assert [r.amount for r in FundingPage.objects.get(locale__language_code="da").rounds.all()] == [
        5900000,
        5900000,
    ]


def test_an_editor_picks_a_cases_methods_and_pool_among_the_danish_pages(
    editor, home, casebook, region_pages
):
    methods = make_methods(home, n=2)
    source = make_funding_sources(casebook, n=1)[0]
    case = make_case(casebook, region_pages, slug="casen")
    form = editor.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    for page in (*methods, source):
        assert f'value="{page.pk}"' in form
    # Their counterparts in other languages are not offered.
    keys = [page.translation_key for page in (*methods, source)]
    others = Page.objects.filter(translation_key__in=keys).exclude(locale=case.locale)
    for other in others:
        assert f'value="{other.pk}"' not in form
    data = nested_form_data(
        {
            "title": case.title,
            "slug": case.slug,
            "summary": "Resumé.",
            "region": "",
            "start_year": "2018",
            "end_year": "",
            "status": "i-gang",
            "funding_source": source.pk,
            "what_was_done": rich_text("<p>Gjort.</p>"),
            "results": rich_text(""),
            "recommendation_links": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["target_groups"] = [TargetGroup.objects.get(slug="voksne").pk]
    data["themes"] = [Theme.objects.get(slug="bolig").pk]
    data["methods"] = [methods[1].pk]
    response = editor.post(f"/admin/pages/{case.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = CasePage.objects.get(pk=case.pk)
    assert case.funding_source == source and list(case.methods.all()) == [methods[1]]


def test_the_admin_offers_every_new_page_type_where_it_belongs(
    editor, home, casebook, region_pages
):
    methods = make_methods(home, n=1)[0].get_parent()
    funding = make_funding_sources(casebook, n=1)[0].get_parent()
    region = region_pages["midtjylland"]
    for model, parent in [
        ("methodpage", methods),
        ("fundingpage", funding),
        ("collaborationpage", region),
        ("collaborationpage", casebook),
    ]:
        response = editor.get(f"/admin/pages/add/casebook/{model}/{parent.pk}/")
        assert response.status_code == 200, (model, parent)
    # Not where it does not belong.
    response = editor.get(f"/admin/pages/add/casebook/methodpage/{casebook.pk}/")
    assert response.status_code in (302, 403) and "Metode" not in response.content.decode()
    assert editor.get("/admin/snippets/casebook/meetingseries/").status_code == 200
