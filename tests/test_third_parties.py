"""Readers and editors send nothing to a third party: no page, public or admin,
loads anything from another host (Gravatar's avatars were one), and the security
policy names no other host (issue 18; README, "Privacy")."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from .crawl import crawl

# Attributes through which a browser fetches something by itself.
FETCHED = {
    "img": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def foreign(url):
    host = urlsplit(url.strip().split(" ")[0]).netloc
    return bool(host) and host not in ("testserver", "localhost")


def third_party_references(soup):
    found = []
    for tag, attributes in FETCHED.items():
        for element in soup.find_all(tag):
            found += [element[a] for a in attributes if element.get(a) and foreign(element[a])]
    for link in soup.find_all("link", href=True):
        if set(link.get("rel", [])) - {"alternate", "canonical"} and foreign(link["href"]):
            found.append(link["href"])
    for element in soup.find_all(style=True):
        found += [url for url in CSS_URL.findall(element["style"]) if foreign(url)]
    for style in soup.find_all("style"):
        found += [url for url in CSS_URL.findall(style.get_text()) if foreign(url)]
    return found


def test_no_public_page_loads_anything_from_another_host(demo_site, client):
    pages, offending = 0, {}
    for path, soup in crawl(client, ["/", "/soeg/?q=misbrug"], limit=250):
        pages += 1
        if references := third_party_references(soup):
            offending[path] = references
    assert pages > 100
    assert not offending


@pytest.fixture
def editor(django_user_model):
    client = Client()
    user = django_user_model.objects.create_superuser("redaktoer", "redaktoer@example.org", "x")
    client.force_login(user)
    return client


def test_no_admin_page_loads_anything_from_another_host(demo_site, editor):
    """The admin's screens an editor sees every day, avatars included."""
    page = Page.objects.filter(depth__gt=3, live=True).order_by("pk").first()
    paths = [
        "/admin/",
        f"/admin/pages/{page.get_parent().pk}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/history/",
        "/admin/users/",
        "/admin/account/",
        "/admin/reports/site-history/",
        "/admin/images/",
        "/admin/documents/",
    ]
    offending = {}
    for path in paths:
        response = editor.get(path)
        assert response.status_code == 200, path
        if references := third_party_references(BeautifulSoup(response.content, "html.parser")):
            offending[path] = references
    assert not offending


def test_the_security_policy_names_no_other_host(demo_site, client):
    policy = client.get("/")["Content-Security-Policy"]
    sources = {word for part in policy.split(";") for word in part.split()[1:]}
    assert sources <= {"'self'", "'none'", "data:"}, sources
