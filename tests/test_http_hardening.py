"""What every response says about itself, and the methods the site refuses.

OPTIONS answers 405 and TRACE 501 on every URL (core/middleware.py), while GET,
HEAD and the forms' POST work as before; every response carries a
Permissions-Policy that refuses the browser features no page uses.
"""

import pytest
from django.test import Client

from guidelines.region_cookie import COOKIE

PUBLIC = ["/", "/en/", "/regioner/", "/regioner/midtjylland/", "/soeg/?q=misbrug", "/sitemap.xml"]
REFUSED_FEATURES = [
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "interest-cohort",
    "browsing-topics",
]


@pytest.fixture
def site(regions):
    return regions


def policy(response):
    """The Permissions-Policy header as {feature: allow-list}."""
    header = response.headers.get("Permissions-Policy", "")
    return dict(item.strip().split("=", 1) for item in header.split(",") if item.strip())


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_answer_get_and_head(site, client, path):
    assert client.get(path).status_code == 200
    head = client.head(path)
    assert head.status_code == 200 and head.content == b""


@pytest.mark.parametrize("path", PUBLIC + ["/findes-ikke/", "/admin/login/"])
def test_options_is_refused_with_the_methods_allowed(site, client, path):
    response = client.options(path)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, POST"
    assert response.content == b""


@pytest.mark.parametrize("path", PUBLIC + ["/findes-ikke/", "/admin/login/"])
def test_trace_is_not_implemented(site, client, path):
    response = client.generic("TRACE", path, HTTP_X_SECRET="echo me")
    assert response.status_code == 501
    assert b"echo me" not in response.content


def test_the_region_form_posts_without_a_csrf_cookie(site):
    client = Client(enforce_csrf_checks=True)
    form = client.get("/regioner/vaelg/")
    assert not form.cookies
    response = client.post(
        "/regioner/vaelg/", {"region": "midtjylland", "next": "/"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302 and response.cookies[COOKIE].value == "midtjylland"


@pytest.mark.parametrize("path", ["/", "/soeg/?q=misbrug", "/findes-ikke/", "/admin/login/"])
def test_every_response_refuses_unused_browser_features(site, client, path):
    features = policy(client.get(path))
    for feature in REFUSED_FEATURES:
        assert features.get(feature) == "()", (path, feature)
    # What the site does use stays allowed: "Kopiér link" writes to the clipboard.
    assert "clipboard-write" not in features and "fullscreen" not in features


def test_refusals_carry_the_security_headers_too(site, client):
    response = client.options("/")
    assert policy(response)["camera"] == "()"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
