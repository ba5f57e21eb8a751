from ..crawl import crawl


def test_home_page_has_an_entry_point_for_each_user_group(demo_site, client):
    html = client.get("/").content.decode()
    for href in ('href="/vejledninger/"', 'href="/regioner/"', 'href="/casebog/"'):
        assert href in html
    assert html.index('href="/vejledninger/"') < html.index('href="/casebog/"')


def test_footer_links_standard_pages(demo_site, client):
    html = client.get("/").content.decode()
    assert 'href="/tilgaengelighedserklaering/"' in html


def test_footer_links_privacy_and_accessibility_and_every_footer_link_works(demo_site, client):
    """On every page (a walk of the site in both languages), the footer links the
    accessibility statement, privacy and cookies, contact and the e-mail alerts, and
    each footer link answers."""
    checked, answers = 0, {}
    for start in ("/", "/en/"):
        for path, soup in crawl(client, [start], prefix=start, limit=80):
            checked += 1
            links = {a.get_text(strip=True): a["href"] for a in soup.select(".site-footer a")}
            expected = (
                (
                    "Accessibility statement",
                    "Privacy policy and cookies",
                    "Contact",
                    "Get e-mail alerts",
                )
                if path.startswith("/en/")
                else (
                    "Tilgængelighedserklæring",
                    "Privatlivspolitik og cookies",
                    "Kontakt",
                    "Få besked på e-mail",
                )
            )
            assert all(name in links for name in expected), (path, links)
            for href in links.values():
                if href not in answers:
                    answers[href] = client.get(href).status_code
    assert checked > 100
    assert {href: status for href, status in answers.items() if status != 200} == {}
