"""Broken URLs get a Danish 404; a server error gets a Danish 500 page."""

import pytest
from django.template.loader import render_to_string
from django.test import Client

from home.models import HomePage


def test_unknown_page_gets_a_danish_404_with_a_way_on(demo_site, client):
    response = client.get("/vejledninger/findes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Siden findes ikke" in html and 'href="/soeg/"' in html


@pytest.mark.parametrize(
    "path",
    ["/%C0%AF/", "/vejledninger/../../etc/passwd", "/vejledninger/<script>/", "/" + "a/" * 300],
)
def test_odd_urls_are_404_not_500(demo_site, client, path):
    assert client.get(path).status_code == 404


def test_500_page_renders_without_a_request_context():
    html = render_to_string("500.html")
    assert '<html lang="da">' in html and "Der opstod en fejl" in html


def test_server_error_answers_with_the_500_page(demo_site, monkeypatch):
    def explode(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", explode)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Der opstod en fejl" in response.content.decode()
