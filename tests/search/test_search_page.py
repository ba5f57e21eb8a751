import pytest

from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory, text


@pytest.fixture
def pages(guidance_index):
    document = GuidanceDocumentPageFactory(parent=guidance_index, title="Dobbeltdiagnose")
    GuidanceSectionPageFactory(
        parent=document, title="Tovholderen", body=[text("<p>Koordinerende indsatsplan</p>")]
    )
    GuidanceSectionPageFactory(parent=document, title="Hemmelig kladde", live=False)


def test_search_finds_published_pages(client, pages):
    html = client.get("/soeg/", {"q": "tovholderen"}).content.decode()
    assert "Tovholderen" in html


def test_search_never_shows_unpublished_pages(client, pages):
    assert "Hemmelig kladde" not in client.get("/soeg/", {"q": "kladde"}).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        "\x00\x07abc",
        '"unbalanced',
        "misbrug*",
        "a NEAR b",
        "-",
        "a:b",
        "'; DROP TABLE wagtailcore_page; --",
        "{{ 7*7 }}{% debug %}",
        "🙂‮",
        "OR OR AND",
    ],
)
def test_bad_input_gives_a_normal_page(client, pages, query):
    response = client.get("/soeg/", {"q": query, "side": "ikke-et-tal"})
    assert response.status_code == 200
    assert "{{ 7*7 }}" not in response.content.decode() or "49" not in response.content.decode()


def test_overlong_query_is_cut_with_a_message(client, pages):
    html = client.get("/soeg/", {"q": "tovholderen " * 100}).content.decode()
    assert "forkortet" in html
