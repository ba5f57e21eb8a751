import datetime

from django.utils import timezone

from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory


def test_home_page_has_an_entry_point_for_each_user_group(demo_site, client):
    html = client.get("/").content.decode()
    for href in ('href="/vejledninger/"', 'href="/regioner/"', 'href="/casebog/"'):
        assert href in html
    assert html.index('href="/vejledninger/"') < html.index('href="/casebog/"')


def test_home_page_lists_the_latest_published_changes_newest_first(client, guidance_index, home):
    document = GuidanceDocumentPageFactory(parent=guidance_index, title="Dokumentet")
    older = GuidanceSectionPageFactory(parent=document, title="Ældre afsnit")
    newer = GuidanceSectionPageFactory(parent=document, title="Nyere afsnit")
    draft = GuidanceSectionPageFactory(parent=document, title="Kladde", live=False)
    now = timezone.now()
    for page, age in ((older, 3), (newer, 1), (document, 2), (draft, 0)):
        page.last_published_at = now - datetime.timedelta(days=age)
        page.save()

    html = client.get("/").content.decode()
    assert "Kladde" not in html
    assert html.index("Nyere afsnit") < html.index("Dokumentet") < html.index("Ældre afsnit")


def test_footer_links_standard_pages(demo_site, client):
    html = client.get("/").content.decode()
    assert 'href="/tilgaengelighedserklaering/"' in html
