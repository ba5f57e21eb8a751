def test_home_page_has_an_entry_point_for_each_user_group(demo_site, client):
    html = client.get("/").content.decode()
    for href in ('href="/vejledninger/"', 'href="/regioner/"', 'href="/casebog/"'):
        assert href in html
    assert html.index('href="/vejledninger/"') < html.index('href="/casebog/"')


def test_footer_links_standard_pages(demo_site, client):
    html = client.get("/").content.decode()
    assert 'href="/tilgaengelighedserklaering/"' in html
