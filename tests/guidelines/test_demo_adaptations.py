"""The demo's regional adaptations: what `make run` shows a reader and an editor."""

from guidelines.models import AdaptationMode, GuidanceDocumentPage, RegionalAdaptationPage


def test_demo_regions_adapt_the_generic_model_and_one_needs_review(demo_site):
    model = GuidanceDocumentPage.objects.get(slug="forloebsprogrammer", locale__language_code="da")
    assert [e.slug for e in model.edition_list] == ["1-udgave-2015", "2-udgave-2025-demo"]
    adaptations = {
        page.region.slug: page
        for page in RegionalAdaptationPage.objects.live().filter(
            document=model, locale=model.locale
        )
    }
    assert {"midtjylland", "syddanmark"} <= set(adaptations)
    assert all(page.is_demo for page in adaptations.values())

    for page in adaptations.values():
        modes = [entry.mode for entry in page.section_adaptations.all()]
        assert modes.count(AdaptationMode.SUPPLEMENTED) >= 2, page.region.slug
        assert AdaptationMode.REPLACED in modes, page.region.slug
        for entry in page.section_adaptations.filter(mode=AdaptationMode.REPLACED):
            assert entry.reason.strip()

    # Midtjylland follows the newest edition; Syddanmark the first, and sections it
    # supplements and replaces have changed since.
    assert adaptations["midtjylland"].based_on.slug == "2-udgave-2025-demo"
    assert adaptations["syddanmark"].based_on.slug == "1-udgave-2015"
    flagged = {slug for slug, page in adaptations.items() if page.review.needed}
    assert flagged == {"syddanmark"}
    assert adaptations["syddanmark"].review.sections == [
        "organisatorisk-ramme",
        "opfoelgning-og-tilpasning",
    ]


def test_demo_adaptation_pages_show_the_review_notice(demo_site, client):
    syd = client.get("/regioner/syddanmark/forloebsprogrammer/")
    midt = client.get("/regioner/midtjylland/forloebsprogrammer/")
    assert syd.status_code == midt.status_code == 200
    assert "2-udgave-2025-demo" in syd.content.decode()
    assert "sammenlign/1-udgave-2015/2-udgave-2025-demo/" in syd.content.decode()
    assert "sammenlign/" not in midt.content.decode()
