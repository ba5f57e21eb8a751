from casebook.models import CasePage
from guidelines.models import Municipality, Region


def test_migration_loads_five_regions_and_98_municipalities(db):
    assert list(Region.objects.values_list("slug", flat=True)) == [
        "nordjylland",
        "midtjylland",
        "syddanmark",
        "hovedstaden",
        "sjaelland",
    ]
    assert Municipality.objects.count() == 98
    counts = {r.slug: r.municipalities.count() for r in Region.objects.all()}
    assert counts == {
        "nordjylland": 11,
        "midtjylland": 19,
        "syddanmark": 22,
        "hovedstaden": 29,
        "sjaelland": 17,
    }
    assert Municipality.objects.get(name="Randers").region.slug == "midtjylland"


def test_region_pages_list_their_municipalities(demo_site, client):
    html = client.get("/regioner/midtjylland/").content.decode()
    assert "19 kommuner i regionen" in html
    assert "Randers" in html and "Odense" not in html


def test_region_page_lists_the_regions_cases(demo_site, client):
    html = client.get("/regioner/midtjylland/").content.decode()
    cases = CasePage.objects.live().filter(region__slug="midtjylland", locale__language_code="da")
    for case in cases:
        assert f'href="{case.url}"' in html
    assert 'href="/casebog/?region=midtjylland"' in html
